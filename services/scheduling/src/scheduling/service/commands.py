"""Staff commands on appointments: book, move and the day-of-visit lifecycle.

Each runs inside an open unit of work; the route commits. Capacity is always checked after the
day's lock is taken, so two staff members (or 200 requests) can never both get the last slot;
a booking checks the order's appointments after the order's lock, so one order never gets two.
A look without locks comes first and a refusal's next options are searched after the locks are
let go: under contention the lock is held only for the check that counts.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from uuid import UUID

from scheduling.domain.appointment import OCCUPYING, Appointment, Status
from scheduling.domain.clinic import BookingPolicy, require_aware
from scheduling.domain.daystate import DayState
from scheduling.domain.errors import (
    ALREADY_BOOKED,
    Busy,
    Conflict,
    IllegalTransition,
    InvalidInput,
    NotFound,
    Reason,
    SlotUnavailable,
)
from scheduling.domain.slots import Slot, SlotRequest, check_slot, find_slots
from scheduling.service.booking import BOOKABLE, RELEASED, offer_queue
from scheduling.service.days import Clinic, load_day, peek_day, shared_clinic

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


def _day_of(clinic: Clinic, start: datetime, chair_id: str | None, now: datetime) -> date:
    """The clinic day of a requested start; 422 for what can never work."""
    start = require_aware(start, "start")
    if start < now - timedelta(minutes=1):
        raise InvalidInput("start is in the past", field="start")
    if chair_id is not None and clinic.chair(chair_id) is None:
        raise InvalidInput(f"unknown chair {chair_id}", field="chair_id")
    day = clinic.hours.local_date(start)
    if clinic.frame(day) is None:
        raise InvalidInput("the clinic is closed that day", field="start")
    return day


def _fit(state: DayState, clinic: Clinic, req: SlotRequest, start: datetime,
         chair_id: str | None) -> Slot:
    """The requested chair (or the first that fits) at ``start``; 422 for impossible input,
    SlotUnavailable (options still to add) when taken."""
    candidates = [chair_id] if chair_id else [
        c.id for c in sorted(clinic.chairs, key=lambda c: (c.pediatric_capable, c.id))]
    reasons: list[Reason] = []
    for candidate in candidates:
        found = check_slot(state, req, clinic.policy, candidate, start)
        if not found:
            return Slot(chair_id=candidate, start=start, end=start + timedelta(minutes=req.minutes))
        reasons = reasons or found
        hard = [r for r in found if r.code in HARD_REASONS and r.code != "chair_unavailable"]
        if hard:
            raise InvalidInput(hard[0].detail, field="start")
    raise SlotUnavailable(reasons)


def _wanted(req: SlotRequest, start: datetime, now: datetime) -> SlotRequest:
    return replace(req, not_before=max(start, now), limit=NEXT_OPTIONS)


async def _next_options(uow, clinic: Clinic, req: SlotRequest, start: datetime, now: datetime,
                        same_day: list[Slot] | None = None) -> list[Slot]:
    """Feasible slots from ``start`` on: that day's (``same_day`` when the caller found them
    already), then the following days', read without locks."""
    policy, day, wanted = clinic.policy, clinic.hours.local_date(start), _wanted(req, start, now)
    options = same_day if same_day is not None else \
        find_slots(await peek_day(uow, clinic, day, now), wanted, policy)
    for offset in range(1, NEXT_DAYS + 1):  # not enough left that day: the following days
        if len(options) >= NEXT_OPTIONS:
            break
        later = await peek_day(uow, clinic, day + timedelta(days=offset), now)
        if later is not None:
            options += find_slots(later, replace(wanted, limit=NEXT_OPTIONS - len(options)),
                                  policy)
    return options


async def _peek(uow, clinic: Clinic, req: SlotRequest, start: datetime, chair_id: str | None,
                now: datetime) -> date:
    """A look without any lock, between transactions. When many requests want one slot, most
    find it already taken here and answer at once, instead of queueing for the day's lock only
    to learn the same."""
    day = _day_of(clinic, start, chair_id, now)
    state = await peek_day(uow, clinic, day, now)
    try:
        _fit(state, clinic, req, start, chair_id)
    except SlotUnavailable as exc:
        wanted = _wanted(req, start, now)
        options = await uow.read_shared(  # the same for every request like it
            ("options", day, wanted, clinic.policy), lambda reader: _next_options(
                reader, clinic, req, start, now, find_slots(state, wanted, clinic.policy)))
        raise SlotUnavailable(exc.reasons, options) from exc
    return day


async def _refused(uow, clinic: Clinic, req: SlotRequest, start: datetime, now: datetime,
                   exc: SlotUnavailable | Busy, state: DayState | None) -> SlotUnavailable:
    """The 409 for a slot we could not have under the locks (taken, or the locks stayed busy
    past the request's wait budget). Only the day already read under the lock (``state``) is
    searched before letting go of the locks; the following days after, so the next request in
    line does not wait for that search."""
    same_day = find_slots(state, _wanted(req, start, now), clinic.policy) \
        if state is not None else None
    await uow.rollback()
    reasons = exc.reasons if isinstance(exc, SlotUnavailable) else [Reason("busy", str(exc))]
    return SlotUnavailable(reasons, await _next_options(uow, clinic, req, start, now, same_day))


async def _unbooked(uow, order_id: UUID) -> list[Appointment]:
    appts = await uow.appointments.for_order(order_id)
    if any(a.status in OCCUPYING for a in appts):
        raise Conflict(f"order {order_id} {ALREADY_BOOKED}")
    return appts


async def book(uow, *, order_id: UUID, start: datetime, chair_id: str | None,
               now: datetime, policy: BookingPolicy) -> Appointment:
    clinic = await shared_clinic(uow, policy)
    req = _request(clinic, await _order(uow, order_id))
    await _unbooked(uow, order_id)
    await uow.rollback()  # read again under the order's lock below
    day = await _peek(uow, clinic, req, start, chair_id, now)
    state = None
    try:
        await uow.queue_for_days(day)
        await uow.lock_order(order_id)  # then read the order again: see service/locks.py
        order = await _order(uow, order_id)
        appts = await _unbooked(uow, order_id)
        await uow.lock_days(day)
        state = (await load_day(uow, clinic, day, now)).state
        slot = _fit(state, clinic, req, start, chair_id)
    except (SlotUnavailable, Busy) as exc:
        raise await _refused(uow, clinic, req, start, now, exc, state) from exc
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
    clinic = await shared_clinic(uow, policy)
    appt = await get(uow, appt_id)
    if not appt.can("move"):
        raise IllegalTransition(appt.id, appt.status, "move")
    await uow.rollback()  # read again once queued for its days below
    old_day = clinic.hours.local_date(appt.start) if appt.start else None
    new_day = clinic.hours.local_date(require_aware(start, "start"))
    req = _request(clinic, appt, str(appt.id) if old_day == new_day else None)
    await _peek(uow, clinic, req, start, chair_id, now)
    state = None
    days = [d for d in (old_day, new_day) if d]
    try:
        await uow.queue_for_days(*days)
        appt = await get(uow, appt_id)  # as it is now (a later change fails its version check)
        await uow.lock_days(*days)
        state = (await load_day(uow, clinic, new_day, now)).state
        slot = _fit(state, clinic, req, start, chair_id)
    except (SlotUnavailable, Busy) as exc:
        raise await _refused(uow, clinic, req, start, now, exc, state) from exc
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
