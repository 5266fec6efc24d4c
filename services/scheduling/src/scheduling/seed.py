"""Demo data for the embedded `make run`: chairs, this week's nurse shifts and a pharmacy (local
use only)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from uuid import uuid4

from chairside_shared.runtime import ServiceRuntime
from scheduling.domain.clinic import Break, Chair, ClinicHours, NurseShift
from scheduling.domain.pharmacy_staff import PharmacistShift
from scheduling.service import handlers, pharmacy
from scheduling.service.uow import SchedulingUnitOfWork


def demo_chairs() -> list[Chair]:
    """Eight recliners and two beds; the beds take high-acuity first doses, one a child."""
    return [Chair(id=f"c{i:02d}", kind="recliner" if i < 9 else "bed", pediatric_capable=i == 10,
                  high_acuity_capable=i >= 9)
            for i in range(1, 11)]


def demo_shifts(hours: ClinicHours, today: date) -> list[NurseShift]:
    """Four nurses, 07:45-18:15 with staggered lunches, on every open day of two weeks."""
    shifts = []
    for day in (today + timedelta(days=offset) for offset in range(14)):
        if hours.frame(day) is None:
            continue
        for n in range(4):
            lunch = hours.local_instant(day, time(11, 30)) + timedelta(minutes=30 * (n % 3))
            shifts.append(NurseShift(
                id=str(uuid4()), nurse_id=f"rn-{n + 1}",
                start=hours.local_instant(day, time(7, 45)),
                end=hours.local_instant(day, time(18, 15)),
                breaks=(Break(lunch, lunch + timedelta(minutes=30)),)))
    return shifts


DEMO_HOODS = 2  # a small clinic's pharmacy (scheduling.md §6: hospital units have 4-5)


def demo_pharmacists(hours: ClinicHours, today: date) -> list[PharmacistShift]:
    """Two pharmacists, 07:00-17:00 with staggered 30-min lunches (one hood staffed then), on
    every open day of two weeks: the first visits' drugs are prepared before opening."""
    shifts = []
    for day in (today + timedelta(days=offset) for offset in range(14)):
        if hours.frame(day) is None:
            continue
        for n in range(2):
            lunch = hours.local_instant(day, time(12, 0)) + timedelta(minutes=30 * n)
            shifts.append(PharmacistShift(
                id=str(uuid4()), pharmacist_id=f"rph-{n + 1}",
                start=hours.local_instant(day, time(7, 0)),
                end=hours.local_instant(day, time(17, 0)),
                breaks=(Break(lunch, lunch + timedelta(minutes=30)),)))
    return shifts


async def seed_demo(runtime: ServiceRuntime[SchedulingUnitOfWork]) -> None:
    now = datetime.now(UTC)
    seeded = await handlers.seed_clinic(
        uow=runtime.uow(), chairs=demo_chairs(),
        shifts=lambda hours: demo_shifts(hours, now.astimezone(hours.zone).date()))
    if not seeded:
        return  # a clinic set up already is left alone, its pharmacy too
    hours = await _hours(runtime)
    await pharmacy.seed(uow=runtime.uow(), hoods=DEMO_HOODS,
                        shifts=demo_pharmacists(hours, now.astimezone(hours.zone).date()))


async def _hours(runtime: ServiceRuntime[SchedulingUnitOfWork]) -> ClinicHours:
    async with runtime.uow() as uow:
        return await uow.config.hours()
