"""Whole visits through the gateway only, on the real processes (broker, four services, payer
sandbox, gateway) and PostgreSQL, asserting the final state in every service.

One stack for the module; the tests run in file order and the last one reconciles every
service's state after all of them.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from uuid import UUID
from zoneinfo import ZoneInfo

import pytest
from chairside_client.api.authorization import get_authorizations
from chairside_client.api.orders import patch_orders_order_id, post_orders_order_id_cancel
from chairside_client.api.scheduling import (
    get_chairs,
    get_clinic_hours,
    put_chairs_chair_id,
    put_clinic_hours,
)
from chairside_client.models import (
    AuthorizationAuthorizationPage,
    OrdersCancelIn,
    OrdersOrderOut,
    OrdersOrderUpdate,
    SchedulingChairIn,
    SchedulingChairOut,
    SchedulingClinicHoursIn,
    SchedulingClinicHoursOut,
)

from .client import Api, ApiError
from .reconcile import reconcile
from .visits import (
    COCKTAIL,
    EPTINEZUMAB,
    MEDICAID,
    MEDICARE,
    NPI,
    STOCK,
    accepted_by_the_payer,
    board_of,
    case_of,
    codes,
    document_and_find_held,
    give,
    local_date,
    margin_row,
    money,
    new_order,
    new_patient,
    pay,
    record_payer_decision,
    sign,
    status_of,
    submit_and_export,
    summit,
    visit,
    visit_when,
)

pytestmark = pytest.mark.e2e
ORDERS_SEEN: dict[str, str] = {}  # test -> order id, for the final checks

CATALOG_PREP = {d["code"]: d["prep_minutes"] for d in json.loads(
    (Path(__file__).parents[2] / "services/orders/src/orders/seed/catalog.json").read_text()
)["drugs"]}


# ------------------------------------------------------------------------------ 1. cocktail
async def test_same_day_migraine_cocktail_without_pa(stack, api):
    patient = await new_patient(api)
    draft = await new_order(api, patient["id"], COCKTAIL, urgency="same_day", payer=MEDICARE)
    ORDERS_SEEN["cocktail"] = oid = draft["id"]
    assert draft["status"] == "draft" and draft["practice_id"] == "demo-partner"
    assert not [f for f in draft["findings"] if f["severity"] == "block"]
    assert draft["requires_driver"] is True  # prochlorperazine and diphenhydramine sedate
    signed = await sign(api, oid)
    assert signed["status"] == "signed" and signed["signed_at"]

    # order.signed -> authorization: no PA for these drugs; scheduling: hold -> booked today
    # orders learns of the booking from scheduling's event: wait for both sides, not one
    v = await visit_when(api, oid, lambda v: status_of(v["appointment"]) == "booked"
                         and v["order"]["authorization_status"] == "not_required"
                         and v["order"]["status"] == "scheduled",
                         "booked, no PA", who="demo-partner")
    appt, order = v["appointment"], v["order"]
    assert v["authorization"] is None and v["claim"] is None
    assert order["status"] == "scheduled"
    actions = [h["action"] for h in order["history"]]
    assert actions[:2] == ["created", "signed"] and "appointment_held" in actions
    assert local_date(stack, appt["start"]) == local_date(stack, datetime.now(UTC))
    start, end = datetime.fromisoformat(appt["start"]), datetime.fromisoformat(appt["end"])
    assert end - start == timedelta(minutes=order["estimated_chair_minutes"])
    # the pharmacy prepares the infusions before a same-day start: the demo clinic has hoods
    # and pharmacists, so the lead is the order's own preparation (catalog minutes of its
    # infusion lines, one hood after another), no longer the fixed 45 minutes
    prep = sum(CATALOG_PREP[line["drug_code"]] for line in COCKTAIL
               if line["mode"] == "infusion")
    assert prep > 0
    assert start >= datetime.fromisoformat(order["signed_at"]) + timedelta(minutes=prep)
    assert appt["requires_driver"] is True and appt["urgency"] == "same_day"

    done = await give(api, order, appt["id"], wasted={4: "25"})  # half a 50 mg vial discarded
    assert done["status"] == "administered" and len(done["administrations"]) == 4
    v = await visit_when(api, oid, lambda v: v["claim"] is not None
                         and status_of(v["appointment"]) == "completed", "claim built")
    claim = v["claim"]
    # prior-auth-billing.md B1 example 1: 96365 + 96375 x3; J3475 x4, J1885 x2, J0780 x1,
    # J1200 x1. JZ on single-dose vials with nothing discarded; the 25 mg left in the 50 mg
    # diphenhydramine vial is within the one "up to 50 mg" unit billed, so JZ, not a JW line
    # (Noridian JZ guidance); prochlorperazine comes from a multiple-dose vial: no modifier.
    assert codes(claim) == [("96365", [], 1), ("96375", [], 3), ("J3475", ["JZ"], 4),
                            ("J1885", ["JZ"], 2), ("J0780", [], 1), ("J1200", ["JZ"], 1)]
    drug_ndcs = {ln["code"]: ln["ndc"] for ln in claim["lines"] if ln["kind"] == "drug"}
    assert drug_ndcs == {"J3475": STOCK["magnesium"][0], "J1885": STOCK["ketorolac"][0],
                         "J0780": STOCK["prochlorperazine"][0],
                         "J1200": STOCK["diphenhydramine"][0]}
    assert claim["diagnoses"] == ["G43109"] and claim["payer_id"] == "medicare"  # X12 form
    assert claim["auth_number"] is None
    assert claim["service_date"] == local_date(stack, done["administrations"][0]["started_at"])
    assert money(claim["acquisition_cost"]) > 0
    assert money(claim["expected_margin"]) == money(claim["expected_payment"]) - money(
        claim["acquisition_cost"])

    assert claim["status"] == "ready" and claim["rendering_npi"] == NPI, claim["reviews"]
    x12 = await submit_and_export(api, claim)
    assert "SV1*HC:96365*" in x12 and "SV1*HC:J3475:JZ*" in x12
    assert "HI*ABK:G43109" in x12 and "REF*G1" not in x12
    await accepted_by_the_payer(api, claim)  # 999 A, then 277CA A2 + REF*1K
    paid = await pay(api, claim)
    row = await margin_row(api, stack, paid)
    assert money(row["revenue"]) == money(paid["paid_amount"]) + money(
        paid["patient_responsibility"])
    assert money(row["margin"]) == money(row["revenue"]) - money(row["acquisition_cost"])

    final = await visit(api, oid)
    assert final["order"]["status"] == "administered"
    assert final["appointment"]["status"] == "completed"
    assert await api.every(AuthorizationAuthorizationPage, get_authorizations.asyncio_detailed,
                           client=await api.as_(), order_id=UUID(oid)) == []
    assert final["claim"]["status"] == "paid"


# ------------------------------------------------------------------------------ 2. biologic
async def test_eptinezumab_pa_held_for_pas_then_approved_through_the_payer_portal(stack, api):
    payer = summit(f"PEND-{uuid.uuid4().hex[:6]}")
    patient = await new_patient(api, birth_date="1979-02-11", payer=payer)
    now = datetime.now(UTC)
    draft = await new_order(api, patient["id"], EPTINEZUMAB, urgency="planned",
                            payer=payer, diagnosis=("G43.709",),
                            window=(now + timedelta(hours=1), now + timedelta(hours=6)))
    ORDERS_SEEN["eptinezumab"] = oid = draft["id"]
    await sign(api, oid)

    # PA needed: a draft case with questions; the chair is only held meanwhile
    v = await visit_when(api, oid, lambda v: status_of(v["appointment"]) == "held"
                         and status_of(v["authorization"]) == "draft", "held + draft case")
    assert v["order"]["authorization_status"] == "pending"
    assert v["appointment"]["hold_expires_at"] is not None
    case_id = v["authorization"]["id"]
    case = await case_of(api, case_id)
    assert case["payer"]["payer_id"] == "summit-health"
    assert [(ln["hcpcs"], ln["requested_units"]) for ln in case["lines"]] == [("J3032", 100)]
    assert "J3032.prescriber-specialty" in case["missing"]

    # No verified RxNorm code for eptinezumab: the PAS request is held, nothing is sent, and
    # the chair stays held. Staff get the payer's decision on its portal and record it.
    case = await document_and_find_held(api, case_id)
    v = await visit(api, oid)
    assert status_of(v["appointment"]) == "held"
    case = await record_payer_decision(api, case, "approved", channel="portal")
    assert case["auth_number"].startswith("PA") and case["blockers"] == []
    assert case["lines"][0]["approved_units"] == 100
    assert case["valid_from"] <= local_date(stack, now) <= case["valid_to"]
    assert case["history"][-1]["actor"] == "client:demo-partner"  # who recorded it
    auth_number = case["auth_number"]

    v = await visit_when(api, oid, lambda v: status_of(v["appointment"]) == "booked"
                         and v["order"]["authorization_status"] == "approved", "booked")
    done = await give(api, v["order"], v["appointment"]["id"])
    assert done["status"] == "administered"
    v = await visit_when(api, oid, lambda v: v["claim"] is not None, "claim built")
    claim = v["claim"]
    # B1 example 2: 96365 x1 + J3032 x100-JZ (a 100 mg single-dose vial, nothing discarded)
    assert codes(claim) == [("96365", [], 1), ("J3032", ["JZ"], 100)]
    assert claim["auth_number"] == auth_number and claim["payer_id"] == "summit-health"
    [drug] = [ln for ln in claim["lines"] if ln["code"] == "J3032"]
    assert drug["ndc"] == STOCK["eptinezumab"][0] and drug["ndc_unit"] == "ML"
    # order.administered drew the approved units (authorization service)
    used = await visit_when(api, oid, lambda v: v["authorization"]["lines"][0]["used_units"]
                            == 100, "units used")
    assert used["authorization"]["lines"][0]["remaining_units"] == 0

    assert claim["status"] == "ready" and claim["rendering_npi"] == NPI, claim["reviews"]
    x12 = await submit_and_export(api, claim)
    assert f"REF*G1*{auth_number}" in x12 and "SV1*HC:J3032:JZ*" in x12
    assert "*UN*100*" in x12 and f"LIN**N4*{STOCK['eptinezumab'][0]}" in x12
    paid = await pay(api, claim)
    row = await margin_row(api, stack, paid)
    assert money(row["margin"]) == money(row["revenue"]) - money(row["acquisition_cost"])
    assert (await visit(api, oid))["order"]["status"] == "administered"


# ------------------------------------------------------------------------------ 3. denial
async def test_denied_pa_releases_the_chair_hold(stack, api):
    payer = summit(f"DENY-{uuid.uuid4().hex[:6]}")
    patient = await new_patient(api, birth_date="1990-07-19", payer=payer)
    now = datetime.now(UTC)
    draft = await new_order(api, patient["id"], EPTINEZUMAB, urgency="planned",
                            payer=payer, diagnosis=("G43.709",),
                            window=(now + timedelta(hours=1), now + timedelta(hours=6)))
    ORDERS_SEEN["denied"] = oid = draft["id"]
    await sign(api, oid)
    v = await visit_when(api, oid, lambda v: status_of(v["appointment"]) == "held"
                         and status_of(v["authorization"]) == "draft", "held + draft case")
    held = v["appointment"]

    # Held for PAS (no RxNorm code for eptinezumab): the payer's denial comes by fax.
    case = await document_and_find_held(api, v["authorization"]["id"])
    case = await record_payer_decision(
        api, case, "denied", channel="fax", reason_code="MN",
        reason="Medical necessity not established: two preventive classes not documented")
    assert case["status"] == "denied" and case["denial_code"] == "MN"
    assert "Medical necessity" in case["denial_reason"]

    # the order goes back to "signed" (it needs a slot again) once it hears of the release
    v = await visit_when(api, oid, lambda v: status_of(v["appointment"]) == "cancelled"
                         and v["order"]["authorization_status"] == "denied"
                         and v["order"]["status"] == "signed", "hold released",
                         who="demo-partner")
    assert v["appointment"]["id"] == held["id"]
    assert v["appointment"]["reason"] == "authorization_denied"
    order = v["order"]
    assert v["claim"] is None
    # The chair time is free again: the board no longer has the hold on that chair.
    board = await board_of(api, local_date(stack, held["start"]))
    [chair] = [c for c in board["chairs"] if c["chair_id"] == held["chair_id"]]
    assert all(a["id"] != held["id"] or a["status"] == "cancelled"
               for a in chair["appointments"])
    # The order shows why: the payer's reason, through the order itself.
    assert order["authorization_status"] == "denied"
    assert order["authorization_reason"] == case["denial_reason"]
    assert v["authorization"]["denial_reason"] == case["denial_reason"]


# ------------------------------------------------------------------------------ 4. pediatric
async def test_pediatric_order_blocked_by_a_dose_check_then_corrected(stack, api):
    child = await new_patient(api, birth_date=_years_ago(8), sex="male", weight_kg=25,
                              payer=MEDICAID)  # a Medicaid member in his own right
    lines = [
        {"sequence": 1, "drug_code": "prochlorperazine", "dose": "3.75", "dose_unit": "mg",
         "mode": "infusion", "minutes": 10},
        {"sequence": 2, "drug_code": "diphenhydramine", "dose": "25", "dose_unit": "mg",
         "mode": "push", "minutes": 2},
        {"sequence": 3, "drug_code": "ketorolac", "dose": "30", "dose_unit": "mg",
         "mode": "push", "minutes": 1},  # the adult dose: above 0.5 mg/kg x 25 kg = 12.5 mg
    ]
    draft = await new_order(api, child["id"], lines, urgency="same_day", payer=MEDICAID)
    ORDERS_SEEN["pediatric"] = oid = draft["id"]
    [block] = [f for f in draft["findings"] if f["severity"] == "block"]
    assert (block["code"], block["line"]) == ("pediatric_dose_above_cap", 3)
    with pytest.raises(ApiError) as refused:
        await sign(api, oid)
    assert refused.value.status == 409
    assert [f["code"] for f in refused.value.body["findings"]] == ["pediatric_dose_above_cap"]
    # nothing left the orders service: no hold, no PA decision
    v = await visit(api, oid)
    assert v["order"]["status"] == "draft" and v["appointment"] is None
    assert v["authorization"] is None

    lines[2]["dose"] = "12.5"
    fixed = await api.wire(OrdersOrderOut, patch_orders_order_id.asyncio_detailed,
                           client=await api.as_("demo-partner"), order_id=UUID(oid),
                           body=OrdersOrderUpdate.from_dict({"lines": lines}))
    assert not [f for f in fixed["findings"] if f["severity"] == "block"]
    await sign(api, oid)
    v = await visit_when(api, oid, lambda v: status_of(v["appointment"]) == "booked",
                         "booked on a pediatric chair")
    appt = v["appointment"]
    assert appt["pediatric"] is True
    chairs = {c["id"]: c for c in await chairs_of(api)}
    assert chairs[appt["chair_id"]]["pediatric_capable"] is True

    done = await give(api, v["order"], appt["id"], wasted={2: "25", 3: "17.5"})
    assert done["status"] == "administered"
    assert [Decimal(a["dose_given"]) for a in done["administrations"]] == [
        Decimal("3.75"), Decimal(25), Decimal("12.5")]
    v = await visit_when(api, oid, lambda v: v["claim"] is not None, "claim built")
    claim = v["claim"]
    given = {(ln["code"], ln["units"]) for ln in claim["lines"] if "JW" not in ln["modifiers"]}
    # 12.5 mg of ketorolac is one 15 mg unit; 3.75 mg prochlorperazine one "up to 10 mg"
    assert {("J1885", 1), ("J0780", 1), ("J1200", 1)} <= given
    assert claim["payer_id"] == "river-medicaid"
    assert claim["status"] == "ready" and claim["rendering_npi"] == NPI, claim["reviews"]


def _years_ago(years: int) -> str:
    today = datetime.now(UTC).date()
    return today.replace(year=today.year - years, day=min(today.day, 28)).isoformat()


# ------------------------------------------------------------------------------ 5. cancellation
async def test_cancellation_after_booking_frees_the_chair_for_the_same_day_queue(stack, api):
    """Capacity made scarce for the day (one chair, the clinic closing early), so a second
    same-day patient waits in the queue; cancelling the first visit gives the second the
    chair."""
    tz = ZoneInfo(stack.clinic_timezone)
    now_local = datetime.now(tz)
    hours = await api.wire(SchedulingClinicHoursOut, get_clinic_hours.asyncio_detailed,
                           client=await api.as_())
    chairs = await chairs_of(api)
    board = await board_of(api, now_local.date().isoformat())
    busy = {c["chair_id"] for c in board["chairs"]
            if any(a["status"] not in ("cancelled", "no_show") for a in c["appointments"])}
    free = next(c for c in chairs if c["active"] and c["id"] not in busy
                and not c["pediatric_capable"])
    try:
        for c in chairs:
            if c["id"] != free["id"] and c["active"]:
                await put_chair(api, {**c, "active": False})
        first = await _signed_cocktail(api)
        ORDERS_SEEN["cancelled"] = first
        v1 = await visit_when(api, first, lambda v: status_of(v["appointment"]) == "booked",
                              "first booked")
        assert v1["appointment"]["chair_id"] == free["id"]
        # The clinic now closes an hour after the first visit ends: no room for a second
        # 95-minute cocktail today. Measured from the booking, not from the clock, because
        # the first visit's start depends on the pharmacy's preparation time at that moment.
        first_end = datetime.fromisoformat(v1["appointment"]["end"]).astimezone(tz)
        closes = (first_end + timedelta(minutes=60)).time().replace(second=0, microsecond=0)
        assert closes > first_end.time(), "the test needs the first visit to end before 23:00"
        weekly = [w if w["weekday"] != now_local.weekday()
                  else {**w, "closes": closes.isoformat()} for w in hours["weekly"]]
        await put_hours(api, {**hours, "weekly": weekly})
        second = await _signed_cocktail(api)
        ORDERS_SEEN["queued"] = second
        v2 = await visit_when(api, second, lambda v: status_of(v["appointment"]) == "queued"
                              and v["order"]["authorization_status"] == "not_required",
                              "second queued")
        assert v2["order"]["status"] == "signed"

        cancelled = await api.wire(OrdersOrderOut, post_orders_order_id_cancel.asyncio_detailed,
                                   client=await api.as_("demo-partner"), order_id=UUID(first),
                                   body=OrdersCancelIn(reason="patient feels better"))
        assert cancelled["status"] == "cancelled"
        v1 = await visit_when(api, first, lambda v: status_of(v["appointment"]) == "cancelled",
                              "first released")
        assert v1["appointment"]["reason"] == "order_cancelled"
        assert v1["order"]["cancel_reason"] == "patient feels better"
        v2 = await visit_when(api, second, lambda v: status_of(v["appointment"]) == "booked"
                              and v["order"]["status"] == "scheduled", "second gets the chair")
        assert v2["appointment"]["chair_id"] == free["id"]
        assert v2["appointment"]["start"] < v1["appointment"]["end"]  # the freed time
        assert v1["claim"] is None and v1["authorization"] is None
    finally:
        await put_hours(api, hours)
        for c in chairs:
            await put_chair(api, c)


async def chairs_of(api: Api) -> list[dict]:
    return await api.wire(list, get_chairs.asyncio_detailed, client=await api.as_())


async def put_chair(api: Api, chair: dict) -> None:
    await api.call(SchedulingChairOut, put_chairs_chair_id.asyncio_detailed, chair["id"],
                   client=await api.as_(), body=SchedulingChairIn.from_dict(chair))


async def put_hours(api: Api, hours: dict) -> None:
    body = {k: v for k, v in hours.items() if k != "updated_at"}
    await api.call(SchedulingClinicHoursOut, put_clinic_hours.asyncio_detailed,
                   client=await api.as_(), body=SchedulingClinicHoursIn.from_dict(body))


async def _signed_cocktail(api) -> str:
    patient = await new_patient(api)
    order = await new_order(api, patient["id"], COCKTAIL, urgency="same_day", payer=MEDICARE)
    await sign(api, order["id"])
    return order["id"]


# ------------------------------------------------------------------------------ every service
async def test_every_service_reconciles_and_reports_its_figures(stack, api):
    world = await reconcile(stack, api)
    by_id = {o["id"]: o for o in world.orders}
    expected = {"cocktail": "administered", "eptinezumab": "administered", "denied": "signed",
                "pediatric": "administered", "cancelled": "cancelled", "queued": "scheduled"}
    assert {k: by_id[v]["status"] for k, v in ORDERS_SEEN.items()} == {
        k: expected[k] for k in ORDERS_SEEN}
    assert len(ORDERS_SEEN) == 6, "every visit above ran"
    # Raw: each process's Prometheus /metrics, not an operation of the public API.
    metrics = {name: (await api.http.get(stack.url(name) + "/metrics")).text
               for name in ("orders", "scheduling", "authorization", "reimbursement", "gateway")}
    for name, body in metrics.items():
        assert "http_requests_total{" in body and "http_request_duration_seconds" in body, name
    for name in ("orders", "scheduling", "authorization", "reimbursement"):
        body = metrics[name]
        for family in ("outbox_backlog", "events_consumed_total", "dlq_size", "consumer_lag"):
            assert family in body, (name, family)
    assert 'orders_signed_total{acuity_class="standard",urgency="same_day"}' in metrics["orders"]
    assert "orders_completed_total 3.0" in metrics["orders"]
    assert 'scheduling_order_requests_total{outcome="queued",urgency="same_day"}' in \
        metrics["scheduling"]
    assert 'chairside_pa_decisions_total{outcome="approved",payer="summit-health"}' in \
        metrics["authorization"]
    # Both decisions came off PAS (portal, fax): no PAS turnaround is observed for them.
    assert 'chairside_pa_decisions_total{outcome="denied",payer="summit-health"}' in \
        metrics["authorization"]
    assert 'chairside_reimbursement_claim_postings_total{outcome="paid"} 2.0' in \
        metrics["reimbursement"]
    assert "chairside_reimbursement_expected_margin_dollars_count" in metrics["reimbursement"]
    assert 'route="/v1/visits/{order_id}"' in metrics["gateway"]
    assert "scheduling_chair_utilization_ratio" in metrics["scheduling"]
    assert 'scheduling_chair_minutes{kind="available"}' in metrics["scheduling"]
