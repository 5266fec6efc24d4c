from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="AuthorizationResolveRequest")


@_attrs_define
class AuthorizationResolveRequest:
    """
    Attributes:
        reason (str): why the order may proceed (e.g. coverage confirmed by phone, self-pay agreed)
    """

    reason: str

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        authorization_resolve_request = cls(
            reason=reason,
        )

        return authorization_resolve_request
