"""Same-day queue policy, day board figures and projecting appointments onto a day."""

from __future__ import annotations

from datetime import timedelta

from sched_helpers import FRAME, POLICY, at, day, shift, visit

from scheduling.adapters.triage_seed import triage_rule
from scheduling.domain.appointment import Appointment, Status
from scheduling.domain.board import load_buckets, utilization
from scheduling.domain.booking import offer_freed_capacity, queue_order, visit_of
from scheduling.domain.verify import verify_day

RULE = triage_rule()


def queued(minutes: int, queued_min: int, **kw) -> Appointment:
    return Appointment.queued(minutes=minutes, now=at(queued_min), urgency="same_day",
                              ready_at=at(queued_min), **kw)


def test_queue_order_most_urgent_then_oldest():
    a, b = queued(60, 10), queued(60, 5)
    c = queued(60, 20, triage_category="refractory_to_home_rescue")
    assert [e.id for e in queue_order([a, b, c], at(30), RULE)] == [c.id, b.id, a.id]
    b.cancel("staff", at(30))
    assert [e.id for e in queue_order([a, b, c], at(30), RULE)] == [c.id, a.id]


def test_freed_capacity_goes_to_queue_in_order_without_double_booking():
    # one chair, full until a cancellation frees 120..240
    st = day(n_chairs=1, nurses=2, visits=[visit("x", "c01", 0, 120), visit("y", "c01", 240,
                                                                             360)])
    old, newer = queued(120, 10), queued(60, 20)
    placed = offer_freed_capacity(st, [newer, old], at(100), POLICY, RULE)
    assert [(e.id, FRAME.minute_floor(s.start)) for e, s in placed] == [(old.id, 120)]
    assert newer.status is Status.QUEUED  # did not fit after old took the gap


def test_queue_respects_ready_time_and_now():
    st = day(n_chairs=2, nurses=2)
    e = queued(60, 0)
    e.ready_at = at(95)
    placed = offer_freed_capacity(st, [e], at(50), POLICY, RULE)
    assert FRAME.minute_floor(placed[0][1].start) == 95
    late = queued(60, 0)
    assert offer_freed_capacity(st, [late], at(590), POLICY, RULE) == []  # nothing left today


def test_queue_placements_keep_rules():
    st = day(n_chairs=4, nurses=1)
    entries = [queued(90, i, acuity_class=a) for i, a in
               enumerate(["high", "standard", "elevated", "standard", "standard"])]
    placed = offer_freed_capacity(st, entries, at(0), POLICY, RULE)
    assert len(placed) == 5
    assert verify_day(FRAME, st.chairs, st.nurses, st.policy, list(st.visits.values())) == []


def test_load_buckets_and_utilization():
    st = day(n_chairs=2, nurses=0, shifts=[shift(1, 0, 600, [(60, 90)]), shift(2, 0, 300)],
             visits=[visit("a", "c01", 0, 60), visit("b", "c02", 30, 60, "elevated")])
    buckets = load_buckets(st)
    assert len(buckets) == 40
    first, third, fifth = buckets[0], buckets[2], buckets[4]
    assert (first.nurses_available, first.capacity_units, first.peak_load_units,
            first.starts) == (2, 8, 1, 1)
    assert (third.peak_load_units, third.peak_patients, third.starts) == (3, 2, 1)
    assert fifth.nurses_available == 1 and fifth.load_ratio == round(2 / 4, 3)
    assert buckets[-1].nurses_available == 1 and buckets[-1].peak_load_units == 0
    u = utilization(st)
    assert (u.booked_chair_minutes, u.available_chair_minutes) == (120, 1200)
    assert u.ratio == 0.1 and u.overtime_minutes == 0


def test_visit_of_projection():
    a = Appointment.held(minutes=60, now=at(0), chair_id="c01", start=at(30), end=at(90),
                         hold_expires_at=None)
    v = visit_of(a, FRAME)
    assert (v.chair_id, v.start, v.end) == ("c01", 30, 90)
    a.confirm(at(0)), a.check_in(at(0)), a.start_visit(at(30))
    running_long = visit_of(a, FRAME, now=at(100) + timedelta(seconds=30))
    assert running_long.end == 101
    b = Appointment.queued(minutes=60, now=at(0))
    assert visit_of(b, FRAME) is None
    c = Appointment.held(minutes=60, now=at(0), chair_id="c01", start=at(30), end=at(90),
                         hold_expires_at=None)
    c.cancel("staff", at(1))
    assert visit_of(c, FRAME) is None
    tomorrow = Appointment.held(minutes=60, now=at(0), chair_id="c01",
                                start=at(30) + timedelta(days=1),
                                end=at(90) + timedelta(days=1), hold_expires_at=None)
    assert visit_of(tomorrow, FRAME) is None
