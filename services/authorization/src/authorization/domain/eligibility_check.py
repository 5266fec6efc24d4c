"""An eligibility check (one 270/271 exchange, retried when the payer asks to) and the hold it
puts on an order's booking decisions.

Rules:
- A check is ``pending`` until an answer it can keep: ``active``, ``inactive``, ``rejected``
  (an AAA) or ``error`` (nothing usable: identity missing, clearinghouse down after every
  attempt, an invalid 271). AAA 42 "unable to respond now" is not an answer: the check is sent
  again after a backoff, a bounded number of times, and only then becomes an ``error``.
- An order with a payer is held from signing until its check comes back active: the decisions
  that let scheduling book (authorization.not_required, authorization.approved) are withheld
  meanwhile and released, unchanged, when the hold clears. Anything but active flags the order
  (authorization.eligibility_flagged) and the hold stays until a recheck comes back active or
  staff resolve the check with a reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Literal
from uuid import UUID, uuid4

from .eligibility import Answer, BenefitFigures, Estimate, Rejection, estimate
from .errors import AuthorizationError
from .events import AuthorizationNotRequired, CaseApproved

CheckStatus = Literal["pending", "active", "inactive", "rejected", "error", "cancelled"]
CHECK_STATUSES: tuple[str, ...] = ("pending", "active", "inactive", "rejected", "error",
                                   "cancelled")
NEEDS_STAFF: tuple[str, ...] = ("inactive", "rejected", "error")
Trigger = Literal["order_signed", "on_demand"]
HoldState = Literal["awaiting", "flagged", "cleared", "cancelled"]
HOLD_STATES: tuple[str, ...] = ("awaiting", "flagged", "cleared", "cancelled")


class EligibilityConflict(AuthorizationError):
    """The check's state does not allow the action (resolve an active check...)."""

    status, title, code = 409, "Conflict", "eligibility-conflict"


# --------------------------------------------------------------------------- events
@dataclass(frozen=True)
class EligibilityFlagged:
    check_id: UUID
    order_id: UUID
    patient_id: UUID
    payer_id: str
    reason_code: str
    reason: str
    flagged_at: datetime


@dataclass(frozen=True)
class HeldDecision:
    """A booking decision withheld while the order was held: its public event, as staged."""

    event_type: str
    payload_json: str
    subject: str | None


@dataclass(frozen=True)
class EligibilityCleared:
    check_id: UUID
    order_id: UUID
    how: Literal["active", "resolved"]
    released: tuple[HeldDecision, ...]
    cleared_at: datetime


EligibilityEvent = EligibilityFlagged | EligibilityCleared


def booking_decision(event: object) -> UUID | None:
    """The order whose booking an event would allow (None for any other event)."""
    if isinstance(event, AuthorizationNotRequired | CaseApproved):
        return event.order_id
    return None


def retry_delay(attempts: int, base_s: float, max_s: float) -> timedelta:
    """Exponential backoff: base, 2 x base, 4 x base..., capped."""
    return timedelta(seconds=min(max_s, base_s * 2 ** max(0, attempts - 1)))


# --------------------------------------------------------------------------- the check
@dataclass
class EligibilityCheck:
    patient_id: UUID
    payer_id: str
    order_id: UUID | None
    trigger: Trigger
    service_date: date
    requested_at: datetime
    requested_by: str
    expected_allowed: Decimal | None = None
    id: UUID = field(default_factory=uuid4)
    status: CheckStatus = "pending"
    attempts: int = 0
    next_attempt_at: datetime | None = None
    coverage_id: UUID | None = None
    member_ref: str | None = None  # keyed fingerprint of the member id, never the id itself
    reason_code: str | None = None
    reason: str | None = None
    rejections: tuple[Rejection, ...] = ()
    figures: BenefitFigures | None = None
    estimate: Estimate | None = None
    answered_at: datetime | None = None
    resolved_at: datetime | None = None
    resolved_by: str | None = None
    resolution: str | None = None
    events: list[EligibilityEvent] = field(default_factory=list, compare=False, repr=False)

    @property
    def needs_staff(self) -> bool:
        return self.status in NEEDS_STAFF and self.resolved_at is None

    def _final(self, status: CheckStatus, code: str | None, reason: str | None,
               now: datetime) -> None:
        self.status, self.reason_code, self.reason = status, code, reason
        self.next_attempt_at = None
        self.answered_at = now

    def _again(self, code: str, reason: str, now: datetime, max_attempts: int,
               delay: timedelta) -> bool:
        """Keep the check pending for another attempt; False once attempts are spent."""
        if self.attempts >= max_attempts:
            return False
        self.reason_code, self.reason = code, reason
        self.next_attempt_at = now + delay
        return True

    def record_answer(self, answer: Answer, *, now: datetime, max_attempts: int,
                      delay: timedelta) -> None:
        outcome = answer.outcome
        self.rejections = answer.rejections
        if outcome == "retry_later":
            text = answer.rejections[0].text
            if not self._again("AAA42", text, now, max_attempts, delay):
                self._final("error", "retry_exhausted",
                            f"{text}; no answer after {self.attempts} attempts", now)
        elif outcome == "active":
            self.figures = answer.figures()
            self.estimate = estimate(self.figures, self.expected_allowed)
            self._final("active", None, None, now)
        elif outcome == "inactive":
            self._final("inactive", "inactive", "coverage inactive (EB*6)", now)
        elif outcome == "rejected":
            first = answer.rejections[0]
            self._final("rejected", f"AAA{first.code}", first.text, now)
        else:
            self._final("error", "no_coverage_answer",
                        "the 271 states neither active nor inactive coverage", now)

    def record_failure(self, *, code: str, reason: str, retryable: bool, now: datetime,
                       max_attempts: int, delay: timedelta) -> None:
        if retryable and self._again(code, reason, now, max_attempts, delay):
            return
        self._final("error", code, reason, now)

    def resolve(self, *, actor: str, reason: str, now: datetime) -> None:
        if not self.needs_staff:
            raise EligibilityConflict(
                f"eligibility check {self.id} is {self.status}"
                + (" and already resolved" if self.resolved_at else "") + "; nothing to resolve",
                current_status=self.status)
        self.resolved_at, self.resolved_by, self.resolution = now, actor, reason

    def cancel(self, now: datetime) -> None:
        if self.status == "pending":
            self._final("cancelled", "order_cancelled", "the order was cancelled", now)


# --------------------------------------------------------------------------- the order's hold
@dataclass
class OrderHold:
    order_id: UUID
    patient_id: UUID
    payer_id: str
    check_id: UUID
    updated_at: datetime
    state: HoldState = "awaiting"
    reason_code: str | None = None
    events: list[EligibilityEvent] = field(default_factory=list, compare=False, repr=False)

    @property
    def open(self) -> bool:
        return self.state in ("awaiting", "flagged")

    def follow(self, check: EligibilityCheck, now: datetime,
               released: tuple[HeldDecision, ...]) -> None:
        """The order's latest check answered: clear on active, flag on anything else."""
        if self.state == "cancelled" or check.status in ("pending", "cancelled"):
            return
        self.check_id, self.updated_at = check.id, now
        if check.status == "active":
            if self.open:
                self._clear("active", now, released)
            return
        self.state, self.reason_code = "flagged", check.reason_code
        self.events.append(EligibilityFlagged(
            check_id=check.id, order_id=self.order_id, patient_id=self.patient_id,
            payer_id=self.payer_id, reason_code=check.reason_code or check.status,
            reason=check.reason or check.status, flagged_at=now))

    def resolve(self, check: EligibilityCheck, now: datetime,
                released: tuple[HeldDecision, ...]) -> None:
        if self.open:
            self.check_id, self.updated_at = check.id, now
            self._clear("resolved", now, released)

    def cancel(self, now: datetime) -> None:
        self.state, self.updated_at = "cancelled", now

    def _clear(self, how: Literal["active", "resolved"], now: datetime,
               released: tuple[HeldDecision, ...]) -> None:
        self.state, self.reason_code = "cleared", None
        self.events.append(EligibilityCleared(check_id=self.check_id, order_id=self.order_id,
                                              how=how, released=released, cleared_at=now))
