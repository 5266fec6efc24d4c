"""Decision time frames and due-time computation.

A payer's clock differs by payer type and by rule (domain doc A2): Medicare Advantage Part B
drug requests run 72 h standard / 24 h expedited in elapsed hours, weekends included; other
payers count business days or calendar days. CMS-0057-F's 72 h / 7 day frames do NOT apply to
drugs, so every frame here is data, never a constant in code.

All inputs and outputs are timezone-aware; the practice's local zone decides what a "day" and a
"business day" are, so a DST change shifts wall-clock results exactly as a person would expect:
elapsed-hour rules keep the elapsed time, day rules keep the local time of day.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field, model_validator

FrameUnit = Literal["hours", "calendar_days", "business_days"]


class TimeFrame(BaseModel):
    """One clock: ``amount`` of ``unit`` from the payer's receipt of the request."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    amount: int = Field(gt=0, le=24 * 60)
    unit: FrameUnit
    # hours: False means the clock stops on weekends and holidays (local calendar days).
    count_non_business_days: bool = True
    # calendar_days: a due day on a weekend/holiday moves to the next business day's close.
    roll_to_business_day: bool = False
    # business days (and rolled calendar days) fall due at this local time.
    close_of_business: time = time(17, 0)


class DecisionTimeFrames(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    standard: TimeFrame
    expedited: TimeFrame
    source: str | None = None

    @model_validator(mode="after")
    def _expedited_not_slower(self) -> DecisionTimeFrames:
        # Only comparable when both use elapsed hours; other pairs are the payer's business.
        if (
            self.standard.unit == self.expedited.unit == "hours"
            and self.expedited.amount > self.standard.amount
        ):
            raise ValueError("expedited time frame is longer than the standard one")
        return self


# Defaults per payer type; a payer or plan may override. ``None``: no PA clock applies.
DEFAULT_TIME_FRAMES: dict[str, DecisionTimeFrames | None] = {
    "medicare_ffs": None,
    "medicare_advantage": DecisionTimeFrames(
        standard=TimeFrame(amount=72, unit="hours"),
        expedited=TimeFrame(amount=24, unit="hours"),
        source="MA Part B drug determinations: 72 h standard / 24 h expedited "
        "(domain doc A2, goldcoasthealthplan.org Part B drugs page)",
    ),
    "medicaid": DecisionTimeFrames(
        standard=TimeFrame(amount=24, unit="hours"),
        expedited=TimeFrame(amount=24, unit="hours"),
        source="SSA 1927(d)(5)(A): response within 24 hours for covered outpatient drugs "
        "(mirrored in state law, e.g. CA W&I 14133.37); verify for the state",
    ),
    "commercial": DecisionTimeFrames(
        standard=TimeFrame(amount=3, unit="business_days"),
        expedited=TimeFrame(amount=1, unit="business_days"),
        source="state law varies; example: a commercial plan's Texas timelines "
        "(3 business days complete electronic requests); configurable",
    ),
    "qhp_exchange": DecisionTimeFrames(
        standard=TimeFrame(amount=3, unit="business_days"),
        expedited=TimeFrame(amount=1, unit="business_days"),
        source="QHPs are exempt from CMS-0057-F time frames; state law applies; configurable",
    ),
}


# --------------------------------------------------------------------------- holidays
def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    first = date(year, month, 1)
    offset = (weekday - first.weekday()) % 7
    return first + timedelta(days=offset + 7 * (n - 1))


def _last_weekday(year: int, month: int, weekday: int) -> date:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    last = nxt - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _observed(d: date) -> date:
    # OPM rule: a Saturday holiday is observed the Friday before, a Sunday one the Monday after.
    if d.weekday() == 5:
        return d - timedelta(days=1)
    if d.weekday() == 6:
        return d + timedelta(days=1)
    return d


def _federal_actual(year: int) -> list[date]:
    mon, thu = 0, 3
    return [
        date(year, 1, 1),
        _nth_weekday(year, 1, mon, 3),  # Birthday of Martin Luther King, Jr.
        _nth_weekday(year, 2, mon, 3),  # Washington's Birthday
        _last_weekday(year, 5, mon),  # Memorial Day
        date(year, 6, 19),  # Juneteenth (since 2021)
        date(year, 7, 4),
        _nth_weekday(year, 9, mon, 1),  # Labor Day
        _nth_weekday(year, 10, mon, 2),  # Columbus Day
        date(year, 11, 11),
        _nth_weekday(year, 11, thu, 4),  # Thanksgiving
        date(year, 12, 25),
    ]


def us_federal_holidays(year: int) -> frozenset[date]:
    """Observed US federal holidays falling in ``year`` (Jan 1 may be observed on Dec 31)."""
    days = {_observed(d) for y in (year, year + 1) for d in _federal_actual(y)}
    if year < 2021:
        days.discard(_observed(date(year, 6, 19)))
    return frozenset(d for d in days if d.year == year)


class HolidayCalendar:
    """US federal holidays (observed) plus a payer's extra closed days."""

    def __init__(self, extra: Iterable[date] = (), federal: bool = True) -> None:
        self._extra = frozenset(extra)
        self._federal = federal
        self._cache: dict[int, frozenset[date]] = {}

    def is_holiday(self, d: date) -> bool:
        if d in self._extra:
            return True
        if not self._federal:
            return False
        if d.year not in self._cache:
            self._cache[d.year] = us_federal_holidays(d.year)
        return d in self._cache[d.year]

    def is_business_day(self, d: date) -> bool:
        return d.weekday() < 5 and not self.is_holiday(d)

    def next_business_day(self, d: date) -> date:
        d += timedelta(days=1)
        while not self.is_business_day(d):
            d += timedelta(days=1)
        return d


# --------------------------------------------------------------------------- due time
def _local_at(d: date, t: time, tz: ZoneInfo) -> datetime:
    """``d`` at local wall time ``t``; a time skipped by DST lands just after the gap."""
    naive = datetime.combine(d, t)
    aware = naive.replace(tzinfo=tz)
    # Round-trip through UTC normalizes nonexistent wall times (spring-forward gap).
    return aware.astimezone(UTC).astimezone(tz)


def _next_local_midnight(moment: datetime, tz: ZoneInfo) -> datetime:
    local = moment.astimezone(tz)
    return _local_at(local.date() + timedelta(days=1), time(0), tz)


def compute_due_at(
    received_at: datetime,
    frame: TimeFrame,
    tz: ZoneInfo,
    holidays: HolidayCalendar | None = None,
) -> datetime:
    """When the payer's decision is due, in UTC."""
    if received_at.tzinfo is None or received_at.utcoffset() is None:
        raise ValueError("received_at must be timezone-aware")
    cal = holidays or HolidayCalendar()
    received = received_at.astimezone(UTC)

    if frame.unit == "hours":
        if frame.count_non_business_days:
            return received + timedelta(hours=frame.amount)
        return _business_hours_later(received, frame.amount, tz, cal)

    local = received.astimezone(tz)
    if frame.unit == "calendar_days":
        due_day = local.date() + timedelta(days=frame.amount)
        if frame.roll_to_business_day and not cal.is_business_day(due_day):
            due_day = cal.next_business_day(due_day)
            return _local_at(due_day, frame.close_of_business, tz).astimezone(UTC)
        return _local_at(due_day, local.time(), tz).astimezone(UTC)

    # business_days: the receipt day does not count; due at close of the Nth business day after.
    day = local.date()
    for _ in range(frame.amount):
        day = cal.next_business_day(day)
    return _local_at(day, frame.close_of_business, tz).astimezone(UTC)


def _business_hours_later(
    start: datetime, hours: int, tz: ZoneInfo, cal: HolidayCalendar
) -> datetime:
    """Elapsed hours that tick only during business days (whole local days, DST-aware)."""
    remaining = timedelta(hours=hours)
    cursor = start
    while True:
        day_end = _next_local_midnight(cursor, tz)
        if cal.is_business_day(cursor.astimezone(tz).date()):
            available = day_end - cursor
            if remaining <= available:
                return (cursor + remaining).astimezone(UTC)
            remaining -= available
        # Stay in UTC: aware arithmetic on a ZoneInfo datetime is wall-clock arithmetic.
        cursor = day_end.astimezone(UTC)


def time_frames_for(
    payer_type: str,
    override: DecisionTimeFrames | None = None,
) -> DecisionTimeFrames | None:
    if override is not None:
        return override
    return DEFAULT_TIME_FRAMES.get(payer_type)


def is_overdue(due_at: datetime | None, now: datetime) -> bool:
    return due_at is not None and now > due_at
