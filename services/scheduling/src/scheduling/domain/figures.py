"""Figures that compare two plans of the same day (before/after, greedy/optimizer)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .clinic import Chair, DayFrame
from .daystate import Visit


@dataclass(frozen=True)
class DayFigures:
    visits: int
    makespan_minutes: int  # from opening to the end of the last visit
    overtime_minutes: int  # past closing
    total_wait_minutes: int  # sum over visits of |start - requested|
    mean_wait_minutes: float
    p90_wait_minutes: float
    chair_utilization: float  # booked chair minutes in regular hours / available


def percentile(values: list[int], q: float) -> float:
    """Nearest-rank percentile (no interpolation): a value some visit actually had."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return float(ordered[rank - 1])


def day_figures(frame: DayFrame, chairs: list[Chair], visits: list[Visit],
                requested: dict[str, int]) -> DayFigures:
    waits = [abs(v.start - requested[v.id]) for v in visits if v.id in requested]
    active = {c.id for c in chairs if c.active}
    booked = sum(max(0, min(v.end, frame.close) - max(v.start, 0))
                 for v in visits if v.chair_id in active)
    available = len(active) * frame.close
    makespan = max((v.end for v in visits), default=0)
    return DayFigures(
        visits=len(visits),
        makespan_minutes=makespan,
        overtime_minutes=max(0, makespan - frame.close),
        total_wait_minutes=sum(waits),
        mean_wait_minutes=round(sum(waits) / len(waits), 1) if waits else 0.0,
        p90_wait_minutes=percentile(waits, 90),
        chair_utilization=round(booked / available, 4) if available else 0.0,
    )
