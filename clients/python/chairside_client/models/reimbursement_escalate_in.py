from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReimbursementEscalateIn")


@_attrs_define
class ReimbursementEscalateIn:
    """
    Attributes:
        reason (str):
        amount_in_controversy (float | None | str | Unset):
    """

    reason: str
    amount_in_controversy: float | None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        amount_in_controversy: float | None | str | Unset
        if isinstance(self.amount_in_controversy, Unset):
            amount_in_controversy = UNSET
        else:
            amount_in_controversy = self.amount_in_controversy

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )
        if amount_in_controversy is not UNSET:
            field_dict["amount_in_controversy"] = amount_in_controversy

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        def _parse_amount_in_controversy(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        amount_in_controversy = _parse_amount_in_controversy(d.pop("amount_in_controversy", UNSET))

        reimbursement_escalate_in = cls(
            reason=reason,
            amount_in_controversy=amount_in_controversy,
        )

        return reimbursement_escalate_in
