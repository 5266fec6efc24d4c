from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.reimbursement_claim_status_in_action import (
    ReimbursementClaimStatusInAction,
)

T = TypeVar("T", bound="ReimbursementClaimStatusIn")


@_attrs_define
class ReimbursementClaimStatusIn:
    """
    Attributes:
        action (ReimbursementClaimStatusInAction):
        reason (str): why (kept in the claim's history)
    """

    action: ReimbursementClaimStatusInAction
    reason: str

    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "action": action,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = ReimbursementClaimStatusInAction(d.pop("action"))

        reason = d.pop("reason")

        reimbursement_claim_status_in = cls(
            action=action,
            reason=reason,
        )

        return reimbursement_claim_status_in
