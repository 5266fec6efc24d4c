"""The demo day's staffing forecast: the week's RNs needed per 15 minutes (booked visits plus
the demand forecast from history) against the rostered shifts, printed as a summary, and the
chart written to ``<out>/staffing-<week>.svg`` (GET /v1/staffing/forecast[.svg])."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from chairside_client.api.scheduling import get_staffing_forecast, get_staffing_forecast_svg
from chairside_client.models import SchedulingStaffingForecastOut
from rich.console import Console
from rich.table import Table

from bench.api import Gateway


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def summary_table(doc: dict) -> Table:
    t = Table(title=f"Staffing, week of {doc['week']} (RNs per 15 min: needed vs rostered)")
    for col in ("day", "booked", "planned visits", "peak needed", "rostered at peak",
                "peak gap", "alerts (firm)"):
        t.add_column(col, justify="left" if col == "day" else "right")
    for d in doc["days"]:
        if d["closed"]:
            continue
        peak = max(d["buckets"], key=lambda b: (b["gap"], b["needed"]), default=None)
        firm = sum(1 for a in d["alerts"] if a["booked"])
        t.add_row(d["date"], str(d["booked_visits"]), f"{d['planned_visits']:g}",
                  str(peak["needed"]) if peak else "-", str(peak["rostered"]) if peak else "-",
                  str(d["peak_gap"]), f"{len(d['alerts'])} ({firm})")
    return t


def summary_lines(doc: dict, limit: int = 8) -> list[str]:
    m, tot = doc["model"], doc["totals"]
    lines = [f"forecast: {m['method']} on {m['history_days']} days of history, planning for "
             f"p{round(m['percentile'] * 100)} of daily visits",
             f"RN-hours: {tot['rn_hours_needed']} needed, {tot['rn_hours_rostered']} rostered, "
             f"{tot['rn_hours_short']} short; peak gap {tot['peak_gap']} RN"]
    rec = doc["recommendation"]["summary"]
    lines += [f"recommend: {line}" for line in rec[:limit]]
    if len(rec) > limit:
        lines.append(f"recommend: ... and {len(rec) - limit} more (see the JSON)")
    return lines


def write_chart(out: Path, week: str, content: bytes) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"staffing-{week}.svg"
    path.write_bytes(content)
    return path


async def report(gw: Gateway, console: Console, day: date, out: Path) -> Path:
    """Print the week's staffing summary and write its chart; the chart's path."""
    week = monday(day)
    forecast = await gw.call(SchedulingStaffingForecastOut, get_staffing_forecast.asyncio_detailed,
                             client=gw.as_(), week=week)
    chart = await gw.content(get_staffing_forecast_svg.asyncio_detailed, client=gw.as_(),
                             week=week)
    doc = forecast.to_dict()
    console.print(summary_table(doc))
    for line in summary_lines(doc):
        console.print(line)
    path = write_chart(out, week.isoformat(), chart)
    console.print(f"Staffing chart: {path.resolve()}")
    return path
