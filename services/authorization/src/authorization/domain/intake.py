"""From a coverage decision to events and, when needed, a draft PA case."""

from __future__ import annotations

from calendar import monthrange
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from chairside_shared import contracts as c

from .case import CaseLine, PACase
from .coverage import CoverageDecision
from .policy import PolicyBook
from .questions import derive_questions


def add_months(start: date, months: int) -> date:
    """Same day ``months`` later, clamped to the month's end (Aug 31 + 6 -> Feb 28/29)."""
    y, m = divmod(start.month - 1 + months, 12)
    year, month = start.year + y, m + 1
    return date(year, month, min(start.day, monthrange(year, month)[1]))


def approval_period(start: date, months: int) -> tuple[date, date]:
    """An approval of N months starting ``start`` ends the day before the same date N later."""
    return start, add_months(start, months) - timedelta(days=1)


def decision_events(decision: CoverageDecision) -> list[tuple[str, c.EventPayload]]:
    """Events for the outcomes that open no case (a new case records its own)."""
    lines = [ln.contract() for ln in decision.lines]
    if decision.outcome == "not_required":
        return [("authorization.not_required", c.AuthorizationNotRequired(
            order_id=decision.order_id, payer_id=decision.payer_id, plan_id=decision.plan_id,
            lines=lines, decided_at=decision.decided_at))]
    if decision.outcome == "not_covered":
        return [("authorization.not_covered", c.AuthorizationNotCovered(
            order_id=decision.order_id, payer_id=decision.payer_id, plan_id=decision.plan_id,
            lines=lines, reason=decision.not_covered_reason, decided_at=decision.decided_at))]
    return []


def open_case(
    decision: CoverageDecision,
    order: c.OrderSigned,
    book: PolicyBook,
    now: datetime,
    tz: ZoneInfo,
    actor: str = "consumer:order.signed",
) -> PACase:
    """A draft case for the lines that need PA, questions derived from each line's policy."""
    assert order.payer is not None, "a self-pay order never needs a case"
    case_lines = decision.case_lines
    payer = book.payer(order.payer.payer_id)
    plan = payer.plan(order.payer.plan_id) if payer else None
    renewal = any(ln.renewal_of for ln in case_lines)
    questions = []
    for ln in case_lines:
        baseline = ln.renewal_of.baseline_migraine_days if ln.renewal_of else None
        questions += derive_questions(
            ln.hcpcs, ln.policy, renewal=renewal, diagnoses=order.diagnoses,
            age_years=order.patient_age_years, need_units=ln.requested_units is None,
            baseline_days=baseline)
    first = order.requested_window.from_ if order.requested_window else order.signed_at
    start = first.astimezone(tz).date()
    months = [
        (ln.policy.reauth.approval_months if renewal and ln.policy.reauth
         else ln.policy.initial_approval_months)
        for ln in case_lines if ln.policy is not None
    ]
    months = [m for m in months if m]
    blockers = [] if payer else [f"payer {order.payer.payer_id} is not configured"]
    case = PACase(
        order_id=order.order_id,
        practice_id=order.practice_id,
        patient_id=order.patient_id,
        payer_id=order.payer.payer_id,
        plan_id=order.payer.plan_id,
        member_id=order.payer.member_id,
        payer_type=payer.type_for(plan) if payer else None,
        # Same-day (crisis) orders cannot wait for a standard clock: ask for expedited review.
        expedited=order.urgency == "same_day",
        kind="renewal" if renewal else "initial",
        lines=[CaseLine(hcpcs=ln.hcpcs, requested_units=ln.requested_units) for ln in case_lines],
        questions=questions,
        policies={ln.hcpcs: ln.policy for ln in case_lines},
        policy_version=decision.policy_version,
        blockers=blockers,
        diagnoses=list(order.diagnoses),
        prescriber_id=order.prescriber_id,
        patient_age_years=order.patient_age_years,
        requested_from=start,
        requested_to=approval_period(start, min(months))[1] if months else None,
        created_at=now,
        updated_at=now,
    )
    case.opened(actor, {ln.hcpcs: list(ln.reasons) for ln in case_lines})
    return case
