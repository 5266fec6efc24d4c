"""Series booking rules (clinical-loop.md §4): pattern → clinic days, validation, and the one
decision placing every visit or none (clinical-loop test 14 at the domain level)."""

from __future__ import annotations

from datetime import date, time, timedelta
from uuid import uuid4

import pytest
from sched_helpers import DAY, HOURS, POLICY, day, visit

from scheduling.domain.appointment import Appointment, Status
from scheduling.domain.course import Series, SeriesVisit, shift_offer, visit_status
from scheduling.domain.errors import InvalidInput
from scheduling.domain.series import (
    Failure,
    Pattern,
    VisitNeed,
    Window,
    place_series,
    series_days,
    violations_of,
    visit_request,
)
from scheduling.domain.slots import Slot
from scheduling.domain.verify import verify_day

MON = date(2025, 3, 3)
HOLIDAY = date(2025, 3, 5)  # a Wednesday the clinic is closed


def weekdays(d: date) -> bool:
    return d.weekday() < 5


def weekdays_but_holiday(d: date) -> bool:
    return weekdays(d) and d != HOLIDAY


def d(offset: int) -> date:
    return MON + timedelta(days=offset)


@pytest.mark.parametrize(("first", "pattern", "n", "is_open", "gap", "expected"), [
    # 5 consecutive clinic days from Monday: Mon..Fri
    (MON, Pattern("consecutive_days"), 5, weekdays, False, [d(0), d(1), d(2), d(3), d(4)]),
    # from Thursday, 3 days: the weekend is in the way, no gap allowed → refused on Saturday
    (d(3), Pattern("consecutive_days"), 3, weekdays, False, ("closed_day", 3, d(5))),
    # ... and with the protocol's gap allowed: Thu, Fri, Mon
    (d(3), Pattern("consecutive_days"), 3, weekdays, True, [d(3), d(4), d(7)]),
    # a holiday mid-course, gap allowed: skipped
    (MON, Pattern("consecutive_days"), 4, weekdays_but_holiday, True,
     [d(0), d(1), d(3), d(4)]),
    (MON, Pattern("consecutive_days"), 4, weekdays_but_holiday, False,
     ("closed_day", 3, HOLIDAY)),
    # the first day closed: refused whatever the gap rule
    (d(5), Pattern("consecutive_days"), 2, weekdays, True, ("closed_day", 1, d(5))),
    # day 1 and day 15 (offsets 0 and 14): exact days
    (MON, Pattern("day_offsets", (0, 14)), 2, weekdays, False, [d(0), d(14)]),
    # an offset landing on a closed day is refused, never moved (even with a gap allowed)
    (MON, Pattern("day_offsets", (0, 5)), 2, weekdays, True, ("closed_day", 2, d(5))),
    # too many closed days in a row for a gap
    (MON, Pattern("consecutive_days"), 2, lambda x: x == MON or x > d(6), True,
     ("gap_too_long", 2, d(5))),
])
def test_pattern_to_days(first, pattern, n, is_open, gap, expected):
    got = series_days(first, pattern, n, is_open, gap)
    if isinstance(expected, list):
        assert got == expected
    else:
        assert isinstance(got, Failure)
        assert (got.code, got.position, got.day) == expected


@pytest.mark.parametrize(("pattern", "n", "field"), [
    (Pattern("consecutive_days"), 1, "order_ids"),
    (Pattern("consecutive_days"), 6, "order_ids"),
    (Pattern("consecutive_days", (0, 1)), 2, "pattern.offsets"),
    (Pattern("day_offsets", (0, 14, 7)), 3, "pattern.offsets"),
    (Pattern("day_offsets", (0, 0)), 2, "pattern.offsets"),
    (Pattern("day_offsets", (1, 14)), 2, "pattern.offsets"),
    (Pattern("day_offsets", (0, 14)), 3, "pattern.offsets"),
    (Pattern("weekly"), 2, "pattern.kind"),
])
def test_bad_patterns_name_their_field(pattern, n, field):
    with pytest.raises(InvalidInput) as err:
        pattern.validate(n)
    assert err.value.field == field


def test_good_patterns_pass():
    Pattern("consecutive_days").validate(2)
    Pattern("consecutive_days").validate(5)
    Pattern("day_offsets", (0, 14)).validate(2)


def test_window_must_end_after_it_starts():
    with pytest.raises(InvalidInput) as err:
        Window(time(12), time(8))
    assert err.value.field == "window.to"


NEED = VisitNeed(minutes=240, acuity_class="standard", pediatric=False, requires_driver=False)
WINDOW = Window(time(8), time(10))
EARLY = HOURS.local_instant(DAY, time(0))  # the drugs are ready before any window opens


def _plan(states):
    days = [DAY] * len(states)  # every state here is the helpers' one day
    reqs = [visit_request(HOURS, DAY, WINDOW, NEED, EARLY, POLICY) for _ in states]
    return place_series(days, states, reqs, POLICY)


def test_every_visit_starts_in_the_window_and_the_plan_verifies():
    states = [day(n_chairs=1, nurses=1) for _ in range(5)]
    slots = _plan(states)
    assert not isinstance(slots, Failure)
    assert [s.start for s in slots] == [HOURS.local_instant(DAY, time(8))] * 5
    for state, slot in zip(states, slots, strict=True):
        start = state.frame.minute_floor(slot.start)
        plan = [*state.visits.values(), visit("new", slot.chair_id, start, NEED.minutes)]
        assert verify_day(state.frame, state.chairs, state.nurses, state.policy, plan) == []


def test_clinical_loop_14_day_4_chair_taken_refuses_the_whole_series():
    """Clinical-loop test 14: DHE 5-day series, day 4's chair unavailable over the window →
    the decision fails on visit 4 and names why; nothing is placed."""
    states = [day(n_chairs=1, nurses=1) for _ in range(5)]
    states[3] = day(n_chairs=1, nurses=1, visits=[visit("other", "c01", 60, 300)])
    got = _plan(states)
    assert isinstance(got, Failure)
    assert (got.position, got.code) == (4, "no_slot")
    assert "chair_busy" in got.reasons


def test_nurse_ratio_blocks_a_day_like_a_chair():
    full = [visit(f"v{i}", f"c{i:02d}", 0, 300) for i in range(1, 5)]  # 1 nurse, ratio 4
    states = [day(n_chairs=6, nurses=1), day(n_chairs=6, nurses=1, visits=full)]
    got = _plan(states)
    assert isinstance(got, Failure)
    assert got.position == 2 and "nurse_capacity" in got.reasons


def test_a_closed_day_state_fails_its_visit():
    got = _plan([day(), None])
    assert isinstance(got, Failure) and (got.position, got.code) == (2, "closed_day")


def test_shift_offer_after_a_moved_or_cancelled_visit():
    ids = [uuid4() for _ in range(3)]
    s = Series(id=uuid4(), patient_id=uuid4(), practice_id="p",
               pattern=Pattern("consecutive_days"),
               first_day=d(0), window=WINDOW, allow_closed_day_gap=False,
               visits=[SeriesVisit(i + 1, ids[i], d(i)) for i in range(3)])
    booked = {o: Appointment(id=o, status=Status.BOOKED, minutes=60) for o in ids}
    on_plan = {o: d(i) for i, o in enumerate(ids)}
    assert shift_offer(s, booked, on_plan) is None
    moved = {**on_plan, ids[1]: d(3)}
    offer = shift_offer(s, booked, moved)
    assert offer is not None and (offer.from_position, offer.days, offer.reason) == \
        (2, 2, "visit_moved")
    cancelled = {**booked, ids[2]: Appointment(id=ids[2], status=Status.CANCELLED, minutes=60)}
    offer = shift_offer(s, cancelled, on_plan)
    assert offer is not None and (offer.from_position, offer.days, offer.reason) == \
        (3, 1, "visit_cancelled")


@pytest.mark.parametrize(("status", "paused", "shown"), [
    (Status.BOOKED, True, "paused"), (Status.HELD, True, "paused"),
    (Status.IN_CHAIR, True, "in_chair"), (Status.COMPLETED, True, "completed"),
    (Status.BOOKED, False, "booked"), (None, True, "unbooked"),
])
def test_visit_status_paused_only_before_it_starts(status, paused, shown):
    appt = None if status is None else Appointment(id=uuid4(), status=status, minutes=60)
    assert visit_status(appt, paused) == shown


def test_the_verifier_checks_each_placement_and_names_what_it_breaks():
    state = day(n_chairs=1, nurses=1, visits=[visit("other", "c01", 60, 120)])
    req = visit_request(HOURS, DAY, WINDOW, NEED, EARLY, POLICY)
    assert req is not None
    clash = Slot(chair_id="c01", start=state.frame.at(0), end=state.frame.at(240))
    assert {v.kind for v in violations_of(state, req, clash)} == {"chair_overlap"}
    free = Slot(chair_id="c01", start=state.frame.at(180), end=state.frame.at(420))
    assert violations_of(state, req, free) == []
