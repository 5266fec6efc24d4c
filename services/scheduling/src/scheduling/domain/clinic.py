"""The clinic as plain data: hours, chairs, nurse shifts, ratio policy and booking policy.

Everything here is configuration that changes rarely; rules that use it live in daystate/slots.
Times on the wire are aware datetimes; inside one clinic day we count whole minutes from the
day's opening instant (real elapsed minutes, so a DST change inside the day stays correct).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import reduce
from itertools import pairwise
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import InvalidInput

MINUTES_PER_DAY = 24 * 60


def require_aware(value: datetime, name: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidInput(f"{name} must carry a UTC offset", field=name)
    return value.astimezone(UTC)


@dataclass(frozen=True)
class ClinicHours:
    """Opening hours per weekday (0 = Monday) in the clinic's local time, plus closed dates."""

    timezone: str = "America/New_York"
    weekly: dict[int, tuple[time, time]] = field(
        default_factory=lambda: {d: (time(8, 0), time(18, 0)) for d in range(5)}
    )
    closed_dates: frozenset[date] = frozenset()
    state: str | None = None  # US state code: selects the ratio policy overrides

    def __post_init__(self) -> None:
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise InvalidInput(f"unknown time zone {self.timezone!r}", field="timezone") from exc
        for day, (opens, closes) in self.weekly.items():
            if day not in range(7):
                raise InvalidInput(f"weekday {day} is not 0..6", field="weekly")
            if closes <= opens:
                raise InvalidInput(f"weekday {day}: closing must be after opening", field="weekly")

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def local_date(self, instant: datetime) -> date:
        return require_aware(instant, "instant").astimezone(self.zone).date()

    def frame(self, day: date, overtime_minutes: int = 0) -> DayFrame | None:
        """The day's time frame, or None when the clinic is closed that day."""
        if day in self.closed_dates or day.weekday() not in self.weekly:
            return None
        opens, closes = self.weekly[day.weekday()]
        open_at = self.local_instant(day, opens)
        close_at = self.local_instant(day, closes)
        close = int((close_at - open_at).total_seconds() // 60)
        return DayFrame(day=day, open_at=open_at, close=close, overtime=overtime_minutes,
                        zone=self.timezone)

    def local_instant(self, day: date, at: time) -> datetime:
        return datetime.combine(day, at, tzinfo=self.zone).astimezone(UTC)


@dataclass(frozen=True)
class DayFrame:
    """One clinic day: minute 0 is opening, ``close`` is closing, ``horizon`` ends the overtime."""

    day: date
    open_at: datetime  # aware UTC
    close: int  # minutes after opening
    overtime: int = 0  # minutes after closing that visits may still run (optimizer, bench)
    zone: str = "UTC"

    @property
    def horizon(self) -> int:
        return self.close + self.overtime

    @property
    def close_at(self) -> datetime:
        return self.at(self.close)

    def at(self, minute: int) -> datetime:
        return self.open_at + timedelta(minutes=minute)

    def minute_floor(self, instant: datetime) -> int:
        delta = require_aware(instant, "instant") - self.open_at
        return math.floor(delta.total_seconds() / 60)

    def minute_ceil(self, instant: datetime) -> int:
        delta = require_aware(instant, "instant") - self.open_at
        return math.ceil(delta.total_seconds() / 60)

    def local_minute(self, at: time) -> int:
        """Minutes after opening of a local wall-clock time on this day."""
        instant = datetime.combine(self.day, at, tzinfo=ZoneInfo(self.zone))
        return self.minute_floor(instant)


@dataclass(frozen=True)
class Chair:
    id: str
    kind: str = "recliner"  # recliner | bed | ...
    pediatric_capable: bool = False
    active: bool = True
    high_acuity_capable: bool = False  # takes a high-acuity first dose (clinic data)


@dataclass(frozen=True)
class Break:
    start: datetime
    end: datetime


@dataclass(frozen=True)
class NurseShift:
    """One nurse's shift on one day; during a break the nurse neither starts nor monitors."""

    id: str
    nurse_id: str
    start: datetime
    end: datetime
    breaks: tuple[Break, ...] = ()

    def __post_init__(self) -> None:
        start = require_aware(self.start, "start")
        end = require_aware(self.end, "end")
        if end <= start:
            raise InvalidInput(f"shift {self.id}: end must be after start", field="end")
        if end - start > timedelta(hours=24):
            raise InvalidInput(f"shift {self.id}: longer than a day", field="end")
        ordered = sorted(self.breaks, key=lambda b: b.start)
        for b in ordered:
            b_start, b_end = require_aware(b.start, "breaks"), require_aware(b.end, "breaks")
            if b_end <= b_start or b_start < start or b_end > end:
                raise InvalidInput(f"shift {self.id}: break outside the shift", field="breaks")
        for first, second in pairwise(ordered):
            if second.start < first.end:
                raise InvalidInput(f"shift {self.id}: breaks overlap", field="breaks")


def validate_shifts(shifts: list[NurseShift]) -> None:
    """One nurse cannot work two overlapping shifts (it would double-count their capacity)."""
    by_nurse: dict[str, list[NurseShift]] = {}
    for s in shifts:
        by_nurse.setdefault(s.nurse_id, []).append(s)
    for nurse_id, own in by_nurse.items():
        own.sort(key=lambda s: s.start)
        for first, second in pairwise(own):
            if second.start < first.end:
                raise InvalidInput(
                    f"nurse {nurse_id}: shifts {first.id} and {second.id} overlap", field="start"
                )


# Defaults: weights 1/2/4 against 4 units per nurse, as in the reference CP-SAT model
# (scheduling.md §5): 1:4 for standard infusions (k ≈ 3–4 in the literature), 1:2 elevated,
# 1:1 high (ketamine + recovery, "acuity 3–4 ≈ 1:1–1:2"). Set-up 15/20/30 min (§5).
DEFAULT_RATIOS: dict[str, int] = {"standard": 4, "elevated": 2, "high": 1}
DEFAULT_SETUP_MINUTES: dict[str, int] = {"standard": 15, "elevated": 20, "high": 30}


@dataclass(frozen=True)
class RatioPolicy:
    """Max patients one nurse may monitor, per acuity class, and the exclusive set-up time.

    Loads are integers: each nurse offers ``units_per_nurse`` (the LCM of the ratios) and a
    patient of a class with ratio r weighs units_per_nurse / r, so mixed classes add up exactly.
    """

    ratios: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_RATIOS))
    setup_minutes: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_SETUP_MINUTES))

    def __post_init__(self) -> None:
        if not self.ratios:
            raise InvalidInput("ratio policy needs at least one acuity class", field="ratios")
        for name, ratio in self.ratios.items():
            if not isinstance(ratio, int) or ratio < 1:
                raise InvalidInput(f"ratio for {name!r} must be a whole number >= 1",
                                   field="ratios")
        for name, minutes in self.setup_minutes.items():
            if name not in self.ratios:
                raise InvalidInput(f"set-up for unknown class {name!r}", field="setup_minutes")
            if not isinstance(minutes, int) or not 0 <= minutes <= 120:
                raise InvalidInput(f"set-up for {name!r} must be 0..120 min",
                                   field="setup_minutes")

    @property
    def units_per_nurse(self) -> int:
        return reduce(math.lcm, self.ratios.values(), 1)

    @property
    def strictest(self) -> str:
        return min(self.ratios, key=lambda c: (self.ratios[c], c))

    def knows(self, acuity_class: str) -> bool:
        return acuity_class in self.ratios

    def resolve(self, acuity_class: str, *, strict: bool = True) -> str:
        """The class to apply; unknown classes fail (API) or fall back to the strictest (events)."""
        if acuity_class in self.ratios:
            return acuity_class
        if strict:
            raise InvalidInput(f"unknown acuity class {acuity_class!r}", field="acuity_class")
        return self.strictest

    def weight(self, acuity_class: str) -> int:
        return self.units_per_nurse // self.ratios[self.resolve(acuity_class, strict=False)]

    def setup(self, acuity_class: str) -> int:
        return self.setup_minutes.get(self.resolve(acuity_class, strict=False), 15)

    def with_overrides(self, overrides: dict[str, dict[str, int]] | None,
                       state: str | None) -> RatioPolicy:
        """Apply a state's ratio overrides (``{"CA": {"standard": 3}}``) over these defaults."""
        if not overrides or not state or state.upper() not in overrides:
            return self
        ratios = {**self.ratios, **overrides[state.upper()]}
        setup = {**self.setup_minutes}
        for name in ratios:
            setup.setdefault(name, 15)
        return RatioPolicy(ratios=ratios, setup_minutes=setup)


@dataclass(frozen=True)
class BookingPolicy:
    """How bookings are offered; every number is a clinic setting with this default."""

    grid_minutes: int = 5  # starts sit on a 5-minute grid from opening (scheduling.md §6)
    prep_lead_minutes: int = 45  # pharmacy prep before a same-day start
    driver_latest_start: time | None = time(15, 0)  # local; patients needing a driver
    hold_minutes: int = 48 * 60  # a hold not confirmed by then is released
    booking_overtime_minutes: int = 0  # bookings must end by closing
    optimizer_overtime_minutes: int = 120  # the optimizer may run this far past closing
    planned_horizon_days: int = 28  # planned order without a window: search this far ahead
    max_visit_minutes: int = MINUTES_PER_DAY
    # A first dose of these acuity classes goes only to a high-acuity-capable chair (issue
    # 18: an IVIG or rituximab first infusion, a first ketamine visit); later doses of the
    # same class may sit anywhere their ratio allows.
    high_acuity_chair_classes: tuple[str, ...] = ("high",)

    def __post_init__(self) -> None:
        if self.grid_minutes < 1 or 60 % self.grid_minutes:
            raise InvalidInput("grid must divide 60 minutes", field="grid_minutes")
        for name in ("prep_lead_minutes", "hold_minutes", "booking_overtime_minutes",
                     "optimizer_overtime_minutes"):
            if getattr(self, name) < 0:
                raise InvalidInput(f"{name} must be >= 0", field=name)

    def needs_high_acuity_chair(self, acuity_class: str, first_dose: bool) -> bool:
        return first_dose and acuity_class in self.high_acuity_chair_classes
