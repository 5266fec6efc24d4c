"""Shifting a series (the offer GET /v1/series/{id} makes once a visit was moved or
cancelled): the visits from ``from_position`` on get planned ``days`` later (or earlier), and
each one not started and not already on its new day is moved there, a cancelled or missed one
booked again, inside the same window: all of them or none (409 ``series-infeasible``)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from uuid import UUID

from scheduling.domain.appointment import Appointment
from scheduling.domain.clinic import BookingPolicy
from scheduling.domain.course import REBOOKABLE, UNSTARTED, SeriesVisit
from scheduling.domain.errors import Conflict, InvalidInput, NotFound
from scheduling.domain.series import Failure
from scheduling.service.days import Clinic, shared_clinic
from scheduling.service.series import MAX_SHIFT_DAYS, SeriesView, _put, latest, view
from scheduling.service.series_auth import refuse_misfits
from scheduling.service.series_place import DayStates, SeriesInfeasible, need_of, place
from scheduling.service.uow import SchedulingUnitOfWork


async def shift(uow: SchedulingUnitOfWork, *, series_id: UUID, days: int,
                from_position: int | None, now: datetime, policy: BookingPolicy
                ) -> SeriesView:
    if days == 0 or abs(days) > MAX_SHIFT_DAYS:
        raise InvalidInput(f"days must be 1..{MAX_SHIFT_DAYS} either way", field="days")
    clinic = await shared_clinic(uow, policy)
    series = await uow.series.get(series_id)
    if series is None:
        raise NotFound(f"series {series_id} not found")
    if from_position is None:
        offer = (await view(uow, series, clinic)).offer
        from_position = offer.from_position if offer else 1
    if not 1 <= from_position <= len(series.visits):
        raise InvalidInput(f"from_position is 1..{len(series.visits)}", field="from_position")
    moving = [replace(v, day=v.day + timedelta(days=days)) for v in series.visits
              if v.position >= from_position]
    today = clinic.hours.local_date(now)
    if moving[0].day < today:
        raise InvalidInput("the shifted visits would start in the past", field="days")
    own = {v.order_id for v in series.visits}
    old_days = {d for v in moving if (d := await _day_of(uow, clinic, v.order_id))}
    await uow.queue_for_days(*old_days, *(v.day for v in moving))
    for oid in sorted(own):
        await uow.lock_order(oid)
    todo: list[tuple[SeriesVisit, Appointment | None]] = []
    for v in moving:
        appt = latest(await uow.appointments.for_order(v.order_id))
        order = await uow.orders.get(v.order_id)
        if appt is not None and appt.status not in UNSTARTED | REBOOKABLE:
            raise InvalidInput(f"visit {v.position} is {appt.status}: shift from a later visit",
                               field="from_position")
        if appt is not None and appt.status in REBOOKABLE and (
                order is None or order.cancelled or order.released):
            raise Conflict(f"order {v.order_id} of visit {v.position} can no longer be booked")
        here = clinic.hours.local_date(appt.start) if appt and appt.start else None
        if appt is None or appt.status in REBOOKABLE or here != v.day:
            todo.append((v, appt))
    await uow.lock_days(*old_days, *(v.day for v, _ in todo))
    orders = []
    for v, _ in todo:
        order = await uow.orders.get(v.order_id)
        assert order is not None and order.signed is not None
        orders.append(order)
    needs = [need_of(clinic, o.signed) for o in orders if o.signed]
    placed = await place(DayStates(uow, clinic, own, now), [v.day for v, _ in todo], needs,
                         series.window)
    if isinstance(placed, Failure):
        await uow.rollback()
        position = todo[placed.position - 1][0].position
        raise SeriesInfeasible(replace(placed, position=position))
    await refuse_misfits(uow, clinic, [v.order_id for v, _ in todo], [v.day for v, _ in todo],
                         placed, now, positions=[v.position for v, _ in todo])
    for (_, appt), order, slot in zip(todo, orders, placed, strict=True):
        assert order.signed is not None
        current = appt if appt is not None and appt.status in UNSTARTED else None
        _put(uow, clinic, order.signed, current, slot, series.window, order.bookable, now)
    by_position = {v.position: v for v in moving}
    series.visits = [by_position.get(v.position, v) for v in series.visits]
    await uow.series.save_visits(series)
    await uow.flush()  # the view reads the appointments just written
    return await view(uow, series, clinic)


async def _day_of(uow: SchedulingUnitOfWork, clinic: Clinic, order_id: UUID) -> date | None:
    """The day an unstarted visit sits on now (its chair time there is given up)."""
    appt = latest(await uow.appointments.for_order(order_id))
    if appt is None or appt.start is None or appt.status not in UNSTARTED:
        return None
    return clinic.hours.local_date(appt.start)
