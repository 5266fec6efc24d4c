from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.authorization_payer import AuthorizationPayer


T = TypeVar("T", bound="AuthorizationPayerOut")


@_attrs_define
class AuthorizationPayerOut:
    """
    Attributes:
        payer (AuthorizationPayer):
        policy_version (int):
    """

    payer: AuthorizationPayer
    policy_version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        payer = self.payer.to_dict()

        policy_version = self.policy_version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "payer": payer,
                "policy_version": policy_version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.authorization_payer import AuthorizationPayer  # noqa: PLC0415

        d = dict(src_dict)
        payer = AuthorizationPayer.from_dict(d.pop("payer"))

        policy_version = d.pop("policy_version")

        authorization_payer_out = cls(
            payer=payer,
            policy_version=policy_version,
        )

        authorization_payer_out.additional_properties = d
        return authorization_payer_out

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
