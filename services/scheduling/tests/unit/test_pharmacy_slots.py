"""Pharmacy as a resource in slot search: hoods staffed by pharmacists, preparation before the
start (scheduling.md §5: "pharmacy prep of 10–30 min finishing before the start (capacity =
hoods)"). Times are minutes after the 08:00 opening of sched_helpers' day."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sched_helpers import FRAME, POLICY, RATIOS, at, chairs, frame, shift

from scheduling.domain.clinic import Break
from scheduling.domain.daystate import DayState, Visit
from scheduling.domain.errors import InvalidInput
from scheduling.domain.pharmacy import pharmacy_violations
from scheduling.domain.pharmacy_staff import PharmacistShift, pharmacy_day, validate_hoods
from scheduling.domain.slots import SlotRequest, check_slot, find_slots
from scheduling.domain.verify import verify_day


def rph(i: int, start: int, end: int, breaks: tuple[tuple[int, int], ...] = ()
        ) -> PharmacistShift:
    return PharmacistShift(id=f"p{i}", pharmacist_id=f"rph{i}", start=at(start), end=at(end),
                           breaks=tuple(Break(at(a), at(b)) for a, b in breaks))


def state(hoods: int | None, pharmacists: list[PharmacistShift], visits: list[Visit] = (),
          n_chairs: int = 6, nurses: int = 4) -> DayState:
    shifts = [shift(i, 0, FRAME.horizon) for i in range(nurses)]
    return DayState.build(FRAME, chairs(n_chairs), shifts, RATIOS, list(visits),
                          pharmacy=pharmacy_day(FRAME, hoods, pharmacists))


def starts(st_: DayState, prep: int, limit: int = 3, **kw: object) -> list[int]:
    req = SlotRequest(minutes=60, prep_minutes=prep, limit=limit, **kw)  # type: ignore[arg-type]
    return [FRAME.minute_floor(s.start) for s in find_slots(st_, req, POLICY)]


def booked(i: str, start: int, prep: int, chair: str = "c01") -> Visit:
    return Visit(id=i, chair_id=chair, start=start, end=start + 60, prep_minutes=prep)


# Pharmacists from 07:00 (60 min before opening) unless the case says otherwise.
CASES = [
    # (name, hoods, pharmacist shifts, booked, prep asked, expected first starts)
    ("one hood, two 30-min preps: the second slot moves past the first prep", 1,
     [rph(0, -60, 600)], [booked("a", 0, 30)], 30, [30, 35, 40]),
    ("two hoods: both preps run side by side", 2, [rph(0, -60, 600), rph(1, -60, 600)],
     [booked("a", 0, 30)], 30, [0, 5, 10]),
    ("two hoods but one pharmacist: one hood staffed", 2, [rph(0, -60, 600)],
     [booked("a", 0, 30)], 30, [30, 35, 40]),
    ("pharmacy opens with the clinic: the first start waits for the prep", 1,
     [rph(0, 0, 600)], [], 30, [30, 35, 40]),
    ("prep before the pharmacy opens is refused: 45 min needs 07:15", 1,
     [rph(0, -30, 600)], [], 45, [15, 20, 25]),
    ("the pharmacist's break stops preparation", 1,
     [rph(0, -60, 600, ((-30, 20),))], [], 30, [50, 55, 60]),
    ("no prep needed: the hoods do not matter", 1, [rph(0, 0, 600)], [booked("a", 30, 30)],
     0, [0, 5, 10]),
    ("no pharmacy configured: unlimited, as before", None, [],
     [booked("a", 0, 30), booked("b", 0, 30, "c02")], 30, [0, 5, 10]),
    ("hoods configured, no pharmacist that day: nothing needing prep fits", 2, [],
     [], 15, []),
]


@pytest.mark.parametrize(("name", "hoods", "pharmacists", "visits", "prep", "expected"), CASES,
                         ids=[c[0] for c in CASES])
def test_pharmacy_cases(name: str, hoods: int | None, pharmacists: list[PharmacistShift],
                        visits: list[Visit], prep: int, expected: list[int]) -> None:
    assert starts(state(hoods, pharmacists, visits), prep) == expected


def test_ten_biologics_at_one_morning_never_exceed_the_hoods() -> None:
    day = state(2, [rph(0, -60, 600), rph(1, -60, 600)], n_chairs=12, nurses=10)
    for i in range(10):
        got = starts(day, 30, limit=1)
        assert got, f"biologic {i} found no slot"
        day.add(booked(f"b{i}", got[0], 30, chair=f"c{i + 1:02d}"))
    placed = sorted(v.start for v in day.visits.values())
    assert placed == [0, 0, 30, 30, 60, 60, 90, 90, 120, 120]
    assert pharmacy_violations(day.pharmacy, day.visits.values()) == []


def test_check_slot_names_the_pharmacy_reason() -> None:
    day = state(1, [rph(0, 0, 600)], [booked("a", 60, 30)])
    req = SlotRequest(minutes=60, prep_minutes=30)
    assert [r.code for r in check_slot(day, req, POLICY, "c02", at(15))] == ["pharmacy_closed"]
    assert [r.code for r in check_slot(day, req, POLICY, "c02", at(45))] == \
        ["pharmacy_capacity"]
    assert check_slot(day, req, POLICY, "c02", at(90)) == []


def test_moving_a_visit_does_not_block_on_its_own_prep() -> None:
    day = state(1, [rph(0, -60, 600)], [booked("a", 30, 30)])
    req = SlotRequest(minutes=60, prep_minutes=30, ignore_visit="a")
    assert check_slot(day, req, POLICY, "c01", at(20)) == []
    assert [FRAME.minute_floor(s.start) for s in find_slots(day, req, POLICY)][:2] == [0, 5]


def test_preparation_cannot_begin_before_now() -> None:
    day = state(1, [rph(0, -60, 600)])
    now = at(100)
    assert starts(day, 40, prep_from=now) == [140, 145, 150]
    req = SlotRequest(minutes=60, prep_minutes=40, prep_from=now)
    assert [r.code for r in check_slot(day, req, POLICY, "c01", at(120))] == ["pharmacy_lead"]
    # no pharmacy picture: the bound does not apply (the fixed lead is the service's fallback)
    assert starts(state(None, []), 40, prep_from=now) == [0, 5, 10]


@pytest.mark.parametrize("bad", [-1, 51])
def test_hoods_out_of_range_are_refused(bad: int) -> None:
    with pytest.raises(InvalidInput) as err:
        validate_hoods(bad)
    assert err.value.field == "hoods"


def test_pharmacist_shift_rules() -> None:
    with pytest.raises(InvalidInput):
        rph(0, 60, 30)
    with pytest.raises(InvalidInput):
        rph(0, 0, 60, ((50, 70),))
    day = pharmacy_day(FRAME, 3, [rph(0, -90, 100), rph(1, 0, 600, ((200, 230),))])
    assert day is not None and day.lead == 90
    assert [day.at(m) for m in (-91, -90, -1, 0, 99, 100, 200, 229, 230)] == \
        [0, 1, 1, 2, 2, 1, 0, 0, 1]


# ----------------------------------------------------------------------------- property
@st.composite
def pharmacy_days(draw: st.DrawFn) -> DayState:
    fr = frame(draw(st.sampled_from([0, 30])))
    hoods = draw(st.integers(0, 3))
    pharmacists = []
    for i in range(draw(st.integers(0, 3))):
        a = draw(st.integers(-24, 60)) * 5
        b = draw(st.integers(a // 5 + 6, fr.horizon // 5 + 2)) * 5
        brk: tuple[tuple[int, int], ...] = ()
        if draw(st.booleans()) and b - a > 60:
            x = draw(st.integers(a // 5 + 1, (b - 40) // 5)) * 5
            brk = ((x, x + 30),)
        pharmacists.append(rph(i, a, b, brk))
    shifts = [shift(i, 0, fr.horizon, fr=fr) for i in range(draw(st.integers(1, 4)))]
    return DayState.build(fr, chairs(draw(st.integers(1, 6))), shifts, RATIOS,
                          pharmacy=pharmacy_day(fr, hoods, pharmacists))


@given(day=pharmacy_days(),
       asks=st.lists(st.tuples(st.integers(5, 240), st.sampled_from([0, 10, 20, 30, 45, 60]),
                               st.sampled_from(["standard", "elevated", "high"]),
                               st.integers(0, 600)), max_size=25),
       move=st.booleans())
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_booked_set_passes_the_verifier_with_the_pharmacy(
        day: DayState, asks: list[tuple[int, int, str, int]], move: bool) -> None:
    fr = day.frame
    for i, (minutes, prep, acuity, after) in enumerate(asks):
        req = SlotRequest(minutes=minutes, prep_minutes=prep, acuity_class=acuity, limit=1,
                          not_before=fr.at(after), prep_from=fr.at(after - 60))
        slots = find_slots(day, req, POLICY)
        if not slots:
            continue
        s = slots[0]
        assert check_slot(day, req, POLICY, s.chair_id, s.start) == []
        day.add(Visit(id=f"v{i}", chair_id=s.chair_id, start=fr.minute_floor(s.start),
                      end=fr.minute_floor(s.end), acuity_class=acuity, prep_minutes=prep))
        if move and day.visits:  # move the first visit to its earliest other feasible start
            first = day.visits[min(day.visits)]
            mreq = SlotRequest(minutes=first.end - first.start, prep_minutes=first.prep_minutes,
                               acuity_class=first.acuity_class, ignore_visit=first.id, limit=1)
            again = find_slots(day, mreq, POLICY)
            if again:
                day.remove(first.id)
                day.add(Visit(id=first.id, chair_id=again[0].chair_id,
                              start=fr.minute_floor(again[0].start),
                              end=fr.minute_floor(again[0].end),
                              acuity_class=first.acuity_class, prep_minutes=first.prep_minutes))
    found = verify_day(fr, day.chairs, day.nurses, RATIOS, list(day.visits.values()),
                       pharmacy=day.pharmacy)
    assert found == []
