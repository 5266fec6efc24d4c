"""The staffing forecast of a week: RNs needed per 15 minutes against the roster.

Reads (one transaction, nothing written): clinic hours, ratio policy, the week's shifts and
visits on the books, and past visits. Then, outside the transaction:

1. visits per calendar day in the history window (completed and no-shows: what was on the
   books), holidays on usually-open weekdays filled with that weekday's mean, are forecast
   for the days up to the week's end (forecasting/daily.py, statsmodels ETS);
2. a profile of demand per visit per weekday and bucket is learned from the completed visits'
   real chair times (domain/staffing_plan.py);
3. for each open day of the week from today on, the visits expected at the planned percentile
   beyond those already booked become expected extra demand per bucket; the booked visits are
   a floor the forecast only adds to;
4. the §7 rule per bucket against the rostered RNs (domain/staffing.py), alerts, hourly
   needs and suggested extra shifts.
"""

from __future__ import annotations

import asyncio
import statistics
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from scheduling.adapters.staffing import PastVisit, SqlStaffingHistory
from scheduling.domain.appointment import Appointment, Status
from scheduling.domain.clinic import ClinicHours, DayFrame, NurseShift
from scheduling.domain.errors import InvalidInput
from scheduling.domain.staffing import BucketStaffing, StaffingRule, Stay, day_staffing
from scheduling.domain.staffing_plan import (
    Alert,
    HistoryDay,
    HourNeed,
    Profile,
    ShiftSuggestion,
    StaffingOptions,
    WeekTotals,
    alerts,
    hourly,
    suggest_shifts,
    totals,
)
from scheduling.forecasting.daily import DailyForecast, forecast_daily
from scheduling.service.uow import SchedulingUnitOfWork

MAX_DAYS_AHEAD = 366  # a forecast further out is noise (and costs a long horizon)


@dataclass(frozen=True)
class StaffingDay:
    day: date
    frame: DayFrame | None  # None: closed
    buckets: list[BucketStaffing]
    alerts: list[Alert]
    hours: list[HourNeed]
    shifts: list[ShiftSuggestion]
    booked_visits: int
    forecast_visits: float  # the model's point forecast of the day's visits
    planned_visits: float  # its percentile: what the staffing plans for
    extra_visits: float  # planned beyond what is booked (0 for days already past)


@dataclass(frozen=True)
class StaffingWeek:
    week: date
    timezone: str
    rule: StaffingRule
    options: StaffingOptions
    forecast: DailyForecast
    history_from: date
    history_to: date  # exclusive
    days: list[StaffingDay]
    totals: WeekTotals


def check_week(week: date) -> None:
    if week.weekday() != 0:
        raise InvalidInput(f"week must be a Monday; {week.isoformat()} is a "
                           f"{week.strftime('%A')}", field="week")


async def staffing_week(*, uow: SchedulingUnitOfWork, week: date,
                        now: datetime) -> StaffingWeek:
    check_week(week)
    opts = uow.options.staffing
    async with uow:
        hours = await uow.config.hours()
        rule = StaffingRule(await uow.config.ratio_policy(hours.state), opts.charge_census)
        today = hours.local_date(now)
        if (week - today).days > MAX_DAYS_AHEAD:
            raise InvalidInput(f"week must start within {MAX_DAYS_AHEAD} days from today",
                               field="week")
        hist_to = min(today, week)
        hist_from = hist_to - timedelta(days=opts.history_days)
        past = await SqlStaffingHistory(uow.session).past_visits(
            hours.local_instant(hist_from, time(0)), hours.local_instant(hist_to, time(0)))
        lo = hours.local_instant(week, time(0))
        hi = hours.local_instant(week + timedelta(days=7), time(0))
        shifts = await uow.config.shifts(lo - timedelta(days=1), hi)
        booked = await uow.appointments.overlapping(lo, hi)
    counts, history = _history(hours, past, hist_from, hist_to, rule)
    end = week + timedelta(days=7)
    forecast = await asyncio.to_thread(forecast_daily, counts, (end - hist_to).days,
                                       opts.percentile)
    profile = Profile.learn(history)
    days = []
    for i in range(7):
        day = week + timedelta(days=i)
        h = (day - hist_to).days
        days.append(_day(hours, day, booked, shifts, rule, opts, profile,
                         forecast.point[h], forecast.upper[h], future=day >= today))
    return StaffingWeek(week=week, timezone=hours.timezone, rule=rule, options=opts,
                        forecast=forecast, history_from=hist_from, history_to=hist_to,
                        days=days, totals=totals([d.buckets for d in days]))


def _stay(frame: DayFrame, start: datetime, end: datetime, acuity: str) -> Stay:
    return Stay(frame.minute_floor(start), frame.minute_ceil(end), acuity)


def _history(hours: ClinicHours, past: list[PastVisit], first: date, last: date,
             rule: StaffingRule) -> tuple[list[float], list[HistoryDay]]:
    """Visits per calendar day (holidays filled) and each open day's demand profile input."""
    per_day: dict[date, list[PastVisit]] = {}
    for v in past:
        per_day.setdefault(hours.local_date(v.start), []).append(v)
    span = [first + timedelta(days=i) for i in range((last - first).days)]
    usual = {d: float(len(per_day.get(d, []))) for d in span if d not in hours.closed_dates}
    counts = []
    for d in span:
        if d in usual:
            counts.append(usual[d])
        else:  # a holiday: the weekday's mean, so one closed Monday is not a trend
            same = [c for k, c in usual.items() if k.weekday() == d.weekday()]
            counts.append(statistics.fmean(same) if same else 0.0)
    days = []
    for d in span:
        frame = hours.frame(d)
        visits = per_day.get(d, [])
        if frame is None or not visits:
            continue
        stays = [_stay(frame, v.started_at or v.start, v.completed_at or v.end, v.acuity_class)
                 for v in visits if v.status == Status.COMPLETED]
        demand = [b.booked for b in day_staffing(frame, stays, [], rule)]
        days.append(HistoryDay(day=d, visits=len(visits), buckets=demand))
    return counts, days


def _day(hours: ClinicHours, day: date, booked: list[Appointment], shifts: list[NurseShift],
         rule: StaffingRule, opts: StaffingOptions, profile: Profile, point: float,
         planned: float, *, future: bool) -> StaffingDay:
    frame = hours.frame(day)
    if frame is None:
        return StaffingDay(day=day, frame=None, buckets=[], alerts=[], hours=[], shifts=[],
                           booked_visits=0, forecast_visits=0.0, planned_visits=0.0,
                           extra_visits=0.0)
    mine = [(a, a.start, a.end) for a in booked if a.start is not None and a.end is not None
            and hours.local_date(a.start) == day]
    stays = [_stay(frame, a.started_at or start, a.completed_at or end, a.acuity_class)
             for a, start, end in mine]
    extra_visits = max(0.0, planned - len(mine)) if future else 0.0
    n_buckets = -(-frame.close // 15)
    extra = profile.extra(day.weekday(), extra_visits, n_buckets)
    buckets = day_staffing(frame, stays, shifts, rule, extra)
    return StaffingDay(
        day=day, frame=frame, buckets=buckets, alerts=alerts(buckets), hours=hourly(buckets),
        shifts=suggest_shifts(frame, buckets, opts.min_shift_minutes), booked_visits=len(mine),
        forecast_visits=round(point, 2), planned_visits=round(planned, 2),
        extra_visits=round(extra_visits, 2))
