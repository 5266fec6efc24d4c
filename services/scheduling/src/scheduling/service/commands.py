"""Staff commands on appointments: book, move and the day-of-visit lifecycle.

Each runs inside an open unit of work; the route commits. Capacity is always checked after the
day's lock is taken, so two staff members (or 200 requests) can never both get the last slot.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from uuid import UUID

from scheduling.domain.appointment import OCCUPYING, Appointment, Status
from scheduling.domain.clinic import BookingPolicy, require_aware
from scheduling.domain.errors import (
    ALREADY_BOOKED,
    Conflict,
    IllegalTransition,
    InvalidInput,
    NotFound,
    Reason,
    SlotUnavailable,
)
from scheduling.domain.slots import Slot, SlotRequest, check_slot, find_slots
from scheduling.service.booking import BOOKABLE, RELEASED, offer_queue
from scheduling.service.days import Clinic, load_clinic, load_day

NEXT_OPTIONS = 5
NEXT_DAYS = 7  # how far ahead a 409 looks for next options
HARD_REASONS = {"outside_hours", "chair_unavailable", "off_grid"}


async def _order(uow, order_id: UUID) -> dict:
    order = await uow.orders.get(order_id)
    if order is None or order.get("signed_at") is None:
        raise InvalidInput(f"unknown order {order_id}", field="order_id")
    if order["cancelled"]:
        raise Conflict(f"order {order_id} is cancelled")
    if order["authorization"] in RELEASED:
        raise Conflict(f"order {order_id}: authorization {order['authorization']}")
    return order


def _request(clinic: Clinic, appt_or_order, ignore: str | None = None) -> SlotRequest:
    get = appt_or_order.get if isinstance(appt_or_order, dict) else \
        (lambda k: getattr(appt_or_order, k))
    return SlotRequest(minutes=get("minutes"),
                       acuity_class=clinic.ratios.resolve(get("acuity_class"), strict=False),
                       pediatric=bool(get("pediatric")),
                       requires_driver=bool(get("requires_driver")), ignore_visit=ignore,
                       overtime_minutes=clinic.policy.booking_overtime_minutes)


async def _place(uow, clinic: Clinic, req: SlotRequest, start: datetime,
                 chair_id: str | None, now: datetime) -> Slot:
    """Check (chair, start) under the day lock; 422 for impossible input, 409 with options."""
    start = require_aware(start, "start")
    if start < now - timedelta(minutes=1):
        raise InvalidInput("start is in the past", field="start")
    if chair_id is not None and clinic.chair(chair_id) is None:
        raise InvalidInput(f"unknown chair {chair_id}", field="chair_id")
    day = clinic.hours.local_date(start)
    frame = clinic.frame(day)
    if frame is None:
        raise InvalidInput("the clinic is closed that day", field="start")
    await uow.lock_days(day)
    loaded = await load_day(uow, clinic, day, now)
    state, policy = loaded.state, clinic.policy
    candidates = [chair_id] if chair_id else [
        c.id for c in sorted(clinic.chairs, key=lambda c: (c.pediatric_capable, c.id))]
    reasons: list[Reason] = []
    for candidate in candidates:
        found = check_slot(state, req, policy, candidate, start)
        if not found:
            end = start + timedelta(minutes=req.minutes)
            return Slot(chair_id=candidate, start=start, end=end)
        reasons = reasons or found
        hard = [r for r in found if r.code in HARD_REASONS and r.code != "chair_unavailable"]
        if hard:
            raise InvalidInput(hard[0].detail, field="start")
    options = find_slots(state, replace(req, not_before=max(start, now), limit=NEXT_OPTIONS),
                         policy)
    for offset in range(1, NEXT_DAYS + 1):  # not enough left that day: the following days
        if len(options) >= NEXT_OPTIONS:
            break
        later = await load_day(uow, clinic, day + timedelta(days=offset), now)
        if later is not None:
            options += find_slots(later.state, replace(req, not_before=max(start, now),
                                                       limit=NEXT_OPTIONS - len(options)), policy)
    raise SlotUnavailable(reasons, options)


async def book(uow, *, order_id: UUID, start: datetime, chair_id: str | None,
               now: datetime, policy: BookingPolicy) -> Appointment:
    await uow.lock_order(order_id)  # before reading its appointments: see uow.lock_order
    order = await _order(uow, order_id)
    clinic = await load_clinic(uow, policy)
    appts = await uow.appointments.for_order(order_id)
    if any(a.status in OCCUPYING for a in appts):
        raise Conflict(f"order {order_id} {ALREADY_BOOKED}")
    slot = await _place(uow, clinic, _request(clinic, order), start, chair_id, now)
    queued = next((a for a in appts if a.status is Status.QUEUED), None)
    hold_until = now + timedelta(minutes=policy.hold_minutes)
    if queued is not None:
        queued.place(chair_id=slot.chair_id, start=slot.start, end=slot.end,
                     hold_expires_at=hold_until, now=now)
        appt = queued
    else:
        appt = Appointment.held(
            minutes=order["minutes"], now=now, chair_id=slot.chair_id, start=slot.start,
            end=slot.end, hold_expires_at=hold_until, order_id=order_id,
            practice_id=order["practice_id"],
            acuity_class=clinic.ratios.resolve(order["acuity_class"], strict=False),
            pediatric=bool(order["pediatric"]), requires_driver=bool(order["requires_driver"]),
            urgency=order["urgency"], requested_start=slot.start,
            window_from=order["window_from"], window_to=order["window_to"])
        uow.appointments.add(appt)
    if order["authorization"] in BOOKABLE:
        appt.confirm(now)
    return appt


async def get(uow, appt_id: UUID) -> Appointment:
    appt = await uow.appointments.get(appt_id)
    if appt is None:
        raise NotFound(f"appointment {appt_id} not found")
    return appt


async def move(uow, *, appt_id: UUID, start: datetime, chair_id: str | None,
               now: datetime, policy: BookingPolicy) -> Appointment:
    appt = await get(uow, appt_id)
    if not appt.can("move"):
        raise IllegalTransition(appt.id, appt.status, "move")
    clinic = await load_clinic(uow, policy)
    old_day = clinic.hours.local_date(appt.start) if appt.start else None
    new_day = clinic.hours.local_date(require_aware(start, "start"))
    await uow.lock_days(*(d for d in (old_day, new_day) if d))
    ignore = str(appt.id) if old_day == new_day else None
    slot = await _place(uow, clinic, _request(clinic, appt, ignore), start, chair_id, now)
    old_start = appt.start
    appt.move(chair_id=slot.chair_id, start=slot.start, end=slot.end, now=now)
    if old_start is not None:  # the chair time it left may fit someone waiting
        await offer_queue(uow, now, policy, {old_start})
    return appt


async def check_in(uow, appt_id: UUID, now: datetime) -> Appointment:
    appt = await get(uow, appt_id)
    appt.check_in(now)
    return appt


async def start(uow, appt_id: UUID, now: datetime) -> Appointment:
    appt = await get(uow, appt_id)
    appt.start_visit(now)
    return appt


async def complete(uow, appt_id: UUID, now: datetime, policy: BookingPolicy) -> Appointment:
    appt = await get(uow, appt_id)
    if appt.complete(now):  # finished early: the rest of its chair time goes to the queue
        await offer_queue(uow, now, policy, {now})
    return appt


async def cancel(uow, appt_id: UUID, reason: str, now: datetime,
                 policy: BookingPolicy) -> Appointment:
    appt = await get(uow, appt_id)
    had_slot = appt.status in OCCUPYING
    appt.cancel(reason, now)
    if had_slot and appt.start:
        await offer_queue(uow, now, policy, {appt.start})
    return appt


async def no_show(uow, appt_id: UUID, now: datetime, policy: BookingPolicy) -> Appointment:
    appt = await get(uow, appt_id)
    appt.mark_no_show(now)
    if appt.start:
        await offer_queue(uow, now, policy, {appt.start})
    return appt
