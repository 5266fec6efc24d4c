from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AuthorizationReauthRule")


@_attrs_define
class AuthorizationReauthRule:
    """Renewal: a proven response keeps the drug approved (domain doc A4: >=50% fewer days).
    ``migraine_response`` False: the response is not counted in migraine days (an MS or
    anti-amyloid renewal asks its own ``applies: renewal`` requirements instead).

        Attributes:
            approval_months (int):
            migraine_response (bool | Unset):  Default: True.
            min_reduction_pct (int | Unset):  Default: 50.
            requires_reduced_acute_use (bool | Unset):  Default: True.
    """

    approval_months: int
    migraine_response: bool | Unset = True
    min_reduction_pct: int | Unset = 50
    requires_reduced_acute_use: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        approval_months = self.approval_months

        migraine_response = self.migraine_response

        min_reduction_pct = self.min_reduction_pct

        requires_reduced_acute_use = self.requires_reduced_acute_use

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "approval_months": approval_months,
            }
        )
        if migraine_response is not UNSET:
            field_dict["migraine_response"] = migraine_response
        if min_reduction_pct is not UNSET:
            field_dict["min_reduction_pct"] = min_reduction_pct
        if requires_reduced_acute_use is not UNSET:
            field_dict["requires_reduced_acute_use"] = requires_reduced_acute_use

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        approval_months = d.pop("approval_months")

        migraine_response = d.pop("migraine_response", UNSET)

        min_reduction_pct = d.pop("min_reduction_pct", UNSET)

        requires_reduced_acute_use = d.pop("requires_reduced_acute_use", UNSET)

        authorization_reauth_rule = cls(
            approval_months=approval_months,
            migraine_response=migraine_response,
            min_reduction_pct=min_reduction_pct,
            requires_reduced_acute_use=requires_reduced_acute_use,
        )

        return authorization_reauth_rule
