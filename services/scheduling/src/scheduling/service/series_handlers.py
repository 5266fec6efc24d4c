"""Series handlers: each opens the unit of work, runs its step (service/series.py,
series_shift.py) and commits state and events together. Routes call these."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from scheduling.domain.appointment import Appointment
from scheduling.domain.course import ShiftOffer
from scheduling.domain.errors import NotFound
from scheduling.domain.series import Pattern, Window
from scheduling.service import series, series_holds, series_shift
from scheduling.service.series import SeriesView
from scheduling.service.series_auth import SeriesAuthorizationMismatch, tell_refused
from scheduling.service.uow import SchedulingUnitOfWork


async def book_series(*, uow: SchedulingUnitOfWork, order_ids: list[UUID],
                      pattern: Pattern | None,
                      first_day: date, window: Window, allow_closed_day_gap: bool,
                      now: datetime) -> SeriesView:
    try:
        async with uow:
            out = await series.book(uow, order_ids=order_ids, pattern=pattern,
                                    first_day=first_day, window=window,
                                    allow_closed_day_gap=allow_closed_day_gap, now=now,
                                    policy=uow.options.policy)
            await uow.commit()
    except SeriesAuthorizationMismatch as exc:
        await tell_refused(uow, exc)
        raise
    return out


async def get_series(*, uow: SchedulingUnitOfWork, series_id: UUID) -> SeriesView:
    async with uow:
        return await series.get(uow, series_id=series_id, policy=uow.options.policy)


async def shift_series(*, uow: SchedulingUnitOfWork, series_id: UUID, days: int,
                       from_position: int | None, now: datetime) -> SeriesView:
    try:
        async with uow:
            out = await series_shift.shift(uow, series_id=series_id, days=days,
                                           from_position=from_position, now=now,
                                           policy=uow.options.policy)
            await uow.commit()
    except SeriesAuthorizationMismatch as exc:
        await tell_refused(uow, exc)
        raise
    return out


async def appointment_in_series(*, uow: SchedulingUnitOfWork, appt_id: UUID
                                ) -> tuple[Appointment, UUID | None, list[UUID]]:
    """An appointment, the series its order belongs to and the reactions pausing it (RX-6)."""
    async with uow:
        appt = await uow.appointments.get(appt_id)
        if appt is None:
            raise NotFound(f"appointment {appt_id} not found")
        found = await uow.series.of_orders([appt.order_id]) if appt.order_id else {}
        held = await series_holds.paused_by(uow, appt) if found else []
        return appt, next(iter(found.values()), None), held


async def offer_after_change(*, uow: SchedulingUnitOfWork, appt: Appointment
                             ) -> tuple[UUID | None, ShiftOffer | None]:
    """After a move or cancel has committed: the series of the appointment's order and the
    shift of the rest it now offers, so staff see the offer in the same answer."""
    if appt.order_id is None:
        return None, None
    async with uow:
        found = await uow.series.of_orders([appt.order_id])
    series_id = next(iter(found.values()), None)
    if series_id is None:
        return None, None
    async with uow:  # a fresh one: the view's shared clinic read runs between transactions
        return series_id, (await series.get(uow, series_id=series_id,
                                            policy=uow.options.policy)).offer
