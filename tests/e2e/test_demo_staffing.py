"""``make demo``'s staffing summary (bench/demo_staffing.py), on a forecast document shaped
like GET /v1/staffing/forecast's."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

import pytest
from rich.console import Console

from bench import demo_staffing
from bench.api import Gateway

# It plans days or forecasts staffing (valid requests): the scheduling service preloads
# OR-Tools and statsmodels, as in production.
STACK_ENV = {"SCHEDULING_PRELOAD_MODELS": "true"}


DOC = {
    "week": "2026-12-14", "timezone": "America/New_York",
    "model": {"method": "ets", "history_days": 182, "percentile": 0.8},
    "totals": {"rn_hours_needed": 120.5, "rn_hours_rostered": 160.0, "rn_hours_short": 3.25,
               "peak_gap": 2, "short_buckets": 13},
    "recommendation": {"summary": [f"Tue 15 Dec {h:02d}:00-{h + 4:02d}:00: add 1 RN"
                                   for h in range(8, 18)]},
    "days": [
        {"date": "2026-12-15", "closed": False, "booked_visits": 12, "planned_visits": 12,
         "peak_gap": 2, "alerts": [{"booked": True}, {"booked": False}],
         "buckets": [{"needed": 5, "rostered": 3, "gap": 2},
                     {"needed": 6, "rostered": 6, "gap": 0}]},
        {"date": "2026-12-19", "closed": True, "booked_visits": 0, "planned_visits": 0,
         "peak_gap": 0, "alerts": [], "buckets": []},
    ],
}


def test_the_week_is_the_monday_of_the_demo_day():
    assert demo_staffing.monday(date(2026, 12, 17)) == date(2026, 12, 14)
    assert demo_staffing.monday(date(2026, 12, 14)) == date(2026, 12, 14)


def test_summary_names_the_model_the_totals_and_the_recommendation():
    lines = demo_staffing.summary_lines(DOC, limit=3)
    assert lines[0] == ("forecast: ets on 182 days of history, planning for p80 of daily "
                        "visits")
    assert lines[1] == "RN-hours: 120.5 needed, 160.0 rostered, 3.25 short; peak gap 2 RN"
    assert lines[2:5] == [f"recommend: Tue 15 Dec {h:02d}:00-{h + 4:02d}:00: add 1 RN"
                          for h in (8, 9, 10)]
    assert lines[5] == "recommend: ... and 7 more (see the JSON)"


def test_summary_table_shows_each_open_day_at_its_worst_bucket():
    console = Console(width=160, record=True)
    console.print(demo_staffing.summary_table(DOC))
    text = console.export_text()
    assert "2026-12-19" not in text  # closed
    [row] = [line for line in text.splitlines() if "2026-12-15" in line]
    assert [c.strip() for c in row.strip("│ ").split("│")] == [
        "2026-12-15", "12", "12", "5", "3", "2", "2 (1)"]


def test_the_chart_is_written_where_the_demo_prints(tmp_path):
    path = demo_staffing.write_chart(tmp_path / "data", "2026-12-14", b"<svg/>")
    assert path == tmp_path / "data" / "staffing-2026-12-14.svg"
    assert path.read_bytes() == b"<svg/>"


@pytest.mark.e2e
async def test_the_staffing_report_against_the_platform(stack, tmp_path):
    """The demo's staffing step through the real gateway and scheduling service: this week's
    seeded shifts (4 RNs a day), no visits yet: nothing needed, nothing short."""
    gw = Gateway(stack.gateway_url)
    console = Console(width=200, record=True)
    try:
        await gw.login("demo-admin")
        path = await demo_staffing.report(gw, console, stack.today(), tmp_path)
    finally:
        await gw.aclose()
    text = console.export_text()
    root = ET.fromstring(path.read_bytes())
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    week = demo_staffing.monday(stack.today()).isoformat()
    assert root.get("data-week") == week and path.name == f"staffing-{week}.svg"
    cells = list(root.iter("{http://www.w3.org/2000/svg}rect"))
    assert all(c.get("data-needed") == "0" for c in cells if c.get("class") == "bucket")
    assert "forecast: " in text and "no extra shift needed" in text
    assert "Staffing chart:" in text
