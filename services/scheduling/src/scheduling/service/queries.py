"""What the API reads: each query opens its own unit of work, reads, and changes nothing."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from uuid import UUID

from scheduling.adapters.triage_seed import triage_rule
from scheduling.domain.appointment import Appointment
from scheduling.domain.clinic import Chair, ClinicHours, NurseShift, RatioPolicy
from scheduling.domain.slots import Slot, SlotRequest
from scheduling.service import commands, planning
from scheduling.service.days import load_clinic
from scheduling.service.uow import SchedulingUnitOfWork


def triage_bound_minutes() -> int:
    """The triage rule's no-starvation bound (seed/triage.json)."""
    return triage_rule().bound_minutes


async def search_slots(*, uow: SchedulingUnitOfWork, request: SlotRequest,
                       start: datetime | None, end: datetime | None,
                       now: datetime) -> list[Slot]:
    async with uow:
        return await planning.search_slots(uow, request, start, end, now, uow.options.policy,
                                           uow.options.max_search_days)


async def list_appointments(*, uow: SchedulingUnitOfWork, day: date | None,
                            order_id: UUID | None, after: UUID | None,
                            limit: int) -> list[Appointment]:
    """A page of appointments by id (after ``after``): touching a clinic day, of an order."""
    async with uow:
        day_start = day_end = None
        if day is not None:
            hours = await uow.config.hours()
            day_start = hours.local_instant(day, time(0, 0))
            day_end = hours.local_instant(day + timedelta(days=1), time(0, 0))
        return await uow.appointments.list(day_start=day_start, day_end=day_end,
                                           order_id=order_id, after=after, limit=limit)


async def get_appointment(*, uow: SchedulingUnitOfWork, appt_id: UUID) -> Appointment:
    async with uow:
        return await commands.get(uow, appt_id)


async def day_board(*, uow: SchedulingUnitOfWork, day: date, now: datetime) -> planning.Board:
    async with uow:
        return await planning.board(uow, day, now, uow.options.policy)


async def todays_board(*, uow: SchedulingUnitOfWork, now: datetime) -> planning.Board:
    """The board of the clinic's day at ``now`` (its local date)."""
    async with uow:
        clinic = await load_clinic(uow, uow.options.policy)
        return await planning.board(uow, clinic.hours.local_date(now), now, uow.options.policy)


async def chairs(*, uow: SchedulingUnitOfWork) -> list[Chair]:
    async with uow:
        return await uow.config.chairs()


async def nurse_shifts(*, uow: SchedulingUnitOfWork, start: datetime,
                       end: datetime) -> list[NurseShift]:
    async with uow:
        return await uow.config.shifts(start, end)


async def ratio_policy(*, uow: SchedulingUnitOfWork) -> tuple[RatioPolicy, str | None]:
    """The ratio policy in force and the clinic's state (whose overrides apply by default)."""
    async with uow:
        hours = await uow.config.hours()
        return await uow.config.ratio_policy(hours.state), hours.state


async def clinic_hours(*, uow: SchedulingUnitOfWork) -> ClinicHours:
    async with uow:
        return await uow.config.hours()
