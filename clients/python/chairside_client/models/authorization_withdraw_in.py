from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AuthorizationWithdrawIn")


@_attrs_define
class AuthorizationWithdrawIn:
    """
    Attributes:
        reason (str | Unset):  Default: 'withdrawn by the practice'.
    """

    reason: str | Unset = "withdrawn by the practice"

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason", UNSET)

        authorization_withdraw_in = cls(
            reason=reason,
        )

        return authorization_withdraw_in
