"""A clinic day's capacity picture, minute by minute: who is in which chair, nurse load, set-ups.

The nurse model is pooled, as in the reference models (scheduling.md §2, §5):
- a nurse on shift and not on break offers ``units_per_nurse`` monitoring units; a patient
  weighs units_per_nurse / ratio(acuity) for the whole visit, so load <= units x nurses;
- each start needs one nurse exclusively for the class's set-up minutes, so the number of
  set-ups running at once never exceeds the nurses available (starts are staggered).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .clinic import Chair, DayFrame, NurseShift, RatioPolicy

if TYPE_CHECKING:
    from .pharmacy import PharmacyDay


@dataclass(frozen=True)
class Visit:
    """Something occupying a chair on this day, in minutes after opening, [start, end)."""

    id: str
    chair_id: str
    start: int
    end: int
    acuity_class: str = "standard"
    pediatric: bool = False
    prep_minutes: int = 0  # pharmacy preparation finishing at ``start`` (domain/pharmacy.py)
    high_acuity_chair: bool = False  # a high-acuity first dose: a chair that allows it


def nurse_availability(frame: DayFrame, shifts: list[NurseShift]) -> list[int]:
    """Nurses on shift and not on break, for each minute 0..horizon-1 of the day."""
    size = frame.horizon
    diff = [0] * (size + 1)

    def add(start_minute: int, end_minute: int, delta: int) -> None:
        lo, hi = max(0, start_minute), min(size, end_minute)
        if lo < hi:
            diff[lo] += delta
            diff[hi] -= delta

    for shift in shifts:
        # A partial minute of presence does not count: a nurse must cover the whole minute.
        add(frame.minute_ceil(shift.start), frame.minute_floor(shift.end), 1)
        for b in shift.breaks:
            lo = max(frame.minute_floor(b.start), frame.minute_ceil(shift.start))
            hi = min(frame.minute_ceil(b.end), frame.minute_floor(shift.end))
            add(lo, hi, -1)
    out, running = [0] * size, 0
    for t in range(size):
        running += diff[t]
        out[t] = running
    return out


@dataclass
class DayState:
    """Mutable builder of the day's load; slot search only reads it."""

    frame: DayFrame
    chairs: list[Chair]
    policy: RatioPolicy
    nurses: list[int]  # nurses available per minute
    load: list[int] = field(default_factory=list)  # monitoring units used per minute
    setups: list[int] = field(default_factory=list)  # set-ups running per minute
    busy: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # chair -> intervals
    visits: dict[str, Visit] = field(default_factory=dict)
    shifts: list[NurseShift] = field(default_factory=list)
    # Pharmacy (domain/pharmacy.py): None = preparation not limited. ``prep[i]``: preparations
    # running at minute i - pharmacy.lead (the pharmacy's day starts before opening).
    pharmacy: PharmacyDay | None = None
    prep: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, frame: DayFrame, chairs: list[Chair], shifts: list[NurseShift],
              policy: RatioPolicy, visits: Iterable[Visit] = (),
              pharmacy: PharmacyDay | None = None) -> DayState:
        state = cls(frame=frame, chairs=list(chairs), policy=policy,
                    nurses=nurse_availability(frame, shifts), shifts=list(shifts),
                    pharmacy=pharmacy)
        state.prep = [0] * len(pharmacy.capacity) if pharmacy is not None else []
        state.load = [0] * frame.horizon
        state.setups = [0] * frame.horizon
        state.busy = {c.id: [] for c in chairs}
        for v in visits:
            state.add(v)
        return state

    @property
    def units_per_nurse(self) -> int:
        return self.policy.units_per_nurse

    def capacity(self, minute: int) -> int:
        return self.nurses[minute] * self.units_per_nurse

    def add(self, visit: Visit) -> None:
        """Record a visit (existing bookings may break rules; search then avoids the overload)."""
        self.visits[visit.id] = visit
        intervals = self.busy.setdefault(visit.chair_id, [])
        bisect.insort(intervals, (visit.start, visit.end))
        self._apply(visit, +1)

    def remove(self, visit_id: str) -> Visit | None:
        visit = self.visits.pop(visit_id, None)
        if visit is not None:
            self.busy[visit.chair_id].remove((visit.start, visit.end))
            self._apply(visit, -1)
        return visit

    def _apply(self, visit: Visit, sign: int) -> None:
        weight = self.policy.weight(visit.acuity_class)
        lo, hi = max(0, visit.start), min(self.frame.horizon, visit.end)
        for t in range(lo, hi):
            self.load[t] += sign * weight
        setup_end = min(hi, visit.start + min(self.policy.setup(visit.acuity_class),
                                              visit.end - visit.start))
        for t in range(lo, setup_end):
            self.setups[t] += sign
        if self.pharmacy is not None and visit.prep_minutes > 0:
            lead = self.pharmacy.lead
            for i in range(max(0, visit.start - visit.prep_minutes + lead),
                           min(len(self.prep), visit.start + lead)):
                self.prep[i] += sign

    def chair_free(self, chair_id: str, start: int, end: int) -> bool:
        intervals = self.busy.get(chair_id, [])
        # Only intervals starting before `end` can overlap; a chair holds a few per day.
        i = bisect.bisect_left(intervals, (end, end))
        return all(e <= start for s, e in intervals[:i])

    def next_busy_start(self, chair_id: str, after: int) -> int | None:
        intervals = self.busy.get(chair_id, [])
        i = bisect.bisect_left(intervals, (after, after))
        return intervals[i][0] if i < len(intervals) else None
