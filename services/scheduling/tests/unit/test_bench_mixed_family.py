"""The benchmark's mixed-specialty family (issue 18): migraine cocktails, long neurology
infusions and high-acuity first doses; seeded, and the desk's FCFS plan puts every high-acuity
first dose on a bed that takes it."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))

from instances import make_instance
from replay import greedy_book

from scheduling.domain.daystate import DayState
from scheduling.domain.verify import verify_day


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
