"""Staff commands on appointments: book, move and the day-of-visit lifecycle.

Each runs inside an open unit of work; its handler (service/handlers.py) commits. Capacity is
always checked after the day's lock is taken, so two staff members (or 200 requests) can never
both get the last slot; a booking checks the order's appointments after the order's lock, so
one order never gets two. The look before the locks and the 409s: service/first_look.py (the
order) and service/refusals.py (the day).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from uuid import UUID

from scheduling.domain.appointment import OCCUPYING, Appointment, Status
from scheduling.domain.clinic import BookingPolicy, DayFrame, require_aware
from scheduling.domain.daystate import DayState
from scheduling.domain.errors import (
    ALREADY_BOOKED,
    Busy,
    Conflict,
    IllegalTransition,
    InvalidInput,
    NotFound,
    SlotUnavailable,
)
from scheduling.domain.orders import OrderRequest, SignedOrder
from scheduling.domain.slots import Slot, SlotRequest
from scheduling.domain.visit_truth import ESCORT_MISSING, VisitWarning, require_within
from scheduling.service import authorization_gate as gate
from scheduling.service import recalls
from scheduling.service.booking import offer_queue
from scheduling.service.days import Clinic, load_frame, shared_clinic
from scheduling.service.first_look import look_at_order
from scheduling.service.locks import DayChanged
from scheduling.service.metrics import BOOKING_ATTEMPTS
from scheduling.service.refusals import fit, peek, refused, request_of
from scheduling.service.uow import SchedulingUnitOfWork


async def _order(uow: SchedulingUnitOfWork, order_id: UUID
                 ) -> tuple[OrderRequest, SignedOrder]:
    """A signed order that may still get chair time, and what it asks for."""
    return _bookable(await uow.orders.get(order_id), order_id)


def _bookable(order: OrderRequest | None, order_id: UUID) -> tuple[OrderRequest, SignedOrder]:
    if order is None or order.signed is None:
        raise InvalidInput(f"unknown order {order_id}", field="order_id")
    if order.cancelled:
        raise Conflict(f"order {order_id} is cancelled")
    if order.released:
        raise Conflict(f"order {order_id}: authorization {order.authorization}")
    return order, order.signed


async def _unbooked(uow: SchedulingUnitOfWork, order_id: UUID) -> list[Appointment]:
    appts = await uow.appointments.for_order(order_id)
    if any(a.status in OCCUPYING for a in appts):
        raise Conflict(f"order {order_id} {ALREADY_BOOKED}")
    return appts


async def book(uow: SchedulingUnitOfWork, *, order_id: UUID, start: datetime,
               chair_id: str | None, now: datetime, policy: BookingPolicy) -> Appointment:
    clinic = await shared_clinic(uow, policy)
    look = await look_at_order(uow, order_id)  # batched with the requests of the moment
    recalls.refuse_before_earliest(look.recall, start, clinic.hours)
    first, signed = _bookable(look.order, order_id)
    req = request_of(clinic, signed, now=now)
    if look.occupying:
        raise Conflict(f"order {order_id} {ALREADY_BOOKED}")
    misfit = await gate.refuse_or_hold(uow, first, require_aware(start, "start"), clinic.hours)
    await uow.rollback()  # read again under the order's lock below
    frame = await _look_and_queue(uow, clinic, req, start, chair_id, now)
    state: DayState | None = None
    try:
        await uow.lock_order(order_id)  # then read the order again: see service/locks.py
        order, signed = await _order(uow, order_id)
        appts = await _unbooked(uow, order_id)
        await uow.lock_days(frame.day)
        state = (await load_frame(uow, clinic, frame, now)).state
        slot = fit(state, clinic, req, start, chair_id)
        # Asked again under the approval number's lock: another order drawing on the same
        # approval may have booked since the look above (its units are per approval).
        approval = await gate.approval_of(uow, order)
        if approval is not None:
            await uow.lock_authorization(approval.auth_number)
        misfit = await gate.refuse_or_hold(uow, order, start, clinic.hours)
    except (SlotUnavailable, Busy) as exc:
        BOOKING_ATTEMPTS.labels("refused_busy" if isinstance(exc, Busy)
                                else "refused_under_lock").inc()
        raise await refused(uow, clinic, frame, req, start, now, exc, state) from exc
    BOOKING_ATTEMPTS.labels("placed").inc()
    if misfit is not None:  # held for its approval: never confirmed, no expiry
        appt = _hold(uow, clinic, signed, appts, slot, now, policy,
                     reason=gate.held_reason(misfit[1]))
        await gate.tell_authorization(uow, gate.renewal_needed(
            *misfit, day=frame.day, outcome="held", practice_id=signed.practice_id,
            appointment_id=appt.id, now=now))
        return appt
    appt = _hold(uow, clinic, signed, appts, slot, now, policy)
    if order.bookable:
        appt.confirm(now)
    return appt


async def _look_and_queue(uow: SchedulingUnitOfWork, clinic: Clinic, req: SlotRequest,
                          start: datetime, chair_id: str | None, now: datetime) -> DayFrame:
    """Look at the day without a lock (409 when the slot is taken), then wait for its place in
    the queue; looked at again when a booking committed on the day meanwhile (DayChanged:
    service/locks.py)."""
    outcome = "refused_first_look"
    day = clinic.hours.local_date(require_aware(start, "start"))
    while True:
        changes = uow.day_changes(day)
        try:
            frame = await peek(uow, clinic, req, start, chair_id, now, changes)
        except SlotUnavailable:
            BOOKING_ATTEMPTS.labels(outcome).inc()
            raise
        try:
            await uow.queue_for_days(frame.day, seen={frame.day: changes})
            return frame
        except DayChanged:
            outcome = "refused_look_again"
        except Busy as exc:
            BOOKING_ATTEMPTS.labels("refused_busy").inc()
            raise await refused(uow, clinic, frame, req, start, now, exc, None) from exc


def _hold(uow: SchedulingUnitOfWork, clinic: Clinic, order: SignedOrder,
          appts: list[Appointment], slot: Slot, now: datetime,
          policy: BookingPolicy, reason: str | None = None) -> Appointment:
    """The order's queued request placed in the slot, or a new hold there; with a
    ``reason``, a hold that waits for it (no expiry)."""
    queued = next((a for a in appts if a.status is Status.QUEUED), None)
    hold_until = None if reason else now + timedelta(minutes=policy.hold_minutes)
    if queued is not None:
        queued.reason = reason
        queued.place(chair_id=slot.chair_id, start=slot.start, end=slot.end,
                     hold_expires_at=hold_until, now=now)
        return queued
    appt = Appointment.held(
        minutes=order.minutes, now=now, chair_id=slot.chair_id, start=slot.start,
        end=slot.end, hold_expires_at=hold_until, order_id=order.order_id,
        practice_id=order.practice_id,
        acuity_class=clinic.ratios.resolve(order.acuity_class, strict=False),
        pediatric=order.pediatric, requires_driver=order.requires_driver,
        high_acuity_chair=order.high_acuity_chair,
        urgency=order.urgency, requested_start=slot.start,
        prep_minutes=order.prep_minutes or 0,
        window_from=order.window_from, window_to=order.window_to, reason=reason)
    uow.appointments.add(appt)
    return appt


async def get(uow: SchedulingUnitOfWork, appt_id: UUID) -> Appointment:
    appt = await uow.appointments.get(appt_id)
    if appt is None:
        raise NotFound(f"appointment {appt_id} not found")
    return appt


async def move(uow: SchedulingUnitOfWork, *, appt_id: UUID, start: datetime,
               chair_id: str | None, now: datetime, policy: BookingPolicy) -> Appointment:
    clinic = await shared_clinic(uow, policy)
    appt = await get(uow, appt_id)
    if not appt.can("move"):
        raise IllegalTransition(appt.id, appt.status, "move")
    await gate.refuse_moving(uow, appt, require_aware(start, "start"), clinic.hours)
    await uow.rollback()  # read again once queued for its days below (no transaction open)
    old_day = clinic.hours.local_date(appt.start) if appt.start else None
    new_day = clinic.hours.local_date(require_aware(start, "start"))
    req = request_of(clinic, appt, str(appt.id) if old_day == new_day else None, now=now)
    frame = await peek(uow, clinic, req, start, chair_id, now)
    state: DayState | None = None
    days = [d for d in (old_day, new_day) if d]
    try:
        await uow.queue_for_days(*days)
        appt = await get(uow, appt_id)  # as it is now (a later change fails its version check)
        await uow.lock_days(*days)
        state = (await load_frame(uow, clinic, frame, now)).state
        slot = fit(state, clinic, req, start, chair_id)
    except (SlotUnavailable, Busy) as exc:
        raise await refused(uow, clinic, frame, req, start, now, exc, state) from exc
    old_start = appt.start
    appt.move(chair_id=slot.chair_id, start=slot.start, end=slot.end, now=now)
    if old_start is not None:  # the chair time it left may fit someone waiting
        await offer_queue(uow, now, policy, {old_start})
    return appt


async def check_in(uow: SchedulingUnitOfWork, appt_id: UUID,
                   now: datetime) -> tuple[Appointment, list[VisitWarning]]:
    """Within the check-in window around the slot; warns when a no-drive order's escort is
    not on file yet (orders' ``order.escort_confirmed``): discharge will wait for it."""
    appt = await get(uow, appt_id)
    if appt.can("check_in"):
        require_within("check-in", appt.start, uow.options.windows.check_in, now)
    appt.check_in(now)
    warnings: list[VisitWarning] = []
    if appt.requires_driver and appt.order_id is not None:
        order = await uow.orders.get(appt.order_id)
        if order is None or order.escort_confirmed_at is None:
            warnings.append(ESCORT_MISSING)
    return appt, warnings


async def start(uow: SchedulingUnitOfWork, appt_id: UUID, now: datetime) -> Appointment:
    appt = await get(uow, appt_id)
    if appt.can("start"):
        require_within("start", appt.start, uow.options.windows.start, now)
    appt.start_visit(now)
    return appt


async def complete(uow: SchedulingUnitOfWork, appt_id: UUID, now: datetime,
                   policy: BookingPolicy) -> Appointment:
    """The visit is completed in orders (discharge criteria); the appointment follows through
    ``order.administered``. Staff completing it here: refused while the order is not
    completed; an appointment already completed is answered as it is (idempotent)."""
    appt = await get(uow, appt_id)
    if appt.status is Status.COMPLETED:
        return appt
    if appt.order_id is not None and appt.can("complete"):
        order = await uow.orders.get(appt.order_id)
        if order is not None and order.administered_at is None:
            raise Conflict(f"order {appt.order_id} is not completed: complete the visit in "
                           "orders (discharge criteria); the appointment follows",
                           code="order-not-completed")
    await _finish(uow, appt, now, policy)
    return appt


async def _finish(uow: SchedulingUnitOfWork, appt: Appointment, end: datetime,
                  policy: BookingPolicy) -> None:
    if appt.complete(end):  # finished early: the rest of its chair time goes to the queue
        await offer_queue(uow, end, policy, {end})


async def order_administered(uow: SchedulingUnitOfWork, order_id: UUID, completed_at: datetime,
                             first_given_at: datetime | None, policy: BookingPolicy) -> None:
    """``order.administered``: the visit is over, so its appointment is too, in the same
    transaction as the inbox row. A visit never started here (staff skipped "start") starts
    when the first drug was given. Repeats and late events change nothing."""
    await uow.orders.record_administered(order_id, completed_at)
    for appt in await uow.appointments.for_order(order_id):
        if appt.status is Status.CHECKED_IN:
            appt.start_visit(min(first_given_at or completed_at, completed_at))
        if appt.status is Status.IN_CHAIR:
            await _finish(uow, appt, max(completed_at, appt.started_at or completed_at),
                          policy)


async def cancel(uow: SchedulingUnitOfWork, appt_id: UUID, reason: str, now: datetime,
                 policy: BookingPolicy) -> Appointment:
    appt = await get(uow, appt_id)
    had_slot = appt.status in OCCUPYING
    appt.cancel(reason, now)
    if had_slot and appt.start:
        await offer_queue(uow, now, policy, {appt.start})
    return appt


async def no_show(uow: SchedulingUnitOfWork, appt_id: UUID, now: datetime,
                  policy: BookingPolicy) -> Appointment:
    appt = await get(uow, appt_id)
    appt.mark_no_show(now)
    if appt.start:
        await offer_queue(uow, now, policy, {appt.start})
    return appt
