"""Referral analytics (issue 17): the demo's referral chart and tables (bench/demo_referrals.py)
on a report shaped like GET /v1/reports/referrals's, then the real platform: an order a partner
signs reaches the reimbursement service's projection as events and shows in that partner's
report, never in another's, JSON and CSV through the gateway."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from chairside_client.api.reimbursement import get_reports_referrals, get_reports_referrals_csv
from chairside_client.models import ReimbursementReferralReportOut
from rich.console import Console

from bench import demo_referrals
from bench.api import Gateway

from .client import Api, ApiError, until
from .visits import COCKTAIL, MEDICARE, new_order, new_patient, sign

# It plans days or forecasts staffing (valid requests): the scheduling service preloads
# OR-Tools and statsmodels, as in production.
STACK_ENV = {"SCHEDULING_PRELOAD_MODELS": "true"}


SVG = "{http://www.w3.org/2000/svg}"
DOC = {"from": "2026-11-30", "to": "2026-12-13", "period": "week", "practice_id": None,
       "rows": [
           {"practice_id": "demo-partner", "period_start": "2026-11-30",
            "period_end": "2026-12-06", "orders_received": 4, "converted_to_visits": 3,
            "conversion_rate": "0.75", "reached_chair": 3, "median_days_to_chair": "1.5",
            "p90_days_to_chair": "2.9", "appointments_ended": 4, "no_shows": 1,
            "no_show_rate": "0.25", "pa_decided": 2, "pa_approved": 1,
            "pa_approval_rate": "0.5"},
           {"practice_id": "practice-b", "period_start": "2026-12-07",
            "period_end": "2026-12-13", "orders_received": 2, "converted_to_visits": 0,
            "conversion_rate": "0", "reached_chair": 0, "median_days_to_chair": None,
            "p90_days_to_chair": None, "appointments_ended": 0, "no_shows": 0,
            "no_show_rate": None, "pa_decided": 0, "pa_approved": 0,
            "pa_approval_rate": None}]}


def test_the_chart_has_a_row_per_practice_and_week_scaled_to_the_most_orders():
    root = ET.fromstring(demo_referrals.referral_svg(DOC))
    rows = [g for g in root.iter(f"{SVG}g") if g.get("class") == "row"]
    assert [(g.get("data-practice"), g.get("data-received"), g.get("data-converted"))
            for g in rows] == [("demo-partner", "4", "3"), ("practice-b", "2", "0")]
    widths = [[float(r.attrib["width"]) for r in g.iter(f"{SVG}rect")] for g in rows]
    assert widths[0] == [demo_referrals.SCALE_W, demo_referrals.SCALE_W * 3 / 4]
    assert widths[1] == [demo_referrals.SCALE_W / 2, 0]
    texts = ["".join(g.itertext()) for g in rows]
    assert "75% · 1.5 d / 2.9 d · no-show 25% · PA 50%" in texts[0]
    assert "0% · - / - · no-show - · PA -" in texts[1]
    empty = ET.fromstring(demo_referrals.referral_svg(DOC | {"rows": []}))
    assert "no referrals in the period" in "".join(empty.itertext())


def test_the_table_shows_every_figure():
    console = Console(width=200, record=True)
    console.print(demo_referrals.referral_table(DOC))
    [row] = [line for line in console.export_text().splitlines() if "demo-partner" in line]
    assert [c.strip() for c in row.strip("│ ").split("│")] == [
        "demo-partner", "2026-11-30", "4", "3", "75%", "1.5 d / 2.9 d", "25% of 4", "50% of 2"]


@pytest.mark.e2e
async def test_a_partners_signed_order_shows_in_its_own_referral_report_only(stack, tmp_path):
    api = Api(stack.gateway_url)
    try:
        patient = await new_patient(api)
        draft = await new_order(api, patient["id"], COCKTAIL, payer=MEDICARE)
        await sign(api, draft["id"])
        # The clinic's date, not UTC's: late in a UTC day the clinic (east of UTC) is already in
        # the next day, and the next week when UTC's is a Sunday.
        today = datetime.now(ZoneInfo(stack.clinic_timezone)).date()
        since, to = today - timedelta(days=1), today + timedelta(days=1)
        partner = await api.as_("demo-partner")

        async def counted():
            doc = await api.wire(ReimbursementReferralReportOut,
                                 get_reports_referrals.asyncio_detailed, client=partner,
                                 from_=since, to=to)
            return doc if sum(r["orders_received"] for r in doc["rows"]) >= 1 else None

        doc = await until(counted, timeout_s=60, what="the signed order in the report")
        assert {r["practice_id"] for r in doc["rows"]} == {"demo-partner"}
        assert doc["practice_id"] == "demo-partner"  # the gateway named the partner's practice
        r = await api.typed.send(get_reports_referrals_csv.asyncio_detailed, client=partner,
                                 from_=since, to=to)
        assert r.status_code == 200, r.content
        assert r.headers["content-type"].startswith("text/csv")
        table = list(csv.DictReader(io.StringIO(r.content.decode())))
        assert table and {t["practice_id"] for t in table} == {"demo-partner"}
        assert sum(int(t["orders_received"]) for t in table) == sum(
            x["orders_received"] for x in doc["rows"])
        with pytest.raises(ApiError) as theirs:
            await api.wire(ReimbursementReferralReportOut, get_reports_referrals.asyncio_detailed,
                           client=partner, practice_id="practice-b", from_=since, to=to)
        assert theirs.value.status == 404, theirs.value.body
        staff = await api.wire(ReimbursementReferralReportOut,
                               get_reports_referrals.asyncio_detailed, client=await api.as_(),
                               from_=since, to=to)
        assert "demo-partner" in {r["practice_id"] for r in staff["rows"]}
    finally:
        await api.aclose()
    gw = Gateway(stack.gateway_url)
    console = Console(width=200, record=True)
    try:
        await gw.login("demo-admin")
        path = await demo_referrals.report(gw, console, today, tmp_path)
    finally:
        await gw.aclose()
    root = ET.fromstring(path.read_text())
    assert root.tag == f"{SVG}svg" and int(root.attrib["data-rows"]) >= 1
    assert "Referral chart:" in console.export_text()
