"""The staffing forecast on PostgreSQL: past visits + booked visits + shifts → RNs needed per
15 minutes vs rostered, gaps and alerts (JSON), and the same week as an SVG chart."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta
from uuid import uuid4

import pytest
from sched_it import local, next_weekday

from scheduling.adapters import orm

pytestmark = pytest.mark.integration

WEEK = next_weekday(0) + timedelta(days=7)  # a Monday at least a week ahead
TUE, THU = WEEK + timedelta(days=1), WEEK + timedelta(days=3)
SVG = "{http://www.w3.org/2000/svg}"


def parse(value: str) -> datetime:
    return datetime.fromisoformat(value)


async def insert(svc, rows: list[dict]) -> None:
    async with svc.runtime.uow() as uow:
        for row in rows:
            await uow.session.execute(orm.appointments.insert().values(
                id=uuid4(), minutes=int((row["end_at"] - row["start_at"]).total_seconds() // 60),
                **row))
        await uow.session.commit()


async def history(svc, weeks: int = 8) -> None:
    """Each weekday of the past weeks: 3, 4 or 5 elevated visits 09:00-11:00 (mean 4), one of
    them a no-show on Wednesdays."""
    rows, today = [], svc.clock.now.date()
    for back in range(1, weeks * 7 + 1):
        d = today - timedelta(days=back)
        if d.weekday() > 4:
            continue
        n = 3 + back % 3
        for i in range(n):
            status = "no_show" if d.weekday() == 2 and i == 0 else "completed"
            rows.append({"status": status, "acuity_class": "elevated", "chair_id": f"h{i}",
                         "start_at": local(9, 0, d), "end_at": local(11, 0, d),
                         "started_at": local(9, 0, d) if status == "completed" else None,
                         "completed_at": local(11, 0, d) if status == "completed" else None})
    await insert(svc, rows)


async def shifts(svc, day: date, nurses: int) -> None:
    for n in range(nurses):
        r = await svc.client.post("/v1/nurse-shifts", json={
            "nurse_id": f"rn{n}", "start": local(8, 0, day).isoformat(),
            "end": local(18, 0, day).isoformat(), "breaks": []})
        assert r.status_code == 201, r.text


async def test_32_booked(svc) -> None:
    """Tuesday: 2 ketamine (H) + 10 L booked 09:00-11:00 (all running at 10:00, none
    starting), 3 RNs rostered."""
    rows = [{"status": "booked", "acuity_class": "high" if i < 2 else "standard",
             "chair_id": f"c{i:02d}", "start_at": local(9, 0, TUE), "end_at": local(11, 0, TUE)}
            for i in range(12)]
    await insert(svc, rows)
    await shifts(svc, TUE, 3)


def bucket(doc: dict, day: date, hh: int, mm: int = 0) -> dict:
    d = next(x for x in doc["days"] if x["date"] == day.isoformat())
    return next(b for b in d["buckets"] if parse(b["start"]) == local(hh, mm, day))


async def test_forecast_week_booked_floor_forecast_gaps_and_recommendation(svc):
    svc.clock.now = local(7, 0, WEEK - timedelta(days=3))  # the Friday before
    await history(svc)
    await test_32_booked(svc)
    await shifts(svc, THU, 1)
    r = await svc.client.get("/v1/staffing/forecast", params={"week": WEEK.isoformat()})
    assert r.status_code == 200, r.text
    doc = r.json()
    assert doc["model"]["method"] == "ets" and doc["model"]["percentile"] == 0.8
    assert doc["rule"]["weights"] == {"standard": 1, "elevated": 2, "high": 4}
    assert doc["rule"]["section7_classes"]["high"] == "H"
    assert [d["closed"] for d in doc["days"]] == [False] * 5 + [True] * 2
    # §8 test 32 through the API: load 18 → 5 RNs, 3 rostered, a firm gap of 2
    ten = bucket(doc, TUE, 10)
    assert (ten["load_units"], ten["starts"], ten["high"], ten["census"]) == (18, 0, 2, 12)
    assert (ten["needed_booked"], ten["needed"], ten["rostered"], ten["gap"]) == (5, 5, 3, 2)
    tue = next(d for d in doc["days"] if d["date"] == TUE.isoformat())
    firm = [a for a in tue["alerts"] if a["booked"]]
    assert firm and parse(firm[0]["start"]) <= local(10, 0, TUE) < parse(firm[-1]["end"])
    assert tue["booked_visits"] == 12 and tue["extra_visits"] == 0  # above the forecast
    # Thursday: nothing booked; the forecast (about 4 elevated visits 09:00-11:00) is planned
    thu = next(d for d in doc["days"] if d["date"] == THU.isoformat())
    assert thu["booked_visits"] == 0 and 3.0 <= thu["forecast_visits"] <= 5.0
    assert thu["planned_visits"] >= thu["forecast_visits"] and thu["extra_visits"] > 3
    t10 = bucket(doc, THU, 10)
    assert t10["needed_booked"] == 0 and t10["rostered"] == 1
    assert t10["expected_load_units"] == round(2 * thu["extra_visits"] * 4 / 4.0)  # 2/visit
    assert t10["needed"] == math.ceil(t10["expected_load_units"] / 4) >= 2
    assert t10["gap"] == t10["needed"] - 1
    assert any(not a["booked"] for a in thu["alerts"])
    assert bucket(doc, THU, 14)["needed"] == 0  # nobody expected in the afternoon
    # the recommendation's extra shifts close every gap of the week
    for b in [b for d in doc["days"] for b in d["buckets"]]:
        cover = sum(x["nurses"] for x in doc["recommendation"]["shifts"]
                    if parse(x["start"]) <= parse(b["start"]) < parse(x["end"]))
        assert cover >= b["gap"], b["start"]
    # Mon/Wed/Fri: no RN rostered, forecast demand: shifts suggested there too, not weekends
    assert {x["date"] for x in doc["recommendation"]["shifts"]} == {
        (WEEK + timedelta(days=i)).isoformat() for i in range(5)}
    hour = next(h for h in doc["recommendation"]["hourly"]
                if parse(h["start"]) == local(10, 0, TUE))
    assert (hour["weekday"], hour["needed"], hour["rostered"]) == ("Tuesday", 5, 3)
    assert any(line.startswith(f"{THU:%a %d %b} 09:00-") for line in
               doc["recommendation"]["summary"])
    assert doc["totals"]["peak_gap"] >= 9  # 12 start-ups at 09:00 on Tuesday, 3 RNs


async def test_short_history_falls_back_to_the_booked_visits(svc):
    svc.clock.now = local(7, 0, WEEK - timedelta(days=3))
    await test_32_booked(svc)
    r = await svc.client.get("/v1/staffing/forecast", params={"week": WEEK.isoformat()})
    doc = r.json()
    assert doc["model"]["method"] == "weekday-mean"  # 182 days of zeros: no ETS
    buckets = [b for d in doc["days"] for b in d["buckets"]]
    assert all(b["needed"] == b["needed_booked"] for b in buckets)
    assert bucket(doc, TUE, 10)["gap"] == 2


async def test_chart_shows_the_weeks_figures(svc):
    svc.clock.now = local(7, 0, WEEK - timedelta(days=3))
    await test_32_booked(svc)
    r = await svc.client.get("/v1/staffing/forecast.svg", params={"week": WEEK.isoformat()})
    assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml")
    root = ET.fromstring(r.content)
    assert root.tag == f"{SVG}svg" and root.get("data-week") == WEEK.isoformat()
    assert WEEK.isoformat() in root.find(f"{SVG}title").text
    days = root.findall(f"{SVG}g[@class='day']")
    assert [g.get("data-day") for g in days] == [(WEEK + timedelta(days=i)).isoformat()
                                                 for i in range(5)]
    at_ten = local(10, 0, TUE).isoformat()
    cell = next(x for x in root.iter(f"{SVG}rect")
                if x.get("class") == "bucket" and x.get("data-start") == at_ten)
    assert (cell.get("data-needed"), cell.get("data-rostered"), cell.get("data-gap")) == \
        ("5", "3", "2")
    gaps = [x for x in root.iter(f"{SVG}rect") if x.get("class") == "gap"]
    assert at_ten in {g.get("data-start") for g in gaps}
    assert {g.get("data-start")[:10] for g in gaps} == {TUE.isoformat()}  # only booked gaps
    assert len(root.findall(f".//{SVG}polyline[@class='rostered']")) == 5


@pytest.mark.parametrize(("week", "field"), [
    ("2026-12-08", "week"),  # a Tuesday
    ("next week", "week"),
    ("2026-02-30", "week"),
])
async def test_a_bad_week_is_a_clear_422(svc, week, field):
    for path in ("/v1/staffing/forecast", "/v1/staffing/forecast.svg"):
        r = await svc.client.get(path, params={"week": week})
        assert r.status_code == 422, r.text
        assert r.headers["content-type"].startswith("application/problem+json")
        body = r.json()
        assert field in r.text and body["status"] == 422
    r = await svc.client.get("/v1/staffing/forecast", params={"week": "2026-12-08"})
    assert "Monday" in r.text
    far = WEEK + timedelta(weeks=60)
    r = await svc.client.get("/v1/staffing/forecast", params={"week": far.isoformat()})
    assert r.status_code == 422 and "within 366 days" in r.text
