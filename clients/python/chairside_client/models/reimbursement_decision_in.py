from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.reimbursement_decision_in_outcome import ReimbursementDecisionInOutcome
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReimbursementDecisionIn")


@_attrs_define
class ReimbursementDecisionIn:
    """
    Attributes:
        decided_on (datetime.date): When the decision was received: the next level's clock starts here
        outcome (ReimbursementDecisionInOutcome):
        amount_awarded (float | None | str | Unset):
        note (None | str | Unset):
    """

    decided_on: datetime.date
    outcome: ReimbursementDecisionInOutcome
    amount_awarded: float | None | str | Unset = UNSET
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        decided_on = self.decided_on.isoformat()

        outcome = self.outcome.value

        amount_awarded: float | None | str | Unset
        if isinstance(self.amount_awarded, Unset):
            amount_awarded = UNSET
        else:
            amount_awarded = self.amount_awarded

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "decided_on": decided_on,
                "outcome": outcome,
            }
        )
        if amount_awarded is not UNSET:
            field_dict["amount_awarded"] = amount_awarded
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        decided_on = datetime.date.fromisoformat(d.pop("decided_on"))

        outcome = ReimbursementDecisionInOutcome(d.pop("outcome"))

        def _parse_amount_awarded(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        amount_awarded = _parse_amount_awarded(d.pop("amount_awarded", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        reimbursement_decision_in = cls(
            decided_on=decided_on,
            outcome=outcome,
            amount_awarded=amount_awarded,
            note=note,
        )

        return reimbursement_decision_in
