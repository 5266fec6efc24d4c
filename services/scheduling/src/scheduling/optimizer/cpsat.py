"""Day re-planning with OR-Tools CP-SAT.

Variables: one start per movable visit (on the start grid, inside its window). Constraints:
- monitoring: Cumulative of acuity weights against nurses x units, minute by minute;
- staggered starts: Cumulative of set-up intervals against nurses available;
- chairs: each visit goes either to a pediatric-capable chair (one optional interval per such
  chair, NoOverlap per chair) or, adults only, to the pool of ordinary chairs (Cumulative with
  the pool size). Pool visits get concrete chairs afterwards by colouring in start order, which
  always succeeds for intervals within the pool size because every fixed (started) visit began
  before every movable one.
Time-varying capacity (shifts, breaks, started visits) is expressed as fixed "blocker" intervals
eating the difference to the peak capacity. Started visits are facts and stay where they are.
Objective: sum of |start - requested| + overtime_weight x overtime (+ a refusal penalty when a
visit is optional). Every result passes the independent verifier before it is returned.
"""

from __future__ import annotations

import time as _time
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from ..domain.daystate import Visit
from ..domain.verify import verify_day
from .model import DayModel, DayProblem, PlanItem, SolveOptions

__all__ = ["DayProblem", "PlanItem", "PlanResult", "SolveOptions", "assign_pool_chairs",
           "check_plan", "solve_day"]


@dataclass
class PlanResult:
    status: str  # optimal | feasible | infeasible | unknown
    visits: list[Visit] = field(default_factory=list)  # placements of the items
    refused: list[str] = field(default_factory=list)
    objective: int | None = None
    solve_seconds: float = 0.0
    first_solution_seconds: float | None = None

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


def solve_day(problem: DayProblem, options: SolveOptions = DEFAULT_OPTIONS) -> PlanResult:
    t0 = _time.perf_counter()
    model = DayModel(problem, options)
    for it in problem.items:
        if not model.add(it):
            return PlanResult(status="infeasible", solve_seconds=_time.perf_counter() - t0)
    model.finish()
    return _solve(model, t0)


def _solve(model: DayModel, t0: float) -> PlanResult:
    problem, options = model.problem, model.options
    starts, presence, choice = model.starts, model.presence, model.choice
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = options.time_limit_s
    solver.parameters.num_workers = options.workers
    solver.parameters.random_seed = options.seed
    callback = _FirstSolution(t0)
    code = solver.solve(model.m, callback)
    elapsed = _time.perf_counter() - t0
    status = {cp_model.OPTIMAL: "optimal", cp_model.FEASIBLE: "feasible",
              cp_model.INFEASIBLE: "infeasible"}.get(code, "unknown")
    if status not in ("optimal", "feasible"):
        return PlanResult(status=status, solve_seconds=elapsed)
    items = {it.id: it for it in problem.items}
    pool_visits: list[Visit] = []
    visits: list[Visit] = []
    refused: list[str] = []
    for it in problem.items:
        if it.id not in starts or not solver.value(presence[it.id]):
            refused.append(it.id)
            continue
        s = solver.value(starts[it.id])
        chair = next((k for k, lit in choice[it.id].items() if solver.value(lit)), None)
        v = Visit(id=it.id, chair_id=chair or "pool", start=s, end=s + it.minutes,
                  acuity_class=it.acuity_class, pediatric=it.pediatric,
                  prep_minutes=it.prep_minutes)
        (pool_visits if chair == "pool" else visits).append(v)
    visits.extend(assign_pool_chairs(problem, pool_visits, items))
    check_plan(problem, visits)
    return PlanResult(status=status, visits=visits, refused=refused,
                      objective=round(solver.objective_value), solve_seconds=elapsed,
                      first_solution_seconds=callback.first)


def check_plan(problem: DayProblem, visits: list[Visit]) -> None:
    """Never hand out a plan breaking a hard rule that the started visits did not already break."""
    def found(vs: list[Visit]) -> set[tuple[str, int | None]]:
        return {(x.kind, x.minute) for x in verify_day(problem.frame, problem.chairs,
                                                        problem.nurses, problem.policy, vs,
                                                        pharmacy=problem.pharmacy)}
    new = found([*problem.fixed, *visits]) - found(list(problem.fixed))
    if new:
        raise AssertionError(f"optimizer produced an invalid plan: {sorted(new)[:3]}")


def assign_pool_chairs(problem: DayProblem, pool_visits: list[Visit],
                       items: dict[str, PlanItem]) -> list[Visit]:
    """Give pool visits concrete ordinary chairs, in start order, keeping current chairs."""
    pool = [c.id for c in problem.chairs if c.active and not c.pediatric_capable]
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
            raise AssertionError(f"no ordinary chair free for {v.id} at {v.start}")
        free_at[chair] = v.end
        out.append(Visit(id=v.id, chair_id=chair, start=v.start, end=v.end,
                         acuity_class=v.acuity_class, pediatric=v.pediatric,
                         prep_minutes=v.prep_minutes))
    return out
