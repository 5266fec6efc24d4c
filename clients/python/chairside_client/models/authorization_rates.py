from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AuthorizationRates")


@_attrs_define
class AuthorizationRates:
    """
    Attributes:
        approval_rate (None | str):
        approved (int):
        decided (int):
        denial_rate (None | str):
        denied (int):
        key (str):
        submitted (int):
    """

    approval_rate: None | str
    approved: int
    decided: int
    denial_rate: None | str
    denied: int
    key: str
    submitted: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approval_rate: None | str
        approval_rate = self.approval_rate

        approved = self.approved

        decided = self.decided

        denial_rate: None | str
        denial_rate = self.denial_rate

        denied = self.denied

        key = self.key

        submitted = self.submitted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approval_rate": approval_rate,
                "approved": approved,
                "decided": decided,
                "denial_rate": denial_rate,
                "denied": denied,
                "key": key,
                "submitted": submitted,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_approval_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        approval_rate = _parse_approval_rate(d.pop("approval_rate"))

        approved = d.pop("approved")

        decided = d.pop("decided")

        def _parse_denial_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        denial_rate = _parse_denial_rate(d.pop("denial_rate"))

        denied = d.pop("denied")

        key = d.pop("key")

        submitted = d.pop("submitted")

        authorization_rates = cls(
            approval_rate=approval_rate,
            approved=approved,
            decided=decided,
            denial_rate=denial_rate,
            denied=denied,
            key=key,
            submitted=submitted,
        )

        authorization_rates.additional_properties = d
        return authorization_rates

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
