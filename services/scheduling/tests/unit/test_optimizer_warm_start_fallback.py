"""When CP-SAT finds nothing in its share of the time (a loaded machine can spend it all in
presolve), the day still gets the warm start's plan, read back through the model with its
hinted values fixed, instead of no plan (status "unknown")."""

from __future__ import annotations

from dataclasses import replace

from sched_helpers import POLICY, RATIOS, frame, shift

from scheduling.domain.clinic import Chair
from scheduling.domain.daystate import DayState
from scheduling.domain.greedy import DayRequest, greedy_fcfs
from scheduling.domain.verify import verify_day
from scheduling.optimizer import cpsat
from scheduling.optimizer.cpsat import DayProblem, PlanItem, SolveOptions, solve_day


def busy_day() -> DayProblem:
    fr = frame(60)
    chairs = [Chair(f"c{i}") for i in range(3)]
    state = DayState.build(fr, chairs, [shift(i, 0, 660, fr=fr) for i in range(2)], RATIOS)
    reqs = [DayRequest(id=f"r{i}", arrival=i, requested=(i * 35) % 300, minutes=(60, 120)[i % 2],
                       acuity_class=("standard", "elevated")[i % 3 == 0]) for i in range(12)]
    placed, _ = greedy_fcfs(state, reqs, POLICY, fr.overtime)
    current = {v.id: v for v in placed}
    items = [PlanItem(id=r.id, minutes=r.minutes, acuity_class=r.acuity_class,
                      earliest=r.requested, latest_start=660, latest_end=660,
                      requested=r.requested, current=current.get(r.id),
                      optional=r.id not in current) for r in reqs]
    return DayProblem(fr, chairs, state.nurses, RATIOS, [], items)


def test_a_search_that_finds_nothing_still_returns_the_warm_start(monkeypatch):
    problem = busy_day()
    searched = []
    real = cpsat._search

    def starved(m, options, seconds, t0, *, fixed=False):
        searched.append(fixed)
        # the search's share gone before CP-SAT starts: it can only answer "unknown"
        return real(m, options, seconds if fixed else 1e-9, t0, fixed=fixed)

    monkeypatch.setattr(cpsat, "_search", starved)
    res = solve_day(problem, SolveOptions(time_limit_s=2.0, workers=1, seed=1))
    assert searched == [False, True]  # the search, then the warm start read back
    assert res.ok and res.status in ("feasible", "optimal"), res.status
    visits = res.visits
    assert verify_day(problem.frame, problem.chairs, problem.nurses, problem.policy,
                      visits) == []
    mandatory = {it.id for it in problem.items if not it.optional}
    assert mandatory <= {v.id for v in visits}


def test_a_search_that_finds_a_plan_is_not_read_twice(monkeypatch):
    searched = []
    real = cpsat._search

    def counted(m, options, seconds, t0, *, fixed=False):
        searched.append(fixed)
        return real(m, options, seconds, t0, fixed=fixed)

    monkeypatch.setattr(cpsat, "_search", counted)
    res = solve_day(busy_day(), replace(SolveOptions(time_limit_s=2.0, workers=1, seed=1)))
    assert res.ok and searched == [False]
