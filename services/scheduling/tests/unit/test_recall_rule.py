"""The recall date rule (domain/recall.py): catalog days after the dose, the payer's quantity
limit over its trailing period, and a recall never before its earliest day."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scheduling.domain.recall import (
    Dose,
    QuantityLimit,
    Recall,
    RecallRule,
    RecallTooEarly,
    cap_allows,
    first_day_under_cap,
    is_overdue,
    offer_due,
    recall_dates,
    units_in_period,
)

EPTINEZUMAB = RecallRule(84, 84, 98, 98)  # catalog.json: eptinezumab.recall
CAP = QuantityLimit(units=300, period_days=84)  # payers.json: J3032 quantity_limit
D0 = date(2026, 9, 27)


def day(n: int) -> date:
    return D0 + timedelta(days=n)


def test_clinical_loop_test_16_earliest_bookable_is_day_84() -> None:
    """clinical-loop.md §8 test 16: eptinezumab last dose 70 days ago, payer cap 300 units /
    84 days -> earliest bookable = day 84 (not day 70, today)."""
    today = day(70)
    dates = recall_dates(EPTINEZUMAB, Dose(day(0), 300), [], CAP)
    assert dates.earliest == day(84)
    assert dates.earliest > today
    assert (dates.target_from, dates.target_to, dates.latest) == (day(84), day(98), day(98))
    assert not cap_allows([Dose(day(0), 300)], day(83), 300, CAP)
    assert cap_allows([Dose(day(0), 300)], day(84), 300, CAP)


@pytest.mark.parametrize(("rule", "doses", "limit", "expected"), [
    # no payer cap: the catalog's days alone
    (EPTINEZUMAB, [(0, 300)], None, 84),
    (RecallRule(28, 28, 35, 42), [(0, 300)], None, 28),
    # the cap moves a shorter catalog interval to the day the dose leaves the period
    (RecallRule(28, 28, 35, 42), [(0, 300)], CAP, 84),
    (RecallRule(28, 28, 35, 42), [(0, 200)], CAP, 84),
    # smaller doses under the cap: the catalog's day stands
    (RecallRule(28, 28, 35, 42), [(0, 100)], CAP, 28),
    (EPTINEZUMAB, [(0, 100)], CAP, 84),
    (RecallRule(28, 28, 35, 42), [(-28, 100), (0, 100)], CAP, 28),
    # three 100-unit doses in the period: the next waits until the first leaves it
    (RecallRule(28, 28, 35, 42), [(-56, 100), (-28, 100), (0, 100)], CAP, 28),
    (RecallRule(28, 28, 35, 42), [(-40, 100), (-20, 100), (0, 100)], CAP, 44),
    # an old dose outside the period does not count
    (RecallRule(28, 28, 35, 42), [(-84, 300), (0, 100)], CAP, 28),
])
def test_earliest_table(rule: RecallRule, doses: list[tuple[int, int]],
                        limit: QuantityLimit | None, expected: int) -> None:
    history = [Dose(day(d), u) for d, u in doses]
    dates = recall_dates(rule, history[-1], history, limit)
    assert dates.earliest == day(expected)
    assert dates.cap_applied == (expected > rule.earliest_days)


def test_target_window_never_before_earliest() -> None:
    dates = recall_dates(RecallRule(28, 28, 35, 42), Dose(day(0), 300), [], CAP)
    assert dates.earliest == day(84)
    assert dates.target_from == dates.target_to == dates.latest == day(84)


def test_one_dose_above_the_cap_keeps_the_catalog_day() -> None:
    assert first_day_under_cap([], 400, CAP, day(0)) is None
    assert recall_dates(EPTINEZUMAB, Dose(day(0), 400), [], CAP).earliest == day(84)


def test_units_in_period_counts_both_ends() -> None:
    doses = [Dose(day(0), 100), Dose(day(83), 50), Dose(day(84), 7)]
    assert units_in_period(doses, day(83), 84) == 150
    assert units_in_period(doses, day(84), 84) == 57


def test_offer_and_overdue_days() -> None:
    assert not offer_due(day(84), day(69), 14)
    assert offer_due(day(84), day(70), 14)
    assert not is_overdue(day(98), day(98))
    assert is_overdue(day(98), day(99))


def test_a_visit_before_earliest_is_refused_naming_start_and_the_day() -> None:
    r = Recall(id=uuid4(), patient_id=uuid4(), practice_id="p1", drug_code="eptinezumab",
               hcpcs="J3032", source_order_id=uuid4(), last_dose_on=day(0), units_given=300,
               earliest=day(84), target_from=day(84), target_to=day(98), latest=day(98))
    r.require_not_before_earliest(day(84))
    with pytest.raises(RecallTooEarly) as exc:
        r.require_not_before_earliest(day(83))
    assert exc.value.status == 409
    assert exc.value.errors and exc.value.errors[0].field == "start"
    assert exc.value.extra["earliest"] == day(84).isoformat()


def test_rule_days_must_be_ordered() -> None:
    with pytest.raises(ValueError, match="earliest"):
        RecallRule(90, 84, 98, 98)


doses_st = st.lists(st.tuples(st.integers(-200, 0), st.integers(1, 300)), min_size=0,
                    max_size=6)


@given(doses=doses_st, units=st.integers(1, 300), cap=st.integers(1, 600),
       period=st.integers(1, 120), earliest_days=st.integers(0, 120))
def test_earliest_is_the_first_day_the_cap_and_catalog_allow(
        doses: list[tuple[int, int]], units: int, cap: int, period: int,
        earliest_days: int) -> None:
    limit = QuantityLimit(cap, period)
    last = Dose(day(0), units)
    history = [Dose(day(d), u) for d, u in doses if d < 0]
    rule = RecallRule(earliest_days, earliest_days, earliest_days + 14, earliest_days + 28)
    dates = recall_dates(rule, last, history, limit)
    everything = [*history, last]
    assert dates.earliest >= day(earliest_days)
    assert dates.earliest <= dates.target_from <= dates.target_to <= dates.latest
    if units <= cap:
        assert cap_allows(everything, dates.earliest, units, limit)
        # minimal: no earlier day from the catalog's day on is allowed
        for n in range(earliest_days, (dates.earliest - D0).days):
            assert not cap_allows(everything, day(n), units, limit)
    else:
        assert dates.earliest == day(earliest_days)


def test_a_cancelled_next_order_opens_the_recall_again() -> None:
    r = Recall(id=uuid4(), patient_id=uuid4(), practice_id="p1", drug_code="eptinezumab",
               hcpcs="J3032", source_order_id=uuid4(), last_dose_on=day(0), units_given=300,
               earliest=day(84), target_from=day(84), target_to=day(98), latest=day(98))
    nxt = uuid4()
    r.link(nxt)
    assert (r.status, r.next_order_id, r.open) == ("booked", nxt, False)
    r.unlink()
    assert (r.status, r.next_order_id, r.open) == ("due", None, True)


def test_a_limit_learned_after_the_dose_moves_the_dates() -> None:
    r = Recall(id=uuid4(), patient_id=uuid4(), practice_id="p1", drug_code="x", hcpcs="J1",
               source_order_id=uuid4(), last_dose_on=day(0), units_given=200,
               earliest=day(28), target_from=day(28), target_to=day(35), latest=day(42),
               rule_days=(28, 28, 35, 42))
    assert r.apply_limit(CAP, [])
    assert (r.earliest, r.target_from, r.target_to, r.latest, r.limit) == (
        day(84), day(84), day(84), day(84), CAP)
    assert not r.apply_limit(QuantityLimit(100, 10), [])  # once only
    r.close()
    assert not r.open
