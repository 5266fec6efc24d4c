from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reimbursement_rate_table_version_out_kind import (
    ReimbursementRateTableVersionOutKind,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reimbursement_closed_version import ReimbursementClosedVersion
    from ..models.reimbursement_rate_table_version_out_rates import (
        ReimbursementRateTableVersionOutRates,
    )


T = TypeVar("T", bound="ReimbursementRateTableVersionOut")


@_attrs_define
class ReimbursementRateTableVersionOut:
    """
    Attributes:
        created_at (datetime.datetime):
        created_by (str):
        effective_from (datetime.date):
        effective_to (datetime.date | None):
        kind (ReimbursementRateTableVersionOutKind):
        name (str):
        owner (str):
        plan (str):
        rates (ReimbursementRateTableVersionOutRates):
        source (str):
        version (int):
        closed (None | ReimbursementClosedVersion | Unset): on create: the open-ended version this one ended
    """

    created_at: datetime.datetime
    created_by: str
    effective_from: datetime.date
    effective_to: datetime.date | None
    kind: ReimbursementRateTableVersionOutKind
    name: str
    owner: str
    plan: str
    rates: ReimbursementRateTableVersionOutRates
    source: str
    version: int
    closed: None | ReimbursementClosedVersion | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.reimbursement_closed_version import ReimbursementClosedVersion  # noqa: PLC0415

        created_at = self.created_at.isoformat()

        created_by = self.created_by

        effective_from = self.effective_from.isoformat()

        effective_to: None | str
        if isinstance(self.effective_to, datetime.date):
            effective_to = self.effective_to.isoformat()
        else:
            effective_to = self.effective_to

        kind = self.kind.value

        name = self.name

        owner = self.owner

        plan = self.plan

        rates = self.rates.to_dict()

        source = self.source

        version = self.version

        closed: dict[str, Any] | None | Unset
        if isinstance(self.closed, Unset):
            closed = UNSET
        elif isinstance(self.closed, ReimbursementClosedVersion):
            closed = self.closed.to_dict()
        else:
            closed = self.closed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "created_by": created_by,
                "effective_from": effective_from,
                "effective_to": effective_to,
                "kind": kind,
                "name": name,
                "owner": owner,
                "plan": plan,
                "rates": rates,
                "source": source,
                "version": version,
            }
        )
        if closed is not UNSET:
            field_dict["closed"] = closed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reimbursement_closed_version import ReimbursementClosedVersion  # noqa: PLC0415
        from ..models.reimbursement_rate_table_version_out_rates import (
            ReimbursementRateTableVersionOutRates,  # noqa: PLC0415
        )

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = d.pop("created_by")

        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))

        def _parse_effective_to(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_to_type_0 = datetime.date.fromisoformat(data)

                return effective_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        effective_to = _parse_effective_to(d.pop("effective_to"))

        kind = ReimbursementRateTableVersionOutKind(d.pop("kind"))

        name = d.pop("name")

        owner = d.pop("owner")

        plan = d.pop("plan")

        rates = ReimbursementRateTableVersionOutRates.from_dict(d.pop("rates"))

        source = d.pop("source")

        version = d.pop("version")

        def _parse_closed(data: object) -> None | ReimbursementClosedVersion | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                closed_type_0 = ReimbursementClosedVersion.from_dict(data)

                return closed_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReimbursementClosedVersion | Unset, data)

        closed = _parse_closed(d.pop("closed", UNSET))

        reimbursement_rate_table_version_out = cls(
            created_at=created_at,
            created_by=created_by,
            effective_from=effective_from,
            effective_to=effective_to,
            kind=kind,
            name=name,
            owner=owner,
            plan=plan,
            rates=rates,
            source=source,
            version=version,
            closed=closed,
        )

        reimbursement_rate_table_version_out.additional_properties = d
        return reimbursement_rate_table_version_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
