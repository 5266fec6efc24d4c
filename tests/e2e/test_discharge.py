"""Discharge through the gateway on the real processes: a ketamine visit without an escort
(clinical-loop.md §8 row 28: check-in warning, discharge blocked) and POSS 3 at the discharge
check (row 29: blocked, recheck in 15 min). Completing is refused with the unmet criteria and
changes nothing; once they are met, completing the order completes the appointment too."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from .client import until
from .visits import MEDICARE, STOCK, new_order, new_patient, status_of, visit, visit_when

pytestmark = pytest.mark.e2e
KETAMINE = [{"sequence": 1, "drug_code": "ketamine", "dose": "20", "dose_unit": "mg",
             "mode": "infusion", "minutes": 40}]


def vitals(kind: str, at: datetime, **values: object) -> dict:
    return {"kind": kind, "taken_at": at.isoformat(), "bp_systolic": 126, "bp_diastolic": 80,
            "heart_rate": 76, "respiratory_rate": 14, "spo2": 97, **values}


async def test_ketamine_visit_discharge(stack, api):
    patient = await new_patient(api)
    order = await new_order(api, patient["id"], KETAMINE, payer=MEDICARE)
    oid = order["id"]
    assert order["requires_driver"] is True
    await api.post(f"/v1/orders/{oid}/sign", who="demo-partner")
    v = await visit_when(api, oid, lambda v: status_of(v["appointment"]) == "booked", "booked")
    appt = v["appointment"]["id"]

    # row 28: no escort on file -> the check-in answers a warning
    checked = await api.post(f"/v1/appointments/{appt}/check-in")
    assert [w["code"] for w in checked["warnings"]] == ["escort_missing"]
    await api.post(f"/v1/appointments/{appt}/start")
    now = datetime.now(UTC)
    given = now - timedelta(minutes=45)
    ndc = STOCK.get("ketamine", ("00409205101", "K01A"))
    await api.post(f"/v1/orders/{oid}/administrations", {
        "line_sequence": 1, "started_at": given.isoformat(),
        "stopped_at": (given + timedelta(minutes=40)).isoformat(), "dose_given": "20",
        "dose_unit": "mg", "ndc": ndc[0], "lot": ndc[1], "wasted_amount": "0"})
    await api.post(f"/v1/orders/{oid}/vitals", vitals("baseline", given - timedelta(minutes=5)))
    # row 29: POSS 3 at the discharge check
    await api.post(f"/v1/orders/{oid}/vitals", vitals("discharge", now, poss="3"))
    check = await api.post(f"/v1/orders/{oid}/discharge", {
        "gait_steady": True, "orthostatics_negative": True, "nausea_controlled": True})
    assert check["ready"] is False and set(check["unmet"]) == {"sedation", "escort"}
    sedation = next(c for c in check["criteria"] if c["code"] == "sedation")
    assert "recheck in 15 min" in sedation["reason"] and check["recheck_at"]

    refused = await api.request("POST", f"/v1/orders/{oid}/complete", json={}, expect=409)
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert {u["code"] for u in refused.json()["unmet"]} == {"sedation", "escort"}
    early = await api.request("POST", f"/v1/appointments/{appt}/complete", expect=409)
    assert early.json()["type"].endswith("order-not-completed")
    v = await visit(api, oid)
    assert v["order"]["status"] == "in_progress" and v["appointment"]["status"] == "in_chair"

    # the escort (not echoed back), sedation rechecked 15 min later: ready
    escort = await api.post(f"/v1/orders/{oid}/escort",
                            {"name": "Rowan Escort", "phone": "+1 555 010 4242"})
    assert escort["escort_confirmed"] and "4242" not in str(escort)
    await api.post(f"/v1/orders/{oid}/vitals", vitals("discharge", datetime.now(UTC), poss="2"))
    status = await api.get(f"/v1/orders/{oid}/discharge")
    assert status["ready"] is True, status
    done = await api.post(f"/v1/orders/{oid}/complete", {})
    assert done["status"] == "administered"

    async def appointment_completed():
        a = await api.get(f"/v1/appointments/{appt}")
        return a if a["status"] == "completed" else None
    a = await until(appointment_completed, what="order.administered completes the chair time")
    assert a["started_at"] and a["completed_at"]
    vitals_list = await api.get(f"/v1/orders/{oid}/vitals")
    assert [x["kind"] for x in vitals_list["items"]] == ["baseline", "discharge", "discharge"]
