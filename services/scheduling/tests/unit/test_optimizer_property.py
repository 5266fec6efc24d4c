"""The CP-SAT day optimizer never breaks a chair or nurse rule, keeps started visits, respects
every window, and never returns a plan worse than the one it was given."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sched_helpers import POLICY, RATIOS, chairs, frame, shift

from scheduling.domain.daystate import DayState, Visit
from scheduling.domain.greedy import DayRequest, greedy_fcfs
from scheduling.domain.verify import verify_day
from scheduling.optimizer.cpsat import DayProblem, PlanItem, SolveOptions, solve_day

ACUITY = st.sampled_from(["standard", "standard", "elevated", "high"])
FAST = SolveOptions(time_limit_s=1.0, workers=2, seed=1)


def cost(visits: list[Visit], requested: dict[str, int], close: int, weight: int) -> int:
    dev = sum(abs(v.start - requested[v.id]) for v in visits)
    return dev + weight * max(0, max((v.end for v in visits), default=0) - close)


@st.composite
def problems(draw):
    fr = frame(draw(st.sampled_from([0, 60, 120])))
    n = draw(st.integers(1, 6))
    chair_list = chairs(n, ped=draw(st.integers(0, min(2, n))))
    shifts = []
    for i in range(draw(st.integers(1, 3))):
        start = draw(st.integers(0, 24)) * 5
        end = draw(st.integers(start // 5 + 24, fr.horizon // 5)) * 5
        br = []
        if draw(st.booleans()):
            b = draw(st.integers(start // 5 + 6, (end - 45) // 5)) * 5
            br.append((b, b + 30))
        shifts.append(shift(i, start, end, br, fr=fr))
    state = DayState.build(fr, chair_list, shifts, RATIOS)
    raw = draw(st.lists(st.tuples(st.integers(0, 500), st.sampled_from([15, 30, 60, 90, 150, 240]),
                                  ACUITY, st.booleans(), st.integers(0, 120)),
                        min_size=1, max_size=14))
    reqs = [DayRequest(id=f"r{i}", arrival=i, requested=s // 5 * 5, minutes=m, acuity_class=a,
                       pediatric=p) for i, (s, m, a, p, _) in enumerate(raw)]
    placed, _ = greedy_fcfs(state, reqs, POLICY, fr.overtime)
    now = draw(st.integers(0, 120)) // 5 * 5
    fixed = [v for v in placed if v.start < now]  # already started: facts
    slack = {f"r{i}": extra for i, (*_, extra) in enumerate(raw)}
    by_id = {r.id: r for r in reqs}
    items = [PlanItem(id=v.id, minutes=v.end - v.start, acuity_class=v.acuity_class,
                      pediatric=v.pediatric, earliest=max(now, by_id[v.id].requested),
                      latest_start=v.start + slack[v.id], latest_end=fr.horizon,
                      requested=by_id[v.id].requested, current=v)
             for v in placed if v.start >= now]
    return DayProblem(fr, chair_list, state.nurses, RATIOS, fixed, items), placed


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_optimizer_plans_are_valid_and_no_worse(case):
    problem, before = case
    res = solve_day(problem, FAST)
    assert res.ok, res.status  # the greedy plan is a feasible hint, so a plan exists
    assert res.refused == []
    fr = problem.frame
    assert verify_day(fr, problem.chairs, problem.nurses, RATIOS,
                      [*problem.fixed, *res.visits]) == []
    items = {it.id: it for it in problem.items}
    assert sorted(v.id for v in res.visits) == sorted(items)
    for v in res.visits:
        it = items[v.id]
        assert it.earliest <= v.start <= it.latest_start and v.end <= it.latest_end
        assert v.start % problem.grid == 0 and v.end - v.start == it.minutes
        assert v.acuity_class == it.acuity_class
    requested = {it.id: it.requested for it in problem.items}
    movable_before = [v for v in before if v.id in items]
    assert cost(res.visits, requested, fr.close, FAST.overtime_weight) <= \
        cost(movable_before, requested, fr.close, FAST.overtime_weight)


def test_started_visits_stay_and_block_capacity():
    fr = frame(0)
    st_ = DayState.build(fr, chairs(2), [shift(0, 0, 600, fr=fr)], RATIOS)
    fixed = [Visit("f", "c01", 0, 120, "high")]
    item = PlanItem(id="x", minutes=60, acuity_class="standard", earliest=30, latest_start=500,
                    latest_end=600, requested=30)
    res = solve_day(DayProblem(fr, st_.chairs, st_.nurses, RATIOS, fixed, [item]), FAST)
    assert res.status == "optimal"
    assert [(v.id, v.start) for v in res.visits] == [("x", 120)]  # the 1:1 patient until 120


def test_infeasible_mandatory_visit_reported():
    fr = frame(0)
    st_ = DayState.build(fr, chairs(1), [shift(0, 0, 600, fr=fr)], RATIOS)
    item = PlanItem(id="x", minutes=60, acuity_class="standard", earliest=580, latest_start=590,
                    latest_end=600, requested=580)
    res = solve_day(DayProblem(fr, st_.chairs, st_.nurses, RATIOS, [], [item]), FAST)
    assert res.status == "infeasible" and res.visits == []


def test_optional_visits_refused_when_no_capacity():
    fr = frame(0)
    st_ = DayState.build(fr, chairs(1), [shift(0, 0, 600, fr=fr)], RATIOS)
    items = [PlanItem(id=f"x{i}", minutes=300, acuity_class="standard", earliest=0,
                      latest_start=600, latest_end=600, requested=0, optional=True)
             for i in range(3)]
    res = solve_day(DayProblem(fr, st_.chairs, st_.nurses, RATIOS, [], items), FAST)
    assert res.ok and len(res.visits) == 2 and len(res.refused) == 1


def test_pediatric_visit_gets_pediatric_chair_and_overtime_is_minimized():
    fr = frame(120)
    st_ = DayState.build(fr, chairs(3, ped=1), [shift(0, 0, 720, fr=fr),
                                                shift(1, 0, 720, fr=fr)], RATIOS)
    items = [PlanItem(id="kid", minutes=120, acuity_class="standard", pediatric=True,
                      earliest=0, latest_start=700, latest_end=720, requested=500),
             PlanItem(id="a", minutes=200, acuity_class="standard", earliest=0,
                      latest_start=700, latest_end=720, requested=500)]
    res = solve_day(DayProblem(fr, st_.chairs, st_.nurses, RATIOS, [], items), FAST)
    by = {v.id: v for v in res.visits}
    assert by["kid"].chair_id == "c03"
    # requested 500 + 200 min would end at 700 (100 min overtime x 10); earlier wins
    assert by["a"].end <= fr.close and by["kid"].start == 480
