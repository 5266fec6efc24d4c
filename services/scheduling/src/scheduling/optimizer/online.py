"""Online re-planning: when a same-day request arrives, re-plan only the visits that have not
started, within limits that keep the day livable for patients.

- a visit starting before ``now + min_notice`` is a fact (started, or too close to move);
- a visit is never moved to start before ``now + min_notice`` (the patient needs notice);
- a visit already moved ``max_moves`` times today stays where it is;
- the new request is optional: CP-SAT accepts it when everything still fits (the refusal
  penalty dominates); when the re-plan does not place it, it gets the feasible start closest
  to its request with nobody moved (what the desk would offer), else it is refused.
Every result passes the independent verifier (solve_day's check_plan).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..domain.clinic import Chair, DayFrame, RatioPolicy
from ..domain.daystate import Visit
from ..domain.pharmacy import PharmacyDay
from .cpsat import solve_day
from .heuristic import list_schedule
from .model import DayProblem, PlanItem, SolveOptions


@dataclass(frozen=True)
class OnlineRules:
    min_notice: int = 45  # minutes: nothing moves within this, nothing is placed into it
    max_moves: int = 1  # times one patient's visit may be moved in a day
    options: SolveOptions = SolveOptions(time_limit_s=3.0, lp_bound=False)


@dataclass
class OnlineDay:
    """The booked day as the desk sees it, in minutes after opening."""

    frame: DayFrame
    chairs: list[Chair]
    nurses: list[int]
    policy: RatioPolicy
    visits: dict[str, Visit] = field(default_factory=dict)
    requests: dict[str, PlanItem] = field(default_factory=dict)  # window and request per visit
    moves: dict[str, int] = field(default_factory=dict)
    pharmacy: PharmacyDay | None = None


def _without_moves(day: OnlineDay, item: PlanItem, new: PlanItem, fixed: list[Visit],
                   status: str) -> Arrival:
    """The re-plan found no place (or no time): the desk's answer, the feasible start closest
    to the request with nobody moved."""
    problem = DayProblem(day.frame, day.chairs, day.nurses, day.policy,
                         list(day.visits.values()), [new], pharmacy=day.pharmacy)
    plan = list_schedule(problem, [new])
    if not plan:
        return Arrival(False, [], status)
    start, chair = plan[new.id]
    day.visits[new.id] = Visit(id=new.id, chair_id=chair, start=start, end=start + new.minutes,
                               acuity_class=new.acuity_class, pediatric=new.pediatric,
                               prep_minutes=new.prep_minutes,
                               high_acuity_chair=new.high_acuity_chair)
    day.requests[new.id] = item
    return Arrival(True, [], "no_moves")


@dataclass
class Arrival:
    accepted: bool
    moved: list[str]  # visits whose start changed
    status: str


def arrive(day: OnlineDay, item: PlanItem, now: int, rules: OnlineRules) -> Arrival:
    """Re-plan the unstarted visits of ``day`` to fit ``item`` (arriving at ``now``); updates
    ``day`` in place when the plan is valid."""
    cut = now + rules.min_notice
    fixed: list[Visit] = []
    items: list[PlanItem] = []
    for vid, v in day.visits.items():
        if v.start < cut:
            fixed.append(v)
            continue
        base = day.requests[vid]
        if day.moves.get(vid, 0) >= rules.max_moves:
            items.append(replace(base, earliest=v.start, latest_start=v.start, current=v,
                                 optional=False))
        else:
            items.append(replace(base, earliest=max(base.earliest, cut), current=v,
                                 latest_start=max(base.latest_start, v.start), optional=False))
    new = replace(item, earliest=max(item.earliest, cut), optional=True, current=None)
    problem = DayProblem(day.frame, day.chairs, day.nurses, day.policy, fixed, [*items, new],
                         pharmacy=day.pharmacy)
    res = solve_day(problem, rules.options)
    placed = {v.id: v for v in res.visits}
    if not res.ok or new.id not in placed or any(it.id not in placed for it in items):
        # no chair at all can take it (pediatric, high acuity): say so, not just "refused"
        return _without_moves(day, item, new, fixed,
                              res.reasons.get(new.id, res.status))
    moved = [it.id for it in items if placed[it.id].start != day.visits[it.id].start]
    for vid in moved:
        day.moves[vid] = day.moves.get(vid, 0) + 1
    day.visits.update(placed)
    day.requests[new.id] = item
    return Arrival(True, moved, res.status)
