"""The list schedule that jumps over starts that cannot fit, and resumes from a saved board,
places every item exactly where the plain one does (try every start, nearest to the request
first), on random days with capable chairs, started visits and pharmacy hoods; the order
search returns a valid plan no worse than its starting order."""

from __future__ import annotations

import random
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sched_helpers import RATIOS, frame, shift

from scheduling.domain.clinic import Chair
from scheduling.domain.daystate import DayState, Visit
from scheduling.domain.pharmacy import PharmacyDay
from scheduling.domain.verify import verify_day
from scheduling.optimizer.heuristic import OrderSearch
from scheduling.optimizer.listsched import prepare, schedule
from scheduling.optimizer.model import (
    DayProblem,
    PlanItem,
    SolveOptions,
    pharmacy_free,
    residuals,
)
from scheduling.optimizer.problem import caps_order, chair_caps, needs
from scheduling.optimizer.timeindex import allowed_starts

ACUITY = st.sampled_from(["standard", "elevated", "high"])
ANY_HOODS = st.sampled_from([None, 1, 2])  # None: no pharmacy picture


def plain_schedule(problem: DayProblem, order: list[PlanItem]) -> dict[str, tuple[int, str]] | None:
    """Every allowed start, nearest to the request first (earlier on a tie), each rule
    checked minute by minute: the reference."""
    pol, lead = problem.policy, problem.pharmacy.lead if problem.pharmacy else 0
    mon, sup, _ = residuals(problem)
    ph = pharmacy_free(problem)
    chairs = sorted((c for c in problem.chairs if c.active),
                    key=lambda c: (caps_order(chair_caps(c)), c.id))
    busy: dict[str, list[tuple[int, int]]] = {c.id: [] for c in chairs}
    for v in problem.fixed:
        if v.chair_id in busy:
            busy[v.chair_id].append((max(0, v.start), min(problem.frame.horizon, v.end)))
    plan = {}
    for it in order:
        w, setup = pol.weight(it.acuity_class), min(pol.setup(it.acuity_class), it.minutes)
        starts = allowed_starts(problem, it.minutes, it.earliest, it.latest_start, it.latest_end)
        for s in sorted(starts, key=lambda s: (abs(s - it.requested), s)):
            e = s + it.minutes
            if any(mon[t] < w for t in range(s, e)) or any(sup[t] < 1 for t in range(s, s + setup)):
                continue
            if problem.pharmacy is not None and it.prep_minutes > 0:
                lo = s - it.prep_minutes + lead
                if lo < 0 or any(ph[t] < 1 for t in range(lo, s + lead)):
                    continue
            chair = next((c.id for c in chairs if needs(it) <= chair_caps(c)
                          and all(b <= s or a >= e for a, b in busy[c.id])), None)
            if chair is None:
                continue
            for t in range(s, e):
                mon[t] -= w
            for t in range(s, s + setup):
                sup[t] -= 1
            if problem.pharmacy is not None and it.prep_minutes > 0:
                for t in range(s - it.prep_minutes + lead, s + lead):
                    ph[t] -= 1
            busy[chair].append((s, e))
            plan[it.id] = (s, chair)
            break
        else:
            if not it.optional:
                return None
    return plan


@st.composite
def days(draw, hoods=ANY_HOODS):
    fr = frame(60)
    chairs = [Chair(f"c{i}", pediatric_capable=draw(st.booleans()),
                    high_acuity_capable=draw(st.booleans()), active=draw(st.integers(0, 5)) > 0)
              for i in range(draw(st.integers(1, 5)))]
    nurses = draw(st.integers(1, 3))
    state = DayState.build(fr, chairs, [shift(i, 0, 660, [(200 + 30 * i, 230 + 30 * i)], fr=fr)
                                        for i in range(nurses)], RATIOS)
    fixed = [Visit(f"f{i}", chairs[i % len(chairs)].id, s, s + m, "standard", prep_minutes=10)
             for i, (s, m) in enumerate(draw(st.lists(
                 st.tuples(st.integers(-60, 60), st.sampled_from([30, 90, 240])), max_size=3)))]
    raw = draw(st.lists(st.tuples(st.integers(0, 110), st.sampled_from([30, 45, 60, 120, 180]),
                                  ACUITY, st.booleans(), st.booleans(), st.booleans(),
                                  st.integers(-10, 30), st.sampled_from([0, 10, 20, 30])),
                        min_size=1, max_size=12))
    items = [PlanItem(id=f"r{i}", minutes=m, acuity_class=a, earliest=5 * r + 5 * lo,
                      latest_start=660, latest_end=660, requested=5 * r,
                      pediatric=p and i % 3 == 0, high_acuity_chair=h and i % 4 == 0,
                      optional=opt, prep_minutes=prep)
             for i, (r, m, a, p, h, opt, lo, prep) in enumerate(raw)]
    n_hoods = draw(hoods)
    pharmacy = None if n_hoods is None else PharmacyDay(lead=30, capacity=[n_hoods] * 690)
    return DayProblem(fr, chairs, state.nurses, RATIOS, fixed, items, pharmacy=pharmacy)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(days(), st.randoms(use_true_random=False))
def test_jumping_list_schedule_places_every_item_where_the_plain_one_does(problem, rng):
    same_as_plain(problem, rng)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(days(hoods=st.just(1)), st.randoms(use_true_random=False))
def test_with_one_hood_the_preparations_decide_and_the_schedules_still_agree(problem, rng):
    same_as_plain(problem, rng)


def same_as_plain(problem: DayProblem, rng: random.Random) -> None:
    prep = prepare(problem)
    order = list(problem.items)
    rng.shuffle(order)
    run = schedule(prep, order)
    expected = plain_schedule(problem, order)
    assert (None if run is None else run.plan()) == expected
    if run is None or len(order) < 2:
        return
    # a changed tail is scheduled from the saved board before it, as if from scratch
    k = rng.randrange(len(order))
    other = order[:k] + list(reversed(order[k:]))
    resumed = schedule(prep, other, run, k)
    assert (None if resumed is None else resumed.plan()) == plain_schedule(problem, other)


def test_the_order_search_returns_a_valid_plan_no_worse_than_its_start():
    fr = frame(120)
    chairs = [Chair(f"c{i}", pediatric_capable=i == 0) for i in range(6)]
    state = DayState.build(fr, chairs, [shift(i, 0, 720, fr=fr) for i in range(2)], RATIOS)
    rng = random.Random(5)
    items = [PlanItem(id=f"r{i}", minutes=rng.choice([30, 60, 120, 180]),
                      acuity_class=rng.choice(["standard", "standard", "elevated"]),
                      earliest=(r := rng.randrange(0, 400, 5)), latest_start=720,
                      latest_end=720, requested=r, pediatric=i % 9 == 0) for i in range(24)]
    problem = DayProblem(fr, chairs, state.nurses, RATIOS, [], items)
    search = OrderSearch(problem, SolveOptions(seed=1))
    start = schedule(search.prep, sorted(items, key=lambda it: -it.minutes))
    assert start is not None
    best = search.improve(start, time.perf_counter() + 0.5)
    assert search.steps > 0
    assert search.cost(best) <= search.cost(start)
    visits = [Visit(i, chair, s, s + next(it.minutes for it in items if it.id == i),
                    next(it.acuity_class for it in items if it.id == i),
                    pediatric=next(it.pediatric for it in items if it.id == i))
              for i, (s, chair) in best.plan().items()]
    assert len(visits) == len(items)
    assert verify_day(fr, chairs, state.nurses, RATIOS, visits) == []
