"""The visit record over HTTP on PostgreSQL: vitals with findings, the sealed escort and its
event, the discharge check (rows 28 and 29 of clinical-loop.md §8), and completion refused
with the unmet criteria (changing nothing) until they are met or overridden with a reason."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from orders.adapters.orm import orders, phi_access_log
from orders.adapters.visit_tables import discharge_checks, visit_escorts, vital_signs

from .test_api import line, new_order, new_patient, outbox_events

pytestmark = pytest.mark.integration
ESCORT = {"name": "Zebulon Quintero", "phone": "+1 (555) 010-7788"}


def at(minutes_ago: int) -> str:
    return (datetime.now(UTC) - timedelta(minutes=minutes_ago)).isoformat()


def vitals(kind: str, minutes_ago: int, **values: object) -> dict[str, object]:
    return {"kind": kind, "taken_at": at(minutes_ago), "bp_systolic": 124, "bp_diastolic": 78,
            "heart_rate": 72, "respiratory_rate": 14, "spo2": 98, **values}


async def given_sedating_visit(c) -> str:
    """Diphenhydramine: a no-drive drug that also needs gait and orthostatics."""
    pt = await new_patient(c)
    order = await new_order(c, pt["id"], [line("diphenhydramine", 25)])
    assert (await c.post(f"/v1/orders/{order['id']}/sign")).status_code == 200
    r = await c.post(f"/v1/orders/{order['id']}/administrations", json={
        "line_sequence": 1, "started_at": at(60), "stopped_at": at(58), "dose_given": "25",
        "dose_unit": "mg", "ndc": "0000000000", "wasted_amount": "0"})
    assert r.status_code == 201, r.text
    return str(order["id"])


async def test_completion_waits_for_discharge_criteria(svc):
    c = svc.client
    oid = await given_sedating_visit(c)
    assert (await c.post(f"/v1/orders/{oid}/vitals", json=vitals("baseline", 90))
            ).status_code == 201
    r = await c.post(f"/v1/orders/{oid}/vitals", json=vitals("discharge", 5, poss="3",
                                                             heart_rate=95))
    assert r.status_code == 201, r.text
    assert {f["code"] for f in r.json()["findings"]} == {"off_baseline",
                                                         "sedation_unacceptable"}

    # rows 28 and 29: no escort, POSS 3 -> blocked, recheck in 15 min
    status = (await c.get(f"/v1/orders/{oid}/discharge")).json()
    assert not status["ready"]
    assert set(status["unmet"]) == {"vitals_baseline", "sedation", "gait_orthostatics",
                                    "nausea", "escort"}
    sedation = next(x for x in status["criteria"] if x["code"] == "sedation")
    assert "recheck in 15 min" in sedation["reason"] and status["recheck_at"]

    before = (await svc.count(orders, orders.c.status == "in_progress"),
              len(await outbox_events(svc)))
    r = await c.post(f"/v1/orders/{oid}/complete", json={})
    assert r.status_code == 409 and r.headers["content-type"] == "application/problem+json"
    body = r.json()
    assert body["type"].endswith("discharge-blocked")
    assert {u["code"] for u in body["unmet"]} == set(status["unmet"])
    after = (await svc.count(orders, orders.c.status == "in_progress"),
             len(await outbox_events(svc)))
    assert after == before  # refused: nothing changed, nothing emitted

    # the escort, sealed: neither name nor phone readable in the row or the event
    r = await c.post(f"/v1/orders/{oid}/escort", json=ESCORT)
    assert r.status_code == 201 and "phone" not in r.text and "Zebulon" not in r.text
    async with svc.runtime.session_factory() as s:
        row = (await s.execute(visit_escorts.select())).one()
    assert b"Zebulon" not in bytes(row.payload) and b"7788" not in bytes(row.payload)
    etype, key, payload = (await outbox_events(svc))[-1]
    assert etype == "order.escort_confirmed" and key == oid
    assert "Zebulon" not in str(payload) and set(payload) >= {"order_id", "confirmed_at"}
    assert await svc.count(phi_access_log, phi_access_log.c.resource == "escort") == 1

    # recheck: sedation and vitals back, gait/orthostatics and nausea assessed
    await c.post(f"/v1/orders/{oid}/vitals", json=vitals("discharge", 1, poss="2"))
    r = await c.post(f"/v1/orders/{oid}/discharge", json={
        "gait_steady": True, "orthostatics_negative": True, "nausea_controlled": True})
    assert r.status_code == 201 and r.json()["ready"] and r.json()["unmet"] == [], r.text
    assert await svc.count(discharge_checks) == 1 and await svc.count(vital_signs) == 3
    done = await c.post(f"/v1/orders/{oid}/complete", json={})
    assert done.status_code == 200 and done.json()["status"] == "administered", done.text


async def test_override_is_recorded_with_who_and_why(svc):
    c = svc.client
    oid = await given_sedating_visit(c)
    r = await c.post(f"/v1/orders/{oid}/complete", json={"discharge_override_reason": "x"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == \
        "discharge_override_reason"
    r = await c.post(f"/v1/orders/{oid}/complete", json={
        "discharge_override_reason": "transferred to the ED by ambulance"})
    assert r.status_code == 200, r.text
    entry = next(h for h in r.json()["history"] if h["action"] == "discharge_override")
    assert entry["by"] == "dr-house"
    assert entry["detail"]["reason"] == "transferred to the ED by ambulance"
    assert "escort" in entry["detail"]["unmet"]


async def test_bad_vitals_are_422_naming_the_field_and_store_nothing(svc):
    c = svc.client
    oid = await given_sedating_visit(c)
    r = await c.post(f"/v1/orders/{oid}/vitals", json=vitals("during", 0, spo2=40,
                                                             bp_diastolic=130))
    assert r.status_code == 422
    assert {e["field"] for e in r.json()["errors"]} == {"spo2", "bp_diastolic"}
    r = await c.post(f"/v1/orders/{oid}/vitals", json=vitals("during", -30))
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "taken_at"
    r = await c.post(f"/v1/orders/{oid}/escort", json={"name": "Al", "phone": "12"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "phone"
    assert await svc.count(vital_signs) == 0 and await svc.count(visit_escorts) == 0
    assert (await c.get(f"/v1/orders/{oid}/vitals")).json() == {"items": []}
