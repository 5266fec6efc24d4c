"""Staffing demand per 15 minutes: the Chairside model of clinical-loop.md §7.

Per bucket: load = Σ acuity weights of the patients in chairs; starts = patients whose
nurse-exclusive start-up falls in the bucket; RN needed = max(⌈load / units per RN⌉, starts,
number of H patients) + one charge RN when the census exceeds a threshold (default off).

§7's classes map onto scheduling's acuity classes (the ratio policy, domain/clinic.py):

    §7 L (weight 1) = ``standard``  (1:4)   eptinezumab, hydration, Mg, natalizumab
    §7 M (weight 2) = ``elevated``  (1:2)   sedating cocktail, DHE, valproate, titrations
    §7 H (weight 4) = ``high``      (1:1)   ketamine, lidocaine, desensitization, reaction ≥G2

The weights come from the ratio policy (weight = units per RN / ratio), so with the default
ratios 4/2/1 they are exactly §7's 1/2/4 against 4 units per RN; a state override or a
clinic's own policy changes both sides consistently. "H" is any class whose ratio is 1 (the
patient takes a whole RN). Titration steps are not known to scheduling, so only start-ups count
as starts. A bucket's load, census and H count are their peaks within the bucket (at its start
or when a patient sits down), and the rostered RNs are the fewest on shift and not on break
during it, so a gap is never hidden inside a bucket.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .clinic import DayFrame, NurseShift, RatioPolicy
from .daystate import nurse_availability

BUCKET_MINUTES = 15
SECTION_7_CLASS = {"standard": "L", "elevated": "M", "high": "H"}


@dataclass(frozen=True)
class StaffingRule:
    """The ratio policy plus §7's charge-RN threshold (None: no charge RN)."""

    policy: RatioPolicy
    charge_census: int | None = None

    @property
    def units_per_nurse(self) -> int:
        return self.policy.units_per_nurse

    def weight(self, acuity_class: str) -> int:
        return self.policy.weight(acuity_class)

    def whole_nurse(self, acuity_class: str) -> bool:
        """§7 "H": one patient of this class takes a whole RN (ratio 1)."""
        return self.policy.ratios[self.policy.resolve(acuity_class, strict=False)] == 1

    def setup(self, acuity_class: str) -> int:
        return self.policy.setup(acuity_class)


@dataclass(frozen=True)
class Stay:
    """A patient in a chair, in minutes after the day's opening, [start, end)."""

    start: int
    end: int
    acuity_class: str


@dataclass(frozen=True)
class Demand:
    """What one bucket asks of the nurses (peaks within the bucket)."""

    load_units: int = 0
    starts: int = 0
    high: int = 0  # patients of a whole-nurse class (§7 "H")
    census: int = 0

    def __add__(self, other: Demand) -> Demand:
        return Demand(self.load_units + other.load_units, self.starts + other.starts,
                      self.high + other.high, self.census + other.census)


def rn_needed(demand: Demand, rule: StaffingRule) -> int:
    """§7: max(⌈load / units⌉, starts, H patients) + a charge RN above the census threshold."""
    base = max(math.ceil(demand.load_units / rule.units_per_nurse), demand.starts,
               demand.high, 0)
    charge = rule.charge_census is not None and demand.census > rule.charge_census
    return base + (1 if charge else 0)


def bucket_demand(stays: Sequence[Stay], lo: int, hi: int, rule: StaffingRule) -> Demand:
    """The demand of the bucket [lo, hi) from the stays in it."""
    inside = [s for s in stays if s.start < hi and s.end > lo]
    load = census = high = 0
    for t in {lo} | {s.start for s in inside if lo < s.start}:
        present = [s for s in inside if s.start <= t < s.end]
        load = max(load, sum(rule.weight(s.acuity_class) for s in present))
        census = max(census, len(present))
        high = max(high, sum(1 for s in present if rule.whole_nurse(s.acuity_class)))
    starts = sum(1 for s in inside
                 if s.start < hi and s.start + min(rule.setup(s.acuity_class),
                                                   s.end - s.start) > lo)
    return Demand(load_units=load, starts=starts, high=high, census=census)


def bucket_bounds(frame: DayFrame, bucket_minutes: int = BUCKET_MINUTES) -> list[tuple[int, int]]:
    """The day's buckets from opening to closing (the last one may be shorter)."""
    return [(lo, min(frame.close, lo + bucket_minutes))
            for lo in range(0, frame.close, bucket_minutes)]


def rostered(frame: DayFrame, shifts: Sequence[NurseShift],
             bounds: Sequence[tuple[int, int]]) -> list[int]:
    """The fewest RNs on shift and not on break during each bucket."""
    per_minute = nurse_availability(frame, list(shifts))
    return [min(per_minute[lo:hi], default=0) for lo, hi in bounds]


@dataclass(frozen=True)
class BucketStaffing:
    lo: int  # minutes after opening
    hi: int
    booked: Demand  # from the visits on the books
    expected: Demand  # booked plus the forecast's expected unbooked demand
    needed_booked: int
    needed: int
    rostered: int

    @property
    def gap(self) -> int:
        """RNs missing (negative: spare) against the forecast demand."""
        return self.needed - self.rostered

    @property
    def booked_gap(self) -> int:
        return self.needed_booked - self.rostered


def day_staffing(frame: DayFrame, stays: Sequence[Stay], shifts: Sequence[NurseShift],
                 rule: StaffingRule, extra: Sequence[Demand] | None = None,
                 bucket_minutes: int = BUCKET_MINUTES) -> list[BucketStaffing]:
    """Each bucket of an open day: demand booked and expected, RNs needed and rostered.

    ``extra`` is the forecast's expected unbooked demand per bucket (whole patients/units):
    the booked load is a floor the forecast only adds to."""
    bounds = bucket_bounds(frame, bucket_minutes)
    on_shift = rostered(frame, shifts, bounds)
    out = []
    for i, (lo, hi) in enumerate(bounds):
        booked = bucket_demand(stays, lo, hi, rule)
        expected = booked + (extra[i] if extra is not None and i < len(extra) else Demand())
        out.append(BucketStaffing(lo=lo, hi=hi, booked=booked, expected=expected,
                                  needed_booked=rn_needed(booked, rule),
                                  needed=rn_needed(expected, rule), rostered=on_shift[i]))
    return out
