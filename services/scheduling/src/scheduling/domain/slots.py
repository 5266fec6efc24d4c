"""Slot search: the earliest feasible (chair, start, end) options for one visit on one day.

A pure function of a DayState. A start s is feasible for a visit of d minutes when:
- opening hours: 0 <= s and s + d <= close (+ allowed overtime); s on the start grid;
- the window: s >= not_before (window start, now, pharmacy prep) and s + d <= not_after;
- driver cut-off: a patient who needs a driver starts no later than the cut-off;
- a chair that is active, pediatric-capable for a child, high-acuity-capable for a
  high-acuity first dose, and free over [s, s + d);
- nurse monitoring: load + weight <= capacity at every minute of [s, s + d);
- staggered starts: set-ups running + 1 <= nurses available over the set-up minutes;
- pharmacy (when the day has a pharmacy picture): the preparation [s - prep, s) begins no
  earlier than ``prep_from`` and finds a staffed hood free at every minute (prep_slots.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from .clinic import MINUTES_PER_DAY, BookingPolicy
from .daystate import DayState, Visit
from .errors import InvalidInput, Reason
from .prep_slots import earliest_start, fits, next_full, prep_reasons


@dataclass(frozen=True)
class SlotRequest:
    minutes: int
    acuity_class: str = "standard"
    pediatric: bool = False
    requires_driver: bool = False
    not_before: datetime | None = None  # aware; includes window start, now and prep lead
    not_after: datetime | None = None  # aware; the visit must end by then
    limit: int = 10
    overtime_minutes: int = 0  # how far past closing the visit may end
    ignore_visit: str | None = None  # the appointment being moved does not block itself
    prep_minutes: int = 0  # pharmacy preparation finishing at the start (one hood)
    prep_from: datetime | None = None  # aware; preparation cannot begin before (now)
    high_acuity_chair: bool = False  # a high-acuity first dose: only a chair that allows it

    def __post_init__(self) -> None:
        if not isinstance(self.minutes, int) or self.minutes <= 0:
            raise InvalidInput("minutes must be a whole number > 0", field="minutes")
        if self.minutes > MINUTES_PER_DAY:
            raise InvalidInput("a visit cannot be longer than a day", field="minutes")
        if not 1 <= self.limit <= 200:
            raise InvalidInput("limit must be 1..200", field="limit")
        if not isinstance(self.prep_minutes, int) or not 0 <= self.prep_minutes <= 24 * 60:
            raise InvalidInput("prep_minutes must be 0..1440", field="prep_minutes")
        if self.not_before and self.not_after and self.not_after <= self.not_before:
            raise InvalidInput("window end must be after its start", field="to")


@dataclass(frozen=True)
class Slot:
    chair_id: str
    start: datetime
    end: datetime


@dataclass(frozen=True)
class Bounds:
    """The request translated into minutes of this day: starts in [lo, hi], end <= end_max."""

    lo: int
    hi: int
    end_max: int


def bounds(state: DayState, req: SlotRequest, policy: BookingPolicy) -> Bounds | None:
    frame = state.frame
    lo = 0
    end_max = min(frame.close + req.overtime_minutes, frame.horizon)
    if req.not_before is not None:
        lo = max(lo, frame.minute_ceil(req.not_before))
    prep_lo = earliest_start(state, req.prep_minutes, req.prep_from)
    if prep_lo is not None:
        lo = max(lo, prep_lo)
    if req.not_after is not None:
        end_max = min(end_max, frame.minute_floor(req.not_after))
    grid = policy.grid_minutes
    lo = -(-lo // grid) * grid  # round up onto the grid
    hi = end_max - req.minutes
    if req.requires_driver and policy.driver_latest_start is not None:
        hi = min(hi, driver_cutoff(state, policy.driver_latest_start))
    if hi < lo:
        return None
    return Bounds(lo=lo, hi=hi, end_max=end_max)


def driver_cutoff(state: DayState, latest: time) -> int:
    return state.frame.local_minute(latest)


def _first_bad(ok: list[bool]) -> list[int]:
    """next_bad[t] = first minute >= t where ok is False (len(ok) when none)."""
    size = len(ok)
    out = [size] * (size + 1)
    for t in range(size - 1, -1, -1):
        out[t] = out[t + 1] if ok[t] else t
    return out


def _nurse_masks(state: DayState, weight: int, exclude: Visit | None, ex_weight: int,
                 ex_setup_end: int) -> tuple[list[int], list[int]]:
    units = state.units_per_nurse
    load, setups, nurses = state.load, state.setups, state.nurses
    if exclude is None:
        mon = [load[t] + weight <= nurses[t] * units for t in range(len(load))]
        sup = [setups[t] < nurses[t] for t in range(len(load))]
    else:
        mon = [load[t] - (ex_weight if exclude.start <= t < exclude.end else 0) + weight
               <= nurses[t] * units for t in range(len(load))]
        sup = [setups[t] - (1 if exclude.start <= t < ex_setup_end else 0) < nurses[t]
               for t in range(len(load))]
    return _first_bad(mon), _first_bad(sup)


def _chairs(state: DayState, pediatric: bool, high_acuity: bool = False) -> list[str]:
    chairs = [c for c in state.chairs if c.active and (c.pediatric_capable or not pediatric)
              and (c.high_acuity_capable or not high_acuity)]
    # Visits try ordinary chairs first, keeping pediatric- and high-acuity-capable chairs
    # free for the children and high-acuity first doses only they can take.
    chairs.sort(key=lambda c: (c.pediatric_capable and not pediatric,
                               c.high_acuity_capable and not high_acuity, c.id))
    return [c.id for c in chairs]


def _chair_free(state: DayState, chair_id: str, start: int, end: int,
                exclude: Visit | None) -> bool:
    if exclude is not None and exclude.chair_id == chair_id:
        others = list(state.busy.get(chair_id, []))
        others.remove((exclude.start, exclude.end))  # only the moved visit, not a twin
        return all(e <= start or s >= end for s, e in others)
    return state.chair_free(chair_id, start, end)


def find_slots(state: DayState, req: SlotRequest, policy: BookingPolicy) -> list[Slot]:
    """The first ``limit`` feasible start times of the day, earliest first, one chair each."""
    b = bounds(state, req, policy)
    if b is None:
        return []
    weight = state.policy.weight(req.acuity_class)
    setup = min(state.policy.setup(req.acuity_class), req.minutes)
    exclude = state.visits.get(req.ignore_visit) if req.ignore_visit else None
    ex_w = state.policy.weight(exclude.acuity_class) if exclude else 0
    ex_setup_end = (exclude.start + min(state.policy.setup(exclude.acuity_class),
                                        exclude.end - exclude.start)) if exclude else 0
    next_mon_bad, next_setup_bad = _nurse_masks(state, weight, exclude, ex_w, ex_setup_end)
    hoods_full = next_full(state, req.prep_minutes, exclude)
    chairs = _chairs(state, req.pediatric, req.high_acuity_chair)
    out: list[Slot] = []
    for s in range(b.lo, b.hi + 1, policy.grid_minutes):
        end = s + req.minutes
        if next_mon_bad[s] < end or next_setup_bad[s] < s + setup:
            continue
        if not fits(state, hoods_full, s, req.prep_minutes):
            continue
        chair = next((c for c in chairs if _chair_free(state, c, s, end, exclude)), None)
        if chair is None:
            continue
        out.append(Slot(chair_id=chair, start=state.frame.at(s), end=state.frame.at(end)))
        if len(out) >= req.limit:
            break
    return out


def check_slot(state: DayState, req: SlotRequest, policy: BookingPolicy, chair_id: str,
               start: datetime) -> list[Reason]:
    """Why a specific chair and start cannot take this visit (empty list: it can)."""
    frame = state.frame
    if start.second or start.microsecond:
        return [Reason("off_grid", "start must be on a whole minute")]
    s = frame.minute_floor(start)
    end = s + req.minutes
    chair = next((c for c in state.chairs if c.id == chair_id), None)
    reasons: list[Reason] = []
    if s < 0 or end > min(frame.close + req.overtime_minutes, frame.horizon):
        return [Reason("outside_hours", "the visit must start and end within opening hours")]
    if req.not_before is not None and start < req.not_before:
        reasons.append(Reason("too_early", "start is before the earliest allowed time"))
    if req.not_after is not None and frame.at(end) > req.not_after:
        reasons.append(Reason("too_late", "the visit would end after the allowed window"))
    if req.requires_driver and policy.driver_latest_start is not None \
            and s > driver_cutoff(state, policy.driver_latest_start):
        reasons.append(Reason("driver_cutoff", "too late a start for a patient needing a driver"))
    if chair is None or not chair.active:
        reasons.append(Reason("chair_unavailable", f"chair {chair_id} is not in service"))
    elif req.pediatric and not chair.pediatric_capable:
        reasons.append(Reason("chair_not_pediatric", f"chair {chair_id} is not pediatric-capable"))
    elif req.high_acuity_chair and not chair.high_acuity_capable:
        reasons.append(Reason("chair_not_high_acuity",
                              f"chair {chair_id} does not take a high-acuity first dose"))
    exclude = state.visits.get(req.ignore_visit) if req.ignore_visit else None
    if chair is not None and not _chair_free(state, chair_id, s, end, exclude):
        reasons.append(Reason("chair_busy", f"chair {chair_id} is taken at that time"))
    reasons.extend(nurse_reasons(state, req, s, exclude))
    reasons.extend(prep_reasons(state, req.prep_minutes, req.prep_from, s, exclude))
    return reasons


def nurse_reasons(state: DayState, req: SlotRequest, s: int,
                  exclude: Visit | None = None) -> list[Reason]:
    weight = state.policy.weight(req.acuity_class)
    setup = min(state.policy.setup(req.acuity_class), req.minutes)
    units = state.units_per_nurse
    reasons = []
    ex_w = state.policy.weight(exclude.acuity_class) if exclude else 0
    ex_setup = min(state.policy.setup(exclude.acuity_class),
                   exclude.end - exclude.start) if exclude else 0
    for t in range(s, s + req.minutes):
        own = ex_w if exclude and exclude.start <= t < exclude.end else 0
        if state.load[t] - own + weight > state.nurses[t] * units:
            reasons.append(Reason("nurse_capacity", "nurse ratio would be exceeded"))
            break
    for t in range(s, s + setup):
        own = 1 if exclude and exclude.start <= t < exclude.start + ex_setup else 0
        if state.setups[t] - own + 1 > state.nurses[t]:
            reasons.append(Reason("nurse_start", "no nurse free to start the infusion"))
            break
    return reasons
