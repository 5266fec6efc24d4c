"""Scheduling's refusals: ``chairside_shared.errors.DomainError`` subclasses, each with the status,
title and problem type (``code``) the API answers with (``chairside_shared.http_errors`` maps
them, in one place). Keyword extras land in the body. Details carry ids, never PHI."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from chairside_shared.errors import Conflict, DomainError, NotFound

if TYPE_CHECKING:
    from .slots import Slot

__all__ = ["ALREADY_BOOKED", "Busy", "ChairTaken", "Conflict", "IllegalTransition", "InvalidInput",
           "NotFound", "Reason", "SlotUnavailable", "Violation"]


class InvalidInput(DomainError):
    """Bad input that can never succeed as sent (422, nothing stored), naming its field."""

    status, title, code = 422, "Validation failed", "invalid-input"

    def __init__(self, detail: str, *, field: str | None = None) -> None:
        super().__init__(detail, field=field or "body")
        self.field = field


# The 409 for a second appointment of one order, from the handler's check or the database's.
ALREADY_BOOKED = "already has an appointment; move it instead"


class IllegalTransition(Conflict):
    code = "illegal-transition"

    def __init__(self, appointment_id: object, current: str, action: str) -> None:
        super().__init__(f"appointment {appointment_id} is {current}; cannot {action}")
        self.current = current
        self.action = action


class Busy(Conflict):
    """A lock a request needed stayed taken longer than the request may wait (409): other
    requests for the same clinic day or order are in progress; trying again will do."""

    code = "busy"


@dataclass(frozen=True)
class Reason:
    code: str  # e.g. chair_busy, nurse_capacity, outside_hours
    detail: str


PREP_REASONS = ("pharmacy_lead", "pharmacy_closed", "pharmacy_capacity")  # prep_slots.py


class SlotUnavailable(Conflict):
    """The requested chair/start cannot be used; carries why and the next feasible options."""

    code = "slot-unavailable"

    def __init__(self, reasons: Sequence[Reason], next_options: Sequence[Slot] = ()) -> None:
        # the pharmacy cannot prepare the drugs in time: the start itself is what to change
        prep = next((r for r in reasons if r.code in PREP_REASONS), None)
        super().__init__(
            "; ".join(r.detail for r in reasons) or "slot unavailable",
            errors=[{"field": "start", "message": prep.detail}] if prep else None,
            reasons=[{"code": r.code, "detail": r.detail} for r in reasons],
            next_options=[{"chair_id": s.chair_id, "start": s.start.isoformat(),
                           "end": s.end.isoformat()} for s in next_options])
        self.reasons = list(reasons)
        self.next_options = list(next_options)


class ChairTaken(Conflict):
    """The database's own guard (no two live appointments overlap on one chair) refused a write
    the code let through: no reasons to give, and no options searched."""

    code = "slot-unavailable"

    def __init__(self) -> None:
        super().__init__("the chair is taken at that time", next_options=[])


@dataclass
class Violation:
    """One broken hard rule found by the verifier (used by tests, bench and the optimizer)."""

    kind: str
    minute: int | None = None
    detail: str = ""
    ids: tuple[str, ...] = field(default_factory=tuple)
