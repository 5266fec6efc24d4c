"""Staffing forecast routes: RNs needed per 15 minutes for a week vs the roster, as JSON and as
an SVG chart (service/staffing.py; the §7 rule in domain/staffing.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Query, Response

from chairside_shared.inputs import Day
from scheduling.domain.staffing import SECTION_7_CLASS
from scheduling.entrypoints.api import staffing_schemas as s
from scheduling.entrypoints.api.deps import NowDep, UoWDep
from scheduling.entrypoints.api.staffing_svg import render_week_svg
from scheduling.service.staffing import StaffingDay, StaffingWeek, staffing_week

router = APIRouter(prefix="/v1/staffing", tags=["staffing"])
WEEK = Query(description="the Monday the week starts on (YYYY-MM-DD), in the clinic's time")
SVG: dict[int | str, dict[str, Any]] = {
    200: {"content": {"image/svg+xml": {"schema": {"type": "string"}}}}}


def _t(d: StaffingDay, minute: int) -> datetime:
    assert d.frame is not None
    return d.frame.at(minute)


def _summary(w: StaffingWeek) -> list[str]:
    lines, zone = [], ZoneInfo(w.timezone)
    for d in w.days:
        for x in d.shifts:
            local = [_t(d, m).astimezone(zone) for m in (x.lo, x.hi)]
            lines.append(f"{d.day:%a %d %b} {local[0]:%H:%M}-{local[1]:%H:%M}: add {x.nurses} "
                         f"RN{'s' if x.nurses > 1 else ''}")
    return lines or ["the roster covers the forecast demand: no extra shift needed"]


def forecast_out(w: StaffingWeek) -> s.StaffingForecastOut:
    policy = w.rule.policy
    return s.StaffingForecastOut(
        week=w.week, timezone=w.timezone,
        model=s.ForecastModelOut(method=w.forecast.method, detail=w.forecast.detail,
                                 history_days=w.forecast.history_days,
                                 history_from=w.history_from, history_to=w.history_to,
                                 percentile=w.options.percentile),
        rule=s.RuleOut(units_per_nurse=w.rule.units_per_nurse,
                       weights={c: policy.weight(c) for c in policy.ratios},
                       section7_classes={c: SECTION_7_CLASS.get(c, "custom")
                                         for c in policy.ratios},
                       whole_nurse_classes=sorted(c for c in policy.ratios
                                                  if w.rule.whole_nurse(c)),
                       charge_census=w.rule.charge_census),
        totals=s.TotalsOut(**vars(w.totals)),
        recommendation=s.RecommendationOut(
            summary=_summary(w),
            shifts=[s.ShiftOut(date=d.day, start=_t(d, x.lo), end=_t(d, x.hi), nurses=x.nurses)
                    for d in w.days for x in d.shifts],
            hourly=[s.HourOut(date=d.day, weekday=f"{d.day:%A}", start=_t(d, h.lo),
                              end=_t(d, h.hi), needed=h.needed, needed_booked=h.needed_booked,
                              rostered=h.rostered, gap=h.gap)
                    for d in w.days for h in d.hours]),
        days=[s.DayOut(
            date=d.day, closed=d.frame is None, booked_visits=d.booked_visits,
            forecast_visits=d.forecast_visits, planned_visits=d.planned_visits,
            extra_visits=d.extra_visits, peak_gap=max((b.gap for b in d.buckets), default=0),
            buckets=[s.BucketOut(start=_t(d, b.lo), end=_t(d, b.hi),
                                 load_units=b.booked.load_units, starts=b.booked.starts,
                                 high=b.booked.high, census=b.booked.census,
                                 expected_load_units=b.expected.load_units,
                                 needed_booked=b.needed_booked, needed=b.needed,
                                 rostered=b.rostered, gap=b.gap) for b in d.buckets],
            alerts=[s.AlertOut(start=_t(d, a.lo), end=_t(d, a.hi), needed=a.needed,
                               rostered=a.rostered, gap=a.gap, booked=a.booked)
                    for a in d.alerts]) for d in w.days])


@router.get("/forecast", response_model=s.StaffingForecastOut,
            summary="RNs needed per 15 minutes for a week (booked visits + demand forecast) "
                    "vs rostered shifts: gaps, alerts and a weekly recommendation")
async def staffing_forecast(uow: UoWDep, now: NowDep,
                   week: Annotated[Day, WEEK]) -> s.StaffingForecastOut:
    return forecast_out(await staffing_week(uow=uow, week=week, now=now))


@router.get("/forecast.svg", response_class=Response, responses=SVG,
            summary="The week's staffing forecast as an SVG chart (needed vs rostered RNs)")
async def staffing_forecast_svg(uow: UoWDep, now: NowDep, week: Annotated[Day, WEEK]) -> Response:
    svg = render_week_svg(await staffing_week(uow=uow, week=week, now=now))
    return Response(svg, media_type="image/svg+xml")
