"""Order handlers: open the unit of work, load, call the domain, commit.

Every input is validated before anything is written, so a refused request stores nothing.
The events the aggregate records leave through the outbox in the same transaction as the
order row (the unit of work collects them on commit).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from uuid import UUID, uuid4

from orders import metrics
from orders.domain.administration import AdministrationRecord
from orders.domain.catalog import Catalog
from orders.domain.checks import CheckResult, run_checks
from orders.domain.discharge import require_ready
from orders.domain.errors import FieldError, NotFound, SignBlocked, ValidationFailed
from orders.domain.lifecycle import Status
from orders.domain.lines import LineSpec, validate_lines
from orders.domain.order import Order, OrderChanges, check_time
from orders.domain.patient import PatientRecord
from orders.domain.premedication import add_premedication
from orders.domain.protocols import instantiate
from orders.domain.values import Actor, Payer, Urgency
from orders.seed.reactions import seed_reaction_rules
from orders.service.discharge import evaluation_for
from orders.service.order_identity import coverage_for, practitioner_error
from orders.service.reaction_guards import ensure_not_held, override_reason
from orders.service.responses import load_history
from orders.service.start_guards import ensure_may_start
from orders.service.uow import OrdersUnitOfWork

log = logging.getLogger("orders")


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Scope:
    """Who is asking: the actor, and the practice a partner client is bound to (if any)."""

    actor: Actor
    practice_id: str | None = None
    client_id: str | None = None  # the API client (or service) calling, for the PHI audit
    user_id: str | None = None  # the person behind it, when the gateway names one

    def sees(self, practice_id: str | None) -> bool:
        return self.practice_id is None or practice_id == self.practice_id


@dataclass
class OrderDraft:
    patient_id: UUID
    urgency: Urgency
    lines: list[LineSpec] = field(default_factory=list)
    protocol_id: UUID | None = None
    diagnoses: list[str] = field(default_factory=list)
    requested_window: tuple[datetime, datetime] | None = None
    payer: Payer | None = None
    ordering_practitioner_id: UUID | None = None
    coverage_id: UUID | None = None
    triage_category: str | None = None
    headache_hours: int | None = None


async def _patient(uow: OrdersUnitOfWork, patient_id: UUID, scope: Scope,
                   field_name: str) -> PatientRecord:
    patient = await uow.patients.get(patient_id)
    if patient is None or not scope.sees(patient.practice_id):
        raise ValidationFailed([FieldError(field_name, "unknown patient")])
    return patient


async def _order(uow: OrdersUnitOfWork, order_id: UUID, scope: Scope, *,
                 for_update: bool = True) -> Order:
    order = await uow.orders.get(order_id, for_update=for_update)
    if order is None or not scope.sees(order.practice_id):
        raise NotFound(f"order {order_id} not found")
    return order


async def _lines_for(uow: OrdersUnitOfWork, draft: OrderDraft, patient: PatientRecord,
                     catalog: Catalog, scope: Scope, now: datetime) -> list[LineSpec]:
    lines: list[LineSpec] = []
    if draft.protocol_id is not None:
        protocol = await uow.protocols.get(draft.protocol_id)
        if protocol is None or not protocol.active or not protocol.visible_to(scope.practice_id):
            raise ValidationFailed([FieldError("protocol_id", "unknown protocol")])
        lines = instantiate(protocol, patient.facts, catalog)
    offset = max((ln.sequence for ln in lines), default=0)
    lines += [replace(ln, sequence=ln.sequence + offset) for ln in draft.lines]
    lines = add_premedication(lines, catalog)  # regimen premedication, timed before the drug
    errors = validate_lines(lines, catalog)
    child = patient.facts.age_on(catalog.rules.local_date(now)) < catalog.rules.pediatric_below_age
    if not errors and patient.facts.weight_kg is None and child:
        errors.append(FieldError("patient.weight_kg",
                                 "the patient is a child: record a weight before ordering"))
    if errors:
        raise ValidationFailed(errors)
    return lines


async def _check(uow: OrdersUnitOfWork, order_like: Order | OrderDraft, patient: PatientRecord,
                 catalog: Catalog, now: datetime, exclude_order: UUID | None) -> CheckResult:
    history = await uow.doses.history(patient.id, exclude_order=exclude_order)
    reactions = await uow.reactions.for_patient(patient.id)  # one query (RX-1, 2, 4, 6)
    responses = await load_history(uow, patient.id)  # earlier visits' outcomes (3.3)
    observations = await uow.observations.for_patient(patient.id)  # regimen gates
    return run_checks(patient=patient.facts, lines=list(order_like.lines), catalog=catalog,
                      history=history, as_of=check_time(order_like.requested_window, now),
                      reactions=reactions, reaction_rules=seed_reaction_rules(),
                      responses=responses, protocol_id=order_like.protocol_id,
                      observations=observations)


# ------------------------------------------------------------------------------ commands
async def create_order(*, uow: OrdersUnitOfWork, draft: OrderDraft, scope: Scope,
                       now: datetime | None = None, order_id: UUID | None = None) -> Order:
    now = now or utcnow()
    async with uow:
        patient = await _patient(uow, draft.patient_id, scope, "patient_id")
        catalog = await uow.catalog.current()
        lines = await _lines_for(uow, draft, patient, catalog, scope, now)
        draft.lines = lines
        errors: list[FieldError] = []
        coverage_id = await coverage_for(uow, patient_id=patient.id, coverage_id=draft.coverage_id,
                                         payer=draft.payer, today=now.date(), errors=errors)
        if why := await practitioner_error(uow, draft.ordering_practitioner_id, "ordering",
                                           patient.practice_id, "ordering_practitioner_id"):
            errors.append(why)
        if errors:
            raise ValidationFailed(errors)
        result = await _check(uow, draft, patient, catalog, now, exclude_order=None)
        if result.field_errors:
            raise ValidationFailed(list(result.field_errors))
        order = Order.create(
            result=result, actor=scope.actor, at=now, id=order_id or uuid4(),
            practice_id=patient.practice_id, patient_id=patient.id, urgency=draft.urgency,
            lines=lines, diagnoses=draft.diagnoses, requested_window=draft.requested_window,
            payer=draft.payer, protocol_id=draft.protocol_id,
            ordering_practitioner_id=draft.ordering_practitioner_id, coverage_id=coverage_id,
            triage_category=draft.triage_category, headache_hours=draft.headache_hours)
        await uow.orders.add(order)
        await uow.commit()
    metrics.ORDERS_CREATED.labels(order.urgency).inc()
    _count_findings(order)
    return order


def _count_findings(order: Order) -> None:
    for f in order.findings:
        metrics.FINDINGS.labels(f.code, f.severity).inc()


async def update_order(*, uow: OrdersUnitOfWork, order_id: UUID, changes: OrderChanges,
                       scope: Scope, now: datetime | None = None) -> Order:
    """PATCH a draft. ``changes`` may hold urgency, requested_window, diagnoses, payer, lines."""
    now = now or utcnow()
    async with uow:
        order = await _order(uow, order_id, scope)
        patient = await _patient(uow, order.patient_id, scope, "patient_id")
        catalog = await uow.catalog.current()
        if "lines" in changes:
            draft = OrderDraft(patient_id=order.patient_id, urgency=order.urgency,
                               lines=changes["lines"])
            changes["lines"] = await _lines_for(uow, draft, patient, catalog, scope, now)
        await _identity_changes(uow, order, changes, now)
        preview = OrderDraft(patient_id=order.patient_id, urgency=order.urgency,
                             lines=changes.get("lines", order.lines),
                             requested_window=changes.get("requested_window",
                                                          order.requested_window))
        result = await _check(uow, preview, patient, catalog, now, exclude_order=order.id)
        if "lines" in changes and result.field_errors:
            raise ValidationFailed(list(result.field_errors))
        order.update(result=result, actor=scope.actor, at=now, **changes)
        await uow.orders.save(order)
        await uow.commit()
    _count_findings(order)
    return order


async def _identity_changes(uow: OrdersUnitOfWork, order: Order, changes: OrderChanges,
                            now: datetime) -> None:
    """A new payer picks its coverage again unless a coverage is named; both are checked."""
    errors: list[FieldError] = []
    if "coverage_id" in changes or "payer" in changes:
        changes["coverage_id"] = await coverage_for(
            uow, patient_id=order.patient_id, coverage_id=changes.get("coverage_id"),
            payer=changes.get("payer", order.payer), today=now.date(), errors=errors)
    if why := await practitioner_error(uow, changes.get("ordering_practitioner_id"), "ordering",
                                       order.practice_id, "ordering_practitioner_id"):
        errors.append(why)
    if errors:
        raise ValidationFailed(errors)


async def check_order(*, uow: OrdersUnitOfWork, order_id: UUID, scope: Scope,
                      now: datetime | None = None) -> CheckResult:
    """Re-run the checks with today's catalog and history; nothing is stored."""
    now = now or utcnow()
    async with uow:
        order = await _order(uow, order_id, scope, for_update=False)
        patient = await _patient(uow, order.patient_id, scope, "patient_id")
        return await _check(uow, order, patient, await uow.catalog.current(), now, order.id)


async def add_override(*, uow: OrdersUnitOfWork, order_id: UUID, finding_code: str,
                       reason: str, line: int | None, scope: Scope,
                       now: datetime | None = None, plan: str | None = None) -> Order:
    now = now or utcnow()
    reason = override_reason(finding_code, reason, plan)  # RX-1 plan, RX-6 no override
    async with uow:
        order = await _order(uow, order_id, scope)
        catalog = await uow.catalog.current()
        override = order.add_override(
            finding_code=finding_code, line=line, reason=reason, actor=scope.actor, at=now,
            min_reason_length=catalog.rules.override_reason_min_length)
        await uow.orders.save(order)
        await uow.commit()
    for f in order.findings:
        if override.covers(f):
            metrics.OVERRIDES.labels(f.code, f.severity).inc()
    log.info("override recorded", extra={"order_id": str(order.id), "finding_code": finding_code})
    return order


async def sign_order(*, uow: OrdersUnitOfWork, order_id: UUID, scope: Scope,
                     now: datetime | None = None) -> Order:
    now = now or utcnow()
    async with uow:
        order = await _order(uow, order_id, scope)
        patient = await _patient(uow, order.patient_id, scope, "patient_id")
        catalog = await uow.catalog.current()
        result = await _check(uow, order, patient, catalog, now, exclude_order=order.id)
        default_coverage = None
        if order.coverage_id is None:
            default_coverage = await coverage_for(uow, patient_id=patient.id, coverage_id=None,
                                                  payer=order.payer, today=now.date(), errors=[])
        try:
            order.sign(result=result, actor=scope.actor, at=now, patient=patient.facts,
                       catalog=catalog, default_coverage_id=default_coverage)
        except SignBlocked as refused:
            for code in {f.code for f in refused.blocking}:
                metrics.SIGN_REFUSED.labels(code).inc()
            raise
        await uow.orders.save(order)
        await uow.commit()
    metrics.ORDERS_SIGNED.labels(order.acuity_class, order.urgency).inc()
    log.info("order signed", extra={"order_id": str(order.id),
                                    "catalog_version": order.catalog_version})
    return order


async def cancel_order(*, uow: OrdersUnitOfWork, order_id: UUID, reason: str, scope: Scope,
                       now: datetime | None = None) -> Order:
    now = now or utcnow()
    async with uow:
        order = await _order(uow, order_id, scope)
        previous = str(order.status)
        order.cancel(reason=reason, actor=scope.actor, at=now)
        await uow.orders.save(order)
        await uow.commit()
    metrics.ORDERS_CANCELLED.labels(previous).inc()
    return order


async def record_administration(*, uow: OrdersUnitOfWork, order_id: UUID,
                                record: AdministrationRecord, scope: Scope,
                                now: datetime | None = None) -> AdministrationRecord:
    now = now or utcnow()
    async with uow:
        order = await _order(uow, order_id, scope)
        if why := await practitioner_error(uow, record.supervising_practitioner_id,
                                           "supervising", order.practice_id,
                                           "supervising_practitioner_id"):
            raise ValidationFailed([why])
        await ensure_not_held(uow, order, record.line_sequence)  # RX-6
        await ensure_may_start(uow, order, now)  # per-infusion gates (TOUCH checklist)
        catalog = await uow.catalog.version(order.catalog_version)
        rec = replace(record, recorded_by=scope.actor.id, recorded_at=now)
        saved = order.record_administration(record=rec, catalog=catalog, actor=scope.actor,
                                            at=now)
        await uow.orders.save(order)
        await uow.orders.add_administration(order, saved, catalog)
        await uow.commit()
    for f in saved.findings:
        metrics.ADMINISTRATION_FINDINGS.labels(f.code).inc()
    return saved


async def complete_order(*, uow: OrdersUnitOfWork, order_id: UUID, scope: Scope,
                         rendering_provider_npi: str | None = None,
                         supervising_practitioner_id: UUID | None = None,
                         discharge_override_reason: str | None = None,
                         now: datetime | None = None) -> Order:
    """Refused (409, the unmet criteria) while discharge criteria are unmet, unless an
    override reason is given: the override is kept in the order's history (who, why, what)."""
    now = now or utcnow()
    async with uow:
        order = await _order(uow, order_id, scope)
        if why := await practitioner_error(uow, supervising_practitioner_id, "supervising",
                                           order.practice_id, "supervising_practitioner_id"):
            raise ValidationFailed([why])
        patient = await _patient(uow, order.patient_id, scope, "patient_id")
        catalog = await uow.catalog.version(order.catalog_version)
        override = None
        if order.status == Status.IN_PROGRESS:  # otherwise complete() names the status
            override = require_ready(await evaluation_for(uow, order, now),
                                     discharge_override_reason,
                                     catalog.rules.override_reason_min_length)
        order.complete(actor=scope.actor, at=now, catalog=catalog,
                       patient_age_years=patient.facts.age_on(catalog.rules.local_date(now)),
                       rendering_provider_npi=rendering_provider_npi,
                       supervising_practitioner_id=supervising_practitioner_id,
                       discharge_override=override)
        await uow.orders.save(order)
        await uow.commit()
    metrics.ORDERS_COMPLETED.inc()
    return order
