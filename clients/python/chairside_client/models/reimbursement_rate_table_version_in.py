from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reimbursement_rate_table_version_in_rates import (
        ReimbursementRateTableVersionInRates,
    )


T = TypeVar("T", bound="ReimbursementRateTableVersionIn")


@_attrs_define
class ReimbursementRateTableVersionIn:
    """
    Attributes:
        effective_from (datetime.date): first day the version prices (date of service)
        name (str):
        rates (ReimbursementRateTableVersionInRates): HCPCS/CPT -> amount per unit
        source (str): where the terms come from (contract, amendment, file)
        effective_to (datetime.date | None | Unset): last day; null: until a later version
    """

    effective_from: datetime.date
    name: str
    rates: ReimbursementRateTableVersionInRates
    source: str
    effective_to: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        effective_from = self.effective_from.isoformat()

        name = self.name

        rates = self.rates.to_dict()

        source = self.source

        effective_to: None | str | Unset
        if isinstance(self.effective_to, Unset):
            effective_to = UNSET
        elif isinstance(self.effective_to, datetime.date):
            effective_to = self.effective_to.isoformat()
        else:
            effective_to = self.effective_to

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "effective_from": effective_from,
                "name": name,
                "rates": rates,
                "source": source,
            }
        )
        if effective_to is not UNSET:
            field_dict["effective_to"] = effective_to

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reimbursement_rate_table_version_in_rates import (
            ReimbursementRateTableVersionInRates,  # noqa: PLC0415
        )

        d = dict(src_dict)
        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))

        name = d.pop("name")

        rates = ReimbursementRateTableVersionInRates.from_dict(d.pop("rates"))

        source = d.pop("source")

        def _parse_effective_to(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_to_type_0 = datetime.date.fromisoformat(data)

                return effective_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        effective_to = _parse_effective_to(d.pop("effective_to", UNSET))

        reimbursement_rate_table_version_in = cls(
            effective_from=effective_from,
            name=name,
            rates=rates,
            source=source,
            effective_to=effective_to,
        )

        return reimbursement_rate_table_version_in
