from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.authorization_rates import AuthorizationRates
    from ..models.authorization_turnaround import AuthorizationTurnaround


T = TypeVar("T", bound="AuthorizationMetricsOut")


@_attrs_define
class AuthorizationMetricsOut:
    """
    Attributes:
        by_drug (list[AuthorizationRates]):
        by_payer (list[AuthorizationRates]):
        open_ (int):
        overdue (int):
        turnaround (AuthorizationTurnaround):
        turnaround_expedited (AuthorizationTurnaround):
        turnaround_standard (AuthorizationTurnaround):
        since (datetime.datetime | None | Unset):
        until (datetime.datetime | None | Unset):
    """

    by_drug: list[AuthorizationRates]
    by_payer: list[AuthorizationRates]
    open_: int
    overdue: int
    turnaround: AuthorizationTurnaround
    turnaround_expedited: AuthorizationTurnaround
    turnaround_standard: AuthorizationTurnaround
    since: datetime.datetime | None | Unset = UNSET
    until: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        by_drug = []
        for by_drug_item_data in self.by_drug:
            by_drug_item = by_drug_item_data.to_dict()
            by_drug.append(by_drug_item)

        by_payer = []
        for by_payer_item_data in self.by_payer:
            by_payer_item = by_payer_item_data.to_dict()
            by_payer.append(by_payer_item)

        open_ = self.open_

        overdue = self.overdue

        turnaround = self.turnaround.to_dict()

        turnaround_expedited = self.turnaround_expedited.to_dict()

        turnaround_standard = self.turnaround_standard.to_dict()

        since: None | str | Unset
        if isinstance(self.since, Unset):
            since = UNSET
        elif isinstance(self.since, datetime.datetime):
            since = self.since.isoformat()
        else:
            since = self.since

        until: None | str | Unset
        if isinstance(self.until, Unset):
            until = UNSET
        elif isinstance(self.until, datetime.datetime):
            until = self.until.isoformat()
        else:
            until = self.until

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "by_drug": by_drug,
                "by_payer": by_payer,
                "open": open_,
                "overdue": overdue,
                "turnaround": turnaround,
                "turnaround_expedited": turnaround_expedited,
                "turnaround_standard": turnaround_standard,
            }
        )
        if since is not UNSET:
            field_dict["since"] = since
        if until is not UNSET:
            field_dict["until"] = until

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.authorization_rates import AuthorizationRates  # noqa: PLC0415
        from ..models.authorization_turnaround import AuthorizationTurnaround  # noqa: PLC0415

        d = dict(src_dict)
        by_drug = []
        _by_drug = d.pop("by_drug")
        for by_drug_item_data in _by_drug:
            by_drug_item = AuthorizationRates.from_dict(by_drug_item_data)

            by_drug.append(by_drug_item)

        by_payer = []
        _by_payer = d.pop("by_payer")
        for by_payer_item_data in _by_payer:
            by_payer_item = AuthorizationRates.from_dict(by_payer_item_data)

            by_payer.append(by_payer_item)

        open_ = d.pop("open")

        overdue = d.pop("overdue")

        turnaround = AuthorizationTurnaround.from_dict(d.pop("turnaround"))

        turnaround_expedited = AuthorizationTurnaround.from_dict(d.pop("turnaround_expedited"))

        turnaround_standard = AuthorizationTurnaround.from_dict(d.pop("turnaround_standard"))

        def _parse_since(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                since_type_0 = datetime.datetime.fromisoformat(data)

                return since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        since = _parse_since(d.pop("since", UNSET))

        def _parse_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                until_type_0 = datetime.datetime.fromisoformat(data)

                return until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        until = _parse_until(d.pop("until", UNSET))

        authorization_metrics_out = cls(
            by_drug=by_drug,
            by_payer=by_payer,
            open_=open_,
            overdue=overdue,
            turnaround=turnaround,
            turnaround_expedited=turnaround_expedited,
            turnaround_standard=turnaround_standard,
            since=since,
            until=until,
        )

        authorization_metrics_out.additional_properties = d
        return authorization_metrics_out

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
