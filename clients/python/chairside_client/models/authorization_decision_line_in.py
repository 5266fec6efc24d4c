from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="AuthorizationDecisionLineIn")


@_attrs_define
class AuthorizationDecisionLineIn:
    """
    Attributes:
        approved_units (int):
        hcpcs (str):
    """

    approved_units: int
    hcpcs: str

    def to_dict(self) -> dict[str, Any]:
        approved_units = self.approved_units

        hcpcs = self.hcpcs

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "approved_units": approved_units,
                "hcpcs": hcpcs,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        approved_units = d.pop("approved_units")

        hcpcs = d.pop("hcpcs")

        authorization_decision_line_in = cls(
            approved_units=approved_units,
            hcpcs=hcpcs,
        )

        return authorization_decision_line_in
