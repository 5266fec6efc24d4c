"""From bucket staffing (domain/staffing.py) to what a manager acts on.

- ``Profile``: how much nurse demand one visit brings to each 15-minute bucket of a weekday,
  learned from past days; a forecast of extra (not yet booked) visits becomes expected extra
  demand per bucket through it, rounded to whole patients and units (half up).
- ``alerts``: runs of buckets short of RNs, each saying whether the booked visits alone are
  already short (a firm gap) or only the forecast is (a likely one).
- ``hourly``: per hour from opening, the most RNs any bucket needs against the fewest rostered.
- ``suggest_shifts``: the gap profile cut into layers (one RN per layer and run of short
  buckets), each run widened to a minimum shift length within the clinic day.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .clinic import DayFrame
from .staffing import BucketStaffing, Demand

Vector = tuple[float, float, float, float]  # load units, starts, H patients, census


def _round(x: float) -> int:
    return math.floor(x + 0.5)


@dataclass(frozen=True)
class HistoryDay:
    day: date
    visits: int  # visits that were on the books that day (completed and no-shows)
    buckets: Sequence[Demand]  # what the completed ones asked, per bucket from opening


@dataclass(frozen=True)
class Profile:
    """Demand per visit in each bucket, per weekday (0 = Monday); ``pooled`` for weekdays
    without history."""

    per_visit: dict[int, list[Vector]]
    pooled: list[Vector]

    @classmethod
    def learn(cls, days: Sequence[HistoryDay]) -> Profile:
        def average(group: Sequence[HistoryDay]) -> list[Vector]:
            visits = sum(d.visits for d in group)
            width = max((len(d.buckets) for d in group), default=0)
            if not visits:
                return []
            out = []
            for b in range(width):
                got = [d.buckets[b] for d in group if b < len(d.buckets)]
                out.append((sum(x.load_units for x in got) / visits,
                            sum(x.starts for x in got) / visits,
                            sum(x.high for x in got) / visits,
                            sum(x.census for x in got) / visits))
            return out
        by_day: dict[int, list[HistoryDay]] = {}
        for d in days:
            by_day.setdefault(d.day.weekday(), []).append(d)
        return cls(per_visit={w: average(g) for w, g in by_day.items()},
                   pooled=average(list(days)))

    def extra(self, weekday: int, visits: float, buckets: int) -> list[Demand]:
        """Expected demand of ``visits`` more visits on that weekday, per bucket."""
        shape = self.per_visit.get(weekday) or self.pooled
        out = []
        for b in range(buckets):
            if visits <= 0 or b >= len(shape):
                out.append(Demand())
                continue
            load, starts, high, census = (v * visits for v in shape[b])
            out.append(Demand(load_units=_round(load), starts=_round(starts),
                              high=_round(high), census=_round(census)))
        return out


@dataclass(frozen=True)
class Alert:
    lo: int  # minutes after opening
    hi: int
    needed: int  # the most RNs any bucket of the run needs
    rostered: int  # the fewest rostered
    gap: int  # the largest shortfall
    booked: bool  # the booked visits alone are already short somewhere in the run


def alerts(buckets: Sequence[BucketStaffing]) -> list[Alert]:
    """Consecutive buckets short of RNs, one alert per run."""
    out: list[Alert] = []
    run: list[BucketStaffing] = []
    for b in [*buckets, None]:
        if b is not None and b.gap > 0 and (not run or run[-1].hi == b.lo):
            run.append(b)
            continue
        if run:
            out.append(Alert(lo=run[0].lo, hi=run[-1].hi, needed=max(x.needed for x in run),
                             rostered=min(x.rostered for x in run),
                             gap=max(x.gap for x in run),
                             booked=any(x.booked_gap > 0 for x in run)))
        run = [b] if b is not None and b.gap > 0 else []
    return out


@dataclass(frozen=True)
class HourNeed:
    lo: int
    hi: int
    needed: int
    needed_booked: int
    rostered: int

    @property
    def gap(self) -> int:
        return self.needed - self.rostered


def hourly(buckets: Sequence[BucketStaffing]) -> list[HourNeed]:
    """Per hour from opening: the most RNs a bucket needs, the fewest rostered."""
    hours: dict[int, list[BucketStaffing]] = {}
    for b in buckets:
        hours.setdefault(b.lo // 60, []).append(b)
    return [HourNeed(lo=g[0].lo, hi=g[-1].hi, needed=max(x.needed for x in g),
                     needed_booked=max(x.needed_booked for x in g),
                     rostered=min(x.rostered for x in g)) for _, g in sorted(hours.items())]


@dataclass(frozen=True)
class ShiftSuggestion:
    lo: int  # minutes after opening
    hi: int
    nurses: int


def suggest_shifts(frame: DayFrame, buckets: Sequence[BucketStaffing],
                   min_minutes: int) -> list[ShiftSuggestion]:
    """Extra shifts that close every gap of the day: layer k holds one RN for each run of
    buckets short by k or more; a run shorter than ``min_minutes`` is widened (later first,
    then earlier) within opening hours."""
    short = [max(0, b.gap) for b in buckets]
    found: Counter[tuple[int, int]] = Counter()
    for layer in range(1, max(short, default=0) + 1):
        start: int | None = None
        for i, b in enumerate([*buckets, None]):
            inside = b is not None and short[i] >= layer
            if inside and start is None:
                start = i
            if not inside and start is not None:
                lo, hi = buckets[start].lo, buckets[i - 1].hi
                hi = min(frame.close, max(hi, lo + min_minutes))
                lo = max(0, min(lo, hi - min_minutes))
                found[(lo, hi)] += 1
                start = None
    return [ShiftSuggestion(lo=lo, hi=hi, nurses=n) for (lo, hi), n in sorted(found.items())]


@dataclass(frozen=True)
class WeekTotals:
    rn_hours_needed: float
    rn_hours_rostered: float
    rn_hours_short: float  # Σ of shortfalls (a surplus elsewhere does not offset them)
    peak_gap: int
    short_buckets: int


def totals(days: Sequence[Sequence[BucketStaffing]]) -> WeekTotals:
    flat = [b for d in days for b in d]

    def hours(f: float) -> float:
        return round(f / 60, 2)
    return WeekTotals(
        rn_hours_needed=hours(sum(b.needed * (b.hi - b.lo) for b in flat)),
        rn_hours_rostered=hours(sum(b.rostered * (b.hi - b.lo) for b in flat)),
        rn_hours_short=hours(sum(max(0, b.gap) * (b.hi - b.lo) for b in flat)),
        peak_gap=max((b.gap for b in flat), default=0),
        short_buckets=sum(1 for b in flat if b.gap > 0))


@dataclass(frozen=True)
class StaffingOptions:
    """Clinic settings of the staffing forecast (settings.py, ``SCHEDULING_STAFFING_*``)."""

    percentile: float = 0.8  # daily visits planned for: this quantile of the forecast
    history_days: int = 182  # how far back the forecast learns
    charge_census: int | None = None  # §7 charge RN above this census (None: off)
    min_shift_minutes: int = 240  # a suggested extra shift is at least this long
