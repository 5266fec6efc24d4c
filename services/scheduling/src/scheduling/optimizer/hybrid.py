"""The CP-SAT model of a day: the time-indexed rows (optimizer/timeindex.py) plus the exact
chair choice.

Nurse monitoring, set-ups, pharmacy and the chair totals are the time-indexed rows. Chairs are
pooled (symmetry breaking: identical chairs are not told apart): ordinary chairs are one
Cumulative for adults, pediatric-capable chairs one Cumulative for pediatric items and the
adults that take one. Concrete chairs are given afterwards by colouring in start order, exact
because every fixed (started) visit began before every movable one. When a fixed visit on a
pediatric-capable chair begins later than some item may start, those chairs are modelled one
by one (NoOverlap per chair) instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from .model import DayProblem, _capacity
from .timeindex import Formulation, capacities


@dataclass
class HybridModel:
    m: cp_model.CpModel
    y: list[cp_model.IntVar]
    starts: dict[str, cp_model.IntVar] = field(default_factory=dict)
    presence: dict[str, cp_model.IntVar] = field(default_factory=dict)
    choice: dict[str, dict[str, cp_model.IntVar]] = field(default_factory=dict)


def build_cp(problem: DayProblem, f: Formulation) -> HybridModel:
    m = cp_model.CpModel()
    y = [m.new_bool_var(f"y{i}") for i in range(f.n_vars)]
    overtime = m.new_int_var(f.overtime_min, max(f.overtime_min, f.overtime_max), "overtime")
    for row in f.rows:
        ids = list(row.terms)
        expr = cp_model.LinearExpr.weighted_sum([y[i] for i in ids], [row.terms[i] for i in ids])
        if row.overtime_coef:
            expr = expr + row.overtime_coef * overtime
        m.add(expr <= row.rhs)
    ids = list(f.objective)
    m.minimize(cp_model.LinearExpr.weighted_sum([y[i] for i in ids],
                                                [f.objective[i] for i in ids])
               + f.overtime_weight * overtime + f.constant)
    for var, value in f.hints.items():
        m.add_hint(y[var], value)
    if f.hint_overtime is not None:
        m.add_hint(overtime, max(f.overtime_min, f.hint_overtime))
    hm = HybridModel(m, y)
    for iv in f.items:
        st = iv.starts
        s = m.new_int_var_from_domain(cp_model.Domain.from_values(sorted({0, *st})), f"s_{iv.id}")
        last = len(st) - 1
        steps = [y[iv.var(k)] for k in range(last)]
        m.add(s == st[last] * y[iv.present_var]
              - cp_model.LinearExpr.weighted_sum(steps, [st[k + 1] - st[k] for k in range(last)]))
        hm.starts[iv.id], hm.presence[iv.id] = s, y[iv.present_var]
        if iv.present_var in f.hints:
            m.add_hint(s, iv.hint_start if f.hints[iv.present_var] else 0)
    _chairs(problem, hm, min((iv.starts[0] for iv in f.items), default=0), f.hint_chairs)
    return hm


def _chairs(problem: DayProblem, hm: HybridModel, earliest: int,
            hints: dict[str, tuple[int, str]]) -> None:
    m, h = hm.m, problem.frame.horizon
    items = {it.id: it for it in problem.items}
    ped = [c for c in problem.chairs if c.active and c.pediatric_capable]
    ped_ids = {c.id for c in ped}
    pooled_ped = all(v.start <= earliest for v in problem.fixed if v.chair_id in ped_ids)
    caps = capacities(problem)
    pool_free = [caps["chairs"].at(t) - caps["ped"].at(t) for t in range(h)]
    pool_cap, pool_iv, pool_dem = _capacity(m, pool_free, "pool")
    ped_cap, ped_iv, ped_dem = _capacity(m, [caps["ped"].at(t) for t in range(h)], "pedp")
    per_chair: dict[str, list[cp_model.IntervalVar]] = {c.id: [] for c in ped}
    if not pooled_ped:
        for v in problem.fixed:
            if v.chair_id in per_chair and v.end > 0 and v.start < h:
                lo, hi = max(0, v.start), min(h, v.end)
                per_chair[v.chair_id].append(m.new_fixed_size_interval_var(lo, hi - lo, ""))
    for iid, s in hm.starts.items():
        it, present = items[iid], hm.presence[iid]
        lits: dict[str, cp_model.IntVar] = {}
        if not it.pediatric and pool_cap > 0:
            lits["pool"] = m.new_bool_var("")
            pool_iv.append(m.new_optional_fixed_size_interval_var(s, it.minutes, lits["pool"], ""))
            pool_dem.append(1)
        if pooled_ped and ped_cap > 0:
            lits["ped"] = m.new_bool_var("")
            ped_iv.append(m.new_optional_fixed_size_interval_var(s, it.minutes, lits["ped"], ""))
            ped_dem.append(1)
        elif not pooled_ped:
            for c in ped:
                lits[c.id] = m.new_bool_var("")
                per_chair[c.id].append(
                    m.new_optional_fixed_size_interval_var(s, it.minutes, lits[c.id], ""))
        m.add(sum(lits.values()) == present)
        if iid in hints:
            chair = hints[iid][1]
            on_ped = chair in ped_ids
            for key, lit in lits.items():
                m.add_hint(lit, key == ("pool" if not on_ped else "ped" if pooled_ped else chair))
        hm.choice[iid] = lits
    if pool_iv:
        m.add_cumulative(pool_iv, pool_dem, pool_cap)
    if ped_iv:
        m.add_cumulative(ped_iv, ped_dem, ped_cap)
    for intervals in per_chair.values():
        if len(intervals) > 1:
            m.add_no_overlap(intervals)
