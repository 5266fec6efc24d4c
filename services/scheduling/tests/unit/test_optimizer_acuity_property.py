"""Over small random days with chairs of every capability (ordinary, pediatric, high acuity,
both) and visits needing any of them, every solver path returns a plan the verifier accepts,
judged by what each item needs (not by the plan's copy), and leaves out exactly the items no
chair can take, with the reason."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sched_helpers import POLICY, RATIOS, frame, shift

from scheduling.domain.clinic import Chair
from scheduling.domain.daystate import DayState, Visit
from scheduling.domain.greedy import DayRequest, greedy_fcfs
from scheduling.domain.verify import verify_day
from scheduling.optimizer.cpsat import DayProblem, PlanItem, SolveOptions, solve_day
from scheduling.optimizer.heuristic import list_schedule
from scheduling.optimizer.problem import NO_CAPABLE_CHAIR

FAST = SolveOptions(time_limit_s=1.0, workers=2, seed=3)
PATHS = [FAST, replace(FAST, formulation="time_indexed")]
ACUITY = st.sampled_from(["standard", "elevated", "high"])


def takes(chair: Chair, it: PlanItem) -> bool:
    return chair.active and (chair.pediatric_capable or not it.pediatric) \
        and (chair.high_acuity_capable or not it.high_acuity_chair)


@st.composite
def days(draw):
    fr = frame(60)
    chairs = [Chair(f"c{i}", pediatric_capable=draw(st.booleans()),
                    high_acuity_capable=draw(st.booleans()), active=draw(st.integers(0, 5)) > 0)
              for i in range(draw(st.integers(1, 4)))]
    nurses = draw(st.integers(1, 3))
    state = DayState.build(fr, chairs, [shift(i, 0, 660, fr=fr) for i in range(nurses)], RATIOS)
    raw = draw(st.lists(st.tuples(st.integers(0, 100), st.sampled_from([30, 60, 120, 180]),
                                  ACUITY, st.booleans(), st.booleans(), st.booleans()),
                        min_size=1, max_size=8))
    reqs = [DayRequest(id=f"r{i}", arrival=i, requested=r * 5, minutes=m, acuity_class=a,
                       pediatric=p, high_acuity_chair=h)
            for i, (r, m, a, p, h, _) in enumerate(raw)]
    placed, refused = greedy_fcfs(state, reqs, POLICY, fr.overtime)  # a valid current plan
    by_id = {r.id: r for r in reqs}
    items = []
    for i, (*_, slack) in enumerate(raw):
        r = by_id[f"r{i}"]
        current = next((v for v in placed if v.id == r.id), None)
        items.append(PlanItem(id=r.id, minutes=r.minutes, acuity_class=r.acuity_class,
                              earliest=r.requested, latest_start=660, latest_end=660,
                              requested=r.requested, pediatric=r.pediatric,
                              high_acuity_chair=r.high_acuity_chair, current=current,
                              optional=current is None or slack))
    return DayProblem(fr, chairs, state.nurses, RATIOS, [], items)


def judged(problem: DayProblem, visits: list[Visit]) -> list[str]:
    items = {it.id: it for it in problem.items}
    return [x.kind for x in verify_day(
        problem.frame, problem.chairs, problem.nurses, problem.policy,
        [replace(v, pediatric=items[v.id].pediatric,
                 high_acuity_chair=items[v.id].high_acuity_chair) for v in visits])]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(days())
def test_every_solver_path_seats_items_only_in_chairs_that_take_them(problem):
    unseatable = {it.id for it in problem.items
                  if not any(takes(c, it) for c in problem.chairs)}
    mandatory = {it.id for it in problem.items if not it.optional}
    assert not unseatable & mandatory  # the greedy seated them: some chair takes each
    for options in PATHS:
        res = solve_day(problem, options)
        assert res.ok, (options.formulation, res.status)  # the greedy plan is feasible
        assert judged(problem, res.visits) == [], options.formulation
        placed = {v.id for v in res.visits}
        assert mandatory <= placed
        assert placed | set(res.refused) == {it.id for it in problem.items}
        assert {i for i, r in res.reasons.items() if r == NO_CAPABLE_CHAIR} == unseatable
        assert not unseatable & placed
    plan = list_schedule(problem, sorted(problem.items, key=lambda it: it.requested))
    if plan is not None:  # the warm start may miss a mandatory item, never seat one wrongly
        items = {it.id: it for it in problem.items}
        visits = [Visit(i, chair, s, s + items[i].minutes, items[i].acuity_class)
                  for i, (s, chair) in plan.items()]
        assert judged(problem, visits) == []
        assert not unseatable & set(plan)
