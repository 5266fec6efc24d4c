"""Due times across weekends, holidays and DST changes (America/New_York).

2026: DST starts Sun Mar 8 (02:00 EST -> 03:00 EDT), ends Sun Nov 1 (02:00 EDT -> 01:00 EST).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from authorization.domain.deadlines import (
    DEFAULT_TIME_FRAMES,
    DecisionTimeFrames,
    HolidayCalendar,
    TimeFrame,
    compute_due_at,
    is_overdue,
    time_frames_for,
    us_federal_holidays,
)

NY = ZoneInfo("America/New_York")
LA = ZoneInfo("America/Los_Angeles")


def ny(y, mo, d, h=0, mi=0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=NY)


def utc(y, mo, d, h=0, mi=0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=UTC)


H72 = TimeFrame(amount=72, unit="hours")
H24 = TimeFrame(amount=24, unit="hours")
H24_BUSINESS = TimeFrame(amount=24, unit="hours", count_non_business_days=False)
BD3 = TimeFrame(amount=3, unit="business_days")
BD1 = TimeFrame(amount=1, unit="business_days")
CD7 = TimeFrame(amount=7, unit="calendar_days")
CD5_ROLL = TimeFrame(amount=5, unit="calendar_days", roll_to_business_day=True)


@pytest.mark.parametrize(
    "received, frame, expected, why",
    [
        # --- elapsed hours: weekends and holidays count
        (ny(2026, 1, 9, 16), H72, utc(2026, 1, 12, 21), "Fri 4pm + 72h = Mon 4pm EST"),
        (ny(2026, 12, 24, 10), H24, utc(2026, 12, 25, 15), "Christmas Eve + 24h lands on Christmas"),
        (ny(2026, 3, 6, 10), H72, utc(2026, 3, 9, 15), "across spring-forward: 72 elapsed h = 11am EDT"),
        (ny(2026, 10, 30, 10), H72, utc(2026, 11, 2, 14), "across fall-back: 72 elapsed h = 9am EST"),
        (ny(2026, 3, 7, 12), H24, utc(2026, 3, 8, 17), "24h across the 23-hour day = 1pm EDT"),
        # --- business hours: the clock stops on weekends and holidays
        (ny(2026, 1, 9, 16), H24_BUSINESS, utc(2026, 1, 12, 21), "Fri 4pm: 8h Fri + 16h Mon"),
        (ny(2026, 1, 16, 12), H24_BUSINESS, utc(2026, 1, 20, 17),
         "Fri noon; Sat, Sun, MLK Mon skipped -> Tue noon"),
        (ny(2026, 3, 6, 12), H24_BUSINESS, utc(2026, 3, 9, 16),
         "Fri noon EST -> Mon noon EDT (12 + 12 business hours)"),
        # --- business days: receipt day does not count; due at 17:00 local
        (ny(2026, 1, 5, 9), BD3, utc(2026, 1, 8, 22), "Mon -> Thu 5pm EST"),
        (ny(2026, 1, 9, 9), BD3, utc(2026, 1, 14, 22), "Fri -> Wed (weekend skipped)"),
        (ny(2026, 1, 10, 9), BD1, utc(2026, 1, 12, 22), "received Saturday -> Monday 5pm"),
        (ny(2026, 11, 24, 9), BD3, utc(2026, 11, 30, 22), "Tue before Thanksgiving -> Mon 11/30"),
        (ny(2026, 12, 23, 9), BD3, utc(2026, 12, 29, 22), "Christmas Fri skipped -> Tue 12/29"),
        (ny(2026, 12, 30, 9), BD3, utc(2027, 1, 5, 22), "New Year's Day 2027 (Fri) skipped"),
        (ny(2026, 7, 2, 9), BD1, utc(2026, 7, 6, 21), "July 4 (Sat) observed Fri 7/3 -> Mon 5pm EDT"),
        (ny(2026, 6, 18, 9), BD1, utc(2026, 6, 22, 21), "Juneteenth Fri skipped"),
        (ny(2026, 3, 5, 9), BD3, utc(2026, 3, 10, 21), "Thu EST -> Tue 5pm EDT = 21:00Z"),
        (ny(2026, 10, 30, 9), BD3, utc(2026, 11, 4, 22), "Fri EDT -> Wed 5pm EST = 22:00Z"),
        (ny(2026, 11, 10, 9), BD1, utc(2026, 11, 12, 22), "Veterans Day Wed skipped"),
        # --- calendar days keep the local time of day, even across DST
        (ny(2026, 3, 5, 10), CD7, utc(2026, 3, 12, 14), "10am EST + 7 days = 10am EDT"),
        (ny(2026, 10, 29, 10), CD7, utc(2026, 11, 5, 15), "10am EDT + 7 days = 10am EST"),
        # --- calendar days rolled forward off weekends/holidays to close of business
        (ny(2026, 1, 5, 10), CD5_ROLL, utc(2026, 1, 12, 22), "Mon + 5 = Sat -> Mon 5pm"),
        (ny(2026, 11, 21, 10), CD5_ROLL, utc(2026, 11, 27, 22), "Sat + 5 = Thanksgiving -> Fri 5pm"),
        (ny(2026, 1, 6, 10), CD5_ROLL, utc(2026, 1, 12, 22), "Tue + 5 = Sun -> Mon 5pm"),
    ],
)
def test_due_time_table(received, frame, expected, why):
    assert compute_due_at(received, frame, NY) == expected, why


def test_result_is_utc_and_naive_input_rejected():
    due = compute_due_at(ny(2026, 1, 5, 9), BD1, NY)
    assert due.tzinfo == UTC
    with pytest.raises(ValueError, match="timezone-aware"):
        compute_due_at(datetime(2026, 1, 5, 9), BD1, NY)


def test_practice_zone_decides_the_business_day():
    # 23:30 in Los Angeles on Friday is already Saturday in UTC and New York.
    received = datetime(2026, 1, 9, 23, 30, tzinfo=LA)
    assert compute_due_at(received, BD1, LA) == datetime(2026, 1, 12, 17, tzinfo=LA)
    assert compute_due_at(received, BD1, NY) == datetime(2026, 1, 12, 17, tzinfo=NY)


def test_calendar_day_due_in_spring_forward_gap_lands_after_the_gap():
    # 02:30 on Mar 8, 2026 does not exist in New York; the clock shows 03:30 EDT instead.
    received = ny(2026, 3, 1, 2, 30)
    due = compute_due_at(received, CD7, NY)
    assert due == utc(2026, 3, 8, 7, 30)
    assert due.astimezone(NY).hour == 3


def test_payer_extra_closed_days():
    cal = HolidayCalendar(extra=[date(2026, 1, 6)])
    assert compute_due_at(ny(2026, 1, 5, 9), BD1, NY, cal) == utc(2026, 1, 7, 22)


@pytest.mark.parametrize(
    "year, expected",
    [
        (2026, {date(2026, 1, 1), date(2026, 1, 19), date(2026, 2, 16), date(2026, 5, 25),
                date(2026, 6, 19), date(2026, 7, 3), date(2026, 9, 7), date(2026, 10, 12),
                date(2026, 11, 11), date(2026, 11, 26), date(2026, 12, 25)}),
        # Jan 1 2022 was a Saturday: observed Fri Dec 31 2021; Christmas 2022 Sun -> Mon 26.
        (2021, {date(2021, 1, 1), date(2021, 1, 18), date(2021, 2, 15), date(2021, 5, 31),
                date(2021, 6, 18), date(2021, 7, 5), date(2021, 9, 6), date(2021, 10, 11),
                date(2021, 11, 11), date(2021, 11, 25), date(2021, 12, 24), date(2021, 12, 31)}),
        (2022, {date(2022, 1, 17), date(2022, 2, 21), date(2022, 5, 30), date(2022, 6, 20),
                date(2022, 7, 4), date(2022, 9, 5), date(2022, 10, 10), date(2022, 11, 11),
                date(2022, 11, 24), date(2022, 12, 26)}),
    ],
)
def test_us_federal_holidays(year, expected):
    assert us_federal_holidays(year) == expected


def test_no_juneteenth_before_2021():
    assert date(2020, 6, 19) not in us_federal_holidays(2020)


def test_default_frames_per_payer_type():
    ma = time_frames_for("medicare_advantage")
    assert ma.standard == TimeFrame(amount=72, unit="hours")
    assert ma.expedited == TimeFrame(amount=24, unit="hours")
    assert time_frames_for("medicare_ffs") is None
    assert time_frames_for("medicaid").standard.amount == 24
    override = DecisionTimeFrames(standard=CD7, expedited=H72)
    assert time_frames_for("medicare_advantage", override) is override
    assert set(DEFAULT_TIME_FRAMES) == {"medicare_ffs", "medicare_advantage", "medicaid",
                                        "commercial", "qhp_exchange"}


def test_invalid_frames_rejected():
    with pytest.raises(ValidationError):
        TimeFrame(amount=0, unit="hours")
    with pytest.raises(ValidationError):
        TimeFrame(amount=3, unit="fortnights")
    with pytest.raises(ValidationError, match="longer than the standard"):
        DecisionTimeFrames(standard=H24, expedited=H72)


def test_overdue():
    due = utc(2026, 1, 5, 12)
    assert not is_overdue(due, due)
    assert is_overdue(due, due + timedelta(seconds=1))
    assert not is_overdue(None, due)


# --------------------------------------------------------------------------- properties
moments = st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2028, 12, 31),
                       timezones=st.just(UTC))


@settings(max_examples=300, deadline=None)
@given(received=moments, amount=st.integers(1, 15))
def test_business_days_due_on_a_business_day_at_close(received, amount):
    cal = HolidayCalendar()
    due = compute_due_at(received, TimeFrame(amount=amount, unit="business_days"), NY, cal)
    local = due.astimezone(NY)
    assert cal.is_business_day(local.date())
    assert local.time() == time(17, 0)
    assert due > received
    # exactly `amount` business days lie after the receipt day up to and including the due day
    d, count = received.astimezone(NY).date(), 0
    while d < local.date():
        d += timedelta(days=1)
        count += cal.is_business_day(d)
    assert count == amount


@settings(max_examples=300, deadline=None)
@given(received=moments, hours=st.integers(1, 200))
def test_elapsed_hours_are_exact_and_business_hours_never_earlier(received, hours):
    exact = compute_due_at(received, TimeFrame(amount=hours, unit="hours"), NY)
    assert exact - received == timedelta(hours=hours)
    business = compute_due_at(
        received, TimeFrame(amount=hours, unit="hours", count_non_business_days=False), NY)
    assert business >= exact


@settings(max_examples=200, deadline=None)
@given(received=moments, days=st.integers(1, 30))
def test_calendar_days_keep_local_date_distance(received, days):
    due = compute_due_at(received, TimeFrame(amount=days, unit="calendar_days"), NY)
    assert (due.astimezone(NY).date() - received.astimezone(NY).date()).days == days
