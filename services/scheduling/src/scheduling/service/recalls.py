"""Recalls of recurring drugs: opened when a dose is given (``order.administered``), linked
to the next order of the drug (``order.signed``; its hold is never placed before the
earliest day), offered automatically at target - N days and flagged overdue after the latest
(the recall sweep), and guarded on staff bookings (409 before the earliest day).

Each function runs inside an open unit of work; the caller commits (the consumer, or
service/handlers.py / the sweep in service/recall_jobs.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from uuid import UUID, uuid4

from chairside_shared import contracts
from scheduling.adapters.recall_repository import SqlRecalls
from scheduling.domain.clinic import ClinicHours
from scheduling.domain.recall import (
    Dose,
    QuantityLimit,
    Recall,
    RecallRule,
    RecallStep,
    recall_dates,
    rule_for_dose,
)
from scheduling.domain.slots import Slot
from scheduling.service.uow import SchedulingUnitOfWork


def repo(uow: SchedulingUnitOfWork) -> SqlRecalls:
    return SqlRecalls(uow.session)


async def record_approval(uow: SchedulingUnitOfWork, p: contracts.AuthorizationApproved) -> None:
    """The approval's codes, with the payer's quantity limit of each (if any) and its end."""
    limits = {q.hcpcs: QuantityLimit(q.units, q.period_days) for q in p.quantity_limits}
    codes: dict[str, QuantityLimit | None] = {ln.hcpcs: limits.get(ln.hcpcs)
                                              for ln in p.lines}
    codes.update(limits)
    store = repo(uow)
    await store.record_limits(p.order_id, p.valid_to, codes)
    # the dose was recorded before its approval arrived: its recall learns the limit now
    recall = await store.of_source(p.order_id)
    if recall is None or not recall.hcpcs:
        return
    limit = limits.get(recall.hcpcs)
    earlier = [r.dose for r in await store.of_patient_drug(recall.patient_id, recall.drug_code)
               if r.id != recall.id]
    changed = limit is not None and recall.apply_limit(limit, earlier)
    if changed or (recall.hcpcs in codes and recall.auth_valid_to is None):
        recall.auth_valid_to = recall.auth_valid_to or p.valid_to
        await store.save(recall)


async def open_recalls(uow: SchedulingUnitOfWork, p: contracts.OrderAdministered) -> list[Recall]:
    """One recall per recurring drug given (idempotent per order); earlier open recalls of the
    same patient and drug are closed: their next dose was given."""
    if not p.recalls:
        return []
    hours = await uow.config.hours()
    first = min((a.started_at for a in p.administrations), default=p.completed_at)
    day = hours.local_date(first)
    store, out = repo(uow), []
    if await store.of_source(p.order_id) is not None:
        return []  # a redelivery
    known = await uow.orders.get(p.order_id)
    signed = known.signed if known else None
    for facts in p.recalls:
        checks = tuple(facts.pre_dose_checks)
        rule = rule_for_dose(
            RecallRule(facts.earliest_days, facts.target_from_days, facts.target_to_days,
                       facts.latest_days, checks),
            [RecallStep(tuple(s.doses), RecallRule(
                s.earliest_days, s.target_from_days, s.target_to_days, s.latest_days, checks))
             for s in facts.by_dose],
            signed.dose_number_of(facts.drug_code) if signed else None)
        # the molecule's earlier doses (any product) are superseded; the payer's cap counts
        # the code's own doses
        earlier = await store.of_patient_drug(p.patient_id, facts.drug_code,
                                              molecule=facts.molecule)
        same_code = [r for r in earlier if r.drug_code == facts.drug_code]
        limit, auth_valid_to = await _limit(store, p.order_id, facts.hcpcs, same_code)
        dose = Dose(day, facts.units_given)
        dates = recall_dates(rule, dose, [r.dose for r in same_code], limit)
        for old in earlier:
            if old.status != "closed" and old.last_dose_on <= day:
                old.close()
                await store.save(old)
        recall = Recall(
            id=uuid4(), patient_id=p.patient_id, practice_id=p.practice_id,
            drug_code=facts.drug_code, molecule=facts.molecule, hcpcs=facts.hcpcs,
            source_order_id=p.order_id,
            last_dose_on=day, units_given=facts.units_given, earliest=dates.earliest,
            target_from=dates.target_from, target_to=dates.target_to, latest=dates.latest,
            limit=limit, auth_valid_to=auth_valid_to, pre_dose_checks=rule.pre_dose_checks,
            rule_days=(rule.earliest_days, rule.target_from_days, rule.target_to_days,
                       rule.latest_days))
        await store.add(recall)
        out.append(recall)
    return out


async def _limit(store: SqlRecalls, order_id: UUID, hcpcs: str | None, earlier: list[Recall]
                 ) -> tuple[QuantityLimit | None, date | None]:
    """The limit the order's approval carried; else the one the drug's last recall used."""
    known = await store.limits_of(order_id, hcpcs) if hcpcs else None
    if known is not None and known[0] is not None:
        return known
    last = next((r for r in earlier if r.limit is not None), None)
    if last is not None:
        return last.limit, known[1] if known else last.auth_valid_to
    return None, known[1] if known else None


async def link_signed(uow: SchedulingUnitOfWork, p: contracts.OrderSigned) -> datetime | None:
    """A new order of a recalled drug takes the patient's open recall; returns the first
    instant it may be booked at (the earliest day's local midnight), or None."""
    codes = sorted({ln.drug_code for ln in p.lines})
    molecules = sorted({ln.molecule for ln in p.lines if ln.molecule})
    store = repo(uow)
    linked = await store.of_next_order(p.order_id)
    if linked is None:  # a biosimilar's order takes the reference product's recall too
        found = await store.open_for(p.patient_id, codes, molecules)
        if not found:
            return None
        linked = found[0]
        linked.link(p.order_id)
        await store.save(linked)
    hours = await uow.config.hours()
    return hours.local_instant(linked.earliest, time(0, 0))


async def unlink_cancelled(uow: SchedulingUnitOfWork, order_id: UUID) -> None:
    """order.cancelled of a recall's next dose: the recall is open again (the sweep may flag
    it overdue)."""
    store = repo(uow)
    recall = await store.of_next_order(order_id)
    if recall is not None and recall.status == "booked":
        recall.unlink()
        await store.save(recall)


def not_before_earliest(window_from: datetime | None, window_to: datetime | None,
                        earliest_at: datetime | None
                        ) -> tuple[datetime | None, datetime | None]:
    """The order's window moved to start no earlier than the recall's earliest day (a window
    that ended before it is dropped: the recall decides)."""
    if earliest_at is None:
        return window_from, window_to
    start = max(window_from or earliest_at, earliest_at)
    end = window_to if window_to is not None and window_to > start else None
    return start, end


async def guard_start(uow: SchedulingUnitOfWork, order_id: UUID | None,
                      start: datetime) -> None:
    """Staff moving the next dose before the recall's earliest day: 409. Ends the
    transaction it read in: the move that follows starts with shared reads."""
    try:
        recall = await repo(uow).of_next_order(order_id) if order_id else None
        if recall is not None:
            refuse_before_earliest(recall, start, await uow.config.hours())
    finally:
        await uow.rollback()


def refuse_before_earliest(recall: Recall | None, start: datetime, hours: ClinicHours) -> None:
    """409 when ``start`` is before the earliest day of the open recall whose next dose the
    visit is (``recall``: the order's, see SqlRecalls.of_next_order)."""
    if recall is None or recall.status == "closed" or start.tzinfo is None:
        return
    recall.require_not_before_earliest(hours.local_date(start))


def payload(r: Recall, now: datetime, slots: list[Slot] | None = None
            ) -> contracts.RecallChanged:
    return contracts.RecallChanged(
        recall_id=r.id, patient_id=r.patient_id, practice_id=r.practice_id,
        drug_code=r.drug_code, hcpcs=r.hcpcs, status=r.status,
        source_order_id=r.source_order_id, last_dose_on=r.last_dose_on, earliest=r.earliest,
        target_from=r.target_from, target_to=r.target_to, latest=r.latest,
        auth_valid_to=r.auth_valid_to, pre_dose_checks=list(r.pre_dose_checks),
        slots=[contracts.RecallSlot(chair_id=s.chair_id, start=s.start, end=s.end)
               for s in slots or []],
        occurred_at=now.astimezone(UTC))


