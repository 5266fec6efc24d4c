"""Units: consumption, exhaustion, expiry, findings and the worklist."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from authorization.domain.case import PayerDecision
from authorization.domain.orders import Administration
from authorization.domain.usage import (
    WorklistSettings,
    administered_units,
    pick_case,
    use_units,
    worklist_reasons,
)

from ..conftest import NOW, make_order, take_events
from .test_case import case_in, new_case

DAY = date(2026, 3, 10)


def approved(book, units=300, valid=(date(2026, 3, 2), date(2026, 9, 1))):
    case = case_in(book, "submitted")
    case.record_decision(PayerDecision(kind="approved", auth_number="A-1",
                                       approved_units={"J3032": units}, valid_from=valid[0],
                                       valid_to=valid[1]), "{}", "p", NOW)
    take_events(case)
    return case


def use(case, units, day=DAY, seq=1, order_id=None):
    return use_units(case, order_id=order_id or case.order_id, line_sequence=seq, hcpcs="J3032",
                     units=units, day=day, now=NOW)


def test_units_consumed_until_exhausted_then_flagged(book):
    case = approved(book, units=200)
    assert use(case, 100) == []
    assert use(case, 100) == []
    assert case.lines[0].used_units == 200 and case.lines[0].remaining == 0
    [f] = use(case, 100)
    assert f.code == "units_exceeded" and "300 units used of 200" in f.detail
    [(etype, ev)] = take_events(case)
    assert etype == "authorization.usage_flagged" and ev.code == "units_exceeded"
    assert [h.action for h in case.history].count("units_used") == 3


@pytest.mark.parametrize(
    "day, flagged",
    [(date(2026, 3, 1), True), (date(2026, 3, 2), False), (date(2026, 9, 1), False),
     (date(2026, 9, 2), True)],
)
def test_outside_valid_dates(book, day, flagged):
    case = approved(book)
    codes = [f.code for f in use(case, 100, day=day)]
    assert codes == (["outside_valid_dates"] if flagged else [])
    assert case.lines[0].used_units == 100  # given is given: always counted


@pytest.mark.parametrize("status", ["draft", "pended", "denied", "withdrawn", "expired"])
def test_no_authorization_when_case_not_approved(book, status):
    case = case_in(book, status)
    [f] = use(case, 100)
    assert f.code == "no_authorization" and status in f.detail
    [f] = use_units(None, order_id=case.order_id, line_sequence=1, hcpcs="J3032", units=100,
                    day=DAY, now=NOW)
    assert f.code == "no_authorization" and "no prior authorization" in f.detail


def test_pick_case_prefers_the_orders_own_then_earliest_ending(book):
    own = approved(book, valid=(date(2026, 1, 1), date(2026, 3, 5)))  # ended before DAY
    late = approved(book, valid=(date(2026, 1, 1), date(2026, 12, 31)))
    early = approved(book, valid=(date(2026, 1, 1), date(2026, 6, 30)))
    assert pick_case([late, early, own], own.order_id, "J3032", DAY) is own
    stranger = make_order().order_id
    assert pick_case([late, early, own], stranger, "J3032", DAY) is early
    early.lines[0].used_units = 300  # exhausted: skip it
    assert pick_case([late, early, own], stranger, "J3032", DAY) is late
    assert pick_case([late], stranger, "J1885", DAY) is None
    draft = new_case(book)
    assert pick_case([draft], draft.order_id, "J3032", DAY) is draft


def adm(dose="100", waste="0", unit="mg") -> Administration:
    t = datetime(2026, 3, 10, 15, tzinfo=UTC)
    return Administration(line_sequence=1, hcpcs="J3032", started_at=t,
                          dose_given=Decimal(dose), dose_unit=unit, wasted_amount=Decimal(waste))


@pytest.mark.parametrize("dose, waste, descriptor, units",
                         [("100", "0", "1 mg", 100), ("360", "40", "10 mg", 40),
                          ("95", "5", "1 mg", 100), ("16", "14", "15 mg", 3)])
def test_administered_units_count_waste_separately(dose, waste, descriptor, units):
    assert administered_units(adm(dose, waste), descriptor) == units


@pytest.mark.parametrize(
    "setup, today, expected",
    [
        ({}, date(2026, 3, 10), []),
        ({}, date(2026, 8, 5), ["near_expiry", "reauth_due"]),
        ({"used": 250}, date(2026, 3, 10), ["near_exhaustion", "reauth_due"]),
        ({"used": 300}, date(2026, 3, 10), ["exhausted", "reauth_due"]),
        ({"used": 220}, date(2026, 3, 10), ["near_exhaustion", "reauth_due"]),  # 80 < 100 dose
        ({"used": 200}, date(2026, 3, 10), []),  # 100 left = one more dose, 1/3 of approval
    ],
)
def test_worklist_for_approvals(book, setup, today, expected):
    case = approved(book)
    case.lines[0].used_units = setup.get("used", 0)
    assert worklist_reasons(case, NOW, today) == expected


def test_worklist_for_open_cases(book):
    case = case_in(book, "submitted")
    assert worklist_reasons(case, case.due_at, DAY) == []
    assert worklist_reasons(case, case.due_at + timedelta(minutes=1), DAY) == ["overdue"]
    draft = new_case(book)
    assert worklist_reasons(draft, NOW + timedelta(hours=25), DAY) == ["draft_waiting"]
    assert worklist_reasons(draft, NOW + timedelta(hours=25), DAY,
                            WorklistSettings(draft_stale_hours=48)) == []


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 150), max_size=8), st.integers(0, 400))
def test_used_units_are_the_sum_and_excess_is_always_flagged(book, doses, approved_units):
    case = approved(book, units=approved_units)
    flagged_any = False
    for i, units in enumerate(doses):
        codes = [f.code for f in use(case, units, seq=i + 1)]
        over = case.lines[0].used_units > approved_units
        assert ("units_exceeded" in codes) == over
        flagged_any |= over
    assert case.lines[0].used_units == sum(doses)
    assert flagged_any == (sum(doses) > approved_units)


def test_payer_trouble_is_on_the_worklist_once_in_the_history(book):
    case = case_in(book, "submitted")
    for _ in range(3):  # the poller meets the same outage three times
        case.record_payer_error("HTTP 503", "{}", "payer:summit-health", NOW)
    assert [h.action for h in case.history].count("payer_error") == 1
    case.record_payer_error("HTTP 401", "{}", "payer:summit-health", NOW)
    assert [h.action for h in case.history].count("payer_error") == 2
    assert worklist_reasons(case, NOW, DAY) == ["payer_error"]
