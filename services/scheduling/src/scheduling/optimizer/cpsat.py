"""Day re-planning with OR-Tools CP-SAT.

1. The time-indexed formulation of the day (optimizer/timeindex.py: rows per check point for
   nurse monitoring, set-ups, chairs and pharmacy hoods on the start grid).
2. Its LP relaxation (optimizer/bound.py, GLOP) gives the lower bound and fractional starts;
   list scheduling in alpha-point order plus an iterated local search over the order
   (optimizer/heuristic.py; up to ``heuristic_share`` of the time, less once it has converged)
   turns them into a valid plan, the warm start (kept only when cheaper than the current plan).
3. CP-SAT improves it: by default the interval model (optimizer/model.py: Cumulative for
   monitoring, set-ups, hoods and the pool of ordinary chairs, NoOverlap per chair with a
   capability (pediatric, high acuity); pool visits get concrete chairs by colouring in start
   order, exact because every fixed visit began before every movable one);
   ``formulation="time_indexed"`` uses the exact time-indexed model instead
   (optimizer/hybrid.py: one pool per capability set, for long runs and proofs).
An item goes only to a chair whose capabilities cover its needs (a pediatric item to a
pediatric-capable chair, a high-acuity first dose to a high-acuity-capable one, an item that is
both to a chair that is both). An item no active chair can take is left unplaced with the
reason ``no_capable_chair``; a mandatory one stays where it is (a fact others plan around).
Objective: sum of |start - requested| + overtime_weight x overtime (+ a refusal penalty when a
visit is optional). Every plan carries a lower bound, the higher of CP-SAT's best bound and the
LP bound, and passes the independent verifier before it is returned.
"""

from __future__ import annotations

import math
import time as _time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace

from ortools.sat.python import cp_model

from ..domain.daystate import Visit
from ..domain.verify import verify_day
from .bound import LpStarts, lp_bound
from .heuristic import alpha_plan, plan_cost
from .hybrid import HybridModel, build_cp
from .model import DayModel, DayProblem, PlanItem, SolveOptions
from .problem import NO_CAPABLE_CHAIR, Caps, chair_caps, needs
from .timeindex import Formulation, build

__all__ = ["DayProblem", "PlanItem", "PlanResult", "SolveOptions", "assign_pool_chairs",
           "check_plan", "seatable", "solve_day"]


@dataclass
class PlanResult:
    status: str  # optimal | feasible | infeasible | unknown
    visits: list[Visit] = field(default_factory=list)  # placements of the items
    refused: list[str] = field(default_factory=list)  # items left unplaced
    reasons: dict[str, str] = field(default_factory=dict)  # why, when not just "no room"
    objective: int | None = None
    solve_seconds: float = 0.0
    first_solution_seconds: float | None = None
    lower_bound: int | None = None  # no plan can cost less (CP-SAT bound or LP relaxation)
    lp_bound: int | None = None

    @property
    def gap(self) -> float | None:
        """(objective - lower bound) / objective; 0.0 when proven optimal."""
        if self.objective is None or self.lower_bound is None:
            return None
        if self.objective <= 0:
            return 0.0
        return round(max(0, self.objective - self.lower_bound) / self.objective, 4)

    @property
    def ok(self) -> bool:
        return self.status in ("optimal", "feasible")


class _FirstSolution(cp_model.CpSolverSolutionCallback):
    def __init__(self, t0: float) -> None:
        super().__init__()
        self.t0 = t0
        self.first: float | None = None

    def on_solution_callback(self) -> None:
        if self.first is None:
            self.first = _time.perf_counter() - self.t0


DEFAULT_OPTIONS = SolveOptions()
# How long reading the warm start back through the model may take when the search found
# nothing in its share (past the time limit: the alternative is no plan at all).
WARM_START_READ_S = 2.0


def solve_day(problem: DayProblem, options: SolveOptions = DEFAULT_OPTIONS) -> PlanResult:
    """Plan the day: the LP relaxation gives the bound and, rounded by list scheduling, a warm
    start (kept only when cheaper than the current plan); CP-SAT improves it. Items no chair
    can take are left out first (``seatable``), reported in ``refused`` and ``reasons``."""
    t0 = _time.perf_counter()
    seated, unseated = seatable(problem)
    res = _solve(seated, options, t0, bool(unseated))
    res.refused += list(unseated)
    res.reasons.update(unseated)
    return res


def _solve(problem: DayProblem, options: SolveOptions, t0: float, reduced: bool) -> PlanResult:
    f = build(problem, options)
    if f.impossible:
        return PlanResult(status="infeasible", solve_seconds=_time.perf_counter() - t0)
    if reduced and not problem.items:  # nothing left to place: the fixed day's cost
        cost = f.overtime_weight * f.overtime_min
        return PlanResult(status="optimal", objective=cost, lower_bound=cost,
                          solve_seconds=_time.perf_counter() - t0)
    bound, hint = None, None
    # Optional visits (acceptance first): CP-SAT needs its whole time from the current plan;
    # the LP bound is computed alongside, in a thread.
    alongside = options.lp_bound and any(it.optional for it in problem.items)
    if options.lp_bound and not alongside:
        bound, mass = lp_bound(f, time_limit_s=options.time_limit_s * options.heuristic_share)
        deadline = t0 + options.heuristic_share * options.time_limit_s
        hint = _warm_hint(problem, options, mass, deadline)  # no LP: requested-start orders
    model: DayModel | HybridModel
    if options.formulation == "time_indexed":
        model = build_cp(problem, f if hint is None else build(problem, options, hint))
    else:
        model = DayModel(problem, options, hint)
        for it in problem.items:
            if not model.add(it):
                return PlanResult(status="infeasible", solve_seconds=_time.perf_counter() - t0)
        model.finish()
    left = max(options.time_limit_s * (1 - options.heuristic_share),
               options.time_limit_s - (_time.perf_counter() - t0))
    if alongside:
        with ThreadPoolExecutor(max_workers=1) as pool:
            search = pool.submit(_search, model.m, options, left, t0)
            bound, _ = lp_bound(f, time_limit_s=left)
            solver, code, first = search.result()
    else:
        solver, code, first = _search(model.m, options, left, t0)
    if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE) and hint is not None:
        # Nothing found in the search's share (a loaded machine can spend it in presolve):
        # the warm start is a valid plan, so it is read back through the model with its
        # hinted values fixed, rather than the day going unplanned.
        solver, code, first = _search(model.m, options, WARM_START_READ_S, t0, fixed=True)
    return _result(problem, f, model, solver, code, first, t0, bound)


def seatable(problem: DayProblem) -> tuple[DayProblem, dict[str, str]]:
    """The problem without the items no active chair can take (their ids, with the reason). A
    mandatory one that is placed now stays there as a fixed visit: nobody is moved onto its
    chair and its nurse load still counts."""
    caps = [chair_caps(c) for c in problem.chairs if c.active]
    keep: list[PlanItem] = []
    fixed = list(problem.fixed)
    unseated: dict[str, str] = {}
    for it in problem.items:
        if any(needs(it) <= c for c in caps):
            keep.append(it)
            continue
        unseated[it.id] = NO_CAPABLE_CHAIR
        if it.current is not None and not it.optional:
            fixed.append(it.current)
    if not unseated:
        return problem, {}
    return replace(problem, fixed=fixed, items=keep), unseated


def _warm_hint(problem: DayProblem, options: SolveOptions, mass: LpStarts, deadline: float
               ) -> dict[str, tuple[int, str]] | None:
    plan = alpha_plan(problem, options, mass, deadline)
    if plan is None:
        return None
    current = {it.id: (it.current.start, it.current.chair_id) for it in problem.items
               if it.current is not None}
    if current and plan_cost(problem, options, current) <= plan_cost(problem, options, plan):
        return None  # missing items count as refused in both
    return plan


def _search(m: cp_model.CpModel, options: SolveOptions, seconds: float, t0: float, *,
            fixed: bool = False
            ) -> tuple[cp_model.CpSolver, cp_model.CpSolverStatus, float | None]:
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.fix_variables_to_their_hinted_value = fixed
    solver.parameters.num_workers = options.workers
    solver.parameters.random_seed = options.seed
    callback = _FirstSolution(t0)
    code = solver.solve(m, callback)
    return solver, code, callback.first


def _result(problem: DayProblem, f: Formulation, model: DayModel | HybridModel,
            solver: cp_model.CpSolver, code: cp_model.CpSolverStatus, first: float | None,
            t0: float,
            bound: int | None) -> PlanResult:
    starts, presence, choice = model.starts, model.presence, model.choice
    elapsed = _time.perf_counter() - t0
    status = {cp_model.OPTIMAL: "optimal", cp_model.FEASIBLE: "feasible",
              cp_model.INFEASIBLE: "infeasible"}.get(code, "unknown")
    if status not in ("optimal", "feasible"):
        return PlanResult(status=status, solve_seconds=elapsed, lp_bound=bound)
    items = {it.id: it for it in problem.items}
    pools: dict[str, Caps] = model.pools
    pool_visits: dict[str, list[Visit]] = {}
    visits: list[Visit] = []
    refused: list[str] = list(f.refused)
    for it in problem.items:
        if it.id not in starts:
            continue
        if not solver.value(presence[it.id]):
            refused.append(it.id)
            continue
        s = solver.value(starts[it.id])
        chair = next(k for k, lit in choice[it.id].items() if solver.value(lit))
        v = Visit(id=it.id, chair_id=chair, start=s, end=s + it.minutes,
                  acuity_class=it.acuity_class, pediatric=it.pediatric,
                  prep_minutes=it.prep_minutes, high_acuity_chair=it.high_acuity_chair)
        if chair in pools:
            pool_visits.setdefault(chair, []).append(v)
        else:
            visits.append(v)
    for key, group in pool_visits.items():
        visits.extend(assign_pool_chairs(problem, group, items, pools[key]))
    check_plan(problem, visits)
    objective = round(solver.objective_value)
    lower = max(math.ceil(solver.best_objective_bound - 1e-6), bound or 0)
    if status == "optimal":
        lower = objective
    return PlanResult(status=status, visits=visits, refused=refused, objective=objective,
                      solve_seconds=elapsed, first_solution_seconds=first,
                      lower_bound=min(lower, objective), lp_bound=bound)


def check_plan(problem: DayProblem, visits: list[Visit]) -> None:
    """Never hand out a plan breaking a hard rule that the started visits did not already break.
    What each visit needs is taken from its item, not from the visit the solver built."""
    items = {it.id: it for it in problem.items}
    visits = [replace(v, pediatric=items[v.id].pediatric,
                      high_acuity_chair=items[v.id].high_acuity_chair)
              if v.id in items else v for v in visits]

    def found(vs: list[Visit]) -> set[tuple[str, int | None]]:
        return {(x.kind, x.minute) for x in verify_day(problem.frame, problem.chairs,
                                                        problem.nurses, problem.policy, vs,
                                                        pharmacy=problem.pharmacy)}
    new = found([*problem.fixed, *visits]) - found(list(problem.fixed))
    if new:
        raise AssertionError(f"optimizer produced an invalid plan: {sorted(new)[:3]}")


def assign_pool_chairs(problem: DayProblem, pool_visits: list[Visit],
                       items: dict[str, PlanItem], caps: Caps = frozenset()) -> list[Visit]:
    """Give pool visits concrete chairs of the pool (the active chairs whose capabilities are
    exactly ``caps``: ordinary, pediatric, high acuity, both), in start order, keeping current
    chairs."""
    pool = [c.id for c in problem.chairs if c.active and chair_caps(c) == caps]
    free_at = dict.fromkeys(pool, 0)
    for v in problem.fixed:
        if v.chair_id in free_at:
            free_at[v.chair_id] = max(free_at[v.chair_id], v.end)
    out: list[Visit] = []
    for v in sorted(pool_visits, key=lambda v: (v.start, v.id)):
        current = items[v.id].current
        preferred = current.chair_id if current is not None else None
        chair: str | None
        if preferred is not None and preferred in free_at and free_at[preferred] <= v.start:
            chair = preferred
        else:
            chair = next((c for c in pool if free_at[c] <= v.start), None)
        if chair is None:
            raise AssertionError(f"no {sorted(caps) or 'ordinary'} chair free for {v.id} "
                                 f"at {v.start}")
        free_at[chair] = v.end
        out.append(replace(v, chair_id=chair))
    return out
