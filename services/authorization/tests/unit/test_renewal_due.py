"""The renewal worklist's due date: the last day a renewal sent at close of business is decided,
by the payer's standard clock, before the visit's day starts; a payer with no clock uses the
default days. A table of cases, then a property against the deadlines module itself."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from authorization.domain.deadlines import (
    DEFAULT_TIME_FRAMES,
    DecisionTimeFrames,
    HolidayCalendar,
    TimeFrame,
    compute_due_at,
)
from authorization.domain.renewals import renewal_due_on

TZ = ZoneInfo("America/New_York")
HARBOR = DecisionTimeFrames(  # payers.json: Harbor Health, 5 calendar days, rolled
    standard=TimeFrame(amount=5, unit="calendar_days", roll_to_business_day=True),
    expedited=TimeFrame(amount=72, unit="hours"))


@pytest.mark.parametrize(("visit", "frames", "due"), [
    # MA 72 h elapsed: sent Fri 17:00 -> decided Mon 17:00 > Mon 00:00, so Thu (Sun 17:00)
    (date(2027, 3, 15), DEFAULT_TIME_FRAMES["medicare_advantage"], date(2027, 3, 11)),
    # Medicaid 24 h: the day before the day before
    (date(2027, 3, 17), DEFAULT_TIME_FRAMES["medicaid"], date(2027, 3, 15)),
    # commercial 3 business days: visit Mon 3/15 -> sent Tue 3/9 is decided Fri 3/12 17:00
    (date(2027, 3, 15), DEFAULT_TIME_FRAMES["commercial"], date(2027, 3, 9)),
    # 5 calendar days rolled to a business day: visit Wed 3/17 -> sent Thu 3/11 is due Tue 3/16
    (date(2027, 3, 17), HARBOR, date(2027, 3, 11)),
    # no PA clock on file (Medicare FFS): the default 7 days
    (date(2027, 3, 15), None, date(2027, 3, 8)),
])
def test_due_table(visit, frames, due):
    assert renewal_due_on(visit, frames, TZ) == due


def test_default_days_is_a_setting():
    assert renewal_due_on(date(2027, 3, 15), None, TZ, default_days=14) == date(2027, 3, 1)


def test_a_holiday_moves_a_business_day_clock_earlier():
    visit = date(2027, 7, 6)  # Tuesday after the July 4th (observed Mon 7/5) weekend
    plain = renewal_due_on(visit, DEFAULT_TIME_FRAMES["commercial"], TZ,
                           HolidayCalendar(federal=False))
    federal = renewal_due_on(visit, DEFAULT_TIME_FRAMES["commercial"], TZ, HolidayCalendar())
    assert federal < plain


FRAMES = st.sampled_from([f for f in DEFAULT_TIME_FRAMES.values() if f] + [HARBOR])


@given(visit=st.dates(min_value=date(2026, 1, 1), max_value=date(2029, 12, 31)),
       frames=FRAMES)
def test_due_is_the_last_day_that_is_in_time(visit, frames):
    due = renewal_due_on(visit, frames, TZ)
    starts = datetime.combine(visit, time(0), tzinfo=TZ)

    def decided(d: date) -> datetime:
        sent = datetime.combine(d, frames.standard.close_of_business, tzinfo=TZ)
        return compute_due_at(sent, frames.standard, TZ, HolidayCalendar())

    assert due < visit
    assert decided(due) <= starts  # in time
    assert all(decided(d) > starts  # and every later day is too late
               for d in (due + timedelta(days=k) for k in range(1, (visit - due).days)))
