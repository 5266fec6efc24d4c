"""First-come-first-served greedy booking: the baseline the optimizer is measured against.

Requests are taken in arrival order; each gets the earliest feasible slot at or after its
requested start (slot search, so every placement respects chairs, hours and nurse rules),
or is refused when nothing fits the day.
"""

from __future__ import annotations

from dataclasses import dataclass

from .clinic import BookingPolicy
from .daystate import DayState, Visit
from .slots import SlotRequest, find_slots


@dataclass(frozen=True)
class DayRequest:
    """One visit request on a day, in minutes after opening."""

    id: str
    arrival: int  # when the request reaches the desk (same-day requests arrive during the day)
    requested: int  # earliest start the patient can take (prep and travel included)
    minutes: int
    acuity_class: str = "standard"
    pediatric: bool = False
    requires_driver: bool = False
    same_day: bool = False
    latest_end: int | None = None  # None: the end of the day's horizon
    high_acuity_chair: bool = False  # a high-acuity first dose: a chair that allows it


def greedy_fcfs(state: DayState, requests: list[DayRequest], policy: BookingPolicy,
                overtime_minutes: int) -> tuple[list[Visit], list[str]]:
    """Place requests in arrival order; returns (placed visits, refused request ids)."""
    frame = state.frame
    placed, refused = [], []
    for r in sorted(requests, key=lambda r: (r.arrival, r.id)):
        not_after = frame.at(r.latest_end) if r.latest_end is not None else None
        req = SlotRequest(minutes=r.minutes, acuity_class=r.acuity_class, pediatric=r.pediatric,
                          requires_driver=r.requires_driver, not_before=frame.at(r.requested),
                          not_after=not_after, limit=1, overtime_minutes=overtime_minutes,
                          high_acuity_chair=r.high_acuity_chair)
        slots = find_slots(state, req, policy)
        if not slots:
            refused.append(r.id)
            continue
        s = frame.minute_floor(slots[0].start)
        visit = Visit(id=r.id, chair_id=slots[0].chair_id, start=s, end=s + r.minutes,
                      acuity_class=r.acuity_class, pediatric=r.pediatric,
                      high_acuity_chair=r.high_acuity_chair)
        state.add(visit)
        placed.append(visit)
    return placed, refused
