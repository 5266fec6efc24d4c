"""The optimizer's lower bound never exceeds what a plan costs, equals the brute-force optimum on
tiny days, pharmacy hoods are respected, and online re-planning keeps its promises."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sched_helpers import RATIOS, chairs, frame, shift

from scheduling.domain.daystate import DayState, Visit
from scheduling.domain.pharmacy import PharmacyDay
from scheduling.domain.verify import verify_day
from scheduling.optimizer.bound import lp_bound
from scheduling.optimizer.cpsat import DayProblem, PlanItem, SolveOptions, seatable, solve_day
from scheduling.optimizer.online import OnlineDay, OnlineRules, arrive
from scheduling.optimizer.problem import NO_CAPABLE_CHAIR
from scheduling.optimizer.timeindex import build

FAST = SolveOptions(time_limit_s=2.0, workers=2, seed=1)
ACUITY = st.sampled_from(["standard", "elevated", "high"])


def _cost(problem: DayProblem, visits: list[Visit]) -> int:
    req = {it.id: it.requested for it in problem.items}
    over = max(0, max((v.end for v in visits), default=0) - problem.frame.close)
    return sum(abs(v.start - req[v.id]) for v in visits) + FAST.overtime_weight * over


def brute_force(problem: DayProblem) -> int | None:
    """Cheapest valid plan by trying every start and chair of every item."""
    choices = []
    for it in problem.items:
        starts = range(it.earliest, min(it.latest_start, it.latest_end - it.minutes) + 1,
                       problem.grid)
        # every active chair: the verifier alone says which may take the item
        seats = [c.id for c in problem.chairs if c.active]
        choices.append([Visit(it.id, c, s, s + it.minutes, it.acuity_class, it.pediatric,
                              it.prep_minutes, it.high_acuity_chair)
                        for s in starts for c in seats])
    best = None
    for plan in itertools.product(*choices):
        if verify_day(problem.frame, problem.chairs, problem.nurses, problem.policy,
                      list(plan), pharmacy=problem.pharmacy):
            continue
        c = _cost(problem, list(plan))
        best = c if best is None else min(best, c)
    return best


@st.composite
def tiny_days(draw):
    fr = frame(30)
    chair_list = chairs(draw(st.integers(1, 2)), ped=draw(st.integers(0, 1)))
    high = draw(st.sets(st.sampled_from([c.id for c in chair_list])))  # high-acuity capable
    chair_list = [replace(c, high_acuity_capable=c.id in high) for c in chair_list]
    state = DayState.build(fr, chair_list, [shift(0, 0, 630, fr=fr)], RATIOS)
    items = []
    for i in range(draw(st.integers(1, 3))):
        req = draw(st.integers(0, 4)) * 5 + 560
        items.append(PlanItem(id=f"x{i}", minutes=draw(st.sampled_from([20, 30, 45])),
                              acuity_class=draw(ACUITY), earliest=req, latest_start=630,
                              latest_end=630, requested=req, pediatric=draw(st.booleans()),
                              prep_minutes=draw(st.sampled_from([0, 15])),
                              high_acuity_chair=draw(st.booleans())))
    hoods = draw(st.sampled_from([None, 1]))
    pharmacy = None if hoods is None else PharmacyDay(lead=30, capacity=[hoods] * 660)
    return DayProblem(fr, chair_list, state.nurses, RATIOS, [], items, pharmacy=pharmacy)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tiny_days())
def test_bound_equals_brute_force_optimum_on_tiny_days(problem):
    seated, unseated = seatable(problem)
    # an item no chair can take (pediatric, high acuity, both) is left out with the reason
    assert sorted(unseated) == sorted(
        it.id for it in problem.items if not any(
            (c.pediatric_capable or not it.pediatric)
            and (c.high_acuity_capable or not it.high_acuity_chair) for c in problem.chairs))
    best = brute_force(seated)
    res = solve_day(problem, FAST)
    lp, _ = lp_bound(build(seated, FAST))
    assert all(res.reasons.get(i) == NO_CAPABLE_CHAIR and i in res.refused for i in unseated)
    if best is None:
        assert not res.ok
        return
    assert res.status == "optimal" and res.objective == best
    assert res.lower_bound == best and res.gap == 0.0
    assert lp is not None and lp <= best
    assert verify_day(problem.frame, problem.chairs, problem.nurses, RATIOS, res.visits,
                      pharmacy=problem.pharmacy) == []


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 60), st.sampled_from([30, 60, 120, 240]), ACUITY),
                min_size=4, max_size=14), st.integers(2, 4), st.integers(1, 2))
def test_lower_bound_never_exceeds_the_plan(raw, n_chairs, hoods):
    fr = frame(120)
    state = DayState.build(fr, chairs(n_chairs), [shift(0, 0, 720, fr=fr)], RATIOS)
    items = [PlanItem(id=f"x{i}", minutes=m, acuity_class=a, earliest=r * 5,
                      latest_start=720, latest_end=720, requested=r * 5, optional=True,
                      prep_minutes=20) for i, (r, m, a) in enumerate(raw)]
    ph = PharmacyDay(lead=60, capacity=[hoods] * 780)
    problem = DayProblem(fr, state.chairs, state.nurses, RATIOS, [], items, pharmacy=ph)
    res = solve_day(problem, SolveOptions(time_limit_s=1.0, workers=2, seed=2))
    assert res.ok and res.lower_bound is not None and res.objective is not None
    assert res.lower_bound <= res.objective
    assert res.lp_bound is None or res.lp_bound <= res.objective  # None: GLOP timed out
    assert verify_day(fr, problem.chairs, problem.nurses, RATIOS, res.visits, pharmacy=ph) == []


@pytest.mark.parametrize("formulation", ["interval", "time_indexed"])
def test_one_hood_staggers_preparations(formulation):
    fr = frame(60)
    state = DayState.build(fr, chairs(3), [shift(0, 0, 660, fr=fr), shift(1, 0, 660, fr=fr)],
                           RATIOS)
    items = [PlanItem(id=f"x{i}", minutes=60, acuity_class="standard", earliest=60,
                      latest_start=600, latest_end=660, requested=60, prep_minutes=30)
             for i in range(3)]
    ph = PharmacyDay(lead=0, capacity=[1] * 660)
    problem = DayProblem(fr, state.chairs, state.nurses, RATIOS, [], items, pharmacy=ph)
    res = solve_day(problem, replace(FAST, formulation=formulation))
    assert sorted(v.start for v in res.visits) == [60, 90, 120]  # one 30-min prep at a time
    assert res.objective == 0 + 30 + 60
    assert res.lower_bound is not None and res.lower_bound <= 90
    assert verify_day(fr, problem.chairs, problem.nurses, RATIOS, res.visits, pharmacy=ph) == []


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 100), st.sampled_from([30, 60, 120]), ACUITY),
                min_size=3, max_size=8),
       st.lists(st.tuples(st.integers(0, 90), st.sampled_from([30, 60, 90])), min_size=1,
                max_size=4),
       st.integers(0, 2))
def test_online_never_moves_started_or_near_visits_and_keeps_move_limits(booked, arrivals,
                                                                         max_moves):
    fr = frame(120)
    state = DayState.build(fr, chairs(3), [shift(0, 0, 720, fr=fr)], RATIOS)
    rules = OnlineRules(min_notice=45, max_moves=max_moves,
                        options=SolveOptions(time_limit_s=1.0, workers=2, lp_bound=False))
    day = OnlineDay(fr, state.chairs, state.nurses, RATIOS)
    for i, (r, m, a) in enumerate(booked):  # the morning plan: visits one after another
        item = PlanItem(id=f"b{i}", minutes=m, acuity_class=a, earliest=r * 5,
                        latest_start=720, latest_end=720, requested=r * 5)
        arrive(day, item, 0, OnlineRules(min_notice=0, max_moves=0, options=rules.options))
    for j, (when, m) in enumerate(sorted(arrivals)):
        now = when * 5
        before = dict(day.visits)
        moves_before = dict(day.moves)
        out = arrive(day, PlanItem(id=f"n{j}", minutes=m, acuity_class="standard",
                                   earliest=now + 45, latest_start=720, latest_end=720,
                                   requested=now + 45), now, rules)
        for vid, v in before.items():
            if v.start < now + rules.min_notice:  # started or too close: a fact
                assert day.visits[vid] == v
            elif day.visits[vid].start != v.start:
                assert vid in out.moved and day.visits[vid].start >= now + rules.min_notice
                assert moves_before.get(vid, 0) < max_moves
        assert all(n <= max_moves for n in day.moves.values())
        if not out.accepted:
            assert day.visits == before
        assert verify_day(fr, day.chairs, day.nurses, RATIOS, list(day.visits.values())) == []
