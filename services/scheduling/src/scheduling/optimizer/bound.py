"""A lower bound on the day's objective: the LP relaxation of the time-indexed formulation
(optimizer/timeindex.py) over one-hot starts x[i,s], solved with GLOP (dual simplex). Every
relaxed row is implied by the exact model, so the LP optimum (rounded up: the objective is
integral) never exceeds the true optimum."""

from __future__ import annotations

import math

from ortools.linear_solver import pywraplp

from .timeindex import Formulation, over_x

LpStarts = dict[str, list[tuple[int, float]]]  # item id -> (start, LP mass) where mass > 0


def lp_bound(f: Formulation, time_limit_s: float = 5.0) -> tuple[int | None, LpStarts]:
    """ceil(LP optimum) (None when GLOP gives no proven optimum within the limit) and each
    item's fractional starts."""
    if f.impossible:
        return None, {}
    solver = pywraplp.Solver.CreateSolver("GLOP")
    if solver is None:  # pragma: no cover - GLOP ships with OR-Tools
        return None, {}
    solver.SetTimeLimit(int(time_limit_s * 1000))
    solver.SetSolverSpecificParametersAsString("use_dual_simplex: true")
    x = [solver.NumVar(0.0, 1.0, "") for _ in range(f.n_vars)]
    owner = [iv for iv in f.items for _ in iv.starts]
    overtime = solver.NumVar(f.overtime_min, f.overtime_max, "overtime")
    for iv in f.items:
        c = solver.Constraint(0 if iv.optional else 1, 1)
        for k in range(len(iv.starts)):
            c.SetCoefficient(x[iv.var(k)], 1)
    for row in f.rows:
        if row.order:
            continue
        c = solver.Constraint(-solver.infinity(), row.rhs)
        for var, coef in over_x(row.terms, owner).items():
            c.SetCoefficient(x[var], coef)
        if row.overtime_coef:
            c.SetCoefficient(overtime, row.overtime_coef)
    obj = solver.Objective()
    for var, coef in over_x(f.objective, owner).items():
        obj.SetCoefficient(x[var], coef)
    obj.SetCoefficient(overtime, f.overtime_weight)
    obj.SetMinimization()
    if solver.Solve() != pywraplp.Solver.OPTIMAL:
        return None, {}
    mass = {iv.id: [(s, x[iv.var(k)].solution_value()) for k, s in enumerate(iv.starts)
                    if x[iv.var(k)].solution_value() > 1e-6] for iv in f.items}
    return math.ceil(obj.Value() + f.constant - 1e-6), mass
