"""Issue 13's routes at the edge: demographics and coverages bound to the caller's practice,
the billing identity, payer identity and access log for the center's staff only, the patient
lookup by POST only (names never in a URL, a log line, a span, the audit or an idempotency
record), and eligibility checks owned through their patient. The fake services do not filter
by practice: every guarantee here is the gateway's."""

import logging

import pytest
from gateway_testkit.walk import BODIES, add_partner, seed_practice
from sqlalchemy import select

from gateway.adapters.orm import audit_log, idempotency_records
from gateway.entrypoints.api.contracts import orders as od

pytestmark = pytest.mark.integration
FAMILY, GIVEN, BIRTH, MEMBER = "Zyxwarden", "Quillane", "1958-07-19", "MBRZ99817"


async def _staff(g, username: str) -> dict[str, str]:
    r = await g.client.post("/v1/oauth/token", data={
        "grant_type": "password", "client_id": "demo-admin",
        "client_secret": "demo-admin-secret", "username": username,
        "password": f"{username}-password"})
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


def _forwarded(fakes, name: str, method: str, path: str) -> int:
    return len([s for s in fakes[name].seen if s.method == method and s.path == path])


async def test_a_partner_cannot_read_or_write_another_practices_demographics(g, fakes):
    mine = seed_practice(fakes, "demo-partner", "MRN-D-1")
    theirs = seed_practice(fakes, "practice-b", "MRN-D-2")
    partner = await g.auth("demo-partner")
    ok = await g.client.get(f"/v1/patients/{mine.patient['id']}/demographics", headers=partner)
    assert ok.status_code == 200
    path = f"/v1/patients/{theirs.patient['id']}/demographics"
    r = await g.client.get(path, headers=partner)
    assert r.status_code == 404 and r.json()["detail"] == "no such patient"
    r = await g.client.put(path, json=BODIES[od.PersonIn], headers=partner)
    assert r.status_code == 404
    coverages = f"/v1/patients/{theirs.patient['id']}/coverages"
    r = await g.client.post(coverages, json=BODIES[od.CoverageIn], headers=partner)
    assert r.status_code == 404
    r = await g.client.delete(f"{coverages}/8f1c8a4e-6a0b-4c55-9a51-0f2f1f7f7a04",
                              headers=partner)
    assert r.status_code == 404
    # the writes never reached orders; the read was answered from the owner check alone
    for method, p in (("PUT", path), ("POST", coverages), ("GET", path)):
        assert _forwarded(fakes, "orders", method, p) == 0, (method, p)
    # the other practice's own partner reaches it (the gate is ownership, not the route)
    secret = await add_partner(g.gw, "partner-b", "practice-b")
    r = await g.client.get(path, headers=await g.auth("partner-b", secret=secret))
    assert r.status_code == 200 and r.json()["id"] == theirs.patient["id"]


@pytest.mark.parametrize("method,path", [
    ("GET", "/v1/billing-identity"), ("PUT", "/v1/billing-identity"),
    ("GET", "/v1/payer-enrollments"), ("PUT", "/v1/payer-enrollments/demo-payer"),
    ("GET", "/v1/orders/{order_id}/payer-identity"),
    ("GET", "/v1/patients/{patient_id}/payer-identity?payer_id=medicare"),
    ("GET", "/v1/patients/{patient_id}/access-log"),
    ("POST", "/v1/claims/{claim_id}/check"),
    ("PUT", "/v1/claims/{claim_id}/administrations/1/ndc"),
    ("POST", "/v1/eligibility/{check_id}/resolve"), ("GET", "/v1/eligibility/flags"),
    ("POST", "/v1/practitioners"),
])
async def test_a_partner_cannot_reach_the_centers_billing_and_admin_routes(g, fakes, method,
                                                                           path):
    mine = seed_practice(fakes, "demo-partner", "MRN-D-3")
    url = path.format(**mine.ids)
    before = len(fakes["reimbursement"].seen) + len(fakes["orders"].seen)
    r = await g.client.request(method, url, headers=await g.auth("demo-partner"),
                               json={"reason": "x"} if method != "GET" else None)
    assert r.status_code == 403
    assert r.headers["content-type"].startswith("application/problem+json")
    assert len(fakes["reimbursement"].seen) + len(fakes["orders"].seen) == before


async def test_billing_identity_and_payer_identity_for_the_centers_staff(g, fakes):
    mine = seed_practice(fakes, "demo-partner", "MRN-D-4")
    biller = await _staff(g, "demo-biller")
    r = await g.client.get(f"/v1/orders/{mine.order['id']}/payer-identity", headers=biller)
    assert r.status_code == 200
    seen = fakes["orders"].calls("GET", f"/v1/orders/{mine.order['id']}/payer-identity")[-1]
    assert seen.headers["x-chairside-user-id"] and seen.headers["x-chairside-roles"] == "biller"
    assert "patients:read" in seen.headers["x-chairside-scopes"].split()
    assert (await g.client.get("/v1/billing-identity", headers=biller)).status_code == 200
    # replacing it is an admin's: a biller holds billing:write, not admin
    r = await g.client.put("/v1/billing-identity", json={"name": "x"}, headers=biller)
    assert r.status_code == 403 and "admin" in r.json()["detail"]
    clinician = await _staff(g, "demo-clinician")
    r = await g.client.get(f"/v1/orders/{mine.order['id']}/payer-identity", headers=clinician)
    assert r.status_code == 403


async def test_lookup_finds_only_the_partners_own_patients(g, fakes):
    mine = seed_practice(fakes, "demo-partner", "MRN-D-5")
    theirs = seed_practice(fakes, "practice-b", "MRN-D-6")
    partner = await g.auth("demo-partner")
    r = await g.client.post("/v1/patients/lookup", json={"member_id": MEMBER}, headers=partner)
    # the fake answers every patient it holds; the gateway keeps the caller's own
    assert r.status_code == 200 and r.json() == {"patient_ids": [mine.patient["id"]]}
    n = _forwarded(fakes, "orders", "POST", "/v1/patients/lookup")
    r = await g.client.post("/v1/patients/lookup", headers=partner,
                            json={"member_id": MEMBER, "practice_id": "practice-b"})
    assert r.status_code == 200 and r.json() == {"patient_ids": []}
    assert _forwarded(fakes, "orders", "POST", "/v1/patients/lookup") == n  # not sent
    staff = await g.client.post("/v1/patients/lookup", json={"member_id": MEMBER},
                                headers=await g.auth())
    assert {mine.patient["id"], theirs.patient["id"]} <= set(staff.json()["patient_ids"])
    # the GET form (names in the URL) is not public: 405, POST allowed, nothing forwarded
    for method in ("GET", "PATCH", "HEAD"):
        r = await g.client.request(method, "/v1/patients/lookup",
                                   params={"family_name": FAMILY}, headers=partner)
        assert r.status_code == 405 and r.headers["allow"] == "POST", method
    assert not [s for s in fakes["orders"].seen if s.method != "POST" and "lookup" in s.path]


async def test_a_date_in_a_query_is_written_as_a_date(g, fakes):
    mine = seed_practice(fakes, "demo-partner", "MRN-D-10")
    path = f"/v1/patients/{mine.patient['id']}/coverages/8f1c8a4e-6a0b-4c55-9a51-0f2f1f7f7a04"
    n = len(fakes["orders"].seen)
    for value in ("0", "1700000000", "2026-1-1"):  # a lax reader takes the first two as times
        r = await g.client.delete(path, params={"effective_to": value},
                                  headers=await g.auth())
        assert r.status_code == 422 and r.json()["errors"] == [
            {"field": "effective_to", "message": "must be a date (YYYY-MM-DD)"}], value
    assert len(fakes["orders"].seen) == n
    r = await g.client.delete(path, params={"effective_to": "2026-03-31"},
                              headers=await g.auth())
    assert r.status_code < 300
    assert fakes["orders"].seen[-1].query == {"effective_to": "2026-03-31"}


async def test_no_name_of_a_lookup_in_logs_spans_audit_or_idempotency_records(
        g, fakes, caplog, span_exporter):
    caplog.set_level(logging.DEBUG)
    seed_practice(fakes, "demo-partner", "MRN-D-7")
    partner = await g.auth("demo-partner")
    span_exporter.clear()
    criteria = {"family_name": FAMILY, "given_name": GIVEN, "birth_date": BIRTH}
    ok = await g.client.post("/v1/patients/lookup", json=criteria,
                             headers={**partner, "idempotency-key": "lookup-1"})
    assert ok.status_code == 200 and ok.json()["patient_ids"]
    bad = await g.client.post("/v1/patients/lookup", json={**criteria, "birth_date": FAMILY},
                              headers=partner)
    assert bad.status_code == 422 and FAMILY not in bad.text
    fakes["orders"].fail_with = [500]
    failed = await g.client.post("/v1/patients/lookup", json=criteria, headers=partner)
    assert failed.status_code == 502
    await g.gw.audit.flush()
    logged = "\n".join(f"{r.name} {r.getMessage()} {r.exc_text or ''}" for r in caplog.records)
    spans = "\n".join(f"{s.name} {dict(s.attributes or {})}"
                      for s in span_exporter.get_finished_spans()
                      if s.instrumentation_scope.name == "gateway")
    async with g.gw.sessions() as s:
        audit = [dict(r) for r in (await s.execute(select(audit_log).where(
            audit_log.c.action == "POST /v1/patients/lookup"))).mappings().all()]
        kept = (await s.execute(select(idempotency_records))).mappings().all()
    assert caplog.records and spans and audit
    for text in (logged, spans, str(audit), str([dict(k) for k in kept])):
        for value in (FAMILY, GIVEN, BIRTH):
            assert value not in text
    # each lookup is audited with the ids it found (none for the refused ones)
    found = {r["resource_id"] for r in audit if r["status"] == 200}
    assert found == set(ok.json()["patient_ids"])
    assert not [k for k in kept if k["key"] == "lookup-1"]  # a read keeps nothing


async def test_eligibility_checks_are_bound_through_their_patient(g, fakes):
    mine = seed_practice(fakes, "demo-partner", "MRN-D-8")
    theirs = seed_practice(fakes, "practice-b", "MRN-D-9")
    partner = await g.auth("demo-partner")
    r = await g.client.get(f"/v1/eligibility/{mine.check['id']}", headers=partner)
    assert r.status_code == 200 and r.json()["id"] == mine.check["id"]
    r = await g.client.get(f"/v1/eligibility/{theirs.check['id']}", headers=partner)
    assert r.status_code == 404 and r.json()["detail"] == "no such eligibility_check"
    path = f"/v1/patients/{theirs.patient['id']}/eligibility"
    r = await g.client.post(path, json={"payer_id": "demo-payer"}, headers=partner)
    assert r.status_code == 404 and _forwarded(fakes, "authorization", "POST", path) == 0
    own = f"/v1/patients/{mine.patient['id']}/eligibility"
    r = await g.client.post(own, headers=partner)  # the body is optional
    assert r.status_code == 201
    seen = fakes["authorization"].calls("POST", own)[-1]
    assert seen.headers["x-chairside-practice-id"] == "demo-partner"
    clinician = await _staff(g, "demo-clinician")
    await g.client.get(own, headers=clinician)
    seen = fakes["authorization"].calls("GET", own)[-1]
    assert seen.headers["x-chairside-user-id"] and \
        seen.headers["x-chairside-roles"] == "clinician"
