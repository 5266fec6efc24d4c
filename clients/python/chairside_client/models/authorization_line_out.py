from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AuthorizationLineOut")


@_attrs_define
class AuthorizationLineOut:
    """
    Attributes:
        approved_units (int | None):
        hcpcs (str):
        remaining_units (int | None):
        requested_units (int | None):
        used_units (int):
    """

    approved_units: int | None
    hcpcs: str
    remaining_units: int | None
    requested_units: int | None
    used_units: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approved_units: int | None
        approved_units = self.approved_units

        hcpcs = self.hcpcs

        remaining_units: int | None
        remaining_units = self.remaining_units

        requested_units: int | None
        requested_units = self.requested_units

        used_units = self.used_units

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approved_units": approved_units,
                "hcpcs": hcpcs,
                "remaining_units": remaining_units,
                "requested_units": requested_units,
                "used_units": used_units,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_approved_units(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        approved_units = _parse_approved_units(d.pop("approved_units"))

        hcpcs = d.pop("hcpcs")

        def _parse_remaining_units(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        remaining_units = _parse_remaining_units(d.pop("remaining_units"))

        def _parse_requested_units(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        requested_units = _parse_requested_units(d.pop("requested_units"))

        used_units = d.pop("used_units")

        authorization_line_out = cls(
            approved_units=approved_units,
            hcpcs=hcpcs,
            remaining_units=remaining_units,
            requested_units=requested_units,
            used_units=used_units,
        )

        authorization_line_out.additional_properties = d
        return authorization_line_out

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
