"""Issue 18 point 5 in scheduling's domain: a course's pattern taken from the catalog, recall
days by dose number, and long and high-acuity first infusions on the day (chair attribute,
ratio, hours)."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import uuid4

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sched_helpers import FRAME, POLICY, at, day, visit

from scheduling.domain.clinic import BookingPolicy, Chair
from scheduling.domain.errors import InvalidInput
from scheduling.domain.recall import (
    Dose,
    QuantityLimit,
    Recall,
    RecallRule,
    RecallStep,
    RecallTooEarly,
    recall_dates,
    rule_for_dose,
)
from scheduling.domain.series import (
    CONSECUTIVE,
    OFFSETS,
    CatalogCourse,
    Pattern,
    catalog_pattern,
    series_days,
)
from scheduling.domain.slots import SlotRequest, check_slot, find_slots
from scheduling.domain.verify import verify_day

OCRELIZUMAB = CatalogCourse("ocrelizumab", OFFSETS, (0, 14))
INFLIXIMAB = CatalogCourse("infliximab", OFFSETS, (0, 14, 42))
IVIG = CatalogCourse("ivig_privigen", CONSECUTIVE, min_visits=2, max_visits=5)


# --------------------------------------------------------------------------- catalog pattern
@pytest.mark.parametrize(("courses", "expected"), [
    ([OCRELIZUMAB, None], Pattern(OFFSETS, (0, 14))),
    ([INFLIXIMAB, None, None], Pattern(OFFSETS, (0, 14, 42))),
    ([IVIG, IVIG], Pattern(CONSECUTIVE)),
    ([IVIG] * 5, Pattern(CONSECUTIVE)),
    ([OCRELIZUMAB, None, None], "order_ids"),  # the course has two visits
    ([INFLIXIMAB, None], "order_ids"),
    ([IVIG] * 6, "order_ids"),                  # 2-5 days
    ([None, OCRELIZUMAB], "pattern"),           # the first order starts no course
])
def test_the_series_pattern_from_the_catalog(courses, expected):
    if isinstance(expected, str):
        with pytest.raises(InvalidInput) as err:
            catalog_pattern(courses)
        assert err.value.field == expected
    else:
        assert catalog_pattern(courses) == expected


def test_ocrelizumab_day_1_and_day_15_fall_on_open_days_only():
    monday = date(2025, 3, 3)
    days = series_days(monday, catalog_pattern([OCRELIZUMAB, None]), 2,
                       lambda d: d.weekday() < 5, False)
    assert days == [monday, monday + timedelta(days=14)]


@settings(max_examples=200, deadline=None)
@given(first=st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31)),
       gaps=st.lists(st.integers(1, 60), min_size=1, max_size=4),
       closed=st.sets(st.integers(0, 6), max_size=2))
def test_offset_courses_keep_every_interval_exactly(first, gaps, closed):
    """Property: a course from catalog offsets books its visits exactly the catalog's days
    apart (never sooner, so never under the regimen's minimum interval) or not at all."""
    offsets = [0]
    for g in gaps:
        offsets.append(offsets[-1] + g)
    course = CatalogCourse("drug", OFFSETS, tuple(offsets))
    pattern = catalog_pattern([course] + [None] * len(gaps))
    days = series_days(first, pattern, len(offsets), lambda d: d.weekday() not in closed,
                       True)
    if isinstance(days, list):
        assert [(d - first).days for d in days] == offsets
        assert all(d.weekday() not in closed for d in days)
    else:
        assert (first + timedelta(days=offsets[days.position - 1])).weekday() in closed


# --------------------------------------------------------------------------- recalls
MAINT = RecallRule(140, 168, 168, 175)
STEPS = [RecallStep((1,), RecallRule(14, 14, 14, 21)),
         RecallStep((2,), RecallRule(140, 154, 154, 161))]


@pytest.mark.parametrize(("dose_number", "expected"), [
    (1, (14, 14, 14, 21)), (2, (140, 154, 154, 161)), (3, (140, 168, 168, 175)),
    (12, (140, 168, 168, 175)), (None, (140, 168, 168, 175)),
])
def test_recall_rule_by_dose_number(dose_number, expected):
    r = rule_for_dose(MAINT, STEPS, dose_number)
    assert (r.earliest_days, r.target_from_days, r.target_to_days, r.latest_days) == expected


def test_ocrelizumab_dose_2_recall_dates():
    dose2 = date(2025, 3, 18)
    dates = recall_dates(rule_for_dose(MAINT, STEPS, 2), Dose(dose2, 300), [], None)
    assert (dates.earliest, dates.target_from, dates.latest) == (
        dose2 + timedelta(weeks=20), dose2 + timedelta(weeks=22),
        dose2 + timedelta(weeks=23))


RULES = st.tuples(*(st.integers(0, 200) for _ in range(4))).map(
    lambda t: RecallRule(*sorted(t)))


@settings(max_examples=300, deadline=None)
@given(default=RULES, steps=st.lists(st.tuples(st.integers(1, 6), RULES), max_size=4),
       dose_number=st.one_of(st.none(), st.integers(1, 8)),
       last=st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 1, 1)),
       history=st.lists(st.tuples(st.integers(1, 400), st.integers(1, 600)), max_size=5),
       limit=st.one_of(st.none(), st.tuples(st.integers(1, 1200), st.integers(1, 200))),
       ask=st.integers(-30, 400))
def test_a_recall_never_opens_before_its_dose_numbers_earliest_day(
        default, steps, dose_number, last, history, limit, ask):
    """Property: whatever the dose number and the payer's cap, the recall's earliest day is
    never before the catalog's earliest for that dose number, its dates stay ordered, and a
    visit asked for before the earliest is refused."""
    seen: set[int] = set()
    unique = []
    for n, rule in steps:
        if n not in seen:
            seen.add(n)
            unique.append(RecallStep((n,), rule))
    rule = rule_for_dose(default, unique, dose_number)
    units = 300
    doses = [Dose(last - timedelta(days=d), u) for d, u in history]
    cap = QuantityLimit(*limit) if limit else None
    dates = recall_dates(rule, Dose(last, units), doses, cap)
    assert dates.earliest >= last + timedelta(days=rule.earliest_days)
    assert dates.earliest <= dates.target_from <= dates.target_to <= dates.latest
    recall = Recall(id=uuid4(), patient_id=uuid4(), practice_id="p", drug_code="d",
                    hcpcs=None, source_order_id=uuid4(), last_dose_on=last, units_given=units,
                    earliest=dates.earliest, target_from=dates.target_from,
                    target_to=dates.target_to, latest=dates.latest)
    wanted = last + timedelta(days=ask)
    if wanted < dates.earliest:
        with pytest.raises(RecallTooEarly):
            recall.require_not_before_earliest(wanted)
    else:
        recall.require_not_before_earliest(wanted)


# --------------------------------------------------------------------------- the day
def neuro_chairs() -> list[Chair]:
    return [Chair("c01"), Chair("c02"), Chair("c03", kind="bed", high_acuity_capable=True)]


def test_a_high_acuity_first_dose_only_goes_to_a_chair_that_allows_it():
    st_ = day(nurses=2, chair_list=neuro_chairs())
    req = SlotRequest(minutes=300, acuity_class="high", high_acuity_chair=True, limit=3)
    assert {s.chair_id for s in find_slots(st_, req, POLICY)} == {"c03"}
    reasons = [r.code for r in check_slot(st_, req, POLICY, "c01", at(0))]
    assert reasons == ["chair_not_high_acuity"]


def test_ordinary_visits_leave_the_high_acuity_chair_free():
    st_ = day(nurses=2, chair_list=neuro_chairs(), visits=[visit("a", "c01", 0, 120)])
    [slot] = find_slots(st_, SlotRequest(minutes=60, limit=1), POLICY)
    assert slot.chair_id == "c02"


def test_a_later_high_acuity_dose_may_sit_anywhere():
    st_ = day(nurses=2, chair_list=neuro_chairs())
    [slot] = find_slots(st_, SlotRequest(minutes=300, acuity_class="high", limit=1), POLICY)
    assert slot.chair_id == "c01"


def test_when_the_high_acuity_chair_is_taken_the_first_dose_waits_for_it():
    st_ = day(nurses=3, chair_list=neuro_chairs(), visits=[visit("x", "c03", 0, 240, "high")])
    req = SlotRequest(minutes=300, acuity_class="high", high_acuity_chair=True, limit=1)
    [slot] = find_slots(st_, req, POLICY)
    assert (slot.chair_id, FRAME.minute_floor(slot.start)) == ("c03", 240)


def test_a_six_hour_infusion_must_end_by_closing():
    st_ = day(nurses=2, chair_list=neuro_chairs())
    slots = find_slots(st_, SlotRequest(minutes=360, limit=200), POLICY)
    assert max(FRAME.minute_floor(s.start) for s in slots) == FRAME.close - 360
    assert find_slots(st_, SlotRequest(minutes=360, limit=1, not_before=at(245)), POLICY) == []


def test_high_acuity_ratio_holds_a_nurse_for_the_whole_long_infusion():
    """One nurse, one high-acuity patient (1:1) running 5 h: nobody else starts meanwhile."""
    st_ = day(nurses=1, chair_list=neuro_chairs(), visits=[visit("h", "c03", 0, 300, "high")])
    slots = find_slots(st_, SlotRequest(minutes=60, limit=1), POLICY)
    assert FRAME.minute_floor(slots[0].start) == 300


def test_the_verifier_flags_a_first_dose_in_an_ordinary_chair():
    bad = visit("v", "c01", 0, 300, "high")
    bad = type(bad)(**{**bad.__dict__, "high_acuity_chair": True})
    found = verify_day(FRAME, neuro_chairs(), [2] * FRAME.horizon, day().policy, [bad])
    assert [v.kind for v in found] == ["chair_not_high_acuity"]


@pytest.mark.parametrize(("acuity", "first", "classes", "expected"), [
    ("high", True, ("high",), True),
    ("high", False, ("high",), False),
    ("elevated", True, ("high",), False),
    ("elevated", True, ("high", "elevated"), True),
])
def test_which_first_doses_need_a_high_acuity_chair(acuity, first, classes, expected):
    policy = BookingPolicy(high_acuity_chair_classes=classes)
    assert policy.needs_high_acuity_chair(acuity, first) is expected
