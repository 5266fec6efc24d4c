"""``make demo`` (bench/demo_day.py): its day choice and board picture, and a whole simulated
day against the real processes."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from chairside_client.api.reimbursement import get_reports_gpo_savings, get_reports_margin
from chairside_client.api.reimbursement.get_reports_margin import GetReportsMarginBy
from chairside_client.models import ReimbursementGpoSavingsOut, ReimbursementMarginReport

from bench import demo_day, demo_revenue
from bench.api import Gateway
from bench.board_html import render_board
from bench.demo_plan import _waste

# It plans days or forecasts staffing (valid requests): the scheduling service preloads
# OR-Tools and statsmodels, as in production.
STACK_ENV = {"SCHEDULING_PRELOAD_MODELS": "true"}


WEEKDAYS = [{"weekday": d, "opens": "08:00:00", "closes": "18:00:00"} for d in range(5)]
HOURS = {"timezone": "America/New_York", "weekly": WEEKDAYS, "closed_dates": ["2026-11-26"]}


@pytest.mark.parametrize("now, expected", [
    # Monday 09:00 in New York: most of the day ahead, walk-ins included
    (datetime(2026, 11, 23, 14, 0, tzinfo=UTC), (date(2026, 11, 23), True)),
    # Monday 15:30: too late for a day of walk-ins, Tuesday instead
    (datetime(2026, 11, 23, 20, 30, tzinfo=UTC), (date(2026, 11, 24), False)),
    # Wednesday evening: Thursday is a closed date (Thanksgiving), so Friday
    (datetime(2026, 11, 25, 23, 0, tzinfo=UTC), (date(2026, 11, 27), False)),
    # Saturday: Monday
    (datetime(2026, 11, 28, 15, 0, tzinfo=UTC), (date(2026, 11, 30), False)),
])
def test_the_day_simulated(now, expected):
    assert demo_day.pick_day(HOURS, now) == expected


def test_waste_is_what_is_left_in_single_dose_vials():
    sdv = {"single_dose": True, "strength": "50", "strength_unit": "mg"}
    assert _waste(sdv, Decimal(25)) == Decimal(25)
    assert _waste(sdv, Decimal(100)) == 0
    assert _waste({**sdv, "strength": "1", "strength_unit": "g"}, Decimal(1500)) == 500
    assert _waste({**sdv, "single_dose": False}, Decimal(25)) == 0
    assert _waste({**sdv, "strength_unit": "ml"}, Decimal(25)) == 0


def test_the_board_places_each_visit_at_its_booked_time():
    appt = {"id": "a1", "order_id": "o-12345678", "status": "booked",
            "start": "2026-11-24T15:00:00+00:00", "end": "2026-11-24T16:15:00+00:00",
            "acuity_class": "standard"}
    booked = {"open": "2026-11-24T13:00:00+00:00", "close": "2026-11-24T23:00:00+00:00",
              "closed": False, "chairs": [{"chair_id": "c01", "pediatric_capable": False,
                                           "appointments": [appt]}],
              "orders": {"o-12345678": {"lines": [{"drug_code": "magnesium"},
                                                  {"drug_code": "ketorolac"}],
                                        "mrn": "MRN-SECRET"}}}
    final = {"chairs": [{"chair_id": "c01", "appointments": [{**appt, "status": "completed",
                                                              "end": appt["start"]}]}]}
    page = render_board(booked, final, {"visits": 1, "margin": Decimal("12.5")},
                        date(2026, 11, 24), "America/New_York")
    [block] = re.findall(r'<div class="appt"[^>]*>', page)
    # 15:00-16:15 UTC in a 13:00-23:00 day: 20% from the left, 12.5% wide; shown completed
    assert 'left:20.00%;width:12.50%' in block and "#2e7d32" in block
    assert "magnesium, ketorolac" in block and "MRN-SECRET" not in page
    assert "$12.50" in page and "10:00-11:15" in block  # local times in the tooltip


@pytest.mark.e2e
async def test_a_whole_demo_day_against_the_platform(stack, tmp_path, capsys):
    code = await demo_day.main(["--gateway", stack.gateway_url, "--visits", "12",
                                "--seed", "11", "--out", str(tmp_path),
                                "--clearinghouse", stack.clearinghouse_url])
    out = capsys.readouterr().out
    print(out)  # shown with the failure, if any
    assert code == 0, out
    [board] = list(tmp_path.glob("chair-board-*.html"))
    page = board.read_text()
    # the week's staffing forecast (issue 16): a summary printed, the chart written
    [chart] = list(tmp_path.glob("staffing-*.svg"))
    assert chart.read_text().startswith("<svg") and 'class="bucket"' in chart.read_text()
    assert "Staffing chart:" in out and chart.name in out.replace("\n", "")
    assert "staffing forecast did not go through" not in out
    assert page.count('class="appt"') >= 6
    figures = dict(re.findall(r"<tr><td>([^<]+)</td><td>([^<]*)</td></tr>", page))
    completed = int(figures["visits completed"])
    assert completed >= 5, figures
    # three eptinezumab cases (one denied) and the MS patient's ocrelizumab (issue 18)
    assert figures["PA decided"] == "3 approved, 1 denied"
    # neither eptinezumab nor ocrelizumab has a verified RxNorm code: each PAS request is held
    # and the payer's decision recorded from its portal (POST /v1/authorizations/{id}/decision)
    assert figures["PA decided on the payer portal (PAS held)"] == "4", figures
    # the neurology visits (issue 18): gates met, premedication by rule, billed
    neuro = out.split("Neurology visits (issue 18)", 1)[1].split("Chair board:", 1)[0]
    assert "hbv_screen negative" in neuro and "apoe e4_noncarrier" in neuro, neuro
    assert "methylprednisolone, diphenhydramine" in neuro, neuro  # premedication by rule
    assert "96413 x1" in neuro and "J2350-JZ x300" in neuro, neuro  # complex biologic
    assert "J0175" in neuro, neuro  # donanemab, per 2 mg
    # The revenue cycle (issue 14), every claim through the clearinghouse sandbox: one
    # rejected by the 277CA and one by the 999, both re-sent and accepted; one short-paid and
    # on the underpayment worklist; one denied and appealed with a document; the rest paid.
    sent = int(figures["claims sent to the clearinghouse"])
    assert sent == completed, figures
    assert figures["accepted first pass (999 A, 277CA A2)"] == str(sent - 2)
    assert figures["rejected (999 / 277CA) → corrected → accepted"] == "2 → 2 → 2"
    assert figures["paid (835 from the clearinghouse)"] == str(sent - 1)
    short = re.fullmatch(r"1 \(\$([\d,.]+) short\)",
                         figures["short-paid, on the underpayment worklist"])
    assert short and Decimal(short[1].replace(",", "")) > 0, figures
    assert figures["denied (CO-50)"] == "1"
    assert figures["appealed (filed with a document)"] == "1"
    assert "1 appealed" in figures["claims"] and f"{sent - 1} paid" in figures["claims"]
    # the day's cycle report over the same claims (the stack is fresh: only this day's)
    assert figures["clean-claim rate (cycle report)"] == f"{(sent - 2) / sent:.1%}"
    assert figures["first-pass acceptance (cycle report)"] == f"{(sent - 2) / sent:.1%}"
    assert figures["denial rate (cycle report)"] == f"{1 / sent:.1%}"
    assert figures["underpayment total (cycle report)"] == f"${short[1]}"
    assert figures["A/R open (aging report)"].endswith(" in 1 claims"), figures
    assert figures["same-day acceptance"].split("/")[0] != "0"
    assert "did not go through" not in out, out
    # Every claim carried real identities (issue 13): none held, and the 837P a payer
    # receives names invented people, never a stand-in or the clinic as anyone's home.
    assert figures["claims held for a missing identity"] == "0", figures
    [sample] = list(tmp_path.glob("sample-837p-*.x12"))
    x12 = sample.read_text()
    assert "ST*837*" in x12 and "NM1*IL*1*" in x12 and "NM1*82*1*" in x12
    assert "PRV*BI*PXC*261QI0500X" in x12 and x12.count("100 MAIN ST") == 1
    assert not any(word in x12 for word in ("ON FILE", "RENDERING", "JOHN DOE")), x12
    # The clinical loop (issue 15): outcomes of every visit run, the three reactions, the
    # grade 3 one stopping the next order of its drug, a forgotten escort holding discharge.
    for key in ("relief at 2 h", "pain-free at 2 h", "ED return within 72 h"):
        assert re.fullmatch(r"\d+/\d+ \(\d+%\)", figures[key]), (key, figures[key])
    reactions = figures["reactions recorded"]
    assert "grade 1: 1" in reactions and "grade 3: 1" in reactions, reactions
    reorder = figures["re-order after the grade 3 reaction"]
    assert re.fullmatch(r"\w+: refused 4\d\d \(.*reaction\.hard_stop.*\)", reorder), reorder
    assert "escort" in figures["discharge checks refused (unmet)"], figures
    assert int(figures["follow-up calls recorded"]) >= completed
    # Group purchasing (issue 18 point 6): the neurology drugs' lots came from the contract
    day = date.fromisoformat(board.name.removeprefix("chair-board-").removesuffix(".html"))
    await _neuro_gpo_savings(stack.gateway_url, day)
    assert "Margin by drug" in out and "GPO savings per drug" in out, out


GPO_DATA = Path(__file__).resolve().parents[2] / (
    "services/reimbursement/src/reimbursement/data/demo_gpo.json")
NEURO = {"J2350": "50242015001", "J0175": "00002940101"}  # Ocrevus, Kisunla (one vial a pack)


async def _neuro_gpo_savings(gateway_url: str, day: date) -> None:
    """Contract vs WAC savings for ocrelizumab and donanemab, as the demo data computes them:
    on the vials the day drew (margin report by drug) and on the invoices (GPO savings)."""
    doc = json.loads(GPO_DATA.read_text())
    wac = {w["code"]: Decimal(w["package_price"]) for w in doc["wac"]}
    tier0 = {i["code"]: Decimal(i["tiers"][0]["unit_price"]) for i in doc["contract"]["items"]}
    gw = Gateway(gateway_url)
    try:
        await gw.login()
        margin = (await gw.call(ReimbursementMarginReport, get_reports_margin.asyncio_detailed,
                                client=gw.as_(), from_=day, to=day,
                                by=GetReportsMarginBy.DRUG)).to_dict()
        savings = (await gw.call(ReimbursementGpoSavingsOut,
                                 get_reports_gpo_savings.asyncio_detailed, client=gw.as_(),
                                 from_=day - timedelta(days=89), to=day)).to_dict()
    finally:
        await gw.aclose()
    drawn = {r["key"]: r for r in margin["rows"]}
    invoiced = {r["drug"]: r for r in savings["rows"]}
    for hcpcs, ndc in NEURO.items():
        # the day's delivery (2 packages) stays in tier 0: 4 invoiced + 2 < 10
        per_vial = wac[ndc] - tier0[ndc]
        row = drawn[hcpcs]
        vials = Decimal(row["wac_cost"]) / wac[ndc]
        assert vials == vials.to_integral_value() and vials >= 1, row
        assert Decimal(row["gpo_savings"]) == vials * per_vial > 0, (hcpcs, row)
        lines = [ln for inv in doc["invoices"] for ln in inv["lines"] if ln["ndc"] == ndc]
        expected = sum(((wac[ndc] - Decimal(ln["unit_price"])) * ln["quantity"]
                        for ln in lines), Decimal(0))
        assert lines and Decimal(invoiced[hcpcs]["savings"]) == expected > 0, invoiced[hcpcs]


def test_the_revenue_cycle_roles_and_figures():
    claims = [{"id": f"c{n}", "status": "ready"} for n in range(7)]
    roles = demo_revenue.assign(claims)
    assert list(roles.values()) == ["paid", "rejected_277ca", "short_paid", "denied",
                                    "rejected_999", "paid", "paid"]

    def claim(n, status, outcomes, *history):
        return {"id": f"c{n}", "status": status, "history": [{"to_status": s} for s in history],
                "submissions": [{"outcome": o} for o in outcomes]}

    cycle = demo_revenue.Cycle(roles=roles, claims={c["id"]: c for c in [
        claim(0, "paid", ["accepted"], "paid"),
        claim(1, "paid", ["rejected", "accepted"], "rejected", "paid"),
        claim(2, "paid", ["accepted"], "paid"),
        claim(3, "appealed", ["accepted"], "denied", "appealed"),
        claim(4, "paid", ["rejected", "accepted"], "rejected", "paid")]},
        rejections={"c1": ["277CA A7"], "c4": ["999 IK5 R"]},
        appeals=[{"status": "filed", "document_ids": ["d1"]}],
        underpaid=[{"claim_id": "c2", "variance": "-61.70"}],
        report={"clean_claim_rate": "0.6", "first_pass_rate": "0.6", "denial_rate": "0.2",
                "net_collection_rate": "0.999", "days_in_ar": "0", "underpayment_total":
                "61.70"}, aging={"total_outstanding": "136.28", "total_claims": 1})
    f = demo_revenue.figures(cycle)
    assert (f["claims sent to the clearinghouse"], f["accepted first pass (999 A, 277CA A2)"],
            f["rejected (999 / 277CA) → corrected → accepted"],
            f["paid (835 from the clearinghouse)"],
            f["short-paid, on the underpayment worklist"], f["denied (CO-50)"],
            f["appealed (filed with a document)"]) == (
        5, 3, "2 → 2 → 2", 4, "1 ($61.70 short)", 1, 1)
    assert (f["clean-claim rate (cycle report)"], f["denial rate (cycle report)"],
            f["underpayment total (cycle report)"], f["A/R open (aging report)"]) == (
        "60.0%", "20.0%", Decimal("61.70"), "$136.28 in 1 claims")


def test_the_demo_reactions_go_to_the_first_visits_that_fit():
    from types import SimpleNamespace

    from bench import demo_clinical as clinical

    record = clinical.Clinical()

    def visit(regimen: str, kind: str = "referral"):
        return SimpleNamespace(regimen=regimen, kind=kind, order_id=regimen + kind,
                               course=clinical.Course(8, 4, 2))

    runs = [visit("non-sedating cocktail", "walk-in"), visit("eptinezumab 100 mg", "biologic"),
            visit("classic cocktail"), visit("DHE with antiemetic"), visit("magnesium cocktail")]
    for v in runs:
        clinical.pick_reaction(v, record)
    assert [(v.course.reaction, v.course.reaction_drug) for v in runs] == [
        (None, None), ("urticaria", "eptinezumab"), ("akathisia", "prochlorperazine"),
        ("severe", "metoclopramide"), (None, None)]
    record.reactions = [{"grade": 1}, {"grade": 2}, {"grade": 3}]
    record.outcomes = [{"relief_2h": True, "pain_free_2h": False, "ed_return_72h": None},
                       {"relief_2h": False, "pain_free_2h": False, "ed_return_72h": True}]
    figures = clinical.figures(record)
    assert figures["relief at 2 h"] == "1/2 (50%)"
    assert figures["ED return within 72 h"] == "1/1 (100%)"
    assert figures["reactions recorded"] == "grade 1: 1, grade 2: 1, grade 3: 1"
