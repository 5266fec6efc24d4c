"""Day board figures: per-chair timeline, nurse load per 15 minutes, utilization."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from .daystate import DayState
from .visit_truth import ActualUse


@dataclass(frozen=True)
class LoadBucket:
    start: datetime
    end: datetime
    nurses_available: int  # the fewest nurses present during the bucket
    capacity_units: int  # nurses_available x units per nurse
    peak_load_units: int  # the highest monitoring load during the bucket
    peak_patients: int
    starts: int  # visits starting in the bucket
    load_ratio: float | None  # peak load / capacity (None when no nurse is present)


@dataclass(frozen=True)
class Utilization:
    booked_chair_minutes: int  # chair minutes in use within regular hours
    available_chair_minutes: int  # active chairs x opening minutes
    ratio: float
    overtime_minutes: int  # how long after closing the last visit ends
    # visit truth (domain/visit_truth.py): what started visits really used
    actual_chair_minutes: int = 0
    actual_ratio: float = 0.0
    booked_minutes_of_started: int = 0
    actual_to_booked: float | None = None

    def with_actual(self, use: ActualUse) -> Utilization:
        available = self.available_chair_minutes
        return replace(self, actual_chair_minutes=use.actual_chair_minutes,
                       actual_ratio=round(use.actual_chair_minutes / available, 4)
                       if available else 0.0,
                       booked_minutes_of_started=use.booked_minutes_of_started,
                       actual_to_booked=use.actual_to_booked)


def load_buckets(state: DayState, bucket_minutes: int = 15) -> list[LoadBucket]:
    frame, units = state.frame, state.units_per_nurse
    patients = [0] * frame.horizon
    starts = [0] * frame.horizon
    for v in state.visits.values():
        for t in range(max(0, v.start), min(frame.horizon, v.end)):
            patients[t] += 1
        if 0 <= v.start < frame.horizon:
            starts[v.start] += 1
    out = []
    for lo in range(0, frame.horizon, bucket_minutes):
        hi = min(frame.horizon, lo + bucket_minutes)
        nurses = min(state.nurses[lo:hi])
        peak = max(state.load[lo:hi])
        cap = nurses * units
        out.append(LoadBucket(
            start=frame.at(lo), end=frame.at(hi), nurses_available=nurses, capacity_units=cap,
            peak_load_units=peak, peak_patients=max(patients[lo:hi]), starts=sum(starts[lo:hi]),
            load_ratio=round(peak / cap, 3) if cap else None,
        ))
    return out


def utilization(state: DayState) -> Utilization:
    frame = state.frame
    active = {c.id for c in state.chairs if c.active}
    booked = sum(max(0, min(v.end, frame.close) - max(v.start, 0))
                 for v in state.visits.values() if v.chair_id in active)
    available = len(active) * frame.close
    last_end = max((v.end for v in state.visits.values()), default=0)
    return Utilization(booked_chair_minutes=booked, available_chair_minutes=available,
                       ratio=round(booked / available, 4) if available else 0.0,
                       overtime_minutes=max(0, last_end - frame.close))
