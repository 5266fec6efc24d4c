"""Reaction handlers: record a reaction on a visit, clear a held DHE series (RX-6), the alert
worklist (RX-3) and the reactions report. Each handler owns its transaction; a refused request
writes nothing (every check runs before the first write)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from uuid import UUID

from chairside_shared.contracts import ReactionCleared
from orders.adapters.reaction_repository import Alert
from orders.domain.errors import Conflict, FieldError, NotFound, ValidationFailed
from orders.domain.reaction_rules import ReactionRules
from orders.domain.reaction_visit import apply_reaction, holds_series
from orders.domain.reactions import Reaction, alert_targets, ems_checklist, record_errors
from orders.domain.rescue import check_rescue
from orders.seed.reactions import seed_reaction_rules
from orders.service.handlers import Scope, _order, _patient, utcnow
from orders.service.uow import OrdersUnitOfWork

SIGN_SCOPE = "orders:sign"  # the provider (prescriber) scope: clearance, overrides


def rules() -> ReactionRules:
    return seed_reaction_rules()


@dataclass(frozen=True)
class Recorded:
    reaction: Reaction
    alerts: list[Alert]
    ems_checklist: tuple[str, ...]


async def record_reaction(*, uow: OrdersUnitOfWork, order_id: UUID, reaction: Reaction,
                          scope: Scope, now: datetime | None = None) -> Recorded:
    now = now or utcnow()
    rr = rules()
    async with uow:
        order = await _order(uow, order_id, scope)
        patient = await _patient(uow, order.patient_id, scope, "patient_id")
        errors = record_errors(reaction, rr, (ln.drug_code for ln in order.lines))
        rescue = check_rescue(reaction.rescue_meds, patient.facts.weight_kg, rr)
        errors.extend(rescue.errors)
        if errors:
            raise ValidationFailed(errors)
        reaction = replace(reaction, order_id=order.id, patient_id=order.patient_id,
                           practice_id=order.practice_id,
                           ordering_practitioner_id=order.ordering_practitioner_id,
                           warnings=rescue.warnings, recorded_at=now,
                           recorded_by=scope.actor.id)
        catalog = await uow.catalog.version(order.catalog_version)
        apply_reaction(order, reaction, rr, catalog, scope.actor, now)
        await uow.orders.save(order)
        alerts = await uow.reactions.add(reaction, alert_targets(reaction, rr))
        await uow.commit()
    return Recorded(reaction, alerts, ems_checklist(reaction, rr))


async def _reaction(uow: OrdersUnitOfWork, reaction_id: UUID, scope: Scope, *,
                    for_update: bool = False) -> Reaction:
    reaction = await uow.reactions.get(reaction_id, for_update=for_update)
    if reaction is None or not scope.sees(reaction.practice_id):
        raise NotFound(f"reaction {reaction_id} not found")
    return reaction


async def clear_series(*, uow: OrdersUnitOfWork, reaction_id: UUID, note: str, scope: Scope,
                       now: datetime | None = None) -> Reaction:
    """RX-6: the provider clears the held series; the next dose may then be ordered."""
    now = now or utcnow()
    rr = rules()
    async with uow:
        reaction = await _reaction(uow, reaction_id, scope, for_update=True)
        if not holds_series(reaction, rr):
            raise Conflict("this reaction holds no series: there is nothing to clear")
        if reaction.cleared_at is not None:
            raise Conflict("this reaction was already cleared")
        reaction = replace(reaction, cleared_at=now, cleared_by=scope.actor.id,
                           clearance_note=note.strip())
        await uow.reactions.save_clearance(reaction)
        # scheduling resumes the patient's paused series visits (keyed like reaction.recorded,
        # so it never arrives first)
        await uow.emit("reaction.cleared", ReactionCleared(
            reaction_id=reaction.id, order_id=reaction.order_id,
            practice_id=reaction.practice_id, patient_id=reaction.patient_id, cleared_at=now),
            key=str(reaction.order_id))
        await uow.commit()
    return reaction


async def get_reaction(*, uow: OrdersUnitOfWork, reaction_id: UUID, scope: Scope) -> Reaction:
    async with uow:
        return await _reaction(uow, reaction_id, scope)


async def order_reactions(*, uow: OrdersUnitOfWork, order_id: UUID,
                          scope: Scope) -> list[Reaction]:
    async with uow:
        order = await _order(uow, order_id, scope, for_update=False)
        return await uow.reactions.for_order(order.id)


async def patient_reactions(*, uow: OrdersUnitOfWork, patient_id: UUID,
                            scope: Scope) -> list[Reaction]:
    async with uow:
        patient = await uow.patients.get(patient_id)
        if patient is None or not scope.sees(patient.practice_id):
            raise NotFound(f"patient {patient_id} not found")
        return await uow.reactions.for_patient(patient.id)


async def list_alerts(*, uow: OrdersUnitOfWork, scope: Scope, audience: str | None,
                      practitioner_id: UUID | None, open_only: bool, limit: int,
                      cursor: str | None) -> tuple[list[Alert], str | None]:
    async with uow:
        return await uow.reactions.alerts(practice_id=scope.practice_id, audience=audience,
                                          practitioner_id=practitioner_id,
                                          open_only=open_only, limit=limit, cursor=cursor)


async def acknowledge_alert(*, uow: OrdersUnitOfWork, alert_id: UUID, scope: Scope,
                            now: datetime | None = None) -> Alert:
    now = now or utcnow()
    async with uow:
        alert = await uow.reactions.alert(alert_id)
        if alert is None or not scope.sees(alert.practice_id):
            raise NotFound(f"alert {alert_id} not found")
        if alert.acknowledged_at is None:
            await uow.reactions.acknowledge(alert.id, by=scope.actor.id, at=now)
            alert = replace(alert, acknowledged_at=now, acknowledged_by=scope.actor.id)
        await uow.commit()
    return alert


async def reaction_counts(*, uow: OrdersUnitOfWork, scope: Scope, start: date,
                          end: date) -> Counter[tuple[str, int]]:
    """Reactions by (suspect drug, grade) with onset on the days start..end (inclusive, UTC)."""
    if end < start:
        raise ValidationFailed([FieldError("to", "must not be before from")])
    begin = datetime.combine(start, time(), tzinfo=UTC)
    stop = datetime.combine(end, time(), tzinfo=UTC) + timedelta(days=1)
    async with uow:
        return await uow.reactions.counts(practice_id=scope.practice_id, start=begin, end=stop)
