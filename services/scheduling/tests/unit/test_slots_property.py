"""Property tests: slot search returns exactly the earliest feasible starts, each feasible.

The oracle below re-derives feasibility minute by minute from the raw visit list, sharing
nothing with DayState's arrays except the nurse-availability profile (tested on its own).
"""

from __future__ import annotations

from datetime import time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sched_helpers import POLICY, RATIOS, chairs, frame, shift

from scheduling.domain.clinic import BookingPolicy
from scheduling.domain.daystate import DayState, Visit, nurse_availability
from scheduling.domain.greedy import DayRequest, greedy_fcfs
from scheduling.domain.slots import SlotRequest, find_slots
from scheduling.domain.verify import verify_day

ACUITY = st.sampled_from(["standard", "standard", "elevated", "high"])


@st.composite
def days(draw, clean: bool = False):
    overtime = draw(st.sampled_from([0, 30, 60]))
    fr = frame(overtime)
    n = draw(st.integers(1, 5))
    chair_list = chairs(n, ped=draw(st.integers(0, n)), inactive=draw(st.integers(0, 1)))
    shifts = []
    for i in range(draw(st.integers(0, 3))):
        start = draw(st.integers(-6, 40)) * 5
        end = draw(st.integers(start // 5 + 12, fr.horizon // 5 + 6)) * 5
        breaks = []
        if draw(st.booleans()) and end - start > 90:
            b = draw(st.integers(start // 5 + 1, (end - 60) // 5)) * 5
            breaks.append((b, b + draw(st.sampled_from([15, 30, 45]))))
        shifts.append(shift(i, start, end, breaks, fr=fr))
    state = DayState.build(fr, chair_list, shifts, RATIOS)
    raw = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(-10, 700),
                                  st.integers(5, 300), ACUITY, st.booleans()), max_size=12))
    if clean:
        reqs = [DayRequest(id=f"v{i}", arrival=i, requested=max(0, s // 5 * 5), minutes=m,
                           acuity_class=a, pediatric=p)
                for i, (_, s, m, a, p) in enumerate(raw)]
        greedy_fcfs(state, reqs, POLICY, overtime)
    else:
        for i, (c, s, m, a, p) in enumerate(raw):
            state.add(Visit(id=f"v{i}", chair_id=chair_list[c].id, start=s, end=s + m,
                            acuity_class=a, pediatric=p))
    return state


@st.composite
def requests(draw, state: DayState):
    fr = state.frame
    ignore = None
    if state.visits and draw(st.booleans()):
        ignore = draw(st.sampled_from(sorted(state.visits)))
    nb = draw(st.one_of(st.none(), st.integers(-30, 700)))
    na = draw(st.one_of(st.none(), st.integers(30, 800)))
    if nb is not None and na is not None and na <= nb:
        na = None
    return SlotRequest(
        minutes=draw(st.integers(5, 300)), acuity_class=draw(ACUITY),
        pediatric=draw(st.booleans()), requires_driver=draw(st.booleans()),
        not_before=None if nb is None else fr.at(nb) + timedelta(seconds=draw(st.integers(0, 59))),
        not_after=None if na is None else fr.at(na),
        limit=draw(st.integers(1, 15)), overtime_minutes=draw(st.sampled_from([0, 30, 60])),
        ignore_visit=ignore,
    )


def oracle_feasible(state: DayState, req: SlotRequest, policy: BookingPolicy,
                    s: int) -> list[str]:
    """Chairs on which start s is feasible, judged minute by minute from the raw visits."""
    fr, d = state.frame, req.minutes
    if s % policy.grid_minutes or s < 0:
        return []
    if s + d > min(fr.close + req.overtime_minutes, fr.horizon):
        return []
    if req.not_before is not None and fr.at(s) < req.not_before:
        return []
    if req.not_after is not None and fr.at(s + d) > req.not_after:
        return []
    if req.requires_driver and s > fr.local_minute(policy.driver_latest_start or time(23, 59)):
        return []
    others = [v for v in state.visits.values() if v.id != req.ignore_visit]
    nurses = nurse_availability(fr, _shifts_of(state))
    assert nurses == state.nurses
    units, w = RATIOS.units_per_nurse, RATIOS.weight(req.acuity_class)
    setup = min(RATIOS.setup(req.acuity_class), d)
    for t in range(s, s + d):
        load = sum(RATIOS.weight(v.acuity_class) for v in others if v.start <= t < v.end)
        if load + w > nurses[t] * units:
            return []
        if t < s + setup:
            starting = sum(1 for v in others if v.start <= t < v.start
                           + min(RATIOS.setup(v.acuity_class), v.end - v.start))
            if starting + 1 > nurses[t]:
                return []
    return [c.id for c in state.chairs
            if c.active and (c.pediatric_capable or not req.pediatric)
            and all(v.end <= s or v.start >= s + d for v in others if v.chair_id == c.id)]


def _shifts_of(state: DayState):
    return state.shifts


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_slots_are_exactly_the_earliest_feasible(data):
    state = data.draw(days())
    req = data.draw(requests(state))
    found = find_slots(state, req, POLICY)
    fr = state.frame
    expected = []
    for s in range(0, fr.horizon, POLICY.grid_minutes):
        if oracle_feasible(state, req, POLICY, s):
            expected.append(s)
        if len(expected) == req.limit:
            break
    got = [fr.minute_floor(x.start) for x in found]
    assert got == expected
    for slot in found:
        s = fr.minute_floor(slot.start)
        assert slot.chair_id in oracle_feasible(state, req, POLICY, s)
        assert slot.end - slot.start == timedelta(minutes=req.minutes)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_booking_a_returned_slot_keeps_the_day_valid(data):
    state = data.draw(days(clean=True))
    fr = state.frame
    end_limit = fr.horizon
    assert verify_day(fr, state.chairs, state.nurses, RATIOS, list(state.visits.values()),
                      end_limit=end_limit) == []
    req = data.draw(requests(state))
    found = find_slots(state, req, POLICY)
    for slot in found[:3]:
        s = fr.minute_floor(slot.start)
        new = Visit(id="new", chair_id=slot.chair_id, start=s, end=s + req.minutes,
                    acuity_class=req.acuity_class, pediatric=req.pediatric)
        others = [v for v in state.visits.values() if v.id != req.ignore_visit]
        assert verify_day(fr, state.chairs, state.nurses, RATIOS, [*others, new],
                          end_limit=end_limit) == []
