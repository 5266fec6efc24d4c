"""Slot search edge cases: hours, breaks, pediatric chairs, driver cut-off, prep, ratios."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from sched_helpers import FRAME, HOURS, POLICY, at, chairs, day, shift, visit

from scheduling.domain.booking import Need, request_for
from scheduling.domain.clinic import BookingPolicy, ClinicHours, RatioPolicy
from scheduling.domain.errors import InvalidInput
from scheduling.domain.slots import SlotRequest, check_slot, find_slots


def starts(slots) -> list[int]:
    return [FRAME.minute_floor(s.start) for s in slots]


def test_empty_day_offers_opening_time_first_on_the_grid():
    slots = find_slots(day(), SlotRequest(minutes=60, limit=4), POLICY)
    assert starts(slots) == [0, 5, 10, 15]
    assert slots[0].start == datetime(2025, 3, 4, 13, 0, tzinfo=UTC)  # 08:00 EST
    assert slots[0].end - slots[0].start == timedelta(minutes=60)
    assert slots[0].chair_id == "c01"


def test_closing_time_last_start_ends_exactly_at_close():
    slots = find_slots(day(), SlotRequest(minutes=120, limit=200, not_before=at(450)), POLICY)
    assert starts(slots)[-1] == 600 - 120
    assert all(s.end <= FRAME.close_at for s in slots)
    assert find_slots(day(), SlotRequest(minutes=601), POLICY) == []


def test_closing_time_overtime_allowance_extends_the_day():
    st = day(overtime=60)
    slots = find_slots(st, SlotRequest(minutes=120, limit=200, overtime_minutes=60,
                                       not_before=at(500)), POLICY)
    assert starts(slots)[-1] == 540


def test_nurse_break_blocks_visits_spanning_it():
    # one nurse, break 60..90: nobody can be monitored then, nobody can start then
    st = day(nurses=0, shifts=[shift(1, 0, 600, [(60, 90)])])
    got = starts(find_slots(st, SlotRequest(minutes=30, limit=12), POLICY))
    assert got == [0, 5, 10, 15, 20, 25, 30, 90, 95, 100, 105, 110]


def test_break_covered_by_a_second_nurse():
    st = day(nurses=0, shifts=[shift(1, 0, 600, [(60, 90)]), shift(2, 0, 600)])
    assert starts(find_slots(st, SlotRequest(minutes=30, limit=8, not_before=at(40)),
                             POLICY)) == [40, 45, 50, 55, 60, 65, 70, 75]


def test_no_nurse_before_shift_starts():
    st = day(nurses=0, shifts=[shift(1, 120, 600)])
    assert starts(find_slots(st, SlotRequest(minutes=30), POLICY))[0] == 120


def test_pediatric_patient_only_gets_pediatric_capable_chair():
    st = day(n_chairs=3, ped=1, nurses=3, visits=[visit("kid", "c03", 0, 90)])
    slots = find_slots(st, SlotRequest(minutes=60, pediatric=True, limit=2), POLICY)
    assert [(s.chair_id, FRAME.minute_floor(s.start)) for s in slots] == [("c03", 90),
                                                                        ("c03", 95)]


def test_adults_keep_pediatric_chair_free_when_possible():
    st = day(n_chairs=3, ped=1, nurses=3, visits=[visit("a", "c01", 0, 60)])
    assert find_slots(st, SlotRequest(minutes=60), POLICY)[0].chair_id == "c02"
    st = day(n_chairs=3, ped=1, nurses=3,
             visits=[visit("a", "c01", 0, 60), visit("b", "c02", 0, 60)])
    assert find_slots(st, SlotRequest(minutes=60), POLICY)[0].chair_id == "c03"


def test_driver_cutoff_limits_late_starts():
    req = SlotRequest(minutes=30, requires_driver=True, not_before=at(400), limit=200)
    got = starts(find_slots(day(), req, POLICY))
    cutoff = FRAME.local_minute(time(15, 0))
    assert cutoff == 420 and got[-1] == 420
    no_driver = starts(find_slots(day(), SlotRequest(minutes=30, not_before=at(400), limit=200),
                                  POLICY))
    assert no_driver[-1] == 570
    none = BookingPolicy(driver_latest_start=None)
    assert starts(find_slots(day(), req, none))[-1] == 570


def test_prep_lead_time_for_same_day_orders():
    now = at(60) + timedelta(seconds=20)  # 09:00:20 local
    need = Need(minutes=60, acuity_class="standard", pediatric=False, requires_driver=False,
                urgency="same_day")
    req = request_for(need, now, POLICY, day_end=FRAME.close_at)
    assert req.not_before == now + timedelta(minutes=45)
    got = starts(find_slots(day(), req, POLICY))
    assert got == [110]  # 09:45:20 rounds up to the next whole grid minute
    assert req.not_after == FRAME.close_at


@pytest.mark.parametrize(("urgency", "window", "now_minute"), [
    # same day, but the requested window starts tomorrow: today ends before it opens
    ("same_day", (24 * 60, 24 * 60 + 300), 60),
    # same day, signed after closing time: the drugs cannot be ready before the day ends
    ("same_day", None, 10 * 60 + 30),
    # planned, and the window closed before the pharmacy's lead time
    ("planned", (30, 90), 60),
])
def test_a_need_that_cannot_fit_gives_no_request_instead_of_an_error(urgency, window,
                                                                      now_minute):
    need = Need(minutes=60, acuity_class="standard", pediatric=False, requires_driver=False,
                urgency=urgency, window_from=at(window[0]) if window else None,
                window_to=at(window[1]) if window else None)
    assert request_for(need, at(now_minute), POLICY, day_end=FRAME.close_at) is None


def test_planned_order_searches_within_window():
    need = Need(minutes=60, acuity_class="standard", pediatric=False, requires_driver=False,
                urgency="planned", window_from=at(300), window_to=at(400))
    req = request_for(need, at(0) - timedelta(days=3), POLICY, limit=200)
    got = starts(find_slots(day(), req, POLICY))
    assert got[0] == 300 and got[-1] == 340


def test_ratio_one_nurse_four_standard_patients():
    vs = [visit(f"v{i}", f"c{i + 1:02d}", i * 15, 240) for i in range(4)]
    st = day(n_chairs=6, nurses=1, visits=vs)
    got = starts(find_slots(st, SlotRequest(minutes=30, limit=1), POLICY))
    assert got == [240]  # the first visit leaves at 240 and frees one unit


def test_high_acuity_needs_a_nurse_to_itself():
    st = day(n_chairs=4, nurses=1, visits=[visit("v", "c01", 0, 60)])
    got = starts(find_slots(st, SlotRequest(minutes=30, acuity_class="high", limit=1), POLICY))
    assert got == [60]
    # a second nurse takes the high-acuity patient alone, at once
    st = day(n_chairs=4, nurses=2, visits=[visit("v", "c01", 0, 60)])
    high = SlotRequest(minutes=30, acuity_class="high", limit=1)
    assert starts(find_slots(st, high, POLICY)) == [0]
    # both nurses busy starting until 15; then one nurse holds both standard patients (2/4)
    st = day(n_chairs=4, nurses=2, visits=[visit("v", "c01", 0, 60), visit("w", "c02", 0, 60)])
    assert starts(find_slots(st, high, POLICY)) == [15]
    # five standard patients need more than one nurse's 4 units: no nurse is free for 1:1
    five = [visit(f"v{i}", f"c{i + 1:02d}", i * 15, 120) for i in range(5)]
    st = day(n_chairs=7, nurses=2, visits=five)
    later = SlotRequest(minutes=30, acuity_class="high", limit=1, not_before=at(60))
    assert starts(find_slots(st, later, POLICY)) == [120]


def test_starts_are_staggered_by_setup_time():
    st = day(n_chairs=5, nurses=2, visits=[visit("a", "c01", 0, 120), visit("b", "c02", 0, 120)])
    assert starts(find_slots(st, SlotRequest(minutes=60, limit=1), POLICY)) == [15]
    st = day(n_chairs=5, nurses=2, visits=[visit("a", "c01", 0, 120, "high")])
    # the high-acuity start takes 30 minutes of one nurse; the other nurse can start now
    assert starts(find_slots(st, SlotRequest(minutes=60, limit=1), POLICY)) == [0]


def test_state_ratio_overrides():
    ca = RatioPolicy().with_overrides({"CA": {"standard": 3}}, "ca")
    assert ca.ratios["standard"] == 3 and ca.units_per_nurse == 6
    vs = [visit(f"v{i}", f"c{i + 1:02d}", i * 15, 240) for i in range(3)]
    st = day(n_chairs=6, nurses=1, visits=vs, ratios=ca)
    assert starts(find_slots(st, SlotRequest(minutes=30), POLICY))[0] == 240
    assert RatioPolicy().with_overrides({"CA": {"standard": 3}}, "NY") == RatioPolicy()


def test_unknown_acuity_falls_back_to_strictest_only_when_not_strict():
    p = RatioPolicy()
    with pytest.raises(InvalidInput):
        p.resolve("mystery")
    assert p.resolve("mystery", strict=False) == "high"
    assert p.weight("mystery") == p.weight("high") == 4


def test_move_ignores_the_visit_being_moved():
    st = day(n_chairs=1, nurses=1, visits=[visit("m", "c01", 60, 60)])
    req = SlotRequest(minutes=60, not_before=at(65), ignore_visit="m", limit=1)
    assert starts(find_slots(st, req, POLICY)) == [65]
    req_other = SlotRequest(minutes=60, not_before=at(65), limit=1)
    assert starts(find_slots(st, req_other, POLICY)) == [120]


def test_check_slot_gives_reasons():
    st = day(n_chairs=2, nurses=1, visits=[visit("a", "c01", 0, 60)])
    req = SlotRequest(minutes=60)

    def codes(reasons):
        return sorted(x.code for x in reasons)

    assert codes(check_slot(st, req, POLICY, "c01", at(30))) == ["chair_busy"]
    assert codes(check_slot(st, req, POLICY, "c02", at(5))) == ["nurse_start"]
    assert check_slot(st, req, POLICY, "c02", at(15)) == []
    assert codes(check_slot(st, req, POLICY, "c02", at(560))) == ["outside_hours"]
    assert codes(check_slot(st, req, POLICY, "c02", at(-5))) == ["outside_hours"]
    assert codes(check_slot(st, req, POLICY, "zz", at(100))) == ["chair_unavailable"]
    assert codes(check_slot(st, SlotRequest(minutes=60, pediatric=True), POLICY, "c02",
                            at(100))) == ["chair_not_pediatric"]
    drv = SlotRequest(minutes=30, requires_driver=True)
    assert codes(check_slot(st, drv, POLICY, "c02", at(450))) == ["driver_cutoff"]


@pytest.mark.parametrize("minutes", [0, -5, 24 * 60 + 1])
def test_bad_durations_rejected(minutes):
    with pytest.raises(InvalidInput):
        SlotRequest(minutes=minutes)


def test_closed_dates_and_weekends_have_no_frame():
    hours = ClinicHours(timezone="America/New_York", closed_dates=frozenset({date(2025, 3, 5)}))
    assert hours.frame(date(2025, 3, 5)) is None
    assert hours.frame(date(2025, 3, 8)) is None  # Saturday
    assert hours.frame(date(2025, 3, 6)) is not None


def test_dst_day_keeps_real_minutes():
    # 2025-03-10 is the Monday after US DST starts: 08:00 EDT = 12:00 UTC
    fr = HOURS.frame(date(2025, 3, 10))
    assert fr.open_at == datetime(2025, 3, 10, 12, 0, tzinfo=UTC) and fr.close == 600
    fall = ClinicHours(timezone="America/New_York",
                       weekly={6: (time(0, 30), time(4, 0))}).frame(date(2025, 11, 2))
    assert fall.close == 4 * 60 + 30  # 00:30 → 04:00 local spans the repeated hour


def test_chairs_helper_inactive_chair_never_offered():
    st = day(chair_list=chairs(2, inactive=1))
    assert {s.chair_id for s in find_slots(st, SlotRequest(minutes=30, limit=50), POLICY)} \
        == {"c02"}
