"""The pharmacy as configured: hoods and pharmacist shifts, turned into one day's PharmacyDay.

A hood prepares one visit's drugs at a time and only while a pharmacist works it, so the hoods
staffed at a minute are min(hoods, pharmacists on shift and not on break). Pharmacists may start
before the clinic opens (preparing the first visits): the day's picture then begins that many
minutes before opening (``PharmacyDay.lead``). No pharmacy configured (``hoods`` None): the
service keeps its fixed preparation lead and preparation is not limited (the old model).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import pairwise

from .clinic import Break, DayFrame, require_aware
from .errors import InvalidInput
from .pharmacy import PharmacyDay

MAX_LEAD_MINUTES = 12 * 60  # the picture never starts more than 12 h before opening
MAX_HOODS = 50


@dataclass(frozen=True)
class PharmacistShift:
    """One pharmacist's shift on one day; during a break they prepare nothing."""

    id: str
    pharmacist_id: str
    start: datetime
    end: datetime
    breaks: tuple[Break, ...] = ()

    def __post_init__(self) -> None:
        start, end = require_aware(self.start, "start"), require_aware(self.end, "end")
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


def validate_pharmacist_shifts(shifts: list[PharmacistShift]) -> None:
    """One pharmacist cannot work two overlapping shifts (it would count them twice)."""
    by_person: dict[str, list[PharmacistShift]] = {}
    for s in shifts:
        by_person.setdefault(s.pharmacist_id, []).append(s)
    for person, own in by_person.items():
        own.sort(key=lambda s: s.start)
        for first, second in pairwise(own):
            if second.start < first.end:
                raise InvalidInput(f"pharmacist {person}: shifts {first.id} and {second.id} "
                                   "overlap", field="start")


def validate_hoods(hoods: int | None) -> None:
    if hoods is not None and not 0 <= hoods <= MAX_HOODS:
        raise InvalidInput(f"hoods must be 0..{MAX_HOODS}", field="hoods")


def pharmacy_day(frame: DayFrame, hoods: int | None,
                 shifts: list[PharmacistShift]) -> PharmacyDay | None:
    """The day's staffed hoods per minute from the first shift's start (at most
    MAX_LEAD_MINUTES before opening) to the end of the day; None when hoods are not
    configured (preparation unlimited)."""
    if hoods is None:
        return None
    starts = [frame.minute_ceil(s.start) for s in shifts]
    lead = min(MAX_LEAD_MINUTES, max([0, *(-m for m in starts)]))
    size = lead + frame.horizon
    diff = [0] * (size + 1)

    def add(lo_minute: int, hi_minute: int, delta: int) -> None:
        lo, hi = max(0, lo_minute + lead), min(size, hi_minute + lead)
        if lo < hi:
            diff[lo] += delta
            diff[hi] -= delta

    for shift in shifts:
        # a partial minute of presence does not count: a pharmacist covers whole minutes
        add(frame.minute_ceil(shift.start), frame.minute_floor(shift.end), 1)
        for b in shift.breaks:
            lo = max(frame.minute_floor(b.start), frame.minute_ceil(shift.start))
            hi = min(frame.minute_ceil(b.end), frame.minute_floor(shift.end))
            add(lo, hi, -1)
    capacity, running = [0] * size, 0
    for i in range(size):
        running += diff[i]
        capacity[i] = min(hoods, running)
    return PharmacyDay(lead=lead, capacity=capacity)
