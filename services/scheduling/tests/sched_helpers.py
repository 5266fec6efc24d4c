"""Builders for scheduling tests: a fixed clinic day in New York, times in minutes after 08:00."""

from __future__ import annotations

from datetime import date, datetime

from scheduling.domain.clinic import (
    BookingPolicy,
    Break,
    Chair,
    ClinicHours,
    DayFrame,
    NurseShift,
    RatioPolicy,
)
from scheduling.domain.daystate import DayState, Visit

TZ = "America/New_York"
DAY = date(2025, 3, 4)  # a Tuesday, EST: 08:00 local = 13:00 UTC
HOURS = ClinicHours(timezone=TZ)
FRAME: DayFrame = HOURS.frame(DAY)  # type: ignore[assignment]
POLICY = BookingPolicy()
RATIOS = RatioPolicy()


def frame(overtime: int = 0) -> DayFrame:
    return HOURS.frame(DAY, overtime_minutes=overtime)  # type: ignore[return-value]


def at(minute: int, fr: DayFrame = FRAME) -> datetime:
    return fr.at(minute)


def chairs(n: int, ped: int = 0, inactive: int = 0) -> list[Chair]:
    """n chairs c01..; the last `ped` are pediatric-capable; the first `inactive` are off."""
    return [Chair(id=f"c{i:02d}", pediatric_capable=i > n - ped, active=i > inactive)
            for i in range(1, n + 1)]


def shift(i: int, start: int, end: int, breaks: list[tuple[int, int]] = (),
          fr: DayFrame = FRAME) -> NurseShift:
    return NurseShift(id=f"s{i}", nurse_id=f"n{i}", start=fr.at(start), end=fr.at(end),
                      breaks=tuple(Break(fr.at(a), fr.at(b)) for a, b in breaks))


def day(n_chairs: int = 4, nurses: int = 2, visits: list[Visit] = (), ped: int = 0,
        overtime: int = 0, shifts: list[NurseShift] | None = None,
        ratios: RatioPolicy = RATIOS, chair_list: list[Chair] | None = None) -> DayState:
    fr = frame(overtime)
    if shifts is None:
        shifts = [shift(i, 0, fr.horizon, fr=fr) for i in range(nurses)]
    return DayState.build(fr, chair_list or chairs(n_chairs, ped), shifts, ratios, list(visits))


def visit(id: str, chair: str, start: int, minutes: int, acuity: str = "standard",
          pediatric: bool = False) -> Visit:
    return Visit(id=id, chair_id=chair, start=start, end=start + minutes, acuity_class=acuity,
                 pediatric=pediatric)
