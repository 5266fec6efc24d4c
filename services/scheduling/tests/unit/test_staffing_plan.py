"""From buckets to a manager's plan: the demand profile, alerts, hourly needs, suggested
shifts (domain/staffing_plan.py) and the daily visit forecast (forecasting/daily.py)."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sched_helpers import FRAME, RATIOS

from scheduling.domain.staffing import BucketStaffing, Demand, StaffingRule, Stay, day_staffing
from scheduling.domain.staffing_plan import (
    HistoryDay,
    Profile,
    alerts,
    hourly,
    suggest_shifts,
    totals,
)
from scheduling.forecasting.daily import MIN_DAYS_ETS, forecast_daily

RULE = StaffingRule(RATIOS)
MONDAY = date(2025, 3, 3)


def buckets(needed: list[int], rostered: list[int] | None = None,
            booked: list[int] | None = None) -> list[BucketStaffing]:
    rostered = rostered or [0] * len(needed)
    booked = booked or [0] * len(needed)
    return [BucketStaffing(lo=15 * i, hi=15 * i + 15, booked=Demand(), expected=Demand(),
                           needed_booked=booked[i], needed=n, rostered=rostered[i])
            for i, n in enumerate(needed)]


def test_profile_learns_demand_per_visit_per_weekday_and_scales_it():
    # Mondays: 2 visits, 4 load units in bucket 0 and 2 in bucket 1 (per visit: 2 and 1)
    mondays = [HistoryDay(MONDAY + timedelta(weeks=w), 2,
                          [Demand(4, 2, 0, 2), Demand(2, 0, 0, 1)]) for w in range(3)]
    tuesday = HistoryDay(MONDAY + timedelta(days=1), 1, [Demand(4, 1, 1, 1)])
    p = Profile.learn([*mondays, tuesday])
    assert p.per_visit[0] == [(2.0, 1.0, 0.0, 1.0), (1.0, 0.0, 0.0, 0.5)]
    assert p.extra(0, 3, 3) == [Demand(6, 3, 0, 3), Demand(3, 0, 0, 2), Demand()]  # 1.5 → 2
    assert p.extra(1, 0.4, 1) == [Demand(2, 0, 0, 0)]  # 0.4 of an H patient rounds to none
    assert p.extra(1, 0.5, 1) == [Demand(2, 1, 1, 1)]  # half up
    assert p.extra(0, 0, 2) == [Demand(), Demand()]
    # a weekday without history borrows the pooled shape (7 visits in all)
    assert p.extra(3, 7, 1) == [Demand(16, 7, 1, 7)]
    assert Profile.learn([]).extra(0, 5, 2) == [Demand(), Demand()]


def test_profile_from_stays_counts_no_shows_as_visits_without_load():
    stays = [Stay(60, 180, "elevated")]  # one completed visit; a second was a no-show
    demand = [b.booked for b in day_staffing(FRAME, stays, [], RULE)]
    p = Profile.learn([HistoryDay(MONDAY, 2, demand)])
    assert p.per_visit[0][4] == (1.0, 0.5, 0.0, 0.5)  # 09:00: half a start per booked visit


@pytest.mark.parametrize(("needed", "rostered", "booked", "expected"), [
    ([1, 1, 1], [1, 1, 1], None, []),
    ([2, 3, 1, 2], [1, 1, 1, 1], None, [(0, 30, 3, 1, 2, False), (45, 60, 2, 1, 1, False)]),
    ([2, 1, 2], [1, 1, 1], [2, 0, 0], [(0, 15, 2, 1, 1, True), (30, 45, 2, 1, 1, False)]),
    ([0, 5], [0, 3], [0, 5], [(15, 30, 5, 3, 2, True)]),
])
def test_alerts_table(needed, rostered, booked, expected):
    got = alerts(buckets(needed, rostered, booked))
    assert [(a.lo, a.hi, a.needed, a.rostered, a.gap, a.booked) for a in got] == expected


def test_hourly_takes_the_most_needed_and_the_fewest_rostered():
    hours = hourly(buckets([1, 3, 2, 1, 0, 0, 1, 0], [2, 2, 1, 2, 1, 1, 1, 1]))
    assert [(h.lo, h.hi, h.needed, h.rostered, h.gap) for h in hours] == [
        (0, 60, 3, 1, 2), (60, 120, 1, 1, 0)]


@pytest.mark.parametrize(("gaps", "min_minutes", "expected"), [
    ([0, 0, 0], 60, []),
    ([1, 1, 0, 0, 0, 0, 0, 0], 60, [(0, 60, 1)]),  # widened to an hour, later first
    ([0] * 38 + [2, 1], 60, [(540, 600, 2)]),  # at closing: widened earlier
    ([0] * 37 + [1, 2, 1], 120, [(480, 600, 2)]),  # layers 555-600 and 570-585 widened
    ([1, 0, 0, 0, 0, 0, 1, 0], 30, [(0, 30, 1), (90, 120, 1)]),
])
def test_suggest_shifts_table(gaps, min_minutes, expected):
    got = suggest_shifts(FRAME, buckets(gaps), min_minutes)
    assert [(s.lo, s.hi, s.nurses) for s in got] == expected


@given(st.lists(st.integers(0, 4), min_size=1, max_size=40), st.sampled_from([15, 60, 240]))
def test_suggested_shifts_close_every_gap(gaps, min_minutes):
    day = buckets(gaps + [0] * (40 - len(gaps)))
    shifts = suggest_shifts(FRAME, day, min_minutes)
    for b in day:
        cover = sum(s.nurses for s in shifts if s.lo <= b.lo and b.hi <= s.hi)
        assert cover >= b.gap
    assert all(s.hi - s.lo >= min(min_minutes, FRAME.close) for s in shifts)
    assert all(0 <= s.lo < s.hi <= FRAME.close for s in shifts)


def test_totals_count_shortfalls_without_offsetting_surpluses():
    t = totals([buckets([2, 0], [1, 3]), buckets([4], [1])])
    assert (t.rn_hours_needed, t.rn_hours_rostered, t.rn_hours_short) == (1.5, 1.25, 1.0)
    assert (t.peak_gap, t.short_buckets) == (3, 2)


# ---------------------------------------------------------------- the daily visit forecast
def weekly(weeks: int, noise: float = 1.0, seed: int = 3) -> list[float]:
    rng, base = random.Random(seed), [10, 14, 12, 12, 8, 0, 0]
    return [max(0.0, base[i % 7] + (rng.gauss(0, noise) if base[i % 7] else 0))
            for i in range(weeks * 7)]


def test_ets_forecast_follows_the_weekly_pattern_and_its_percentile_is_above():
    f = forecast_daily(weekly(16), 7, 0.8)
    assert f.method == "ets" and "ETSModel" in f.detail and f.history_days == 112
    assert [round(v) for v in f.point] == [10, 14, 12, 12, 8, 0, 0]
    assert all(u > p for u, p in zip(f.upper, f.point, strict=True))
    assert all(u - p < 3 for u, p in zip(f.upper, f.point, strict=True))  # noise σ = 1
    higher = forecast_daily(weekly(16), 7, 0.95)
    assert all(h > u for h, u in zip(higher.upper, f.upper, strict=True))


def test_a_level_shift_moves_the_forecast():
    history = weekly(10) + [v * 1.5 for v in weekly(6, seed=4)]
    f = forecast_daily(history, 7, 0.8)
    assert f.method == "ets" and f.point[1] > 17  # Tuesdays now about 21, were 14


def test_short_history_falls_back_to_weekday_means_then_to_nothing():
    f = forecast_daily(weekly(2, noise=0.3), 7, 0.8)
    assert MIN_DAYS_ETS > 14 and f.method == "weekday-mean"
    assert [round(v) for v in f.point] == [10, 14, 12, 12, 8, 0, 0]
    assert f.upper[5] == 0 and f.upper[1] >= f.point[1]
    none = forecast_daily(weekly(2)[:5], 3, 0.8)
    assert none.method == "none" and none.point == none.upper == [0.0, 0.0, 0.0]
    empty = forecast_daily([0.0] * 60, 2, 0.8)
    assert empty.method == "weekday-mean" and empty.detail.startswith("no visit in 60 days")
    assert f.detail.startswith("14 days of history: fewer than 21")


def test_the_forecast_starts_on_the_day_after_the_history():
    history = weekly(8, noise=0.3)[:-3]  # ends on a Thursday: the horizon starts on Friday
    f = forecast_daily(history, 3, 0.5)
    assert [round(v) for v in f.point] == [8, 0, 0] and f.upper == f.point


def test_percentile_outside_the_range_is_refused():
    with pytest.raises(ValueError, match="percentile"):
        forecast_daily(weekly(4), 7, 0.3)
