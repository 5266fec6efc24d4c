"""Issue 18 point 5 in the day optimizer: a high-acuity first dose goes only to a
high-acuity-capable chair, a child's only to a pediatric-capable one, a child's high-acuity
first dose only to a chair that is both; in every solver path (interval CP-SAT, time-indexed
CP-SAT with pooled or per-chair capability groups, the list-scheduling warm start, online
re-planning), and an item no chair can take is left unplaced with the reason."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sched_helpers import RATIOS, frame, shift

from scheduling.domain.clinic import Chair
from scheduling.domain.daystate import DayState, Visit
from scheduling.domain.verify import verify_day
from scheduling.optimizer.cpsat import (
    DayProblem,
    PlanItem,
    SolveOptions,
    assign_pool_chairs,
    check_plan,
    solve_day,
)
from scheduling.optimizer.heuristic import list_schedule
from scheduling.optimizer.online import OnlineDay, OnlineRules, arrive
from scheduling.optimizer.problem import HIGH_ACUITY, NO_CAPABLE_CHAIR, PEDIATRIC

FAST = SolveOptions(time_limit_s=2.0, workers=2, seed=1)
PATHS = {"interval": FAST, "time_indexed": replace(FAST, formulation="time_indexed"),
         "interval_no_lp": replace(FAST, lp_bound=False),  # no warm start: CP-SAT alone
         "time_indexed_no_lp": replace(FAST, formulation="time_indexed", lp_bound=False)}
FR = frame(120)


def day_problem(chairs: list[Chair], items: list[PlanItem], fixed: list[Visit] = (),
                nurses: int = 3) -> DayProblem:
    state = DayState.build(FR, chairs, [shift(i, 0, 720, fr=FR) for i in range(nurses)],
                           RATIOS)
    return DayProblem(FR, chairs, state.nurses, RATIOS, list(fixed), items)


def first_dose(id: str, requested: int = 0, minutes: int = 120, *, pediatric: bool = False,
               optional: bool = False, latest_end: int = 720) -> PlanItem:
    return PlanItem(id=id, minutes=minutes, acuity_class="high", earliest=0, latest_start=720,
                    latest_end=latest_end, requested=requested, pediatric=pediatric,
                    optional=optional, high_acuity_chair=True)


def valid(problem: DayProblem, visits: list[Visit]) -> list[str]:
    """The verifier's findings, with what each visit needs taken from its item."""
    items = {it.id: it for it in problem.items}
    judged = [replace(v, pediatric=items[v.id].pediatric,
                      high_acuity_chair=items[v.id].high_acuity_chair) for v in visits]
    return [x.kind for x in verify_day(problem.frame, problem.chairs, problem.nurses,
                                       problem.policy, [*problem.fixed, *judged])]


ONE_BED = [Chair("c01"), Chair("c02"), Chair("c03", high_acuity_capable=True)]


@pytest.mark.parametrize("path", PATHS)
def test_two_overlapping_first_doses_share_the_one_bed_one_after_the_other(path):
    problem = day_problem(ONE_BED, [first_dose("a"), first_dose("b")])
    res = solve_day(problem, PATHS[path])
    assert res.status == "optimal", res.status
    by = {v.id: v for v in res.visits}
    assert {v.chair_id for v in by.values()} == {"c03"}  # free ordinary chairs never taken
    assert sorted(v.start for v in by.values()) == [0, 120]  # serialised, not overlapped
    assert res.objective == 120 and all(v.high_acuity_chair for v in res.visits)
    assert valid(problem, res.visits) == []


@pytest.mark.parametrize("path", PATHS)
def test_a_first_dose_with_no_room_on_the_bed_is_refused_not_put_on_a_recliner(path):
    items = [first_dose("a", optional=True, latest_end=180),
             first_dose("b", optional=True, latest_end=180)]
    problem = day_problem(ONE_BED, items)
    res = solve_day(problem, PATHS[path])
    assert res.ok and len(res.visits) == 1 and len(res.refused) == 1
    assert res.visits[0].chair_id == "c03" and valid(problem, res.visits) == []
    assert res.reasons == {}  # a bed exists: refused for want of room, not of a chair


@pytest.mark.parametrize("path", PATHS)
def test_an_ordinary_visit_takes_a_recliner_while_the_first_dose_holds_the_bed(path):
    items = [first_dose("a"), PlanItem(id="s", minutes=60, acuity_class="standard", earliest=0,
                                       latest_start=720, latest_end=720, requested=0)]
    res = solve_day(day_problem(ONE_BED, items), PATHS[path])
    by = {v.id: v for v in res.visits}
    assert by["a"].chair_id == "c03" and by["s"].chair_id in ("c01", "c02")
    assert by["a"].start == by["s"].start == 0


# c01 ordinary, c02 pediatric, c03 high acuity, c04 both
EVERY_KIND = [Chair("c01"), Chair("c02", pediatric_capable=True),
              Chair("c03", high_acuity_capable=True),
              Chair("c04", pediatric_capable=True, high_acuity_capable=True)]


@pytest.mark.parametrize("path", PATHS)
def test_a_childs_first_dose_takes_only_a_chair_that_is_both(path):
    items = [first_dose("kid", pediatric=True), first_dose("adult"),
             replace(first_dose("kid2", pediatric=True), high_acuity_chair=False,
                     acuity_class="standard")]
    problem = day_problem(EVERY_KIND, items)
    res = solve_day(problem, PATHS[path])
    by = {v.id: v for v in res.visits}
    assert by["kid"].chair_id == "c04"
    assert by["adult"].chair_id in ("c03", "c04") and by["kid2"].chair_id in ("c02", "c04")
    assert all(v.start == 0 for v in res.visits)  # four chairs, three visits: nobody waits
    assert valid(problem, res.visits) == []


@pytest.mark.parametrize("path", PATHS)
def test_with_no_chair_that_is_both_the_childs_first_dose_is_left_unplaced_with_the_reason(
        path):
    chairs = EVERY_KIND[:3]
    now = Visit("kid", "c02", 60, 180, "high", pediatric=True, high_acuity_chair=True)
    items = [replace(first_dose("kid", requested=0, pediatric=True), current=now),
             PlanItem(id="s", minutes=60, acuity_class="standard", earliest=0, latest_start=720,
                      latest_end=720, requested=120),
             first_dose("new", pediatric=True, optional=True)]
    problem = day_problem(chairs, items, nurses=1)
    res = solve_day(problem, PATHS[path])
    assert res.status == "optimal"
    assert res.reasons == {"kid": NO_CAPABLE_CHAIR, "new": NO_CAPABLE_CHAIR}
    assert sorted(res.refused) == ["kid", "new"]
    # the mandatory one stays where it is and still holds its nurse (one nurse, weight 1:1):
    # the ordinary visit waits until it ends instead of starting at its requested 120
    assert [(v.id, v.start) for v in res.visits] == [("s", 180)]


def test_the_list_schedule_warm_start_keeps_first_doses_on_beds():
    problem = day_problem(ONE_BED, [first_dose("a"), first_dose("b"), first_dose("c")])
    plan = list_schedule(problem, problem.items)
    assert plan is not None
    assert {chair for _, chair in plan.values()} == {"c03"}
    assert sorted(s for s, _ in plan.values()) == [0, 120, 240]
    no_bed = day_problem(ONE_BED[:2], [first_dose("a"), replace(first_dose("o"),
                                                                 optional=True)])
    assert list_schedule(no_bed, no_bed.items) is None  # mandatory and no bed: no plan
    assert list_schedule(no_bed, no_bed.items[1:]) == {}  # optional: left out


@pytest.mark.parametrize("path", ["interval", "time_indexed"])
def test_a_fixed_visit_later_on_a_bed_makes_beds_per_chair_and_still_exact(path):
    """A fixed visit on a bed that begins after an item may start: colouring a pool would not
    be exact, so the beds are modelled one by one."""
    beds = [Chair("c01"), Chair("c02", high_acuity_capable=True),
            Chair("c03", high_acuity_capable=True)]
    fixed = [Visit("f", "c02", 60, 180, "standard")]
    problem = day_problem(beds, [first_dose("a"), first_dose("b")], fixed)
    res = solve_day(problem, PATHS[path])
    by = {v.id: v for v in res.visits}
    assert res.status == "optimal" and res.objective == 120
    assert {by["a"].chair_id, by["b"].chair_id} <= {"c02", "c03"}
    assert valid(problem, res.visits) == []


def test_pool_chairs_are_coloured_within_their_capability_set():
    beds = [Chair("c01"), Chair("c02", high_acuity_capable=True),
            Chair("c03", high_acuity_capable=True)]
    problem = day_problem(beds, [first_dose("a"), first_dose("b")])
    items = {it.id: it for it in problem.items}
    pool = [Visit("a", "pool", 0, 120, "high", high_acuity_chair=True),
            Visit("b", "pool", 60, 180, "high", high_acuity_chair=True)]
    out = assign_pool_chairs(problem, pool, items, frozenset({HIGH_ACUITY}))
    assert sorted(v.chair_id for v in out) == ["c02", "c03"]
    assert all(v.high_acuity_chair for v in out)
    with pytest.raises(AssertionError):  # one ordinary chair cannot hold both
        assign_pool_chairs(problem, pool, items, frozenset())
    with pytest.raises(AssertionError):  # no pediatric chair at all
        assign_pool_chairs(problem, pool[:1], items, frozenset({PEDIATRIC}))


ORD, PED, HIGH, BOTH = (Chair("o"), Chair("p", pediatric_capable=True),
                        Chair("h", high_acuity_capable=True),
                        Chair("b", pediatric_capable=True, high_acuity_capable=True))


@pytest.mark.parametrize(("chair", "pediatric", "high", "found"), [
    (ORD, False, False, []),
    (ORD, False, True, ["chair_not_high_acuity"]),
    (ORD, True, False, ["chair_not_pediatric"]),
    (ORD, True, True, ["chair_not_pediatric", "chair_not_high_acuity"]),
    (PED, True, True, ["chair_not_high_acuity"]),
    (HIGH, True, True, ["chair_not_pediatric"]),
    (HIGH, False, True, []),
    (BOTH, True, True, []),
    (BOTH, False, False, []),
])
def test_the_verifier_names_each_missing_capability(chair, pediatric, high, found):
    v = Visit("x", chair.id, 0, 60, "high", pediatric=pediatric, high_acuity_chair=high)
    state = DayState.build(FR, [chair], [shift(0, 0, 720, fr=FR)], RATIOS)
    got = verify_day(FR, [chair], state.nurses, RATIOS, [v])
    assert [x.kind for x in got] == found


def test_check_plan_rejects_a_hand_made_plan_with_a_first_dose_on_a_recliner():
    problem = day_problem(ONE_BED, [first_dose("a")])
    good = Visit("a", "c03", 0, 120, "high", high_acuity_chair=True)
    check_plan(problem, [good])
    with pytest.raises(AssertionError, match="chair_not_high_acuity"):
        check_plan(problem, [replace(good, chair_id="c01")])
    # what the visit needs comes from its item: a plan that lost the flag is still caught
    with pytest.raises(AssertionError, match="chair_not_high_acuity"):
        check_plan(problem, [replace(good, chair_id="c01", high_acuity_chair=False)])


def test_online_replanning_seats_an_arriving_first_dose_only_on_the_bed():
    state = DayState.build(FR, ONE_BED, [shift(i, 0, 720, fr=FR) for i in range(3)], RATIOS)
    rules = OnlineRules(min_notice=0, max_moves=1,
                        options=SolveOptions(time_limit_s=1.0, workers=2, lp_bound=False))
    day = OnlineDay(FR, ONE_BED, state.nurses, RATIOS)
    for i in range(2):  # two ordinary visits at 0 on the recliners
        out = arrive(day, PlanItem(id=f"s{i}", minutes=240, acuity_class="standard",
                                   earliest=0, latest_start=720, latest_end=720, requested=0),
                     0, rules)
        assert out.accepted
    out = arrive(day, first_dose("a"), 0, rules)
    assert out.accepted and day.visits["a"].chair_id == "c03"
    assert day.visits["a"].high_acuity_chair
    out = arrive(day, first_dose("b", requested=0), 0, rules)
    assert out.accepted and {day.visits[i].chair_id for i in "ab"} == {"c03"}
    assert sorted(day.visits[i].start for i in "ab") == [0, 120]  # one after the other
    kid = first_dose("k", pediatric=True)  # no chair is both: refused, and says why
    out = arrive(day, kid, 0, rules)
    assert not out.accepted and out.status == NO_CAPABLE_CHAIR and "k" not in day.visits
    assert verify_day(FR, ONE_BED, state.nurses, RATIOS, list(day.visits.values())) == []


@pytest.mark.parametrize("path", PATHS)
def test_visits_kept_later_on_ordinary_chairs_are_planned_around_chair_by_chair(path):
    """A visit the plan keeps in place may begin after the items (a first dose no chair takes
    any more stays where it is): the ordinary pool is then modelled chair by chair, since
    colouring a pool in start order would find both recliners taken from their first use."""
    recliners = [Chair("c01"), Chair("c02")]
    fixed = [Visit("f", "c01", 120, 240), Visit("g", "c02", 120, 240)]
    items = [PlanItem(id=i, minutes=60, acuity_class="standard", earliest=0, latest_start=720,
                      latest_end=720, requested=0) for i in ("x", "y")]
    problem = day_problem(recliners, items, fixed)
    res = solve_day(problem, PATHS[path])
    assert res.status == "optimal" and res.objective == 0
    assert sorted(v.chair_id for v in res.visits) == ["c01", "c02"]
    assert valid(problem, res.visits) == []
