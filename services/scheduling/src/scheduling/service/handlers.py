"""What staff and the background loops change: each handler opens the unit of work, runs its
steps (service/commands.py, booking.py, planning.py) with the options the unit of work was built
with, and commits state and events together. Routes call these and nothing else commits."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from uuid import UUID

from scheduling.domain.appointment import Appointment
from scheduling.domain.clinic import (
    Chair,
    ClinicHours,
    NurseShift,
    RatioPolicy,
    validate_shifts,
)
from scheduling.domain.errors import NotFound
from scheduling.domain.visit_truth import VisitWarning
from scheduling.service import booking, commands, planning, recalls, series_holds
from scheduling.service.authorization_gate import AuthorizationMismatch, tell_authorization
from scheduling.service.uow import SchedulingUnitOfWork


async def book_appointment(*, uow: SchedulingUnitOfWork, order_id: UUID, start: datetime,
                           chair_id: str | None, now: datetime) -> Appointment:
    try:
        async with uow:
            appt = await commands.book(uow, order_id=order_id, start=start, chair_id=chair_id,
                                       now=now, policy=uow.options.policy)
            await uow.commit()
    except AuthorizationMismatch as exc:
        await _refused(uow, exc, now)
        raise
    return appt


async def move_appointment(*, uow: SchedulingUnitOfWork, appt_id: UUID, start: datetime,
                           chair_id: str | None, now: datetime) -> Appointment:
    try:
        async with uow:
            current = await commands.get(uow, appt_id)
            await recalls.guard_start(uow, current.order_id, start)  # then reads afresh
            appt = await commands.move(uow, appt_id=appt_id, start=start, chair_id=chair_id,
                                       now=now, policy=uow.options.policy)
            await uow.commit()
    except AuthorizationMismatch as exc:
        await _refused(uow, exc, now)
        raise
    return appt


async def _refused(uow: SchedulingUnitOfWork, exc: AuthorizationMismatch,
                   now: datetime) -> None:
    """Nothing was booked or moved, but authorization is told (its own transaction), so the
    case goes on the renewal worklist in time."""
    async with uow:
        await tell_authorization(uow, exc.renewal_needed(now))
        await uow.commit()


async def check_in(*, uow: SchedulingUnitOfWork, appt_id: UUID,
                   now: datetime) -> tuple[Appointment, list[VisitWarning]]:
    async with uow:
        await series_holds.ensure_not_paused(uow, appt_id, "check in")
        appt, warnings = await commands.check_in(uow, appt_id, now)
        await uow.commit()
    return appt, warnings


async def start_visit(*, uow: SchedulingUnitOfWork, appt_id: UUID,
                      now: datetime) -> Appointment:
    async with uow:
        await series_holds.ensure_not_paused(uow, appt_id, "start")
        appt = await commands.start(uow, appt_id, now)
        await uow.commit()
    return appt


async def complete(*, uow: SchedulingUnitOfWork, appt_id: UUID, now: datetime) -> Appointment:
    async with uow:
        appt = await commands.complete(uow, appt_id, now, uow.options.policy)
        await uow.commit()
    return appt


async def cancel(*, uow: SchedulingUnitOfWork, appt_id: UUID, reason: str,
                 now: datetime) -> Appointment:
    async with uow:
        appt = await commands.cancel(uow, appt_id, reason, now, uow.options.policy)
        await uow.commit()
    return appt


async def no_show(*, uow: SchedulingUnitOfWork, appt_id: UUID, now: datetime) -> Appointment:
    async with uow:
        appt = await commands.no_show(uow, appt_id, now, uow.options.policy)
        await uow.commit()
    return appt


async def optimize_day(*, uow: SchedulingUnitOfWork, day: date, apply: bool,
                       now: datetime) -> planning.Optimization:
    """The day's plan re-optimized; with ``apply``, its moves are made (one transaction)."""
    async with uow:
        result = await planning.optimize(uow, day, apply, now, uow.options.policy,
                                         uow.options.solve)
        if result.applied:
            await uow.commit()
    return result


async def expire_holds(*, uow: SchedulingUnitOfWork, now: datetime) -> int:
    """Holds past their time are released (and stale same-day requests closed)."""
    async with uow:
        count = await booking.expire_holds(uow, now, uow.options.policy)
        await uow.commit()
    return count


# ------------------------------------------------------------------ clinic configuration
async def save_chair(*, uow: SchedulingUnitOfWork, chair: Chair) -> Chair:
    async with uow:
        await uow.config.save_chair(chair)
        await uow.commit()
    return chair


async def add_shift(*, uow: SchedulingUnitOfWork, shift: NurseShift) -> NurseShift:
    """A nurse's shift; 422 when it overlaps one of theirs or a break lies outside it."""
    async with uow:
        validate_shifts([*await uow.config.shifts_of_nurse(shift.nurse_id), shift])
        await uow.config.add_shift(shift)
        await uow.commit()
    return shift


async def delete_shift(*, uow: SchedulingUnitOfWork, shift_id: UUID) -> None:
    async with uow:
        if not await uow.config.delete_shift(shift_id):
            raise NotFound(f"shift {shift_id} not found")
        await uow.commit()


async def save_ratio_policy(*, uow: SchedulingUnitOfWork, policy: RatioPolicy) -> str | None:
    """Save the clinic's own ratio policy; returns the clinic's state (what it applies to)."""
    async with uow:
        await uow.config.save_ratio_policy(policy)
        hours = await uow.config.hours()
        await uow.commit()
    return hours.state


async def save_clinic_hours(*, uow: SchedulingUnitOfWork, hours: ClinicHours) -> ClinicHours:
    async with uow:
        await uow.config.save_hours(hours)
        await uow.commit()
    return hours


async def seed_clinic(*, uow: SchedulingUnitOfWork, chairs: list[Chair],
                      shifts: Callable[[ClinicHours], list[NurseShift]]) -> bool:
    """Demo chairs and shifts (built for the clinic's hours) for a clinic that has no chairs
    yet; a clinic with chairs is left alone (so seeding twice adds nothing)."""
    async with uow:
        if await uow.config.chairs():
            return False
        for chair in chairs:
            await uow.config.save_chair(chair)
        for shift in shifts(await uow.config.hours()):
            await uow.config.add_shift(shift)
        await uow.commit()
    return True
