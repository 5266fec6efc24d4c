"""The day problem and its interval CP-SAT model (the primal search of optimizer/cpsat.py; the
time-indexed formulation for bounds and proofs: optimizer/timeindex.py, bound.py, hybrid.py)."""

from __future__ import annotations

from ortools.sat.python import cp_model

from .problem import Caps, DayProblem, PlanItem, SolveOptions, chair_caps, needs, pool_key


def _segments(values: list[int]) -> list[tuple[int, int, int]]:
    """Runs of equal value: (start, end, value)."""
    out, lo = [], 0
    for t in range(1, len(values) + 1):
        if t == len(values) or values[t] != values[lo]:
            out.append((lo, t, values[lo]))
            lo = t
    return out


def _capacity(m: cp_model.CpModel, free: list[int], name: str, offset: int = 0
              ) -> tuple[int, list[cp_model.IntervalVar], list[int]]:
    """Peak capacity plus blocker intervals making the usable capacity equal ``free``
    (``free[i]`` is the capacity at minute ``offset + i``)."""
    peak = max(free, default=0)
    intervals: list[cp_model.IntervalVar] = []
    demands: list[int] = []
    for lo, hi, value in _segments(free):
        if value < peak:
            intervals.append(m.new_fixed_size_interval_var(offset + lo, hi - lo,
                                                           f"{name}_blk{lo}"))
            demands.append(peak - value)
    return peak, intervals, demands


def chairs_free(problem: DayProblem, ids: set[str]) -> list[int]:
    """How many of the chairs ``ids`` the fixed visits leave free, per minute."""
    h = problem.frame.horizon
    free = [len(ids)] * h
    for v in problem.fixed:
        if v.chair_id in ids:
            for t in range(max(0, v.start), min(h, v.end)):
                free[t] -= 1
    return [max(0, x) for x in free]


def pooled(problem: DayProblem, ids: set[str], earliest: int) -> bool:
    """Identical chairs may be one Cumulative, coloured afterwards in start order, when every
    fixed visit on them began no later than any item may start (colouring is then exact)."""
    return all(v.start <= earliest for v in problem.fixed if v.chair_id in ids)


def residuals(problem: DayProblem) -> tuple[list[int], list[int], list[int]]:
    """Monitoring units, starts and ordinary (no capability) chairs left per minute after the
    fixed visits."""
    h, pol = problem.frame.horizon, problem.policy
    units = pol.units_per_nurse
    mon = [problem.nurses[t] * units for t in range(h)]
    sup = list(problem.nurses[:h])
    for v in problem.fixed:
        setup_end = v.start + min(pol.setup(v.acuity_class), v.end - v.start)
        for t in range(max(0, v.start), min(h, v.end)):
            mon[t] -= pol.weight(v.acuity_class)
            if t < setup_end:
                sup[t] -= 1
    ordinary = {c.id for c in problem.chairs if c.active and not chair_caps(c)}
    return ([max(0, x) for x in mon], [max(0, x) for x in sup],
            chairs_free(problem, ordinary))


def pharmacy_free(problem: DayProblem) -> list[int]:
    """Hoods left per minute from -lead to the horizon after the fixed visits' preparations."""
    ph, h = problem.pharmacy, problem.frame.horizon
    if ph is None:
        return []
    hoods = [ph.at(t) for t in range(-ph.lead, h)]
    for v in problem.fixed:
        for t in range(max(-ph.lead, v.start - v.prep_minutes), min(h, v.start)):
            hoods[t + ph.lead] -= 1
    return [max(0, x) for x in hoods]


class DayModel:
    """The model of one day: capacities from the fixed visits, then each item's start, chair
    choice and cost (``add``), then the shared constraints and the objective (``finish``)."""

    def __init__(self, problem: DayProblem, options: SolveOptions,
                 hint: dict[str, tuple[int, str]] | None = None) -> None:
        self.problem, self.options = problem, options
        self.hint = hint if hint is not None else {
            it.id: (it.current.start, it.current.chair_id) for it in problem.items
            if it.current is not None}
        self.m = m = cp_model.CpModel()
        self.h = h = problem.frame.horizon
        mon_free, sup_free, pool_free = residuals(problem)
        self.mon_cap, self.mon_iv, self.mon_dem = _capacity(m, mon_free, "mon")
        self.sup_cap, self.sup_iv, self.sup_dem = _capacity(m, sup_free, "sup")
        # Ordinary chairs are one pool (a Cumulative) when colouring is exact; chairs with a
        # capability (pediatric, high acuity) are modelled one by one (NoOverlap per chair).
        active = [c for c in problem.chairs if c.active]
        ordinary = {c.id for c in active if not chair_caps(c)}
        earliest = min((max(0, it.earliest) for it in problem.items), default=0)
        self.pools: dict[str, Caps] = {}  # pool key -> capabilities (here: ordinary only)
        if pooled(problem, ordinary, earliest):
            self.pools[pool_key(frozenset())] = frozenset()
        if not self.pools:
            pool_free = [0] * h
        self.pool_cap, self.pool_iv, self.pool_dem = _capacity(m, pool_free, "pool")
        self.own_chairs = [c for c in active if chair_caps(c) or not self.pools]
        self.own_caps = {c.id: chair_caps(c) for c in self.own_chairs}
        self.own_iv: dict[str, list[cp_model.IntervalVar]] = {c.id: [] for c in self.own_chairs}
        for v in problem.fixed:
            if v.chair_id in self.own_iv and v.end > 0 and v.start < h:
                lo, hi = max(0, v.start), min(h, v.end)
                self.own_iv[v.chair_id].append(
                    m.new_fixed_size_interval_var(lo, hi - lo, f"fx_{v.id}"))
        self.starts: dict[str, cp_model.IntVar] = {}
        self.presence: dict[str, cp_model.IntVar] = {}
        self.choice: dict[str, dict[str, cp_model.IntVar]] = {}
        self.costs: list[cp_model.LinearExpr] = []
        self.ends: list[tuple[cp_model.IntVar, cp_model.IntVar]] = []
        self.ph_cap = 0
        self.ph_iv: list[cp_model.IntervalVar] = []
        self.ph_dem: list[int] = []
        if problem.pharmacy is not None:
            hoods = pharmacy_free(problem)
            self.ph_cap, self.ph_iv, self.ph_dem = _capacity(m, hoods, "ph", -problem.pharmacy.lead)

    def add(self, it: PlanItem) -> bool:
        """The item's variables and constraints; False when it can never be placed (an
        optional item that cannot is left out instead)."""
        hi_start = min(it.latest_start, it.latest_end - it.minutes, self.h - it.minutes)
        lo_start = -(-max(0, it.earliest) // self.problem.grid) * self.problem.grid
        values = list(range(lo_start, hi_start + 1, self.problem.grid))
        if not values:
            return it.optional
        m, pol = self.m, self.problem.policy
        s = m.new_int_var_from_domain(cp_model.Domain.from_values(values), f"s_{it.id}")
        e = m.new_int_var(values[0] + it.minutes, values[-1] + it.minutes, f"e_{it.id}")
        m.add(e == s + it.minutes)
        present = m.new_bool_var(f"p_{it.id}") if it.optional else m.new_constant(1)
        setup = min(pol.setup(it.acuity_class), it.minutes)
        self.mon_iv.append(m.new_optional_interval_var(s, it.minutes, e, present, f"m_{it.id}"))
        self.mon_dem.append(pol.weight(it.acuity_class))
        self.sup_iv.append(m.new_optional_fixed_size_interval_var(s, setup, present,
                                                                  f"u_{it.id}"))
        self.sup_dem.append(1)
        if self.problem.pharmacy is not None and it.prep_minutes > 0:
            self.ph_iv.append(m.new_optional_fixed_size_interval_var(
                s - it.prep_minutes, it.prep_minutes, present, f"ph_{it.id}"))
            self.ph_dem.append(1)
        options_for = self._chairs(it, s, e)
        if not options_for:
            return it.optional
        self._cost(it, s, present, options_for)
        self.ends.append((e, present))
        self.starts[it.id], self.presence[it.id], self.choice[it.id] = s, present, options_for
        self._hint(it, s, present, options_for)
        return True

    def _chairs(self, it: PlanItem, s: cp_model.IntVar, e: cp_model.IntVar
                ) -> dict[str, cp_model.IntVar]:
        """One literal per place the item may go: the pool of ordinary chairs (an item that
        needs no capability) or one chair whose capabilities cover the item's needs."""
        m, options_for, need = self.m, {}, needs(it)
        if not need and self.pools and self.pool_cap > 0:
            lit = m.new_bool_var(f"pool_{it.id}")
            self.pool_iv.append(m.new_optional_interval_var(s, it.minutes, e, lit,
                                                            f"pi_{it.id}"))
            self.pool_dem.append(1)
            options_for[pool_key(frozenset())] = lit
        for c in self.own_chairs:
            if not need <= self.own_caps[c.id]:
                continue
            lit = m.new_bool_var(f"c_{it.id}_{c.id}")
            self.own_iv[c.id].append(m.new_optional_interval_var(s, it.minutes, e, lit,
                                                                 f"ci_{it.id}"))
            options_for[c.id] = lit
        return options_for

    def _cost(self, it: PlanItem, s: cp_model.IntVar, present: cp_model.IntVar,
              options_for: dict[str, cp_model.IntVar]) -> None:
        m = self.m
        m.add(sum(options_for.values()) == present)
        dev = m.new_int_var(0, self.h, f"d_{it.id}")
        m.add(dev >= s - it.requested).only_enforce_if(present)
        m.add(dev >= it.requested - s).only_enforce_if(present)
        self.costs.append(dev)
        if it.optional:
            self.costs.append(self.options.refusal_penalty * (1 - present))

    def _hint(self, it: PlanItem, s: cp_model.IntVar, present: cp_model.IntVar,
              options_for: dict[str, cp_model.IntVar]) -> None:
        if it.id not in self.hint:
            if it.optional and self.hint:
                self.m.add_hint(present, False)
            return
        start, chair = self.hint[it.id]
        self.m.add_hint(s, start)
        if it.optional:
            self.m.add_hint(present, True)
        target = chair if chair in self.own_iv else pool_key(frozenset())
        for key, lit in options_for.items():
            self.m.add_hint(lit, key == target)

    def finish(self) -> None:
        """Capacities, chair overlaps, makespan and overtime, and the objective."""
        m, h, close = self.m, self.h, self.problem.frame.close
        if self.mon_iv:
            m.add_cumulative(self.mon_iv, self.mon_dem, self.mon_cap)
            m.add_cumulative(self.sup_iv, self.sup_dem, self.sup_cap)
        if self.ph_iv:
            m.add_cumulative(self.ph_iv, self.ph_dem, self.ph_cap)
        if self.pool_iv:
            m.add_cumulative(self.pool_iv, self.pool_dem, max(self.pool_cap, 0))
        for intervals in self.own_iv.values():
            if len(intervals) > 1:
                m.add_no_overlap(intervals)
        makespan = m.new_int_var(0, h, "makespan")
        for v in self.problem.fixed:
            m.add(makespan >= min(h, v.end))
        for e, present in self.ends:
            m.add(makespan >= e).only_enforce_if(present)
        overtime = m.new_int_var(0, max(0, h - close), "overtime")
        m.add(overtime >= makespan - close)
        m.minimize(sum(self.costs) + self.options.overtime_weight * overtime)
