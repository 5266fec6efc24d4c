"""The time-indexed formulation of a day, as plain data shared by CP-SAT and the LP bound.

Each item i has its allowed starts S_i (the start grid inside its window) and step variables
y[i,k] = "i has started at or before S_i[k]" (monotone, y[i,last] = present). The number of
starts of i inside (lo, hi] is then y(<=hi) - y(<=lo): every resource row has at most two
terms per item, so the model stays sparse (a step / "aggregated" time-indexed formulation,
equivalent to the classic x[i,s] one, with the same LP relaxation).

Resources, each a row per check point t (where some use begins or the capacity drops; a step
function's excess can only peak there): nurse monitoring (acuity weights vs nurses x units),
set-ups (one nurse per start), all chairs, the chairs of each capability set items need
(items needing at least N fit in the chairs having at least N: pediatric, high acuity, both;
the exact choice of a chair is in the CP model only) and pharmacy hoods (prep interval
[start - prep, start)). Objective: |start - requested| per item, the refusal penalty of an
optional item left out, and overtime_weight x overtime, where overtime >= every present
item's end - close.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from .model import DayProblem, SolveOptions, chairs_free, pharmacy_free, residuals
from .problem import Caps, caps_order, chair_caps, needs


@dataclass
class Row:
    """sum(coef * var) <= rhs over y variables (ids), optionally minus the overtime variable."""

    terms: dict[int, int]
    rhs: int
    overtime_coef: int = 0  # coefficient of the overtime variable on the left side
    order: bool = False  # a monotone step y[k] <= y[k+1] (implicit with one-hot starts)


@dataclass
class ItemVars:
    id: str
    starts: list[int]  # allowed start minutes, increasing
    first_var: int  # y ids first_var .. first_var + len(starts) - 1
    optional: bool
    hint_start: int = 0

    def var(self, k: int) -> int:
        return self.first_var + k

    def upto(self, minute: int) -> int | None:
        """The y id meaning "started at or before ``minute``" (None: cannot have)."""
        k = bisect.bisect_right(self.starts, minute) - 1
        return None if k < 0 else self.first_var + k

    @property
    def present_var(self) -> int:
        return self.first_var + len(self.starts) - 1


@dataclass
class Formulation:
    items: list[ItemVars] = field(default_factory=list)
    n_vars: int = 0
    rows: list[Row] = field(default_factory=list)
    objective: dict[int, int] = field(default_factory=dict)  # y id -> cost
    constant: int = 0
    overtime_weight: int = 0
    overtime_max: int = 0
    overtime_min: int = 0  # from fixed visits running past closing
    hints: dict[int, int] = field(default_factory=dict)  # y id -> 0/1
    hint_overtime: int | None = None
    hint_chairs: dict[str, tuple[int, str]] = field(default_factory=dict)
    refused: list[str] = field(default_factory=list)  # optional items that can never be placed
    impossible: bool = False  # a mandatory item has no start


def allowed_starts(problem: DayProblem, minutes: int, earliest: int, latest_start: int,
                   latest_end: int) -> list[int]:
    hi = min(latest_start, latest_end - minutes, problem.frame.horizon - minutes)
    lo = -(-max(0, earliest) // problem.grid) * problem.grid
    return list(range(lo, hi + 1, problem.grid))


def build(problem: DayProblem, options: SolveOptions,
          hint: dict[str, tuple[int, str]] | None = None) -> Formulation:
    """The formulation; ``hint`` (item id -> start, chair; missing = refused) defaults to the
    items' current places."""
    if hint is None:
        hint = {it.id: (it.current.start, it.current.chair_id) for it in problem.items
                if it.current is not None}
    f = Formulation(overtime_weight=options.overtime_weight, hint_chairs=dict(hint))
    h, close, pol = problem.frame.horizon, problem.frame.close, problem.policy
    f.overtime_max = max(0, h - close)
    f.overtime_min = max([0, *(min(h, v.end) - close for v in problem.fixed)])
    caps = capacities(problem)
    uses: dict[str, list[tuple[ItemVars, int, int, int]]] = {name: [] for name in caps}
    for it in problem.items:
        starts = allowed_starts(problem, it.minutes, it.earliest, it.latest_start,
                                it.latest_end)
        if not starts:
            if it.optional:
                f.refused.append(it.id)
                continue
            f.impossible = True
            return f
        iv = ItemVars(it.id, starts, f.n_vars, it.optional)
        f.n_vars += len(starts)
        f.items.append(iv)
        _item_costs(f, iv, [abs(s - it.requested) for s in starts],
                    options.refusal_penalty if it.optional else 0)
        for k in range(len(starts) - 1):  # monotone steps
            f.rows.append(Row({iv.var(k): 1, iv.var(k + 1): -1}, 0, order=True))
        if not it.optional:
            f.rows.append(Row({iv.present_var: -1}, -1))
        late = {iv.var(k): s + it.minutes - close for k, s in enumerate(starts)}
        _overtime_row(f, iv, late)
        setup = min(pol.setup(it.acuity_class), it.minutes)
        uses["mon"].append((iv, 0, it.minutes, pol.weight(it.acuity_class)))
        uses["sup"].append((iv, 0, setup, 1))
        uses["chairs"].append((iv, 0, it.minutes, 1))
        for need in need_sets(problem):
            if need <= needs(it):
                uses[need_row(need)].append((iv, 0, it.minutes, 1))
        if problem.pharmacy is not None and it.prep_minutes > 0:
            uses["pharmacy"].append((iv, -it.prep_minutes, 0, 1))
        if it.id in hint and hint[it.id][0] in starts:
            j = starts.index(hint[it.id][0])
            f.hints.update({iv.var(k): int(k >= j) for k in range(len(starts))})
            iv.hint_start = hint[it.id][0]
            f.hint_overtime = max(f.hint_overtime or 0, iv.hint_start + it.minutes - close)
        elif it.optional and len(hint) == len([i for i in problem.items if i.id in hint]):
            f.hints.update({iv.var(k): 0 for k in range(len(starts))})
    for name, cap in caps.items():
        _resource_rows(f, uses[name], cap)
    return f


def _item_costs(f: Formulation, iv: ItemVars, cost: list[int], refusal: int) -> None:
    """sum_k cost[k] * x[k] with x[k] = y[k] - y[k-1], plus refusal * (1 - present)."""
    last = len(cost) - 1
    for k in range(last):
        if cost[k] != cost[k + 1]:
            f.objective[iv.var(k)] = f.objective.get(iv.var(k), 0) + cost[k] - cost[k + 1]
    f.objective[iv.var(last)] = f.objective.get(iv.var(last), 0) + cost[last] - refusal
    f.constant += refusal


def _overtime_row(f: Formulation, iv: ItemVars, late: dict[int, int]) -> None:
    """overtime >= sum_k max(0, end_k - close) * x[k] (tight: exactly one x is 1)."""
    over = [max(0, late[iv.var(k)]) for k in range(len(iv.starts))]
    if not any(over):
        return
    last = len(over) - 1
    terms = {iv.var(k): over[k] - over[k + 1] for k in range(last) if over[k] != over[k + 1]}
    terms[iv.var(last)] = terms.get(iv.var(last), 0) + over[last]
    f.rows.append(Row(terms, 0, overtime_coef=-1))


class Capacity:
    """Usable capacity per minute on [lo, hi) (0 outside)."""

    def __init__(self, lo: int, values: list[int]) -> None:
        self.lo, self.values = lo, values

    def at(self, t: int) -> int:
        i = t - self.lo
        return self.values[i] if 0 <= i < len(self.values) else 0

    def drops(self) -> list[int]:
        out = [self.lo]
        out += [self.lo + i for i in range(1, len(self.values))
                if self.values[i] < self.values[i - 1]]
        return out


def need_sets(problem: DayProblem) -> list[Caps]:
    """The capability sets items need (pediatric, high acuity, both), least first."""
    return sorted({n for it in problem.items if (n := needs(it))}, key=caps_order)


def need_row(need: Caps) -> str:
    return "needs:" + "+".join(sorted(need))


def capacities(problem: DayProblem) -> dict[str, Capacity]:
    mon, sup, _ = residuals(problem)
    active = [c for c in problem.chairs if c.active]
    out = {"mon": Capacity(0, mon), "sup": Capacity(0, sup),
           "chairs": Capacity(0, chairs_free(problem, {c.id for c in active}))}
    for need in need_sets(problem):  # no chair with them: capacity 0, the item stays out
        out[need_row(need)] = Capacity(0, chairs_free(
            problem, {c.id for c in active if need <= chair_caps(c)}))
    if problem.pharmacy is not None:
        out["pharmacy"] = Capacity(-problem.pharmacy.lead, pharmacy_free(problem))
    return out


def _resource_rows(f: Formulation, uses: list[tuple[ItemVars, int, int, int]],
                   cap: Capacity) -> None:
    points = set(cap.drops())
    for iv, a, _b, _d in uses:
        points.update(s + a for s in iv.starts)
    best: dict[tuple[tuple[int, int], ...], Row] = {}
    for t in sorted(points):
        c = cap.at(t)
        terms: dict[int, int] = {}
        most = 0
        for iv, a, b, d in uses:
            hi, lo = iv.upto(t - a), iv.upto(t - b)  # starts in (t - b, t - a] cover t
            if hi is None or hi == lo:
                continue
            most += d
            terms[hi] = terms.get(hi, 0) + d
            if lo is not None:
                terms[lo] = terms.get(lo, 0) - d
        if most <= c:
            continue
        key = tuple(sorted(terms.items()))
        if key not in best or best[key].rhs > c:
            best[key] = Row(terms, c)
    f.rows.extend(best.values())


def over_x(terms: dict[int, int], owner: list[ItemVars]) -> dict[int, int]:
    """Coefficients over one-hot x of sum(c * y[k]): x[j] gets the c of every y[k], k >= j."""
    by_item: dict[int, list[tuple[int, int]]] = {}
    for var, c in terms.items():
        by_item.setdefault(owner[var].first_var, []).append((var, c))
    out: dict[int, int] = {}
    for first, pairs in by_item.items():
        pairs.sort(reverse=True)
        acc = 0
        for n, (var, c) in enumerate(pairs):
            acc += c
            stop = pairs[n + 1][0] if n + 1 < len(pairs) else first - 1
            if acc:
                for j in range(var, stop, -1):
                    out[j] = acc
    return out
