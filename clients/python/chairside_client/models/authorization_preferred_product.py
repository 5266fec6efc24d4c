from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="AuthorizationPreferredProduct")


@_attrs_define
class AuthorizationPreferredProduct:
    """
    Attributes:
        hcpcs (str):
        name (str):
    """

    hcpcs: str
    name: str

    def to_dict(self) -> dict[str, Any]:
        hcpcs = self.hcpcs

        name = self.name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "hcpcs": hcpcs,
                "name": name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        hcpcs = d.pop("hcpcs")

        name = d.pop("name")

        authorization_preferred_product = cls(
            hcpcs=hcpcs,
            name=name,
        )

        return authorization_preferred_product
