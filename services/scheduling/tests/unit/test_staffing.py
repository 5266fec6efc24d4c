"""The §7 staffing rule per 15-minute bucket (clinical-loop.md §7, acceptance test 32)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sched_helpers import FRAME, RATIOS, shift

from scheduling.domain.clinic import RatioPolicy
from scheduling.domain.staffing import (
    SECTION_7_CLASS,
    Demand,
    StaffingRule,
    Stay,
    bucket_demand,
    day_staffing,
    rn_needed,
)
from scheduling.domain.staffing_plan import alerts

RULE = StaffingRule(RATIOS)
TEN = 120  # 10:00 is 120 minutes after the 08:00 opening


def running(n: int, acuity: str, start: int = 0, end: int = 400) -> list[Stay]:
    return [Stay(start, end, acuity) for _ in range(n)]


def test_acceptance_32_two_ketamine_and_ten_low_running_at_ten_need_five_rns_gap_of_two():
    """§8 test 32: 2 ketamine (H) + 10 L patients all already running at 10:00 (none
    starting), 3 RNs rostered → load 18 → 5 RNs; gap-of-2 alert."""
    # seated before the frame begins (their set-ups long over), leaving at 10:15
    stays = running(2, "high", -60, TEN + 15) + running(10, "standard", -60, TEN + 15)
    shifts = [shift(i, 0, 600) for i in range(3)]
    day = day_staffing(FRAME, stays, shifts, RULE)
    at_ten = next(b for b in day if b.lo == TEN)
    assert at_ten.booked == Demand(load_units=18, starts=0, high=2, census=12)
    assert (at_ten.needed, at_ten.rostered, at_ten.gap) == (5, 3, 2)
    assert [(a.lo, a.hi, a.needed, a.rostered, a.gap, a.booked) for a in alerts(day)] == [
        (0, TEN + 15, 5, 3, 2, True)]


def test_section_7_classes_map_onto_the_ratio_policy_weights():
    assert SECTION_7_CLASS == {"standard": "L", "elevated": "M", "high": "H"}
    assert {c: RULE.weight(c) for c in SECTION_7_CLASS} == {"standard": 1, "elevated": 2,
                                                            "high": 4}
    assert RULE.units_per_nurse == 4
    assert [c for c in SECTION_7_CLASS if RULE.whole_nurse(c)] == ["high"]


@pytest.mark.parametrize(("demand", "charge", "expected"), [
    (Demand(), None, 0),  # an empty bucket needs nobody
    (Demand(load_units=1, census=1), None, 1),
    (Demand(load_units=4, census=4), None, 1),  # 4 L patients: one RN
    (Demand(load_units=5, census=5), None, 2),  # the fifth L needs a second RN
    (Demand(load_units=8, census=4), None, 2),  # 4 M patients (weight 2)
    (Demand(load_units=3, starts=3, census=3), None, 3),  # three start-ups at once
    (Demand(load_units=8, high=2, census=2), None, 2),  # two H: one RN each
    (Demand(load_units=6, high=3, census=3), None, 3),  # H count binds over load (custom)
    (Demand(load_units=18, high=2, census=12), None, 5),  # test 32
    (Demand(load_units=18, high=2, census=12), 12, 5),  # census at the threshold: no charge
    (Demand(load_units=18, high=2, census=13), 12, 6),  # above it: + a charge RN
    (Demand(), 0, 0),  # an empty clinic needs no charge RN either
])
def test_rn_needed_table(demand, charge, expected):
    assert rn_needed(demand, StaffingRule(RATIOS, charge_census=charge)) == expected


@pytest.mark.parametrize(("stays", "expected"), [
    # set-up 15 min (L), 20 (M), 30 (H) from the default policy
    ([Stay(120, 200, "standard")], Demand(1, 1, 0, 1)),  # sits down at 10:00: a start
    ([Stay(110, 200, "standard")], Demand(1, 1, 0, 1)),  # set-up 09:50-10:05 overlaps
    ([Stay(105, 200, "standard")], Demand(1, 0, 0, 1)),  # set-up over at 10:00
    ([Stay(100, 200, "high")], Demand(4, 1, 1, 1)),  # H set-up 30 min runs to 10:10
    ([Stay(60, 121, "elevated")], Demand(2, 0, 0, 1)),  # leaves at 10:01: counted
    ([Stay(60, 120, "elevated")], Demand()),  # left at 10:00: not in the bucket
    # one leaves at 10:05, another sits down at 10:10: the peak is one patient, not two
    ([Stay(60, 125, "high"), Stay(130, 300, "high")], Demand(4, 1, 1, 1)),
    # both present at 10:10: peak of two
    ([Stay(60, 300, "standard"), Stay(130, 300, "elevated")], Demand(3, 1, 0, 2)),
])
def test_bucket_demand_table(stays, expected):
    assert bucket_demand(stays, TEN, TEN + 15, RULE) == expected


def test_rostered_counts_the_fewest_rns_in_the_bucket_breaks_included():
    shifts = [shift(0, 0, 600), shift(1, 0, 600, [(125, 155)]), shift(2, 130, 600)]
    day = day_staffing(FRAME, [], shifts, RULE)
    by_lo = {b.lo: b.rostered for b in day}
    assert (by_lo[105], by_lo[120], by_lo[135], by_lo[150], by_lo[165]) == (2, 1, 2, 2, 3)
    assert len(day) == 40 and day[-1].hi == FRAME.close


def test_forecast_extra_adds_to_the_booked_floor():
    stays = running(4, "standard", -60, 390)
    extra = [Demand(load_units=3, census=3)] * 40
    day = day_staffing(FRAME, stays, [shift(0, 0, 600)], RULE, extra=extra)
    b = day[8]
    assert (b.needed_booked, b.needed, b.booked_gap, b.gap) == (1, 2, 0, 1)
    (alert,) = alerts(day)
    assert (alert.lo, alert.hi, alert.gap, alert.booked) == (0, 390, 1, False)


def test_a_state_override_changes_weights_and_units_together():
    ca = StaffingRule(RatioPolicy(ratios={"standard": 3, "elevated": 2, "high": 1}))
    # units 6: L weighs 2, M 3, H 6; 3 L patients fill one RN, a fourth needs another
    assert rn_needed(bucket_demand(running(3, "standard", -60), 0, 15, ca), ca) == 1
    assert rn_needed(bucket_demand(running(4, "standard", -60), 0, 15, ca), ca) == 2


DEMANDS = st.builds(Demand, st.integers(0, 80), st.integers(0, 10), st.integers(0, 10),
                    st.integers(0, 40))
CLASSES = st.sampled_from(["standard", "standard", "elevated", "high"])
STAYS = st.lists(st.builds(lambda s, n, c: Stay(s, s + n, c), st.integers(0, 300),
                           st.integers(5, 300), CLASSES), max_size=25)


@given(DEMANDS, st.one_of(st.none(), st.integers(0, 20)))
def test_needed_is_at_least_the_h_count_the_starts_and_the_load(d, charge):
    rule = StaffingRule(RATIOS, charge_census=charge)
    n = rn_needed(d, rule)
    assert n >= d.high and n >= d.starts and n * rule.units_per_nurse >= d.load_units


@given(DEMANDS, st.integers(0, 20), st.integers(0, 3), st.integers(0, 3))
def test_needed_is_monotone_in_load_starts_and_h(d, more_load, more_starts, more_high):
    bigger = d + Demand(more_load, more_starts, more_high, 0)
    assert rn_needed(bigger, RULE) >= rn_needed(d, RULE)


@given(STAYS, CLASSES, st.integers(0, 380))
def test_one_more_patient_never_lowers_the_need(stays, acuity, start):
    more = [*stays, Stay(start, start + 60, acuity)]
    for lo in range(0, 400, 15):
        before = rn_needed(bucket_demand(stays, lo, lo + 15, RULE), RULE)
        after = rn_needed(bucket_demand(more, lo, lo + 15, RULE), RULE)
        assert after >= before


@given(STAYS)
def test_bucket_demand_matches_a_minute_by_minute_oracle(stays):
    for lo in range(0, 400, 15):
        d = bucket_demand(stays, lo, lo + 15, RULE)
        minutes = [[s for s in stays if s.start <= t < s.end] for t in range(lo, lo + 15)]
        assert d.load_units == max(sum(RULE.weight(s.acuity_class) for s in m)
                                   for m in minutes)
        assert d.census == max(len(m) for m in minutes)
        assert d.high == max(sum(1 for s in m if s.acuity_class == "high") for m in minutes)
