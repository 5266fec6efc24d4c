"""The CP-SAT model of a day: the time-indexed rows (optimizer/timeindex.py) plus the exact
chair choice.

Nurse monitoring, set-ups, pharmacy and the chair totals are the time-indexed rows. Chairs are
pooled by capability set (symmetry breaking: identical chairs are not told apart): ordinary
chairs are one Cumulative, pediatric-capable ones another, high-acuity-capable ones another,
chairs that are both another; an item may use any pool whose capabilities cover its needs
(a child's high-acuity first dose only the last). Concrete chairs are given afterwards by
colouring in start order, exact because every fixed (started) visit began before every
movable one. When a fixed visit on a pool's chair begins later than some item may start, that
pool's chairs are modelled one by one (NoOverlap per chair) instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from .model import DayProblem, _capacity, chairs_free, pooled
from .problem import Caps, caps_order, chair_caps, needs, pool_key
from .timeindex import Formulation


@dataclass
class HybridModel:
    m: cp_model.CpModel
    y: list[cp_model.IntVar]
    starts: dict[str, cp_model.IntVar] = field(default_factory=dict)
    presence: dict[str, cp_model.IntVar] = field(default_factory=dict)
    choice: dict[str, dict[str, cp_model.IntVar]] = field(default_factory=dict)
    pools: dict[str, Caps] = field(default_factory=dict)  # pool key -> its chairs' capabilities


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
    """Chairs grouped by capability set (ordinary, pediatric, high acuity, both): a group is
    one Cumulative when colouring it is exact (model.pooled), else one NoOverlap per chair;
    an item may take any group whose capabilities cover its needs."""
    m = hm.m
    items = {it.id: it for it in problem.items}
    groups: dict[Caps, list[str]] = {}
    for c in sorted((c for c in problem.chairs if c.active),
                    key=lambda c: (caps_order(chair_caps(c)), c.id)):
        groups.setdefault(chair_caps(c), []).append(c.id)
    pools: dict[Caps, tuple[int, list[cp_model.IntervalVar], list[int]]] = {}
    per_chair: dict[str, list[cp_model.IntervalVar]] = {}
    for caps, ids in groups.items():
        if pooled(problem, set(ids), earliest):
            pools[caps] = _capacity(m, chairs_free(problem, set(ids)), pool_key(caps))
            hm.pools[pool_key(caps)] = caps
            continue
        for cid in ids:
            per_chair[cid] = []
        for v in problem.fixed:
            if v.chair_id in ids and v.end > 0 and v.start < problem.frame.horizon:
                lo, hi = max(0, v.start), min(problem.frame.horizon, v.end)
                per_chair[v.chair_id].append(m.new_fixed_size_interval_var(lo, hi - lo, ""))
    place_of = {cid: cid if cid in per_chair else pool_key(caps)
                for caps, ids in groups.items() for cid in ids}
    for iid, s in hm.starts.items():
        it, present, need = items[iid], hm.presence[iid], needs(items[iid])
        lits: dict[str, cp_model.IntVar] = {}
        for caps, ids in groups.items():
            if not need <= caps:
                continue
            if caps in pools:
                cap, ivs, dem = pools[caps]
                if cap > 0:
                    lit = lits[pool_key(caps)] = m.new_bool_var("")
                    ivs.append(m.new_optional_fixed_size_interval_var(s, it.minutes, lit, ""))
                    dem.append(1)
                continue
            for cid in ids:
                lits[cid] = m.new_bool_var("")
                per_chair[cid].append(
                    m.new_optional_fixed_size_interval_var(s, it.minutes, lits[cid], ""))
        m.add(sum(lits.values()) == present)
        if iid in hints:
            target = place_of.get(hints[iid][1])
            for key, lit in lits.items():
                m.add_hint(lit, key == target)
        hm.choice[iid] = lits
    for cap, ivs, dem in pools.values():
        if ivs:
            m.add_cumulative(ivs, dem, cap)
    for intervals in per_chair.values():
        if len(intervals) > 1:
            m.add_no_overlap(intervals)
