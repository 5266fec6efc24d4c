"""Outcome handlers: pain scores and follow-ups of a visit, preventive assessments (which
publish ``outcome.assessed`` through the outbox), and the response history ordering reads.
Each opens the unit of work, validates everything before writing, and commits once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from uuid import UUID

from chairside_shared import contracts as c
from orders.domain import assessments as pv
from orders.domain.errors import FieldError, IllegalTransition, NotFound, ValidationFailed
from orders.domain.history import ResponseHistory
from orders.domain.order import Order
from orders.domain.outcome_rules import OutcomeRules
from orders.domain.outcomes import (
    AcuteOutcome,
    FollowUp,
    PainScore,
    classify,
    validate_follow_up,
    validate_score,
)
from orders.domain.patient import PatientRecord
from orders.seed import outcome_rules
from orders.service.handlers import Scope
from orders.service.responses import load_history
from orders.service.uow import OrdersUnitOfWork

NOT_SCORED = ("draft", "cancelled")  # a visit that never started has no pain series


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class VisitOutcome:
    order_id: UUID
    scores: list[PainScore]
    follow_ups: list[FollowUp]
    outcome: AcuteOutcome


async def _order(uow: OrdersUnitOfWork, order_id: UUID, scope: Scope) -> Order:
    order = await uow.orders.get(order_id, for_update=False)
    if order is None or not scope.sees(order.practice_id):
        raise NotFound(f"order {order_id} not found")
    return order


async def _patient(uow: OrdersUnitOfWork, patient_id: UUID, scope: Scope) -> PatientRecord:
    patient = await uow.patients.get(patient_id)
    if patient is None or not scope.sees(patient.practice_id):
        raise NotFound(f"patient {patient_id} not found")
    return patient


async def _visit(uow: OrdersUnitOfWork, order_id: UUID, rules: OutcomeRules) -> VisitOutcome:
    scores = await uow.outcomes.scores(order_id)
    calls = await uow.outcomes.follow_ups(order_id)
    return VisitOutcome(order_id, scores, calls, classify(scores, calls, rules.acute))


async def record_pain_score(*, uow: OrdersUnitOfWork, order_id: UUID, point: str, nrs: int,
                            at: datetime | None, scope: Scope,
                            now: datetime | None = None) -> VisitOutcome:
    now, rules = now or utcnow(), outcome_rules()
    async with uow:
        order = await _order(uow, order_id, scope)
        if errors := validate_score(point, nrs, rules.acute):
            raise ValidationFailed(errors)
        if order.status in NOT_SCORED:
            raise IllegalTransition(order.status, "record a pain score for")
        score = PainScore(point, nrs, at or now)  # type: ignore[arg-type]  # validated above
        await uow.outcomes.add_score(order_id=order.id, patient_id=order.patient_id,
                                     score=score, by=scope.actor.id, at=now)
        out = await _visit(uow, order.id, rules)
        await uow.commit()
        return out


async def record_follow_up(*, uow: OrdersUnitOfWork, order_id: UUID, follow_up: FollowUp,
                           scope: Scope, now: datetime | None = None) -> VisitOutcome:
    now, rules = now or utcnow(), outcome_rules()
    async with uow:
        order = await _order(uow, order_id, scope)
        if errors := validate_follow_up(follow_up, rules.acute):
            raise ValidationFailed(errors)
        if order.status != "administered":
            raise IllegalTransition(order.status, "record a follow-up for")
        await uow.outcomes.add_follow_up(order_id=order.id, patient_id=order.patient_id,
                                         follow_up=follow_up, by=scope.user_id,
                                         client_id=scope.client_id, at=now)
        out = await _visit(uow, order.id, rules)
        await uow.commit()
        return out


async def order_outcome(*, uow: OrdersUnitOfWork, order_id: UUID, scope: Scope) -> VisitOutcome:
    async with uow:
        order = await _order(uow, order_id, scope)
        return await _visit(uow, order.id, outcome_rules())


# ------------------------------------------------------------------------ response history
async def patient_responses(*, uow: OrdersUnitOfWork, patient_id: UUID,
                            scope: Scope) -> ResponseHistory:
    async with uow:
        patient = await _patient(uow, patient_id, scope)
        return await load_history(uow, patient.id)


# ------------------------------------------------------------------------ assessments
@dataclass(frozen=True)
class NewAssessment:
    kind: pv.Kind
    taken_on: date
    drug_code: str | None = None
    period_start: date | None = None
    migraine_days: int | None = None
    headache_days: int | None = None
    items: tuple[int, ...] = ()


@dataclass(frozen=True)
class AssessmentsView:
    items: list[tuple[UUID, str | None, pv.Assessment, str | None]]  # (id, drug, it, grade)
    summary: pv.PreventiveSummary | None
    drug_code: str | None


def _checked(new: NewAssessment, rules: OutcomeRules) -> pv.Assessment:
    p = rules.preventive
    if new.kind == "diary":
        errors = pv.validate_diary(new.period_start, new.taken_on, new.migraine_days,
                                   new.headache_days)
        if new.items:
            errors.append(FieldError("items", "a diary has no items"))
        if errors:
            raise ValidationFailed(errors)
        return pv.Assessment("diary", new.taken_on, period_start=new.period_start,
                             migraine_days=new.migraine_days, headache_days=new.headache_days)
    errors = pv.validate_items(new.kind, list(new.items), p)
    if new.period_start or new.migraine_days is not None or new.headache_days is not None:
        errors.append(FieldError("kind", f"{new.kind} takes items, not diary days"))
    if errors:
        raise ValidationFailed(errors)
    total, _ = pv.score(new.kind, list(new.items), p)
    return pv.Assessment(new.kind, new.taken_on, items=new.items, total=total)


async def _summary(uow: OrdersUnitOfWork, patient_id: UUID, found: list[pv.Assessment],
                   drug_code: str | None, payer_id: str | None, today: date,
                   rules: OutcomeRules) -> pv.PreventiveSummary:
    doses = await uow.outcomes.doses_of(patient_id, drug_code) if drug_code else []
    first = doses[0] if doses else None
    months = ((today - first).days * 12 // 365) if first else 0
    return pv.summarize(found, first_dose=first, doses=len(doses), months_on_treatment=months,
                        interval=rules.preventive.interval(drug_code), drug_code=drug_code,
                        payer_id=payer_id, rules=rules.preventive)


def _rounded(v: float | None) -> float | None:
    return None if v is None else round(v, 1)


async def record_assessment(*, uow: OrdersUnitOfWork, patient_id: UUID, new: NewAssessment,
                            scope: Scope, now: datetime | None = None) -> UUID:
    now, rules = now or utcnow(), outcome_rules()
    async with uow:
        patient = await _patient(uow, patient_id, scope)
        a = _checked(new, rules)
        new_id = await uow.outcomes.add_assessment(
            patient_id=patient.id, practice_id=patient.practice_id, drug_code=new.drug_code,
            a=a, by=scope.actor.id, at=now)
        found = [x for _, d, x in await uow.outcomes.assessments(patient.id)
                 if new.drug_code is None or d in (None, new.drug_code)]
        s = await _summary(uow, patient.id, found, new.drug_code, None, now.date(), rules)
        await uow.emit("outcome.assessed", c.OutcomeAssessed(
            assessment_id=new_id, patient_id=patient.id, practice_id=patient.practice_id,
            kind=a.kind, drug_code=new.drug_code, assessed_at=now, rules_version=rules.version,
            baseline_migraine_days=_rounded(s.baseline_mmd),
            current_migraine_days=_rounded(s.current_mmd),
            migraine_days_change_pct=_rounded(s.mmd_change_pct),
            baseline_headache_days=_rounded(s.baseline_mhd),
            current_headache_days=_rounded(s.current_mhd),
            headache_days_change_pct=_rounded(s.mhd_change_pct),
            midas_baseline=s.midas_baseline, midas_current=s.midas_current,
            hit6_baseline=s.hit6_baseline, hit6_current=s.hit6_current,
            ahs_effective=s.ahs.effective, renewal_ready=s.renewal_ready),
            key=str(patient.id))
        await uow.commit()
        return new_id


async def patient_assessments(*, uow: OrdersUnitOfWork, patient_id: UUID,
                              drug_code: str | None, payer_id: str | None, scope: Scope,
                              now: datetime | None = None) -> AssessmentsView:
    now, rules = now or utcnow(), outcome_rules()
    async with uow:
        patient = await _patient(uow, patient_id, scope)
        rows = [r for r in await uow.outcomes.assessments(patient.id)
                if drug_code is None or r[1] in (None, drug_code)]
        p = rules.preventive
        items = [(i, d, a, None if a.total is None else pv.score(a.kind, list(a.items), p)[1])
                 for i, d, a in rows]
        summary = await _summary(uow, patient.id, [a for _, _, a in rows], drug_code,
                                 payer_id, now.date(), rules)
        return AssessmentsView(items=items, summary=summary, drug_code=drug_code)
