"""An MS patient's first ocrelizumab infusion through the gateway only (issue 18): the HBV gate
holds the order until the screen is recorded, premedication is added by rule, the titrated
infusion sets the chair time, the payer's criteria and PA decide, the visit is given, and the
claim and its 837P carry the complex-biologic coding. Real processes, PostgreSQL, broker."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest
from chairside_client.api.orders import (
    get_observation_kinds,
    post_orders_order_id_check,
    post_patients_patient_id_observations,
)
from chairside_client.api.reimbursement import post_inventory
from chairside_client.models import (
    OrdersCheckOut,
    OrdersObservationIn,
    OrdersObservationOut,
    OrdersPageObservationKindOut,
    ReimbursementInventoryItemOut,
    ReimbursementReceiptIn,
)

from .client import ApiError
from .visits import (
    _answer,
    case_of,
    codes,
    give,
    new_order,
    new_patient,
    record_payer_decision,
    sign,
    status_of,
    submit_and_export,
    summit,
    visit_when,
)

pytestmark = pytest.mark.e2e

# Ocrevus 300 mg/10 mL single-dose vial: the catalog's verified NDC (50242-150-01), in its
# 11-digit billing form. Its cost here is this test's own figure, not a published price.
OCREVUS = {"ndc": "50242015001", "name": "Ocrevus (ocrelizumab) 300 mg/10 mL single-dose vial",
           "hcpcs": "J2350", "strength": "300", "strength_unit": "mg", "volume_ml": "10",
           "vials_per_package": 1, "single_dose": True, "ndc_unit": "ML",
           "package_cost": "9000.00", "cost_source": "e2e test cost (not a published price)"}
OCRELIZUMAB_DOSE_1 = [{"sequence": 1, "drug_code": "ocrelizumab", "dose": "300",
                       "dose_unit": "mg", "mode": "infusion", "minutes": 159}]
# The titration of dose 1 (300 mg in 250 mL: 30 mL/h, +30 every 30 min up to 180 mL/h)
TITRATED_MINUTES = 159


async def _receive_ocrevus(api) -> str:
    lot = f"OCR{uuid.uuid4().hex[:6].upper()}"
    await api.call(ReimbursementInventoryItemOut, post_inventory.asyncio_detailed,
                   client=await api.as_(), body=ReimbursementReceiptIn.from_dict({
                       "ndc": OCREVUS["ndc"], "lot_number": lot, "packages": 2,
                       "expires_on": (datetime.now(UTC) + timedelta(days=365)).date().isoformat(),
                       "reference": "e2e delivery", "product": OCREVUS}))
    return lot


async def test_ocrelizumab_dose_1_gated_premedicated_titrated_authorized_and_billed(stack, api):
    lot = await _receive_ocrevus(api)
    stock = {"ocrelizumab": (str(OCREVUS["ndc"]), lot),
             "methylprednisolone": ("99207001225", "D11A")}  # the demo stock's lot
    payer = summit(f"MS{uuid.uuid4().hex[:8].upper()}")
    patient = await new_patient(api, birth_date="1988-03-14", payer=payer)
    now = datetime.now(UTC)
    draft = await new_order(api, patient["id"], OCRELIZUMAB_DOSE_1, urgency="planned",
                            payer=payer, diagnosis=("G35",),
                            window=(now + timedelta(minutes=5), now + timedelta(hours=12)))
    oid = draft["id"]

    # 1. The HBV gate blocks the first dose; premedication came by rule, before the drug
    blocks = {f["code"] for f in draft["findings"] if f["severity"] == "block"}
    assert "gate.hbv_screen" in blocks, draft["findings"]
    by_drug = {ln["drug_code"]: ln for ln in draft["lines"]}
    assert set(by_drug) == {"methylprednisolone", "diphenhydramine", "ocrelizumab"}
    assert by_drug["ocrelizumab"]["sequence"] > by_drug["methylprednisolone"]["sequence"]
    assert by_drug["methylprednisolone"]["dose"] in ("100", "100.0", 100)
    # the titrated run time and the hour of observation after it are chair time
    assert draft["estimated_chair_minutes"] >= TITRATED_MINUTES + 60
    with pytest.raises(ApiError) as refused:
        await sign(api, oid)
    assert refused.value.status in (409, 422) and "gate.hbv_screen" in str(refused.value.body)

    # 2. The partner sends the screen; the gate is met on the next check, and the order signs
    partner = await api.as_("demo-partner")
    kinds = await api.call(OrdersPageObservationKindOut, get_observation_kinds.asyncio_detailed,
                           client=partner)  # the catalog's kinds, through the gateway
    assert "hbv_screen" in {k.kind for k in kinds.items}
    await api.call(OrdersObservationOut, post_patients_patient_id_observations.asyncio_detailed,
                   client=partner, patient_id=UUID(patient["id"]),
                   body=OrdersObservationIn.from_dict({
                       "kind": "hbv_screen", "result": "negative", "source": "lab",
                       "observed_on": (now - timedelta(days=20)).date().isoformat()}))
    checked = await api.wire(OrdersCheckOut, post_orders_order_id_check.asyncio_detailed,
                             client=partner, order_id=UUID(oid))
    assert "gate.hbv_screen" not in {f["code"] for f in checked["findings"]}
    signed = await sign(api, oid)
    assert signed["status"] == "signed" and signed["acuity_class"] in ("elevated", "high")

    # 3. PA: the payer's MS criteria are asked; the chair is only held meanwhile
    v = await visit_when(api, oid, lambda v: status_of(v["appointment"]) == "held"
                         and status_of(v["authorization"]) == "draft", "held + draft case",
                         timeout_s=60)
    case = await case_of(api, v["authorization"]["id"])
    assert [(ln["hcpcs"], ln["requested_units"]) for ln in case["lines"]] == [("J2350", 300)]
    missing = set(case["missing"])
    assert {"J2350.hbv-screen-negative", "J2350.concurrent-ms-dmt"} <= missing, missing
    held = v["appointment"]
    assert held["end"] > held["start"]
    minutes = (datetime.fromisoformat(held["end"]) - datetime.fromisoformat(held["start"]))
    assert minutes >= timedelta(minutes=TITRATED_MINUTES + 60)
    answers = {"J2350.hbv-screen-negative": True, "J2350.concurrent-ms-dmt": False}
    await _answer(api, case["id"], answers, "demo-partner")  # as the partner's staff
    case = await case_of(api, case["id"])
    assert not {"J2350.hbv-screen-negative", "J2350.concurrent-ms-dmt"} & set(case["missing"])
    # no verified RxNorm code for ocrelizumab: staff record the payer's portal decision
    case = await record_payer_decision(api, case, "approved", channel="portal")
    assert case["lines"][0]["approved_units"] == 300

    # 4. Booked, given (premedication first, then the titrated infusion), completed
    v = await visit_when(api, oid, lambda v: status_of(v["appointment"]) == "booked"
                         and v["order"]["authorization_status"] == "approved", "booked",
                         timeout_s=60)
    order = v["order"]
    done = await give(api, order, v["appointment"]["id"], stock=stock)
    assert done["status"] == "administered"

    # 5. The claim: J2350 x300 (a whole 300 mg vial: JZ), complex-biologic administration
    v = await visit_when(api, oid, lambda v: v["claim"] is not None, "claim built",
                         timeout_s=60)
    claim = v["claim"]
    coded = codes(claim)
    assert ("J2350", ["JZ"], 300) in coded, coded
    admin = [c for c in coded if c[0].startswith("96")]
    assert admin and admin[0][0] == "96413", coded  # the initial service: the biologic
    assert ("96415", [], 2) in coded, coded  # 159 min: two additional hours (> 30 min each)
    assert claim["auth_number"] == case["auth_number"]
    assert claim["status"] == "ready", claim["reviews"]
    print("\nocrelizumab dose 1 claim lines:", coded)
    x12 = await submit_and_export(api, claim)
    assert "SV1*HC:J2350:JZ*" in x12 and "*UN*300*" in x12
    assert f"LIN**N4*{OCREVUS['ndc']}" in x12 and f"REF*G1*{case['auth_number']}" in x12
    assert "HI*ABK:G35" in x12
