"""A warm start for CP-SAT from the LP relaxation: list scheduling (optimizer/listsched.py) in
alpha-point order (items sorted by the start where half of their LP mass lies, the classic
rounding of time-indexed LPs), then an iterated local search over the order.

A list schedule places each item at the feasible start closest to its request, checking every
hard rule the verifier checks, so a plan it returns is valid and is handed to CP-SAT as a
complete hint. On the M family this search, not CP-SAT, finds the plan: CP-SAT's interval model
with 2 workers did not improve the warm start in the time left on any M, L or P seed
(2026-12-07), while on small days (S, X) it still does; hence the search has most of the time
and stops early once it has converged.
"""

from __future__ import annotations

import random
import time

from .listsched import Placement, Prepared, Run, list_schedule, prepare, schedule
from .model import DayProblem, PlanItem, SolveOptions
from .timeindex import allowed_starts

__all__ = ["Placement", "alpha_plan", "list_schedule", "plan_cost"]

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
    """The best list schedule over a few orders (LP alpha-points for several alphas, the LP
    mean start, then requested starts), improved by the order search until ``deadline``."""
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
    search = OrderSearch(problem, options)
    best: tuple[int, Run] | None = None
    for order in orders:
        run = schedule(search.prep, order)
        if run is not None and (best is None or search.cost(run) < best[0]):
            best = (search.cost(run), run)
    if best is None:
        return None
    return search.improve(best[1], deadline, len(first)).plan()


class OrderSearch:
    """Iterated local search on the priority order of the list schedule.

    A step moves one to three items a few places in the order and keeps the result when it is
    no worse (plateaus are walked). After ``KICK_AFTER`` steps without a better order, the
    search jumps: a handful of moves kept whatever they cost, from the best order found (a
    plain descent stalls in a local optimum: on the M family's seed 1 at +2.6 % after 30 s).
    The search stops at ``deadline`` or when it has gone as many steps without beating its
    best as it took to find it (at least ``PATIENCE``): a small day that has converged hands
    the rest of the time to CP-SAT, which proves or improves small days better."""

    KICK_AFTER = 150
    SPAN = 12  # how far one move carries an item in the order
    KICK_MOVES = 6
    PATIENCE = 3000

    def __init__(self, problem: DayProblem, options: SolveOptions) -> None:
        self.problem, self.options = problem, options
        self.prep: Prepared = prepare(problem)
        self.steps = 0  # steps of the last ``improve`` (benchmark figures)
        self.ends_fixed = max((min(problem.frame.horizon, v.end) for v in problem.fixed),
                              default=0)

    def cost(self, run: Run) -> int:
        """plan_cost of the run's plan."""
        total, end, opt = 0, self.ends_fixed, self.options
        for it, spot in zip(run.order, run.spots, strict=True):
            if spot is None:
                total += opt.refusal_penalty
                continue
            total += abs(spot[0] - it.requested)
            end = max(end, spot[0] + it.minutes)
        return total + opt.overtime_weight * max(0, end - self.problem.frame.close)

    def improve(self, run: Run, deadline: float, pinned: int = 0) -> Run:
        """Positions before ``pinned`` (items with a single possible start) never move."""
        rng = random.Random(self.options.seed)
        n = len(run.order)
        best = cur = (self.cost(run), run)
        step = found = stale = 0
        while n - pinned > 1 and time.perf_counter() < deadline:
            step += 1
            stale += 1
            kick = stale > self.KICK_AFTER
            base = best if kick else cur
            order = list(base[1].order)
            first = n
            for _ in range(self.KICK_MOVES if kick else rng.randint(1, 3)):
                i = rng.randrange(pinned, n)
                j = min(n - 1, max(pinned, i + rng.randint(-self.SPAN, self.SPAN)))
                order.insert(j, order.pop(i))
                first = min(first, i, j)
            nxt = schedule(self.prep, order, base[1], first)
            if nxt is None:
                continue
            c = self.cost(nxt)
            if kick:
                cur, stale = (c, nxt), 0
            elif c <= cur[0]:
                if c < cur[0]:
                    stale = 0
                    nxt, c = self.by_start(nxt, c, pinned)
                cur = (c, nxt)
            if cur[0] < best[0]:
                best, found = cur, step
            elif step - found > max(self.PATIENCE, found):
                break
        self.steps = step
        return best[1]

    def by_start(self, run: Run, c: int, pinned: int) -> tuple[Run, int]:
        """The order re-sorted by the plan's starts, kept when its schedule is no worse, so
        that the next moves swap items near in time. (Usually every item keeps its start or
        moves earlier; a chair with a capability taken by an ordinary visit can make it worse.)"""
        def start(k: int) -> tuple[int, int]:
            spot = run.spots[k]
            return (spot[0] if spot is not None else 10**6), k

        keyed = sorted(range(pinned, len(run.order)), key=start)
        order = run.order[:pinned] + [run.order[k] for k in keyed]
        first = next((k for k in range(len(order)) if order[k] is not run.order[k]), len(order))
        other = schedule(self.prep, order, run, first)
        if other is not None and self.cost(other) <= c:
            return other, self.cost(other)
        return run, c
