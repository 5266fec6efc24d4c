"""The benchmark's mixed-specialty family (issue 18): migraine cocktails, long neurology
infusions and high-acuity first doses; seeded, and both the desk's FCFS plan and the day
optimizer put every high-acuity first dose on a bed that takes it."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))

from instances import make_instance
from replay import as_requested, greedy_book, plan_item

from scheduling.domain.daystate import DayState
from scheduling.domain.verify import verify_day
from scheduling.optimizer.cpsat import DayProblem, SolveOptions, solve_day


def test_the_mixed_family_is_seeded_and_mixed():
    a, b = make_instance("X", 1), make_instance("X", 1)
    assert [(r.id, r.minutes, r.acuity_class) for r in a.requests] == [
        (r.id, r.minutes, r.acuity_class) for r in b.requests]
    assert [r.minutes for r in make_instance("X", 2).requests] != [
        r.minutes for r in a.requests]
    assert sum(c.high_acuity_capable for c in a.chairs) == 2
    for seed in (1, 2, 3):
        reqs = make_instance("X", seed).requests
        assert any(r.high_acuity_chair and r.acuity_class == "high" for r in reqs)
        assert any(r.minutes >= 180 and r.acuity_class == "elevated" for r in reqs)
        assert any(r.minutes <= 150 and r.acuity_class == "standard" for r in reqs)
        assert not any(r.high_acuity_chair and r.same_day for r in reqs)


def test_fcfs_seats_high_acuity_firsts_only_on_beds_that_take_them():
    for seed in (1, 2, 3):
        inst = make_instance("X", seed)
        state = DayState.build(inst.frame, inst.chairs, inst.shifts, inst.policy)
        placed, _ = greedy_book(state, inst, inst.requests)
        beds = {c.id for c in inst.chairs if c.high_acuity_capable}
        firsts = [v for v in placed if v.high_acuity_chair]
        assert firsts and all(v.chair_id in beds for v in firsts)
        assert verify_day(inst.frame, inst.chairs, state.nurses, inst.policy, placed) == []


def test_the_optimizer_plans_first_doses_only_on_beds_and_the_bench_verifier_checks_it():
    inst = make_instance("X", 1)
    state = DayState.build(inst.frame, inst.chairs, inst.shifts, inst.policy)
    greedy, _ = greedy_book(state, inst, inst.requests)
    by_id = {v.id: v for v in greedy}
    cutoff = inst.frame.local_minute(time(15, 0))
    items = [plan_item(inst, r, cutoff, by_id.get(r.id)) for r in inst.requests]
    assert any(it.high_acuity_chair for it in items)  # the bench's items carry the need
    res = solve_day(DayProblem(inst.frame, inst.chairs, state.nurses, inst.policy, [], items),
                    SolveOptions(time_limit_s=2.0, workers=2, seed=1, lp_bound=False))
    assert res.ok
    beds = {c.id for c in inst.chairs if c.high_acuity_capable}
    firsts = {r.id for r in inst.requests if r.high_acuity_chair}
    seated = [v for v in res.visits if v.id in firsts]
    assert seated and all(v.chair_id in beds for v in seated)
    assert verify_day(inst.frame, inst.chairs, state.nurses, inst.policy,
                      as_requested(inst, res.visits)) == []
    # a first dose moved to a recliner by hand: the bench's verifier sees it even when the
    # plan's copy of the visit lost the flag
    recliner = next(c.id for c in inst.chairs if not c.high_acuity_capable
                    and not c.pediatric_capable)
    bad = [replace(v, chair_id=recliner, high_acuity_chair=False) if v is seated[0] else v
           for v in res.visits if v.chair_id != recliner or v is seated[0]]
    kinds = {x.kind for x in verify_day(inst.frame, inst.chairs, state.nurses, inst.policy,
                                        as_requested(inst, bad))}
    assert "chair_not_high_acuity" in kinds
