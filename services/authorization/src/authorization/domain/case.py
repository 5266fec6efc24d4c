"""The prior-authorization case: a small state machine with a full history.

    draft --submit--> submitted --payer--> pended --payer--> approved | denied
      |                   |                   |                 |
      +---- withdraw -----+-------------------+-----------------+--> withdrawn
    approved --valid_to passed--> expired

Every change appends a history entry (who, what, when, and the payer's response verbatim) and
may record a domain event on ``events`` (domain/events.py; the unit of work publishes them). A
payer answer that fails validation changes nothing but the history and ``last_error``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any
from uuid import UUID, uuid4
from zoneinfo import ZoneInfo

from pydantic import BaseModel, Field

from .case_parts import CaseLine, HistoryEntry, PayerDecision
from .codes import AWAITING_PAYER, OPEN_STATUSES, CaseKind, CaseStatus
from .deadlines import DecisionTimeFrames, HolidayCalendar, compute_due_at, is_overdue
from .errors import InvalidTransition, PayerResponseInvalid, SubmissionBlocked, ValidationFailed
from .events import (
    ApprovedLine,
    CaseApproved,
    CaseDenied,
    CaseEvent,
    CaseExpired,
    CaseOpened,
    CaseWithdrawn,
    LineQuantityLimit,
    RequestedLine,
)
from .policy import CoveragePolicy
from .questions import (
    AnswerValue,
    CriterionResult,
    Question,
    evaluate_criteria,
    missing_answers,
    validate_answers,
)

__all__ = ["PAS_BLOCKER", "CaseLine", "HistoryEntry", "PACase", "PayerDecision"]

PAS_BLOCKER = "missing for the PAS request: "


class PACase(BaseModel):
    id: UUID = Field(default_factory=uuid4)
    order_id: UUID
    order_ids: list[UUID] = Field(default_factory=list)
    practice_id: str
    patient_id: UUID
    payer_id: str
    plan_id: str | None = None
    # Not kept (PHI; issue 13): a request reads the member id from orders' payer identity.
    # Optional so cases stored before still load; never stored (the repository drops it).
    member_id: str | None = None
    payer_type: str | None = None
    expedited: bool = False
    kind: CaseKind = "initial"
    status: CaseStatus = "draft"
    lines: list[CaseLine]
    questions: list[Question] = Field(default_factory=list)
    answers: dict[str, AnswerValue | None] = Field(default_factory=dict)
    policies: dict[str, CoveragePolicy | None] = Field(default_factory=dict)
    policy_version: int | None = None
    blockers: list[str] = Field(default_factory=list)
    diagnoses: list[str] = Field(default_factory=list)
    prescriber_id: str | None = None
    patient_age_years: int | None = None
    requested_from: date | None = None
    requested_to: date | None = None  # end of the approval period asked for (policy length)
    request_identifier: str = ""
    due_at: datetime | None = None
    submitted_at: datetime | None = None
    decided_at: datetime | None = None
    auth_number: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    denial_reason: str | None = None
    denial_code: str | None = None
    last_error: str | None = None
    last_polled_at: datetime | None = None
    created_at: datetime
    updated_at: datetime
    version: int = 0
    history: list[HistoryEntry] = Field(default_factory=list)
    # What happened since the case was loaded; drained by the unit of work on commit.
    events: list[CaseEvent] = Field(default_factory=list, exclude=True, repr=False)

    # ------------------------------------------------------------------ helpers
    def model_post_init(self, _ctx: Any) -> None:
        if not self.request_identifier:
            self.request_identifier = f"PA-{self.id.hex[:20].upper()}"
        if self.order_id not in self.order_ids:
            self.order_ids.insert(0, self.order_id)

    def line(self, hcpcs: str) -> CaseLine | None:
        return next((ln for ln in self.lines if ln.hcpcs == hcpcs), None)

    def log(self, now: datetime, actor: str, action: str, to: CaseStatus | None = None,
            payer_response: str | None = None, **detail: Any) -> None:
        self.history.append(HistoryEntry(
            at=now, actor=actor, action=action, from_status=self.status,
            to_status=to or self.status, detail=detail, payer_response=payer_response))
        if to:
            self.status = to
        self.updated_at = now

    def _require(self, allowed: frozenset[str] | set[str], action: str) -> None:
        if self.status not in allowed:
            raise InvalidTransition(self.id, self.status, action)

    def criteria(self) -> list[CriterionResult]:
        renewal = self.kind == "renewal"
        out: list[CriterionResult] = []
        for ln in self.lines:
            qs = [q for q in self.questions if q.hcpcs == ln.hcpcs]
            out += evaluate_criteria(ln.hcpcs, self.policies.get(ln.hcpcs), qs, self.answers,
                                     renewal=renewal)
        return out

    def is_overdue(self, now: datetime) -> bool:
        return self.status in AWAITING_PAYER and is_overdue(self.due_at, now)

    # ------------------------------------------------------------------ commands
    def opened(self, actor: str, reasons: dict[str, list[str]]) -> None:
        self.log(self.created_at, actor, "opened", reasons=reasons, blockers=list(self.blockers))
        self.events.append(CaseOpened(
            case_id=self.id, order_id=self.order_id, payer_id=self.payer_id,
            plan_id=self.plan_id, status=self.status, due_at=self.due_at,
            lines=tuple(RequestedLine(hcpcs=ln.hcpcs, requested_units=ln.requested_units or 0)
                        for ln in self.lines),
            requested_at=self.created_at))

    def answer(self, answers: Mapping[str, object], actor: str, now: datetime) -> None:
        self._require({"draft", "pended"}, "answer questions")
        clean, errors = validate_answers(self.questions, answers)
        if errors:
            raise ValidationFailed("answers do not match the case's questions", errors)
        self.answers.update(clean)
        for link_id, value in clean.items():
            if link_id.endswith(".requested-units") and isinstance(value, int):
                ln = self.line(link_id.split(".", 1)[0])
                if ln is not None:
                    ln.requested_units = value
        self.log(now, actor, "answered", questions=sorted(clean))

    def hold_for_pas(self, missing: list[str], actor: str, now: datetime) -> bool:
        """Name each item the PAS request lacks as a blocker (none: clear them); True when
        that changed. The request is never sent with a stand-in."""
        kept = [b for b in self.blockers if not b.startswith(PAS_BLOCKER)]
        held = kept + [PAS_BLOCKER + m for m in missing]
        if held == self.blockers:
            return False
        self.blockers = held
        self.log(now, actor, "held_for_pas" if missing else "pas_hold_cleared",
                 missing=list(missing))
        return True

    def submission_problems(self) -> list[str]:
        problems = list(self.blockers)
        problems += [f"unanswered: {q}" for q in missing_answers(self.questions, self.answers)]
        problems += [f"requested units unknown for {ln.hcpcs}"
                     for ln in self.lines if not ln.requested_units]
        return problems

    def submit(self, actor: str, now: datetime, frames: DecisionTimeFrames | None,
               tz: ZoneInfo, holidays: HolidayCalendar | None = None) -> None:
        self._require({"draft"}, "submit")
        problems = self.submission_problems()
        if problems:
            raise SubmissionBlocked(self.id, problems)
        if frames is not None:
            frame = frames.expedited if self.expedited else frames.standard
            self.due_at = compute_due_at(now, frame, tz, holidays)
        self.submitted_at = now
        self.log(now, actor, "submitted", to="submitted",
                  due_at=self.due_at.isoformat() if self.due_at else None,
                  expedited=self.expedited, criteria=[r.model_dump() for r in self.criteria()])

    def check_decision(self, d: PayerDecision) -> list[str]:
        problems: list[str] = []
        if d.kind == "approved":
            if not d.auth_number:
                problems.append("approval without an authorization number")
            if d.valid_from is None or d.valid_to is None:
                problems.append("approval without valid dates")
            elif d.valid_to < d.valid_from:
                problems.append(f"valid_to {d.valid_to} is before valid_from {d.valid_from}")
            for hcpcs, units in d.approved_units.items():
                if units < 0:
                    problems.append(f"negative approved units for {hcpcs}: {units}")
                if self.line(hcpcs) is None:
                    problems.append(f"approval for {hcpcs}, which was not requested")
        if d.kind == "denied" and not (d.reason or d.reason_code):
            # CMS-0057-F wants a specific reason; keep the denial but say it was missing.
            d.reason = "payer gave no specific denial reason"
        return problems

    def record_decision(self, d: PayerDecision, raw: str | None, actor: str, now: datetime,
                        allowed: frozenset[str] = AWAITING_PAYER, **detail: Any) -> bool:
        """Apply a payer decision; False when it changes nothing (still pended). ``detail``
        joins the history entry (a decision taken off PAS: channel, reference)."""
        self._require(allowed, "record a payer decision")
        problems = self.check_decision(d)
        if problems:
            raise PayerResponseInvalid(problems)
        self.last_polled_at = now
        self.last_error = None
        if d.kind == "pended":
            if self.status == "pended":
                return False
            self.log(now, actor, "pended", to="pended", payer_response=raw,
                      review_code=d.review_code)
            return True
        self.decided_at = now
        if d.kind == "approved":
            self.auth_number, self.valid_from, self.valid_to = (
                d.auth_number, d.valid_from, d.valid_to)
            for ln in self.lines:
                ln.approved_units = d.approved_units.get(ln.hcpcs, 0)
            self.log(now, actor, "approved", to="approved", payer_response=raw,
                      review_code=d.review_code, auth_number=d.auth_number, **detail)
            self.events.append(self._approved_event(now))
            return True
        self.denial_reason, self.denial_code = d.reason, d.reason_code
        self.log(now, actor, "denied", to="denied", payer_response=raw,
                  review_code=d.review_code, reason=d.reason, reason_code=d.reason_code,
                  **detail)
        self.events.append(CaseDenied(
            case_id=self.id, order_id=self.order_id, payer_id=self.payer_id,
            reason=d.reason or d.reason_code or "denied", reason_code=d.reason_code,
            decided_at=now))
        return True

    def _approved_event(self, now: datetime, order_id: UUID | None = None,
                        units: Mapping[str, int | None] | None = None) -> CaseApproved:
        """``units``: what one visit of ``order_id`` draws per HCPCS (the case's own order:
        the units it requested)."""
        assert self.auth_number and self.valid_from and self.valid_to
        return CaseApproved(
            case_id=self.id, order_id=order_id or self.order_id, payer_id=self.payer_id,
            auth_number=self.auth_number,
            lines=tuple(ApprovedLine(
                hcpcs=ln.hcpcs, approved_units=ln.approved_units or 0,
                units_per_visit=(ln.requested_units if units is None
                                 else units.get(ln.hcpcs)) or None)
                for ln in self.lines),
            valid_from=self.valid_from, valid_to=self.valid_to, decided_at=now,
            quantity_limits=self._quantity_limits())

    def _quantity_limits(self) -> tuple[LineQuantityLimit, ...]:
        """The quantity limits of the approved codes' policies (what recalls count against)."""
        out = []
        for ln in self.lines:
            policy = self.policies.get(ln.hcpcs)
            q = policy.quantity_limit if policy else None
            if q is not None:
                out.append(LineQuantityLimit(hcpcs=ln.hcpcs, units=q.units,
                                             period_days=q.period_days))
        return tuple(out)

    def record_payer_error(self, problem: str, raw: str | None, actor: str,
                           now: datetime) -> None:
        """Keep the first occurrence of an error in the history; a poller meeting the same
        error again only notes when it tried, so an outage does not flood the history."""
        self.last_polled_at = now
        if problem == self.last_error:
            return
        self.last_error = problem
        self.log(now, actor, "payer_error", payer_response=raw, error=problem)

    def attach_order(self, order_id: UUID, actor: str, now: datetime,
                     units: Mapping[str, int | None] | None = None) -> None:
        """A later order uses this approval (units left, dates valid); ``units``: what one
        of its visits draws per HCPCS."""
        self._require({"approved"}, "cover another order")
        if order_id in self.order_ids:
            return
        self.order_ids.append(order_id)
        self.log(now, actor, "order_attached", order_id=str(order_id))
        self.events.append(self._approved_event(now, order_id, units or {}))

    def withdraw(self, actor: str, reason: str, now: datetime) -> None:
        self._require(OPEN_STATUSES | {"approved"}, "withdraw")
        self.log(now, actor, "withdrawn", to="withdrawn", reason=reason)
        self.events.append(CaseWithdrawn(
            case_id=self.id, order_id=self.order_id, payer_id=self.payer_id, reason=reason,
            occurred_at=now))

    def detach_order(self, order_id: UUID, actor: str, reason: str, now: datetime) -> bool:
        """An order was cancelled: withdraw the case when nothing else relies on it."""
        if order_id not in self.order_ids or self.status not in OPEN_STATUSES | {"approved"}:
            return False
        others = [o for o in self.order_ids if o != order_id]
        used = any(ln.used_units for ln in self.lines)
        if others or used:
            self.order_ids = others or self.order_ids
            self.log(now, actor, "order_detached", order_id=str(order_id), reason=reason)
            return True
        self.withdraw(actor, f"order cancelled: {reason}", now)
        return True

    def expire_if_past(self, today: date, now: datetime, actor: str = "system") -> bool:
        if self.status != "approved" or self.valid_to is None or today <= self.valid_to:
            return False
        self.log(now, actor, "expired", to="expired", valid_to=self.valid_to.isoformat())
        self.events.append(CaseExpired(
            case_id=self.id, order_id=self.order_id, payer_id=self.payer_id,
            reason=f"approval ended {self.valid_to.isoformat()}", occurred_at=now))
        return True
