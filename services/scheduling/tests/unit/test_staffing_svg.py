"""The staffing chart (entrypoints/api/staffing_svg.py) is well-formed SVG carrying the data."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta

from sched_helpers import FRAME, RATIOS, shift

from scheduling.domain.staffing import StaffingRule, Stay, day_staffing
from scheduling.domain.staffing_plan import StaffingOptions, alerts, hourly, totals
from scheduling.entrypoints.api.staffing_svg import render_week_svg
from scheduling.forecasting.daily import DailyForecast
from scheduling.service.staffing import StaffingDay, StaffingWeek

NS = "{http://www.w3.org/2000/svg}"
RULE = StaffingRule(RATIOS)
MONDAY = FRAME.day - timedelta(days=1)


def week(days: list[StaffingDay], tz: str = "America/New_York") -> StaffingWeek:
    return StaffingWeek(week=MONDAY, timezone=tz, rule=RULE, options=StaffingOptions(),
                        forecast=DailyForecast("none", "x", 0, 0.8), history_from=MONDAY,
                        history_to=MONDAY, days=days, totals=totals([d.buckets for d in days]))


def closed(day: date) -> StaffingDay:
    return StaffingDay(day=day, frame=None, buckets=[], alerts=[], hours=[], shifts=[],
                       booked_visits=0, forecast_visits=0, planned_visits=0, extra_visits=0)


def test_each_bucket_carries_its_figures_and_gaps_are_shaded():
    buckets = day_staffing(FRAME, [Stay(-60, 135, "high")] * 2 + [Stay(-60, 135, "standard")]
                           * 10, [shift(i, 0, 600) for i in range(3)], RULE)
    tuesday = StaffingDay(day=FRAME.day, frame=FRAME, buckets=buckets, alerts=alerts(buckets),
                          hours=hourly(buckets), shifts=[], booked_visits=12,
                          forecast_visits=4, planned_visits=5.5, extra_visits=0)
    root = ET.fromstring(render_week_svg(week([closed(MONDAY), tuesday])))
    assert root.get("data-week") == MONDAY.isoformat()
    [g] = root.findall(f"{NS}g[@class='day']")  # closed days get no panel
    cells = g.findall(f"{NS}rect[@class='bucket']")
    assert len(cells) == 40
    ten = next(c for c in cells if c.get("data-start") == FRAME.at(120).isoformat())
    assert (ten.get("data-needed"), ten.get("data-rostered"), ten.get("data-gap")) == \
        ("5", "3", "2")
    gaps = g.findall(f"{NS}rect[@class='gap']")
    assert len(gaps) == 9  # 08:00-10:15, the gap of 2 RNs
    assert all(float(r.get("height")) > 0 for r in gaps)
    lines = {p.get("class"): p.get("points").split() for p in g.findall(f"{NS}polyline")}
    assert set(lines) == {"needed", "needed-booked", "rostered"}
    assert all(len(v) == 80 for v in lines.values())  # two points per bucket
    # the rostered line is flat (3 RNs all day): one y value
    assert len({pt.split(",")[1] for pt in lines["rostered"]}) == 1
    assert "Tue 04 Mar: 12 booked, plan 5.5" in ET.tostring(g, encoding="unicode")


def test_a_week_closed_throughout_is_still_a_chart_saying_so():
    svg = render_week_svg(week([closed(MONDAY + timedelta(days=i)) for i in range(7)],
                               tz="Etc/<UTC>"))
    root = ET.fromstring(svg)  # the time zone's "<" is escaped
    assert root.findall(f"{NS}g") == []
    assert "closed all week" in svg and "Etc/&lt;UTC&gt;" in svg
