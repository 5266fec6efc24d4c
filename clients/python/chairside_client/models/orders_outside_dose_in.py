from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="OrdersOutsideDoseIn")


@_attrs_define
class OrdersOutsideDoseIn:
    """
    Attributes:
        dose (float | str):
        dose_unit (str):
        drug_code (str):
        given_at (datetime.datetime): RFC 3339 time with offset, between 1900-01-01 and 2199-12-31 (UTC)
        source (str):
    """

    dose: float | str
    dose_unit: str
    drug_code: str
    given_at: datetime.datetime
    source: str

    def to_dict(self) -> dict[str, Any]:
        dose: float | str
        dose = self.dose

        dose_unit = self.dose_unit

        drug_code = self.drug_code

        given_at = self.given_at.isoformat()

        source = self.source

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "dose": dose,
                "dose_unit": dose_unit,
                "drug_code": drug_code,
                "given_at": given_at,
                "source": source,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_dose(data: object) -> float | str:
            return cast(float | str, data)

        dose = _parse_dose(d.pop("dose"))

        dose_unit = d.pop("dose_unit")

        drug_code = d.pop("drug_code")

        given_at = datetime.datetime.fromisoformat(d.pop("given_at"))

        source = d.pop("source")

        orders_outside_dose_in = cls(
            dose=dose,
            dose_unit=dose_unit,
            drug_code=drug_code,
            given_at=given_at,
            source=source,
        )

        return orders_outside_dose_in
