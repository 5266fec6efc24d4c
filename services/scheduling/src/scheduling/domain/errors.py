"""Domain errors. The API maps each family to one HTTP status; messages carry ids, never PHI."""

from __future__ import annotations

from dataclasses import dataclass, field


class DomainError(Exception):
    """Base of every rule violation raised by the domain."""

    status = 400
    code = "domain_error"

    def __init__(self, detail: str, *, field: str | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.field = field


class InvalidInput(DomainError):
    """Bad input that can never succeed as sent (mapped to 422, nothing stored)."""

    status = 422
    code = "invalid_input"


class NotFound(DomainError):
    status = 404
    code = "not_found"


class Conflict(DomainError):
    """The request is valid but clashes with the current state (mapped to 409)."""

    status = 409
    code = "conflict"


# The 409 for a second appointment of one order, from the handler's check or the database's.
ALREADY_BOOKED = "already has an appointment; move it instead"


class IllegalTransition(Conflict):
    code = "illegal_transition"

    def __init__(self, appointment_id: object, current: str, action: str) -> None:
        super().__init__(f"appointment {appointment_id} is {current}; cannot {action}")
        self.current = current
        self.action = action


class Busy(Conflict):
    """A lock a request needed stayed taken longer than the request may wait (mapped to 409):
    other requests for the same clinic day or order are in progress; trying again will do."""

    code = "busy"


@dataclass(frozen=True)
class Reason:
    code: str  # e.g. chair_busy, nurse_capacity, outside_hours
    detail: str


class SlotUnavailable(Conflict):
    """The requested chair/start cannot be used; carries why and the next feasible options."""

    code = "slot_unavailable"

    def __init__(self, reasons: list[Reason], next_options: list | None = None) -> None:
        super().__init__("; ".join(r.detail for r in reasons) or "slot unavailable")
        self.reasons = reasons
        self.next_options = list(next_options or [])


@dataclass
class Violation:
    """One broken hard rule found by the verifier (used by tests, bench and the optimizer)."""

    kind: str
    minute: int | None = None
    detail: str = ""
    ids: tuple[str, ...] = field(default_factory=tuple)
