from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OrdersAhsOut")


@_attrs_define
class OrdersAhsOut:
    """
    Attributes:
        effective (bool | None):
        judgeable (bool):
        reasons (list[str]):
    """

    effective: bool | None
    judgeable: bool
    reasons: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        effective: bool | None
        effective = self.effective

        judgeable = self.judgeable

        reasons = self.reasons

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "effective": effective,
                "judgeable": judgeable,
                "reasons": reasons,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_effective(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        effective = _parse_effective(d.pop("effective"))

        judgeable = d.pop("judgeable")

        reasons = cast(list[str], d.pop("reasons"))

        orders_ahs_out = cls(
            effective=effective,
            judgeable=judgeable,
            reasons=reasons,
        )

        orders_ahs_out.additional_properties = d
        return orders_ahs_out

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
