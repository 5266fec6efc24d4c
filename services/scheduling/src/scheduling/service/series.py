"""Series booking (issue 16): a course of visits booked in one decision, every visit or none;
a view of it; and the shift offered once one visit left its planned day.

Race-free like a single booking (service/locks.py): wait in the process queue of every day of
the course, lock the orders (sorted, before any day), read the orders again, lock the days (in
date order), read them and decide. An order's current appointment (the hold ``order.signed``
made) is moved onto the plan, so a refusal (a rollback) leaves it as it was. The chair
exclusion constraint and the one-current-appointment index stay the backstop.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from uuid import UUID, uuid4

from scheduling.domain.appointment import CURRENT, Appointment, Status
from scheduling.domain.clinic import BookingPolicy
from scheduling.domain.course import (
    Series,
    SeriesVisit,
    ShiftOffer,
    shift_offer,
)
from scheduling.domain.errors import Conflict, InvalidInput, NotFound
from scheduling.domain.orders import SignedOrder
from scheduling.domain.series import Failure, Pattern, Window, catalog_pattern, series_days
from scheduling.domain.slots import Slot
from scheduling.service.days import Clinic, shared_clinic
from scheduling.service.series_auth import refuse_misfits
from scheduling.service.series_place import (
    DayStates,
    SeriesInfeasible,
    alternatives,
    need_of,
    place,
)
from scheduling.service.uow import SchedulingUnitOfWork

MAX_SHIFT_DAYS = 28


@dataclass(frozen=True)
class SeriesView:
    series: Series
    appointments: dict[UUID, Appointment | None]  # order id → its current (or last) one
    held_by: list[UUID]  # reactions pausing the unstarted visits (RX-6)
    offer: ShiftOffer | None
    local_days: dict[UUID, date | None]


def latest(appts: list[Appointment]) -> Appointment | None:
    """The order's current appointment, else its completed one, else its last."""
    current = [a for a in appts if a.status in CURRENT]
    done = [a for a in appts if a.status is Status.COMPLETED]
    found = current or done or appts
    return found[-1] if found else None


async def _signed(uow: SchedulingUnitOfWork, order_ids: list[UUID]) -> list[SignedOrder]:
    """The orders as signed, all of one patient and practice, none cancelled, released or in
    a series already."""
    out: list[SignedOrder] = []
    for i, oid in enumerate(order_ids):
        order = await uow.orders.get(oid)
        if order is None or order.signed is None:
            raise InvalidInput(f"unknown order {oid}", field=f"order_ids.{i}")
        if order.cancelled:
            raise Conflict(f"order {oid} is cancelled")
        if order.released:
            raise Conflict(f"order {oid}: authorization {order.authorization}")
        out.append(order.signed)
    if len({(o.patient_id, o.practice_id) for o in out}) != 1:
        raise InvalidInput("every order of a series is for the same patient and practice",
                           field="order_ids")
    taken = await uow.series.of_orders(order_ids)
    if taken:
        oid, sid = next(iter(taken.items()))
        raise Conflict(f"order {oid} is already in series {sid}", code="series-order-taken")
    return out


async def _current(uow: SchedulingUnitOfWork, order_id: UUID) -> Appointment | None:
    """The order's appointment that the plan replaces (a hold, booking or queued request);
    a visit already under way or over cannot join a series."""
    appts = await uow.appointments.for_order(order_id)
    if any(a.status in (Status.CHECKED_IN, Status.IN_CHAIR, Status.COMPLETED) for a in appts):
        raise Conflict(f"order {order_id} has been visited already",
                       code="series-order-visited")
    return next((a for a in appts if a.status in CURRENT), None)


def _put(uow: SchedulingUnitOfWork, clinic: Clinic, order: SignedOrder,
         appt: Appointment | None, slot: Slot, window: Window, bookable: bool,
         now: datetime) -> Appointment:
    """The order's appointment moved (or placed, or made) onto its planned slot."""
    policy = clinic.policy
    if appt is None or appt.status not in CURRENT:
        day = clinic.hours.local_date(slot.start)
        appt = Appointment.held(
            minutes=order.minutes, now=now, chair_id=slot.chair_id, start=slot.start,
            end=slot.end, hold_expires_at=now + timedelta(minutes=policy.hold_minutes),
            order_id=order.order_id, practice_id=order.practice_id,
            acuity_class=clinic.ratios.resolve(order.acuity_class, strict=False),
            pediatric=order.pediatric, requires_driver=order.requires_driver,
            high_acuity_chair=order.high_acuity_chair, urgency="planned",
            requested_start=slot.start,
            prep_minutes=order.prep_minutes or 0,
            window_from=clinic.hours.local_instant(day, window.start),
            window_to=clinic.hours.local_instant(day, window.end)
            + timedelta(minutes=order.minutes))
        uow.appointments.add(appt)
    elif appt.status is Status.QUEUED:
        appt.place(chair_id=slot.chair_id, start=slot.start, end=slot.end,
                   hold_expires_at=now + timedelta(minutes=policy.hold_minutes), now=now)
    elif (appt.chair_id, appt.start, appt.end) != (slot.chair_id, slot.start, slot.end):
        appt.move(chair_id=slot.chair_id, start=slot.start, end=slot.end, now=now)
    appt.prep_minutes = order.prep_minutes or 0  # its hood time on the pharmacy's day
    if bookable and appt.status is Status.HELD:
        appt.confirm(now)
    return appt


async def book(uow: SchedulingUnitOfWork, *, order_ids: list[UUID], pattern: Pattern | None,
               first_day: date, window: Window, allow_closed_day_gap: bool, now: datetime,
               policy: BookingPolicy) -> SeriesView:
    if pattern is not None:
        pattern.validate(len(order_ids))
    if len(set(order_ids)) != len(order_ids):
        raise InvalidInput("an order appears twice", field="order_ids")
    clinic = await shared_clinic(uow, policy)
    if first_day < clinic.hours.local_date(now):
        raise InvalidInput("first_day is in the past", field="first_day")
    orders = await _signed(uow, order_ids)
    if pattern is None:  # the catalog's course, as data (order.signed series)
        pattern = catalog_pattern([o.series for o in orders])
        pattern.validate(len(order_ids))
    needs = [need_of(clinic, o) for o in orders]
    own = set(order_ids)
    days = series_days(first_day, pattern, len(order_ids),
                       lambda d: clinic.frame(d) is not None, allow_closed_day_gap)
    placed: list[Slot] | Failure
    if isinstance(days, Failure):
        placed = days
    else:
        await uow.queue_for_days(*days)
        for oid in sorted(order_ids):
            await uow.lock_order(oid)
        orders = await _signed(uow, order_ids)
        current = {oid: await _current(uow, oid) for oid in order_ids}
        await uow.lock_days(*days)
        placed = await place(DayStates(uow, clinic, own, now), days, needs, window)
        if not isinstance(placed, Failure):
            await refuse_misfits(uow, clinic, order_ids, days, placed, now)
    if isinstance(placed, Failure):
        await uow.rollback()
        raise SeriesInfeasible(placed, await alternatives(
            uow, clinic, first_day=first_day, pattern=pattern, needs=needs, window=window,
            allow_gap=allow_closed_day_gap, own=own, now=now))
    assert not isinstance(days, Failure)
    series = Series(id=uuid4(), patient_id=orders[0].patient_id,
                    practice_id=orders[0].practice_id, pattern=pattern, first_day=first_day,
                    window=window, allow_closed_day_gap=allow_closed_day_gap,
                    visits=[SeriesVisit(i, o.order_id, d) for i, (o, d)
                            in enumerate(zip(orders, days, strict=True), start=1)])
    for order, slot in zip(orders, placed, strict=True):
        known = await uow.orders.get(order.order_id)
        _put(uow, clinic, order, current[order.order_id], slot, window,
             bool(known and known.bookable), now)
    await uow.series.add(series, now)
    await uow.flush()  # the view reads the appointments just written
    return await view(uow, series, clinic)


async def view(uow: SchedulingUnitOfWork, series: Series, clinic: Clinic) -> SeriesView:
    appts = {v.order_id: latest(await uow.appointments.for_order(v.order_id))
             for v in series.visits}
    local_days = {oid: clinic.hours.local_date(a.start) if a and a.start else None
                  for oid, a in appts.items()}
    return SeriesView(series=series, appointments=appts,
                      held_by=await uow.series.open_holds(series.patient_id),
                      offer=shift_offer(series, appts, local_days), local_days=local_days)


async def get(uow: SchedulingUnitOfWork, *, series_id: UUID, policy: BookingPolicy
              ) -> SeriesView:
    clinic = await shared_clinic(uow, policy)
    series = await uow.series.get(series_id)
    if series is None:
        raise NotFound(f"series {series_id} not found")
    return await view(uow, series, clinic)
