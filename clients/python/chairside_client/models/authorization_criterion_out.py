from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.authorization_criterion_out_status import AuthorizationCriterionOutStatus

T = TypeVar("T", bound="AuthorizationCriterionOut")


@_attrs_define
class AuthorizationCriterionOut:
    """
    Attributes:
        detail (str):
        hcpcs (str):
        key (str):
        status (AuthorizationCriterionOutStatus):
    """

    detail: str
    hcpcs: str
    key: str
    status: AuthorizationCriterionOutStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        detail = self.detail

        hcpcs = self.hcpcs

        key = self.key

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "detail": detail,
                "hcpcs": hcpcs,
                "key": key,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        detail = d.pop("detail")

        hcpcs = d.pop("hcpcs")

        key = d.pop("key")

        status = AuthorizationCriterionOutStatus(d.pop("status"))

        authorization_criterion_out = cls(
            detail=detail,
            hcpcs=hcpcs,
            key=key,
            status=status,
        )

        authorization_criterion_out.additional_properties = d
        return authorization_criterion_out

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
