"""Loading clinic days from the database into the pure DayState the domain reasons on."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from uuid import UUID

from scheduling.domain.appointment import Appointment
from scheduling.domain.booking import visits_of
from scheduling.domain.clinic import BookingPolicy, Chair, ClinicHours, DayFrame, RatioPolicy
from scheduling.domain.daystate import DayState
from scheduling.domain.errors import InvalidInput
from scheduling.domain.pharmacy_staff import MAX_LEAD_MINUTES, pharmacy_day
from scheduling.service.uow import SchedulingUnitOfWork


@dataclass
class Clinic:
    """Configuration read once per unit of work."""

    hours: ClinicHours
    chairs: list[Chair]
    ratios: RatioPolicy
    policy: BookingPolicy
    hoods: int | None = None  # the pharmacy's hoods; None: preparation not limited

    @property
    def pharmacy_limited(self) -> bool:
        return self.hoods is not None

    def frame(self, day: date, overtime: int | None = None) -> DayFrame | None:
        return self.hours.frame(day, self.policy.booking_overtime_minutes
                                if overtime is None else overtime)

    def chair(self, chair_id: str) -> Chair | None:
        return next((c for c in self.chairs if c.id == chair_id), None)


async def load_clinic(uow: SchedulingUnitOfWork, policy: BookingPolicy) -> Clinic:
    hours = await uow.config.hours()
    return Clinic(hours=hours, chairs=await uow.config.chairs(),
                  ratios=await uow.config.ratio_policy(hours.state), policy=policy,
                  hoods=await uow.pharmacy.hoods())


@dataclass
class Day:
    state: DayState
    appointments: list[Appointment] = field(default_factory=list)


async def load_day(uow: SchedulingUnitOfWork, clinic: Clinic, day: date, now: datetime,
                   overtime: int | None = None) -> Day | None:
    """The day's state read now, None when the clinic is closed that day."""
    frame = clinic.frame(day, overtime)
    return None if frame is None else await load_frame(uow, clinic, frame, now)


async def load_frame(uow: SchedulingUnitOfWork, clinic: Clinic, frame: DayFrame,
                     now: datetime, *, leave_out: Collection[UUID] = ()) -> Day:
    """An open day's state read now (call after ``lock_days`` when about to add chair
    time), with its pharmacy picture when the clinic's hoods are configured. The
    appointments of the orders in ``leave_out`` are not on it (a series about to move
    them onto its plan)."""
    end = frame.at(frame.horizon)
    shifts = await uow.config.shifts(frame.open_at - timedelta(days=1), end)
    appts = [a for a in await uow.appointments.overlapping(frame.open_at, end)
             if a.order_id is None or a.order_id not in leave_out]
    pharmacy = None
    if clinic.hoods is not None:
        pharmacists = await uow.pharmacy.shifts(
            frame.open_at - timedelta(minutes=MAX_LEAD_MINUTES), end)
        pharmacy = pharmacy_day(frame, clinic.hoods, pharmacists)
    state = DayState.build(
        frame, clinic.chairs, shifts, clinic.ratios, visits_of(appts, frame, now), pharmacy
    )
    return Day(state=state, appointments=appts)


async def shared_clinic(uow: SchedulingUnitOfWork, policy: BookingPolicy) -> Clinic:
    """The clinic's configuration, read once for the requests asking at the same moment
    (between transactions: see SchedulingUnitOfWork.read_shared)."""
    return await uow.read_shared(("clinic", policy), lambda reader: load_clinic(reader, policy))


async def peek_day(uow: SchedulingUnitOfWork, clinic: Clinic, day: date,
                   now: datetime) -> DayState | None:
    """The day's state read without its lock, to answer from, never to decide on (None when
    the clinic is closed): requests asking at the same moment share it (between
    transactions), so nobody may modify it."""
    frame = clinic.frame(day)
    return None if frame is None else await peek_frame(uow, clinic, frame, now)


async def peek_frame(uow: SchedulingUnitOfWork, clinic: Clinic, frame: DayFrame,
                     now: datetime, changes: int | None = None) -> DayState:
    """``peek_day`` of a day known to be open. With ``changes`` (the day's
    ``day_changes`` before looking), shared only with the looks of the same count: a read
    begun before a commit the caller knows of is not shared with it."""
    async def read(reader: SchedulingUnitOfWork) -> DayState:
        return (await load_frame(reader, clinic, frame, now)).state
    return await uow.read_shared(("day", frame.day, clinic.policy, changes), read)


def search_range(clinic: Clinic, start: datetime, end: datetime, max_days: int) -> list[date]:
    first, last = clinic.hours.local_date(start), clinic.hours.local_date(end)
    if (last - first).days > max_days:
        raise InvalidInput(f"search window longer than {max_days} days", field="to")
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]
