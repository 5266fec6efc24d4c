"""A warm start for CP-SAT from the LP relaxation: list scheduling in alpha-point order (items
sorted by the start where half of their LP mass lies, the classic rounding of time-indexed
LPs), each item at the feasible start closest to its request, on minute arrays.

Each placement checks every hard rule the verifier checks (chairs, nurse monitoring, set-ups,
pharmacy hoods, the chair's pediatric and high-acuity capabilities), so a plan it returns is
valid and is handed to CP-SAT as a complete hint.
"""

from __future__ import annotations

import random
import time

from .model import DayProblem, PlanItem, SolveOptions, pharmacy_free, residuals
from .problem import caps_order, chair_caps, needs
from .timeindex import allowed_starts

Placement = tuple[int, str]  # start, chair id


class Board:
    """What is left per minute once fixed visits and placed items are counted."""

    def __init__(self, problem: DayProblem) -> None:
        self.p = problem
        h = problem.frame.horizon
        self.mon, self.sup, _ = residuals(problem)
        # ordinary chairs first: capable chairs stay free for the items only they can take
        self.chairs = sorted((c for c in problem.chairs if c.active),
                             key=lambda c: (caps_order(chair_caps(c)), c.id))
        self.caps = {c.id: chair_caps(c) for c in self.chairs}
        self.free_from: dict[str, list[tuple[int, int]]] = {c.id: [] for c in self.chairs}
        for v in problem.fixed:
            if v.chair_id in self.free_from:
                self.free_from[v.chair_id].append((max(0, v.start), min(h, v.end)))
        self.lead = problem.pharmacy.lead if problem.pharmacy is not None else 0
        self.ph = pharmacy_free(problem)

    def fits(self, it: PlanItem, s: int) -> str | None:
        pol, e = self.p.policy, s + it.minutes
        if min(self.mon[s:e]) < pol.weight(it.acuity_class):
            return None
        if min(self.sup[s:s + min(pol.setup(it.acuity_class), it.minutes)]) < 1:
            return None
        if self.p.pharmacy is not None and it.prep_minutes > 0:
            lo = s - it.prep_minutes + self.lead
            if lo < 0 or min(self.ph[lo:s + self.lead]) < 1:
                return None
        need = needs(it)
        for c in self.chairs:
            if not need <= self.caps[c.id]:  # pediatric, high acuity: the chair must take it
                continue
            if all(b <= s or a >= e for a, b in self.free_from[c.id]):
                return c.id
        return None

    def place(self, it: PlanItem, s: int, chair: str) -> None:
        pol, e = self.p.policy, s + it.minutes
        w = pol.weight(it.acuity_class)
        for t in range(s, e):
            self.mon[t] -= w
        for t in range(s, s + min(pol.setup(it.acuity_class), it.minutes)):
            self.sup[t] -= 1
        if self.p.pharmacy is not None and it.prep_minutes > 0:
            for t in range(s - it.prep_minutes + self.lead, s + self.lead):
                self.ph[t] -= 1
        self.free_from[chair].append((s, e))


def list_schedule(problem: DayProblem, order: list[PlanItem]) -> dict[str, Placement] | None:
    """Place items in ``order``, each at its feasible start closest to its request; None when a
    mandatory item finds no place (optional ones are left out)."""
    board, plan = Board(problem), {}
    for it in order:
        starts = allowed_starts(problem, it.minutes, it.earliest, it.latest_start, it.latest_end)
        for s in sorted(starts, key=lambda s: (abs(s - it.requested), s)):
            chair = board.fits(it, s)
            if chair is not None:
                board.place(it, s, chair)
                plan[it.id] = (s, chair)
                break
        else:
            if not it.optional:
                return None
    return plan


def plan_cost(problem: DayProblem, options: SolveOptions, plan: dict[str, Placement]) -> int:
    items = {it.id: it for it in problem.items}
    total = sum(abs(s - items[i].requested) for i, (s, _) in plan.items())
    total += options.refusal_penalty * sum(1 for it in problem.items if it.id not in plan)
    ends = [min(problem.frame.horizon, v.end) for v in problem.fixed]
    ends += [s + items[i].minutes for i, (s, _) in plan.items()]
    return total + options.overtime_weight * max(0, max(ends, default=0) - problem.frame.close)


def alpha_point(mass: list[tuple[int, float]], alpha: float) -> float:
    """The first start by which ``alpha`` of the item's LP mass has started."""
    acc = 0.0
    for s, x in mass:
        acc += x
        if acc >= alpha - 1e-9:
            return s
    return 1e9


def alpha_plan(problem: DayProblem, options: SolveOptions, lp: dict[str, list[tuple[int, float]]],
               deadline: float = 0.0) -> dict[str, Placement] | None:
    """The best list schedule over a few orders: LP alpha-points for several alphas, the LP
    mean start, then requested starts."""
    def pinned(it: PlanItem) -> bool:  # one possible start: placed first
        return len(allowed_starts(problem, it.minutes, it.earliest, it.latest_start,
                                  it.latest_end)) <= 1

    first = [it for it in problem.items if pinned(it)]
    rest = [it for it in problem.items if not pinned(it)]
    orders: list[list[PlanItem]] = []
    for alpha in (0.1, 0.3, 0.5, 0.7, 0.9):
        point = {i: alpha_point(m, alpha) for i, m in lp.items()}
        orders.append(first + sorted(rest, key=lambda it: (
            it.optional, point.get(it.id, 1e9), it.requested, -it.minutes)))
    mean = {i: sum(s * x for s, x in m) / max(1e-9, sum(x for _, x in m)) for i, m in lp.items()}
    orders.append(first + sorted(rest, key=lambda it: (it.optional, mean.get(it.id, 1e9))))
    orders.append(first + sorted(rest, key=lambda it: (it.optional, it.requested, -it.minutes)))
    best: tuple[int, list[PlanItem], dict[str, Placement]] | None = None
    for order in orders:
        plan = list_schedule(problem, order)
        if plan is not None:
            c = plan_cost(problem, options, plan)
            if best is None or c < best[0]:
                best = (c, order, plan)
    if best is None:
        return None
    return _improve(problem, options, best, deadline)[2]


def _improve(problem: DayProblem, options: SolveOptions,
             best: tuple[int, list[PlanItem], dict[str, Placement]], deadline: float
             ) -> tuple[int, list[PlanItem], dict[str, Placement]]:
    """Local search on the priority order: move one item a few places, keep what is no worse."""
    rng = random.Random(options.seed)
    n = len(best[1])
    while n > 1 and time.perf_counter() < deadline:
        order = list(best[1])
        for _ in range(rng.randint(1, 3)):
            i = rng.randrange(n)
            j = min(n - 1, max(0, i + rng.randint(-8, 8)))
            order.insert(j, order.pop(i))
        plan = list_schedule(problem, order)
        if plan is not None:
            c = plan_cost(problem, options, plan)
            if c <= best[0]:
                best = (c, order, plan)
    return best
