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

from ..domain.clinic import Chair, DayFrame, RatioPolicy
from ..domain.daystate import Visit
from ..domain.verify import verify_day


@dataclass(frozen=True)
class PlanItem:
    """A visit the optimizer may place: window in minutes after opening."""

    id: str
    minutes: int
    acuity_class: str
    earliest: int
    latest_start: int
    latest_end: int
    requested: int
    pediatric: bool = False
    current: Visit | None = None  # where it is now (solution hint, chair preference)
    optional: bool = False  # may be refused (benchmark: offline acceptance)


@dataclass(frozen=True)
class DayProblem:
    frame: DayFrame
    chairs: list[Chair]
    nurses: list[int]
    policy: RatioPolicy
    fixed: list[Visit]
    items: list[PlanItem]
    grid: int = 5


@dataclass(frozen=True)
class SolveOptions:
    time_limit_s: float = 10.0
    workers: int = 2
    seed: int = 0
    overtime_weight: int = 10  # one minute of overtime costs as much as ten minutes of wait
    refusal_penalty: int = 100_000


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


def _segments(values: list[int]) -> list[tuple[int, int, int]]:
    """Runs of equal value: (start, end, value)."""
    out, lo = [], 0
    for t in range(1, len(values) + 1):
        if t == len(values) or values[t] != values[lo]:
            out.append((lo, t, values[lo]))
            lo = t
    return out


def _capacity(m: cp_model.CpModel, free: list[int], name: str
              ) -> tuple[int, list[cp_model.IntervalVar], list[int]]:
    """Peak capacity plus blocker intervals making the usable capacity equal ``free``."""
    peak = max(free, default=0)
    intervals: list[cp_model.IntervalVar] = []
    demands: list[int] = []
    for lo, hi, value in _segments(free):
        if value < peak:
            intervals.append(m.new_fixed_size_interval_var(lo, hi - lo, f"{name}_blk{lo}"))
            demands.append(peak - value)
    return peak, intervals, demands


def residuals(problem: DayProblem) -> tuple[list[int], list[int], list[int]]:
    """Monitoring units, starts and pool chairs left per minute after the fixed visits."""
    h, pol = problem.frame.horizon, problem.policy
    units = pol.units_per_nurse
    mon = [problem.nurses[t] * units for t in range(h)]
    sup = list(problem.nurses[:h])
    pool_ids = {c.id for c in problem.chairs if c.active and not c.pediatric_capable}
    pool = [len(pool_ids)] * h
    for v in problem.fixed:
        setup_end = v.start + min(pol.setup(v.acuity_class), v.end - v.start)
        for t in range(max(0, v.start), min(h, v.end)):
            mon[t] -= pol.weight(v.acuity_class)
            if t < setup_end:
                sup[t] -= 1
            if v.chair_id in pool_ids:
                pool[t] -= 1
    return [max(0, x) for x in mon], [max(0, x) for x in sup], [max(0, x) for x in pool]


def solve_day(problem: DayProblem, options: SolveOptions = SolveOptions()) -> PlanResult:
    t0 = _time.perf_counter()
    m = cp_model.CpModel()
    frame, pol, h = problem.frame, problem.policy, problem.frame.horizon
    mon_free, sup_free, pool_free = residuals(problem)
    mon_cap, mon_iv, mon_dem = _capacity(m, mon_free, "mon")
    sup_cap, sup_iv, sup_dem = _capacity(m, sup_free, "sup")
    pool_cap, pool_iv, pool_dem = _capacity(m, pool_free, "pool")
    ped_chairs = [c for c in problem.chairs if c.active and c.pediatric_capable]
    ped_iv: dict[str, list[cp_model.IntervalVar]] = {c.id: [] for c in ped_chairs}
    for v in problem.fixed:
        if v.chair_id in ped_iv and v.end > 0 and v.start < h:
            lo, hi = max(0, v.start), min(h, v.end)
            ped_iv[v.chair_id].append(m.new_fixed_size_interval_var(lo, hi - lo, f"fx_{v.id}"))
    starts: dict[str, cp_model.IntVar] = {}
    presence: dict[str, cp_model.IntVar] = {}
    choice: dict[str, dict[str, cp_model.IntVar]] = {}
    costs: list[cp_model.LinearExpr] = []
    ends: list[tuple[cp_model.IntVar, cp_model.IntVar]] = []
    for it in problem.items:
        hi_start = min(it.latest_start, it.latest_end - it.minutes, h - it.minutes)
        lo_start = max(0, it.earliest)
        lo_start = -(-lo_start // problem.grid) * problem.grid
        values = list(range(lo_start, hi_start + 1, problem.grid))
        if not values:
            if not it.optional:
                return PlanResult(status="infeasible",
                                  solve_seconds=_time.perf_counter() - t0)
            continue
        s = m.new_int_var_from_domain(cp_model.Domain.from_values(values), f"s_{it.id}")
        e = m.new_int_var(values[0] + it.minutes, values[-1] + it.minutes, f"e_{it.id}")
        m.add(e == s + it.minutes)
        present = m.new_bool_var(f"p_{it.id}") if it.optional else m.new_constant(1)
        setup = min(pol.setup(it.acuity_class), it.minutes)
        mon_iv.append(m.new_optional_interval_var(s, it.minutes, e, present, f"m_{it.id}"))
        mon_dem.append(pol.weight(it.acuity_class))
        sup_iv.append(m.new_optional_fixed_size_interval_var(s, setup, present, f"u_{it.id}"))
        sup_dem.append(1)
        options_for: dict[str, cp_model.IntVar] = {}
        if not it.pediatric and pool_cap > 0:
            lit = m.new_bool_var(f"pool_{it.id}")
            pool_iv.append(m.new_optional_interval_var(s, it.minutes, e, lit, f"pi_{it.id}"))
            pool_dem.append(1)
            options_for["pool"] = lit
        for c in ped_chairs:
            lit = m.new_bool_var(f"c_{it.id}_{c.id}")
            ped_iv[c.id].append(m.new_optional_interval_var(s, it.minutes, e, lit, f"ci_{it.id}"))
            options_for[c.id] = lit
        if not options_for:
            if not it.optional:
                return PlanResult(status="infeasible", solve_seconds=_time.perf_counter() - t0)
            continue
        m.add(sum(options_for.values()) == present)
        dev = m.new_int_var(0, h, f"d_{it.id}")
        m.add(dev >= s - it.requested).only_enforce_if(present)
        m.add(dev >= it.requested - s).only_enforce_if(present)
        costs.append(dev)
        if it.optional:
            costs.append(options.refusal_penalty * (1 - present))
        ends.append((e, present))
        starts[it.id], presence[it.id], choice[it.id] = s, present, options_for
        _hint(m, it, s, options_for, ped_chairs)
    if mon_iv:
        m.add_cumulative(mon_iv, mon_dem, mon_cap)
        m.add_cumulative(sup_iv, sup_dem, sup_cap)
    if pool_iv:
        m.add_cumulative(pool_iv, pool_dem, max(pool_cap, 0))
    for intervals in ped_iv.values():
        if len(intervals) > 1:
            m.add_no_overlap(intervals)
    makespan = m.new_int_var(0, h, "makespan")
    for v in problem.fixed:
        m.add(makespan >= min(h, v.end))
    for e, present in ends:
        m.add(makespan >= e).only_enforce_if(present)
    overtime = m.new_int_var(0, max(0, h - frame.close), "overtime")
    m.add(overtime >= makespan - frame.close)
    m.minimize(sum(costs) + options.overtime_weight * overtime)
    return _solve(m, problem, options, starts, presence, choice, t0)


def _hint(m: cp_model.CpModel, it: PlanItem, s: cp_model.IntVar,
          options_for: dict[str, cp_model.IntVar], ped_chairs: list[Chair]) -> None:
    if it.current is None:
        return
    m.add_hint(s, it.current.start)
    ped_ids = {c.id for c in ped_chairs}
    for key, lit in options_for.items():
        on = key == it.current.chair_id if it.current.chair_id in ped_ids else key == "pool"
        m.add_hint(lit, on)


def _solve(m: cp_model.CpModel, problem: DayProblem, options: SolveOptions,
           starts: dict[str, cp_model.IntVar], presence: dict[str, cp_model.IntVar],
           choice: dict[str, dict[str, cp_model.IntVar]], t0: float) -> PlanResult:
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = options.time_limit_s
    solver.parameters.num_workers = options.workers
    solver.parameters.random_seed = options.seed
    callback = _FirstSolution(t0)
    code = solver.solve(m, callback)
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
                  acuity_class=it.acuity_class, pediatric=it.pediatric)
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
                                                        problem.nurses, problem.policy, vs)}
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
                         acuity_class=v.acuity_class, pediatric=v.pediatric))
    return out
