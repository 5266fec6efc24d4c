from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReimbursementWacOut")


@_attrs_define
class ReimbursementWacOut:
    """
    Attributes:
        code (str):
        effective_from (datetime.date):
        package_price (str):
        source (str):
    """

    code: str
    effective_from: datetime.date
    package_price: str
    source: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        effective_from = self.effective_from.isoformat()

        package_price = self.package_price

        source = self.source

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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

        package_price = d.pop("package_price")

        source = d.pop("source")

        reimbursement_wac_out = cls(
            code=code,
            effective_from=effective_from,
            package_price=package_price,
            source=source,
        )

        reimbursement_wac_out.additional_properties = d
        return reimbursement_wac_out

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
