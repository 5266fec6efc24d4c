"""The rule "a visit fits its order's prior authorization": a table of cases, then properties
checked against a plain restatement of the rule."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scheduling.domain.authorization_fit import (
    Approval,
    ApprovedLine,
    authorization_fit,
    units_in_use,
)

FROM, TO = date(2027, 1, 4), date(2027, 7, 3)


def approval(*lines: ApprovedLine) -> Approval:
    return Approval(order_id=uuid4(), auth_number="AUTH-1", valid_from=FROM, valid_to=TO,
                    lines=lines or (ApprovedLine("J3032", 300, 100),))


@pytest.mark.parametrize(("day", "used", "lines", "codes", "needed", "remaining"), [
    (FROM, {}, (), [], None, None),  # first valid day
    (TO, {}, (), [], None, None),  # last valid day
    (FROM - timedelta(days=1), {}, (), ["outside_valid_dates"], None, None),
    (TO + timedelta(days=1), {}, (), ["outside_valid_dates"], None, None),
    (FROM, {"J3032": 200}, (), [], None, None),  # exactly the last 100 left
    (FROM, {"J3032": 201}, (), ["units_exceeded"], 100, 99),
    (FROM, {"J3032": 300}, (), ["units_exceeded"], 100, 0),
    (FROM, {"J3032": 900}, (), ["units_exceeded"], 100, 0),  # over-used: none remain
    (TO + timedelta(days=30), {"J3032": 250}, (),
     ["outside_valid_dates", "units_exceeded"], 100, 50),
    (FROM, {"J1234": 999}, (), [], None, None),  # another code's use does not count
    # a line whose per-visit units are unknown is checked on its dates only
    (FROM, {"J3032": 300}, (ApprovedLine("J3032", 300, None),), [], None, None),
    # each approved code on its own
    (FROM, {"J3032": 0, "J2001": 9},
     (ApprovedLine("J3032", 300, 100), ApprovedLine("J2001", 10, 2)),
     ["units_exceeded"], 2, 1),
])
def test_fit_table(day, used, lines, codes, needed, remaining):
    fit = authorization_fit(approval(*lines), day, used)
    assert fit.codes == codes
    assert fit.ok is (codes == [])
    units = [m for m in fit.misfits if m.code == "units_exceeded"]
    assert [(m.needed, m.remaining) for m in units] == (
        [(needed, remaining)] if needed is not None else [])
    dates = [m for m in fit.misfits if m.code == "outside_valid_dates"]
    for m in dates:  # the reason names the visit's day and the approval's dates
        assert day.isoformat() in m.detail and FROM.isoformat() in m.detail
        assert TO.isoformat() in m.detail


def test_units_in_use_sums_per_code():
    assert units_in_use([{"J3032": 100}, {"J3032": 100, "J2001": 2}, {}]) == {
        "J3032": 200, "J2001": 2}


days = st.dates(min_value=date(2026, 1, 1), max_value=date(2028, 12, 31))


@given(start=days, length=st.integers(0, 400), day=days, approved=st.integers(0, 1000),
       per_visit=st.integers(0, 500), others=st.lists(st.integers(0, 300), max_size=6))
def test_fit_is_the_rule(start, length, day, approved, per_visit, others):
    a = Approval(order_id=uuid4(), auth_number="A", valid_from=start,
                 valid_to=start + timedelta(days=length),
                 lines=(ApprovedLine("J3032", approved, per_visit),))
    used = units_in_use({"J3032": u} for u in others)
    fit = authorization_fit(a, day, used)
    in_dates = start <= day <= start + timedelta(days=length)
    in_units = per_visit == 0 or per_visit + sum(others) <= approved  # drawing none fits
    assert ("outside_valid_dates" in fit.codes) is (not in_dates)
    assert ("units_exceeded" in fit.codes) is (not in_units)
    assert fit.ok is (in_dates and in_units)
    for m in fit.misfits:
        if m.code == "units_exceeded":
            assert m.needed == per_visit and m.remaining == max(approved - sum(others), 0)
            assert m.needed > m.remaining


@given(day=days, others=st.lists(st.integers(0, 300), max_size=6))
def test_more_use_never_makes_a_visit_fit(day, others):
    """Monotone: another visit drawing units can only turn a fit into a misfit."""
    a = approval()
    before = authorization_fit(a, day, units_in_use({"J3032": u} for u in others))
    after = authorization_fit(a, day, units_in_use({"J3032": u} for u in [*others, 50]))
    assert not (after.ok and not before.ok)
