"""Holds and bookings driven by events, the same-day queue, and hold expiry.

Each function runs inside an open unit of work; the caller commits (the consumer after the
inbox row, service/handlers.py for staff and the hold sweep). Expected outcomes (nothing free,
already done) are not errors: an event handler that raised would be retried and finally
dead-lettered.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime, timedelta
from uuid import UUID

from scheduling.adapters.triage_seed import triage_rule
from scheduling.domain.appointment import CURRENT, OCCUPYING, Appointment, Details, Status
from scheduling.domain.booking import (
    Need,
    offer_freed_capacity,
    planned_span,
    prep_lead,
    ready_time,
    request_for,
)
from scheduling.domain.clinic import BookingPolicy
from scheduling.domain.orders import (
    RELEASED,
    CourseLine,
    OrderRequest,
    SignedOrder,
    first_dose,
)
from scheduling.domain.series import CatalogCourse
from scheduling.domain.slots import Slot, find_slots
from scheduling.service import authorization_gate as gate
from scheduling.service.days import Clinic, load_clinic, load_frame, search_range
from scheduling.service.metrics import REQUEST_OUTCOMES
from scheduling.service.uow import SchedulingUnitOfWork

log = logging.getLogger("scheduling.booking")


async def record_signed_order(
    uow: SchedulingUnitOfWork, *, order_id: UUID, practice_id: str, patient_id: UUID,
    urgency: str, minutes: int, acuity_class: str, pediatric: bool, requires_driver: bool,
    signed_at: datetime, window_from: datetime | None = None, window_to: datetime | None = None,
    authorization: str | None = None, triage_category: str | None = None,
    headache_hours: int | None = None, prep_minutes: int | None = None,
    series: CatalogCourse | None = None, course: tuple[CourseLine, ...] = (),
) -> OrderRequest:
    """order.signed: what the order asks for (``authorization``: as if decided already)."""
    signed = SignedOrder(
        order_id=order_id, practice_id=practice_id, patient_id=patient_id, urgency=urgency,
        minutes=minutes, acuity_class=acuity_class, pediatric=pediatric,
        requires_driver=requires_driver, signed_at=signed_at, window_from=window_from,
        window_to=window_to, triage_category=triage_category, headache_hours=headache_hours,
        prep_minutes=prep_minutes, series=series, course=course,
        high_acuity_chair=uow.options.policy.needs_high_acuity_chair(acuity_class,
                                                                       first_dose(course)))
    await uow.orders.record_signed(signed, authorization=authorization)
    order = await uow.orders.get(order_id)
    if order is None:
        raise RuntimeError(f"order {order_id} was not recorded")
    return order


def triaged(signed: SignedOrder) -> Details:
    """What the same-day queue orders by: the effective triage category, the attack's length
    and the clinical points under the rule in force (``priority``)."""
    rule = triage_rule()
    category = rule.category_of(signed.triage_category, signed.headache_hours)
    return {"triage_category": category, "headache_hours": signed.headache_hours,
            "priority": rule.clinical_points(category, signed.pediatric)}


async def find_and_lock(uow: SchedulingUnitOfWork, clinic: Clinic, need: Need, now: datetime,
                        ignore: str | None = None) -> Slot | None:
    """The earliest slot for a need, re-checked under its day's lock (race-free)."""
    policy = clinic.policy
    today = clinic.hours.local_date(now)
    if need.window_to is not None and need.window_to <= ready_time(need, now, policy):
        return None  # the requested window is already over (or too close for pharmacy prep)
    if need.urgency == "same_day":
        days = [today]
    else:
        span = planned_span(need, now, policy)
        if span is None:
            return None
        # A long requested window is searched from its start up to the planning horizon:
        # an event must never fail for asking far ahead.
        first, last = span
        last = min(last, first + timedelta(days=policy.planned_horizon_days))
        days = search_range(clinic, first, max(last, first), policy.planned_horizon_days + 1)
    for day in days:
        frame = clinic.frame(day)
        if frame is None:
            continue
        await uow.lock_days(day)
        loaded = await load_frame(uow, clinic, frame, now)
        req = request_for(need, now, policy, day_end=frame.close_at)
        if req is None or (req.not_after is not None and req.not_after <= frame.open_at):
            break
        if ignore:
            req = replace(req, ignore_visit=ignore)
        slots = find_slots(loaded.state, req, policy)
        if slots:
            return slots[0]
    return None


async def hold_for_order(uow: SchedulingUnitOfWork, order: OrderRequest, now: datetime,
                         policy: BookingPolicy) -> Appointment | None:
    """order.signed: hold the earliest slot, else (same-day) join the queue. Idempotent."""
    await uow.lock_order(order.order_id)  # staff may be booking it right now
    existing = [a for a in await uow.appointments.for_order(order.order_id)
                if a.status in CURRENT]
    signed = order.signed
    if existing or order.cancelled or order.released or signed is None:
        return existing[0] if existing else None
    clinic = await load_clinic(uow, policy)
    # an approved order's slot is searched within the approval's days only
    approval = await gate.approval_of(uow, order)
    need = gate.within_dates(replace(signed.need(), prep_limited=clinic.pharmacy_limited),
                             approval, clinic.hours)
    slot = await find_and_lock(uow, clinic, need, now)
    if slot is not None and approval is not None:  # last lock: see service/locks.py
        await uow.lock_authorization(approval.auth_number)
    misfit = await gate.misfit_at(uow, approval, slot.start, clinic.hours) \
        if slot is not None and approval is not None else None
    if approval is not None and misfit is not None and uow.options.auth_mismatch == "refuse":
        assert slot is not None
        await gate.tell_authorization(uow, gate.renewal_needed(
            approval, misfit, day=clinic.hours.local_date(slot.start), outcome="refused",
            practice_id=signed.practice_id, appointment_id=None, now=now))
        return None  # e.g. no units left under the auth number: staff and renewal decide
    ready_at = now + timedelta(minutes=prep_lead(need, policy))
    fields: Details = {
        "order_id": order.order_id, "practice_id": signed.practice_id,
        "acuity_class": clinic.ratios.resolve(need.acuity_class, strict=False),
        "pediatric": need.pediatric, "requires_driver": need.requires_driver,
        "high_acuity_chair": need.high_acuity_chair, "urgency": need.urgency,
        "window_from": need.window_from, "window_to": need.window_to,
        "ready_at": ready_at, "requested_start": max(ready_at, need.window_from or ready_at),
        **triaged(signed),
        "prep_minutes": need.prep_minutes or 0,
    }
    outcome = "held" if slot else ("queued" if need.urgency == "same_day" else "unplaced")
    REQUEST_OUTCOMES.labels(need.urgency, outcome).inc()
    if slot is None:
        if need.urgency != "same_day":
            log.warning("no slot for planned order %s in its window", order.order_id)
            return None
        appt = Appointment.queued(minutes=need.minutes, now=now, **fields)
    else:
        appt = Appointment.held(minutes=need.minutes, now=now, chair_id=slot.chair_id,
                                start=slot.start, end=slot.end,
                                hold_expires_at=now + timedelta(minutes=policy.hold_minutes),
                                **fields)
        if approval is not None and misfit is not None:  # the hold setting
            appt.wait_for(gate.held_reason(misfit), now)
            await gate.tell_authorization(uow, gate.renewal_needed(
                approval, misfit, day=clinic.hours.local_date(slot.start), outcome="held",
                practice_id=signed.practice_id, appointment_id=appt.id, now=now))
        elif order.bookable:
            appt.confirm(now)
    uow.appointments.add(appt)
    return appt


async def authorization_decided(uow: SchedulingUnitOfWork, order_id: UUID, decision: str,
                                now: datetime, policy: BookingPolicy) -> None:
    """Approved / not required → book; denied / not covered / closed → release."""
    await uow.orders.record_authorization(order_id, decision)
    order = await uow.orders.get(order_id)
    if decision == "closed":
        return  # staff decide what an expired or withdrawn approval means for the visit
    if decision in RELEASED:
        await release_order(uow, order_id, f"authorization_{decision}", now, policy)
        return
    if order is None or order.signed is None or order.cancelled:
        return  # the order itself has not reached us yet: order.signed will book it
    await uow.lock_order(order_id)
    appts = await uow.appointments.for_order(order_id)
    approval = await gate.approval_of(uow, order)
    hours = (await load_clinic(uow, policy)).hours if approval else None
    for appt in [a for a in appts if a.status in OCCUPYING]:
        if approval and hours and not await gate.settle(uow, approval, appt, hours, now):
            continue  # outside the approval: held with why, released, or left to staff
        if appt.status is Status.HELD:
            appt.confirm(now)
    if not any(a.status in CURRENT for a in appts):
        await hold_for_order(uow, order, now, policy)  # hold expired meanwhile: try again


async def release_order(uow: SchedulingUnitOfWork, order_id: UUID, reason: str, now: datetime,
                        policy: BookingPolicy, *, cancelled: bool = False) -> list[Appointment]:
    """Release everything not yet started for an order; freed capacity goes to the queue."""
    if cancelled:
        await uow.orders.record_cancelled(order_id)
    # after the upsert (its row lock comes first on every path): a booking in flight commits
    # before we read, so it is released too, or reads the cancellation and is refused
    await uow.lock_order(order_id)
    released = []
    for appt in await uow.appointments.for_order(order_id):
        if appt.can("cancel"):
            had_slot = appt.status in OCCUPYING
            appt.cancel(reason, now)
            if had_slot:
                released.append(appt)
    await offer_queue(uow, now, policy, {a.start for a in released if a.start})
    return released


async def offer_queue(uow: SchedulingUnitOfWork, now: datetime, policy: BookingPolicy,
                      freed_at: set[datetime] | None = None) -> list[Appointment]:
    """Offer today's free capacity to the same-day queue first, in triage order at ``now``
    (clinical urgency, pediatric, waited time: domain/triage.py)."""
    clinic = await load_clinic(uow, policy)
    today = clinic.hours.local_date(now)
    if freed_at is not None and not any(clinic.hours.local_date(t) == today for t in freed_at):
        return []
    frame = clinic.frame(today)
    if not await uow.appointments.queued() or frame is None:
        return []
    await uow.lock_days(today)
    await uow.flush()  # the released chair time must be visible to the day we read next
    # A request whose order is locked is being booked or released right now: leave it to that
    # transaction. The others are read again under their order's lock (the first read may
    # predate a booking that committed since).
    mine = [e for e in await uow.appointments.queued()
            if e.order_id is None or await uow.try_lock_order(e.order_id)]
    waiting = await uow.appointments.reload(mine)
    loaded = await load_frame(uow, clinic, frame, now)
    placed = []
    for entry, slot in offer_freed_capacity(loaded.state, waiting, now, policy, triage_rule()):
        entry.place(chair_id=slot.chair_id, start=slot.start, end=slot.end,
                    hold_expires_at=now + timedelta(minutes=policy.hold_minutes), now=now)
        order = await uow.orders.get(entry.order_id) if entry.order_id else None
        if order is not None and order.bookable:
            approval = await gate.approval_of(uow, order)
            if approval is None or await gate.settle(uow, approval, entry, clinic.hours, now):
                entry.confirm(now)
        placed.append(entry)
    return placed


async def close_stale_queue(uow: SchedulingUnitOfWork, now: datetime,
                            policy: BookingPolicy) -> int:
    """Same-day requests still queued after their day ended are released (the clinic must
    re-triage them), so the orders service hears about it."""
    clinic = await load_clinic(uow, policy)
    today = clinic.hours.local_date(now)
    stale = [e for e in await uow.appointments.queued()
             if e.queued_at is not None and clinic.hours.local_date(e.queued_at) < today]
    for entry in stale:
        entry.cancel("queue_closed", now)
    return len(stale)


async def expire_holds(uow: SchedulingUnitOfWork, now: datetime, policy: BookingPolicy,
                       limit: int = 100) -> int:
    await close_stale_queue(uow, now, policy)
    expired = await uow.appointments.expired_holds(now, limit)
    for appt in expired:
        appt.expire_hold(now)
    if expired:
        await offer_queue(uow, now, policy, {a.start for a in expired if a.start})
    return len(expired)
