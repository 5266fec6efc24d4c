from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="ReimbursementWacIn")


@_attrs_define
class ReimbursementWacIn:
    """
    Attributes:
        code (str): 11-digit NDC (or a label form) or HCPCS code
        effective_from (datetime.date): calendar date, between 1900-01-01 and 2199-12-31
        package_price (float | str):
        source (str):
    """

    code: str
    effective_from: datetime.date
    package_price: float | str
    source: str

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        effective_from = self.effective_from.isoformat()

        package_price: float | str
        package_price = self.package_price

        source = self.source

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "effective_from": effective_from,
                "package_price": package_price,
                "source": source,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))

        def _parse_package_price(data: object) -> float | str:
            return cast(float | str, data)

        package_price = _parse_package_price(d.pop("package_price"))

        source = d.pop("source")

        reimbursement_wac_in = cls(
            code=code,
            effective_from=effective_from,
            package_price=package_price,
            source=source,
        )

        return reimbursement_wac_in
