"""Outcomes on real PostgreSQL: a visit's pain scores and follow-ups classified (acceptance
rows 9 and 12), preventive assessments with outcome.assessed in the outbox (row 17) and the
HIT-6 422, the response history feeding the order check (row 13), and the outcome reports."""

from __future__ import annotations

from datetime import timedelta

import pytest

from orders.adapters.outcome_tables import assessments, follow_ups, pain_scores

from .test_api import NOW, new_order, new_patient, outbox_events, protocol_id

pytestmark = pytest.mark.integration


async def visit(c, patient_id, proto_key, scores, calls=()):
    """A signed, given and completed visit of a protocol with its NRS series and calls."""
    order = await new_order(c, patient_id, protocol_id=await protocol_id(c, proto_key))
    for f in order["findings"]:  # repeat visits of one day: the clinician overrides
        if f["severity"] == "block":
            r = await c.post(f"/v1/orders/{order['id']}/overrides", json={
                "finding_code": f["code"], "line": f["line"], "reason": "test: repeat visit"})
            assert r.status_code == 201, r.text
    signed = (await c.post(f"/v1/orders/{order['id']}/sign")).json()
    assert signed["status"] == "signed", signed
    for ln in signed["lines"]:
        r = await c.post(f"/v1/orders/{order['id']}/administrations", json={
            "line_sequence": ln["sequence"], "started_at": NOW.isoformat(),
            "stopped_at": (NOW + timedelta(minutes=ln["minutes"])).isoformat(),
            "dose_given": ln["dose"], "dose_unit": ln["dose_unit"], "wasted_amount": "0"})
        assert r.status_code == 201, r.text
    for point, nrs in scores:
        r = await c.post(f"/v1/orders/{order['id']}/pain-scores", json={"point": point,
                                                                        "nrs": nrs})
        assert r.status_code == 201, r.text
    done = await c.post(f"/v1/orders/{order['id']}/complete", json={
        "discharge_override_reason": "outcome test: discharge criteria tested elsewhere"})
    assert done.status_code == 200, done.text
    for call in calls:
        r = await c.post(f"/v1/orders/{order['id']}/follow-ups", json=call)
        assert r.status_code == 201, r.text
    return order["id"]


async def test_row_9_and_12_visit_outcome(svc):
    c = svc.client
    pt = await new_patient(c)
    oid = await visit(c, pt["id"], "ed-style-cocktail",
                      [("arrival", 8), ("pre_drug", 8), ("120_min", 2), ("discharge", 2)],
                      [{"checkpoint_hours": 72, "ed_visit": True, "ed_hours": "40"}])
    out = (await c.get(f"/v1/orders/{oid}/outcomes")).json()
    assert out["outcome"]["response"] == "relief"
    assert out["outcome"]["pain_free_2h"] is False
    assert out["outcome"]["ed_return_72h"] is True and out["outcome"]["ed_return_hours"] == 40
    assert [s["category"] for s in out["scores"]] == ["severe", "severe", "mild", "mild"]
    assert await svc.count(pain_scores) == 4 and await svc.count(follow_ups) == 1
    # row 12: in the protocol history
    hist = (await c.get(f"/v1/patients/{pt['id']}/responses")).json()
    assert hist["visits"][0]["ed_return_72h"] is True


async def test_bad_inputs_change_nothing(svc):
    c = svc.client
    pt = await new_patient(c)
    order = await new_order(c, pt["id"], protocol_id=await protocol_id(c, "ed-style-cocktail"))
    r = await c.post(f"/v1/orders/{order['id']}/pain-scores", json={"point": "arrival",
                                                                    "nrs": 11})
    assert r.status_code == 422 and "nrs" in r.text
    r = await c.post(f"/v1/orders/{order['id']}/pain-scores", json={"point": "arrival",
                                                                    "nrs": 5})
    assert r.status_code == 409  # a draft visit has not started
    r = await c.post(f"/v1/orders/{order['id']}/follow-ups",
                     json={"checkpoint_hours": 24, "rescue_used": True})
    assert r.status_code == 422 and "rescue_hours" in r.text
    r = await c.post(f"/v1/patients/{pt['id']}/assessments", json={
        "kind": "hit6", "taken_on": NOW.date().isoformat(), "items": [13, 13, 12, 11, 10, 10]})
    assert r.status_code == 422 and "items[2]" in r.text
    assert await svc.count(pain_scores) == 0 and await svc.count(assessments) == 0
    r = await c.get("/v1/reports/outcomes", params={"from": "2026-12-05", "to": "2026-12-01"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "to"


async def test_row_17_18_19_assessments_publish_outcome_assessed(svc):
    c = svc.client
    pt = await new_patient(c)
    today = NOW.date()
    base = {"kind": "diary", "drug_code": "eptinezumab", "migraine_days": 12,
            "period_start": (today - timedelta(days=27)).isoformat(),
            "taken_on": today.isoformat()}
    assert (await c.post(f"/v1/patients/{pt['id']}/assessments", json=base)).status_code == 201
    r = await c.post(f"/v1/patients/{pt['id']}/assessments", json={
        "kind": "hit6", "taken_on": today.isoformat(), "items": [13, 13, 11, 11, 10, 10]})
    assert r.status_code == 201, r.text
    assert r.json()["items"][-1]["total"] == 68 and r.json()["items"][-1]["grade"] == "severe"
    r = await c.post(f"/v1/patients/{pt['id']}/assessments", json={
        "kind": "midas", "taken_on": today.isoformat(), "items": [5, 4, 3, 2, 1]})
    assert r.json()["items"][-1]["grade"] == "III"
    events = [e for e in await outbox_events(svc) if e[0] == "outcome.assessed"]
    assert len(events) == 3
    etype, key, payload = events[0]
    assert key == pt["id"] and payload["baseline_migraine_days"] == 12.0
    assert "mrn" not in str(payload) and "birth_date" not in str(payload)
    doc = (await c.get(f"/v1/patients/{pt['id']}/assessments",
                       params={"drug_code": "eptinezumab"})).json()
    assert doc["summary"]["baseline_migraine_days"] == 12.0
    assert doc["summary"]["hit6_band"] == "severe" and doc["summary"]["midas_grade"] == "III"


async def test_row_13_two_failures_flag_the_protocol(svc):
    c = svc.client
    pt = await new_patient(c)
    good = await visit(c, pt["id"], "dhe-antiemetic", [("pre_drug", 8), ("discharge", 2)],
                       [{"checkpoint_hours": 24}])
    for _ in range(2):
        await visit(c, pt["id"], "ed-style-cocktail", [("pre_drug", 7), ("discharge", 5)])
    hist = (await c.get(f"/v1/patients/{pt['id']}/responses")).json()
    assert [v["result"] for v in hist["visits"]] == ["failure", "failure", "success"]
    dhe = await protocol_id(c, "dhe-antiemetic")
    assert hist["last_successful_protocol_id"] == dhe and hist["best_protocol_id"] == dhe
    order = await new_order(c, pt["id"], protocol_id=await protocol_id(c, "ed-style-cocktail"))
    flags = [f for f in order["findings"] if f["code"] == "protocol_failed_recently"]
    assert len(flags) == 1 and flags[0]["severity"] == "warn" and dhe in flags[0]["message"]
    assert any(f["code"] == "prior_response" and f["severity"] == "info"
               for f in order["findings"])
    report = (await c.get("/v1/reports/outcomes")).json()
    rows = {r["protocol_id"]: r for r in report["protocols"]}
    assert rows[dhe]["relief"] == {"count": 1, "known": 1, "rate": 1.0}
    saved = (await c.get("/v1/reports/ed-avoided")).json()
    assert saved["relieved"] == 1 and saved["unknown"] == 1 and saved["avoided"] == 0
    assert saved["cost_source"] == "default (unverified)"
    assert good
