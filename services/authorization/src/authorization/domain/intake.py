"""From a coverage decision to the order's facts (with the events of outcomes that open no
case) and, when needed, a draft PA case."""

from __future__ import annotations

from calendar import monthrange
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from .case import CaseLine, PACase
from .coverage import CoverageDecision
from .events import AuthorizationNotRequired, OrderNotCovered
from .orders import OrderFacts, SignedOrder
from .outcome_figures import OutcomeFigures, figures_for
from .policy import PolicyBook
from .questions import Question, derive_questions


def add_months(start: date, months: int) -> date:
    """Same day ``months`` later, clamped to the month's end (Aug 31 + 6 -> Feb 28/29)."""
    y, m = divmod(start.month - 1 + months, 12)
    year, month = start.year + y, m + 1
    return date(year, month, min(start.day, monthrange(year, month)[1]))


def approval_period(start: date, months: int) -> tuple[date, date]:
    """An approval of N months starting ``start`` ends the day before the same date N later."""
    return start, add_months(start, months) - timedelta(days=1)


def record_coverage(decision: CoverageDecision, order: SignedOrder) -> OrderFacts:
    """The order's facts as decided; outcomes that open no case record their event here (a
    new case records its own)."""
    facts = OrderFacts(
        order_id=order.order_id, practice_id=order.practice_id, patient_id=order.patient_id,
        payer_id=decision.payer_id, plan_id=decision.plan_id, outcome=decision.outcome,
        policy_version=decision.policy_version, lines=order.lines,
        decision=tuple(ln.to_outcome() for ln in decision.lines),
        decided_at=decision.decided_at)
    lines = tuple(ln.coverage_line() for ln in decision.lines)
    if decision.outcome == "not_required":
        facts.events.append(AuthorizationNotRequired(
            order_id=decision.order_id, payer_id=decision.payer_id, plan_id=decision.plan_id,
            lines=lines, decided_at=decision.decided_at))
    elif decision.outcome == "not_covered":
        facts.events.append(OrderNotCovered(
            order_id=decision.order_id, payer_id=decision.payer_id, plan_id=decision.plan_id,
            lines=lines, reason=decision.not_covered_reason, decided_at=decision.decided_at))
    return facts


def _questions(decision: CoverageDecision, order: SignedOrder, renewal: bool,
               outcomes: dict[str, OutcomeFigures]) -> list[Question]:
    questions: list[Question] = []
    for ln in decision.case_lines:
        baseline = ln.renewal_of.baseline_migraine_days if ln.renewal_of else None
        questions += derive_questions(
            ln.hcpcs, ln.policy, renewal=renewal, diagnoses=list(order.diagnoses),
            age_years=order.patient_age_years, need_units=ln.requested_units is None,
            baseline_days=baseline, outcome=figures_for(ln.hcpcs, order.lines, outcomes),
            prescriber_specialty=order.prescriber_specialty, steered=ln.steered)
    return questions


def _requested_to(decision: CoverageDecision, start: date, renewal: bool) -> date | None:
    """End of the approval period to ask for: the shortest the lines' policies grant."""
    months = [
        (ln.policy.reauth.approval_months if renewal and ln.policy.reauth
         else ln.policy.initial_approval_months)
        for ln in decision.case_lines if ln.policy is not None
    ]
    granted = [m for m in months if m]
    return approval_period(start, min(granted))[1] if granted else None


def open_case(
    decision: CoverageDecision,
    order: SignedOrder,
    book: PolicyBook,
    now: datetime,
    tz: ZoneInfo,
    actor: str = "consumer:order.signed",
    outcomes: dict[str, OutcomeFigures] | None = None,
) -> PACase:
    """A draft case for the lines that need PA, questions derived from each line's policy."""
    assert order.payer is not None, "a self-pay order never needs a case"
    case_lines = decision.case_lines
    payer = book.payer(order.payer.payer_id)
    plan = payer.resolve_plan(decision.plan_id) if payer else None
    renewal = any(ln.renewal_of for ln in case_lines)
    start = order.starts_at.astimezone(tz).date()
    case = PACase(
        order_id=order.order_id,
        practice_id=order.practice_id,
        patient_id=order.patient_id,
        payer_id=order.payer.payer_id,
        plan_id=decision.plan_id,
        payer_type=payer.type_for(plan) if payer else None,
        # Same-day (crisis) orders cannot wait for a standard clock: ask for expedited review.
        expedited=order.urgency == "same_day",
        kind="renewal" if renewal else "initial",
        lines=[CaseLine(hcpcs=ln.hcpcs, requested_units=ln.requested_units) for ln in case_lines],
        questions=_questions(decision, order, renewal, outcomes or {}),
        policies={ln.hcpcs: ln.policy for ln in case_lines},
        policy_version=decision.policy_version,
        blockers=[] if payer else [f"payer {order.payer.payer_id} is not configured"],
        diagnoses=list(order.diagnoses),
        prescriber_id=order.prescriber_id,
        patient_age_years=order.patient_age_years,
        requested_from=start,
        requested_to=_requested_to(decision, start, renewal),
        created_at=now,
        updated_at=now,
    )
    case.opened(actor, {ln.hcpcs: list(ln.reasons) for ln in case_lines})
    return case
