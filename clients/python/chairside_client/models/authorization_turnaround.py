from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AuthorizationTurnaround")


@_attrs_define
class AuthorizationTurnaround:
    """
    Attributes:
        count (int):
        median_hours (None | str):
        p90_hours (None | str):
    """

    count: int
    median_hours: None | str
    p90_hours: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        median_hours: None | str
        median_hours = self.median_hours

        p90_hours: None | str
        p90_hours = self.p90_hours

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "count": count,
                "median_hours": median_hours,
                "p90_hours": p90_hours,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        count = d.pop("count")

        def _parse_median_hours(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        median_hours = _parse_median_hours(d.pop("median_hours"))

        def _parse_p90_hours(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        p90_hours = _parse_p90_hours(d.pop("p90_hours"))

        authorization_turnaround = cls(
            count=count,
            median_hours=median_hours,
            p90_hours=p90_hours,
        )

        authorization_turnaround.additional_properties = d
        return authorization_turnaround

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
