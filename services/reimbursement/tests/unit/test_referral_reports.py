"""Referral analytics (domain/referral_reports.py): periods, rates, days to chair, the rows per
practice and period."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal as D
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from reimbursement.domain.referral_reports import (
    CSV_COLUMNS,
    ReferralFacts,
    csv_cells,
    days_to_chair,
    period_bounds,
    quantile,
    rate,
    referral_rows,
)

TZ = ZoneInfo("America/New_York")
T0 = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)  # Monday 09:00 in New York


def ref(n: int, practice: str = "p-a", *, at: datetime = T0, given_: bool = False,
        chair_after: timedelta | None = None, pa: str | None = None,
        statuses: tuple[str, ...] = ()) -> ReferralFacts:
    return ReferralFacts(
        order_id=f"o{n}", practice_id=practice, signed_at=at, administered=given_,
        first_chair_at=at + chair_after if chair_after is not None else None,
        pa_decision=pa, appointment_statuses=statuses)  # type: ignore[arg-type]


def test_period_bounds_are_iso_weeks_and_calendar_months() -> None:
    assert period_bounds(date(2026, 3, 4), "week") == (date(2026, 3, 2), date(2026, 3, 8))
    assert period_bounds(date(2026, 3, 2), "week") == (date(2026, 3, 2), date(2026, 3, 8))
    assert period_bounds(date(2026, 2, 14), "month") == (date(2026, 2, 1), date(2026, 2, 28))
    assert period_bounds(date(2028, 2, 29), "month") == (date(2028, 2, 1), date(2028, 2, 29))
    assert period_bounds(date(2026, 12, 31), "month") == (date(2026, 12, 1), date(2026, 12, 31))


def test_rate_and_quantile() -> None:
    assert rate(0, 0) is None
    assert rate(1, 3) == D("0.3333")
    assert quantile([], D("0.5")) is None
    assert quantile([D(4)], D("0.9")) == D("4.0")
    assert quantile([D(1), D(2), D(3), D(10)], D("0.5")) == D("2.5")
    assert quantile([D(i) for i in range(1, 11)], D("0.9")) == D("9.1")


def test_days_to_chair_never_negative() -> None:
    assert days_to_chair(ref(1, chair_after=timedelta(days=2, hours=12))) == D("2.50")
    assert days_to_chair(ref(1, chair_after=timedelta(minutes=-5))) == D("0.00")
    assert days_to_chair(ref(1)) is None


def test_rows_per_practice_and_period_with_every_figure() -> None:
    rows = referral_rows([
        ref(1, given_=True, chair_after=timedelta(days=1), pa="approved",
            statuses=("completed",)),
        ref(2, given_=True, chair_after=timedelta(days=3), pa="denied",
            statuses=("no_show", "completed")),
        ref(3, statuses=("no_show", "cancelled", "booked")),
        ref(4, "p-b", pa="approved"),
        ref(5, at=T0 + timedelta(days=7)),  # the next week
    ], tz=TZ, period="week")
    assert [(r.practice_id, r.period_start) for r in rows] == [
        ("p-a", date(2026, 3, 2)), ("p-a", date(2026, 3, 9)), ("p-b", date(2026, 3, 2))]
    a = rows[0]
    assert (a.orders_received, a.converted_to_visits, a.conversion_rate) == (3, 2, D("0.6667"))
    assert (a.reached_chair, a.median_days_to_chair, a.p90_days_to_chair) == (
        2, D("2.0"), D("2.8"))
    # cancelled and booked appointments have not ended for the patient
    assert (a.appointments_ended, a.no_shows, a.no_show_rate) == (4, 2, D("0.5000"))
    assert (a.pa_decided, a.pa_approved, a.pa_approval_rate) == (2, 1, D("0.5000"))
    assert rows[1].orders_received == 1 and rows[1].conversion_rate == D("0")
    assert rows[1].no_show_rate is None and rows[1].median_days_to_chair is None
    assert rows[2].pa_approval_rate == D("1.0000") and rows[2].period_end == date(2026, 3, 8)


def test_periods_follow_the_clinic_day_not_utc() -> None:
    late_sunday = datetime(2026, 3, 9, 3, 0, tzinfo=UTC)  # Sunday 23:00 in New York
    [row] = referral_rows([ref(1, at=late_sunday)], tz=TZ, period="week")
    assert row.period_start == date(2026, 3, 2)
    [row] = referral_rows([ref(1, at=datetime(2026, 4, 1, 2, 0, tzinfo=UTC))], tz=TZ,
                          period="month")
    assert row.period_start == date(2026, 3, 1)  # still March 31 at the clinic


def test_csv_cells_follow_the_columns_with_empty_unknowns() -> None:
    [row] = referral_rows([ref(1)], tz=TZ, period="month")
    out = io.StringIO()
    csv.writer(out).writerows([CSV_COLUMNS, csv_cells(row)])
    parsed = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert parsed == [{**dict.fromkeys(CSV_COLUMNS, ""), "practice_id": "p-a",
                       "period_start": "2026-03-01", "period_end": "2026-03-31",
                       "orders_received": "1", "converted_to_visits": "0",
                       "conversion_rate": "0.0000", "reached_chair": "0",
                       "appointments_ended": "0", "no_shows": "0", "pa_decided": "0",
                       "pa_approved": "0"}]


STATUS = st.sampled_from(["queued", "booked", "checked_in", "in_chair", "completed",
                          "cancelled", "no_show"])
FACTS = st.builds(
    ReferralFacts, order_id=st.uuids().map(str), practice_id=st.sampled_from(["p-a", "p-b"]),
    signed_at=st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2026, 12, 31),
                           timezones=st.just(UTC)),
    administered=st.booleans(),
    first_chair_at=st.none() | st.datetimes(min_value=datetime(2025, 12, 1),
                                            max_value=datetime(2027, 2, 1),
                                            timezones=st.just(UTC)),
    pa_decision=st.sampled_from([None, "approved", "denied"]),
    appointment_statuses=st.lists(STATUS, max_size=4).map(tuple))


@settings(max_examples=150, deadline=None)
@given(st.lists(FACTS, max_size=40), st.sampled_from(["week", "month"]))
def test_rows_are_consistent_whatever_the_facts(facts: list[ReferralFacts],
                                                period: str) -> None:
    rows = referral_rows(facts, tz=TZ, period=period)  # type: ignore[arg-type]
    assert sum(r.orders_received for r in rows) == len(facts)
    assert sum(r.converted_to_visits for r in rows) == sum(f.administered for f in facts)
    assert sum(r.no_shows for r in rows) == sum(
        s == "no_show" for f in facts for s in f.appointment_statuses)
    assert len({(r.practice_id, r.period_start) for r in rows}) == len(rows)
    for r in rows:
        for value in (r.conversion_rate, r.no_show_rate, r.pa_approval_rate):
            assert value is None or D(0) <= value <= D(1)
        assert r.converted_to_visits <= r.orders_received
        assert r.no_shows <= r.appointments_ended and r.pa_approved <= r.pa_decided
        assert r.reached_chair <= r.orders_received
        assert r.period_start <= r.period_end
        assert (r.median_days_to_chair is None) == (r.reached_chair == 0)
        if r.median_days_to_chair is not None:
            assert r.p90_days_to_chair is not None
            assert D(0) <= r.median_days_to_chair <= r.p90_days_to_chair


@settings(max_examples=150, deadline=None)
@given(st.lists(st.decimals(min_value=0, max_value=400, places=2), min_size=1, max_size=30),
       st.decimals(min_value=0, max_value=1, places=2), st.decimals(min_value=0, max_value=1,
                                                                   places=2))
def test_quantiles_stay_within_the_values_and_grow_with_q(values: list[D], q1: D, q2: D) -> None:
    low, high = sorted((q1, q2))
    a, b = quantile(values, low), quantile(values, high)
    assert a is not None and b is not None
    assert min(values).quantize(D("0.1")) <= a <= b <= max(values).quantize(D("0.1"))

