"""Identities over HTTP on PostgreSQL: practitioners (NPI check digit), demographics and
coverages (422 naming the field, history, one birth date), lookups through the blind index,
partner scoping, the append-only access log, ciphertext at rest, and the payer identity of
an order with the ids its events carry."""

from __future__ import annotations

import json
from datetime import timedelta

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from orders.adapters.orm import coverage_versions, patient_demographics, phi_access_log

from .conftest import CLERK, PARTNER
from .test_api import NOW, born, line, new_patient, outbox_events

pytestmark = pytest.mark.integration
HOME = {"line1": "12 Elm St", "line2": None, "city": "Boston", "state": "MA",
        "postal_code": "021101234"}
ORDERER = {"npi": "1234567893", "family_name": "Carter", "given_name": "John",
           "taxonomy": "2084N0402X", "roles": ["ordering", "supervising"]}


def person(birth_date, **kw):
    return {"family_name": "Okafor", "given_name": "Adaeze", "middle_name": "N",
            "birth_date": birth_date, "sex": "female", "address": HOME,
            "phone": "6175550123", **kw}


async def practitioner(c, **kw):
    r = await c.post("/v1/practitioners", json={**ORDERER, **kw})
    assert r.status_code == 201, r.text
    return r.json()


def fields_of(r):
    assert r.status_code == 422 and r.headers["content-type"] == "application/problem+json"
    return {e["field"]: e["message"] for e in r.json()["errors"]}


async def test_practitioners_npi_check_digit_taxonomy_and_roles(svc):
    c = svc.client
    r = await c.post("/v1/practitioners", json={**ORDERER, "npi": "1234567890"})
    assert "check digit" in fields_of(r)["npi"]
    r = await c.post("/v1/practitioners", json={**ORDERER, "taxonomy": "207RN030X",
                                                "roles": ["billing"]})
    assert {"taxonomy", "roles.0"} <= set(fields_of(r))
    doc = await practitioner(c)
    assert (doc["npi"], doc["roles"], doc["active"]) == ("1234567893",
                                                        ["ordering", "supervising"], True)
    assert (await c.post("/v1/practitioners", json=ORDERER)).status_code == 409
    assert (await c.post("/v1/practitioners", json=ORDERER, headers=CLERK)).status_code == 403
    r = await c.patch(f"/v1/practitioners/{doc['id']}", json={"npi": "1234567894"})
    assert "check digit" in fields_of(r)["npi"]
    r = await c.patch(f"/v1/practitioners/{doc['id']}", json={"roles": ["rendering"]})
    assert r.json()["roles"] == ["rendering"]
    listed = (await c.get("/v1/practitioners", params={"role": "rendering"})).json()["items"]
    assert [p["id"] for p in listed] == [doc["id"]]
    assert (await c.get(f"/v1/practitioners/{doc['id']}", headers=PARTNER)).status_code == 200


async def test_demographics_put_get_one_birth_date_and_bad_input(svc):
    c = svc.client
    pt = await new_patient(c)
    url = f"/v1/patients/{pt['id']}/demographics"
    assert (await c.get(url)).status_code == 404
    bad = {**person(pt["birth_date"]), "phone": "555-0123",
           "address": {**HOME, "state": "Mass", "postal_code": "0211"}}
    assert {"phone", "address.state", "address.postal_code"} <= set(
        fields_of(await c.put(url, json=bad)))
    assert "birth_date" in fields_of(await c.put(url, json=person("2999-01-01")))
    assert await svc.count(patient_demographics) == 0
    new_birth = born(41)
    r = await c.put(url, json=person(new_birth))
    assert r.status_code == 200, r.text
    assert r.json()["birth_date"] == new_birth
    assert (await c.get(f"/v1/patients/{pt['id']}")).json()["birth_date"] == new_birth
    await c.patch(f"/v1/patients/{pt['id']}", json={"birth_date": born(42)})
    got = (await c.get(url, params={"purpose": "payment"})).json()
    assert (got["birth_date"], got["family_name"], got["address"]["postal_code"]) == (
        born(42), "Okafor", "021101234")
    ids = (await c.get("/v1/patients/lookup", params={
        "family_name": "okafor", "given_name": "ADAEZE", "birth_date": born(42)})).json()
    assert ids == {"patient_ids": [pt["id"]]}
    old = (await c.post("/v1/patients/lookup", json={
        "family_name": "Okafor", "given_name": "Adaeze", "birth_date": new_birth})).json()
    assert old == {"patient_ids": []}  # the index followed the birth date
    assert "family_name" in fields_of(await c.get("/v1/patients/lookup",
                                                  params={"given_name": "x"}))


async def test_patient_created_with_demographics_and_coverages(svc):
    c = svc.client
    birth = born(9)
    parent = person(born(38), given_name="Obi", sex="male")
    body = {"practice_id": "demo-clinic", "mrn": "K-1", "birth_date": birth, "sex": "male",
            "weight_kg": "30", "demographics": {**person(birth), "sex": None,
                                                 "birth_date": None, "given_name": "Chidi"},
            "coverages": [{"payer_id": "summit-health", "member_id": "SUM-77", "plan_id": "ppo",
                           "relationship": "child"}]}
    r = await c.post("/v1/patients", json=body)
    assert "coverages.0.subscriber" in fields_of(r)
    r = await c.post("/v1/patients", json={**body, "demographics": {
        **body["demographics"], "sex": "female"}})
    assert "demographics.sex" in fields_of(r)
    from orders.adapters.orm import patients
    assert await svc.count(patients) == 0
    body["coverages"][0]["subscriber"] = parent
    r = await c.post("/v1/patients", json=body)
    assert r.status_code == 201, r.text
    pid = r.json()["id"]
    demo = (await c.get(f"/v1/patients/{pid}/demographics")).json()
    assert (demo["given_name"], demo["sex"], demo["birth_date"]) == ("Chidi", "male", birth)
    [cov] = (await c.get(f"/v1/patients/{pid}/coverages")).json()["items"]
    assert (cov["relationship"], cov["subscriber"]["given_name"], cov["version"]) == (
        "child", "Obi", 1)
    assert (await c.get("/v1/patients/lookup", params={"member_id": "sum-77"})).json() == {
        "patient_ids": [pid]}


async def test_coverage_history_kept_through_changes_and_end(svc):
    c = svc.client
    pt = await new_patient(c)
    base = f"/v1/patients/{pt['id']}/coverages"
    r = await c.post(base, json={"payer_id": "medicare", "member_id": "1EG4TE5MK73"})
    assert r.status_code == 201, r.text
    cov = r.json()
    r = await c.patch(f"{base}/{cov['id']}", json={"group_number": "G1", "version": 1})
    assert r.json()["version"] == 2
    assert (await c.patch(f"{base}/{cov['id']}", json={"group_number": "G2", "version": 1})
            ).status_code == 409
    r = await c.patch(f"{base}/{cov['id']}", json={"member_id": "1EG4TE5MK74"})
    assert r.json()["version"] == 3
    r = await c.delete(f"{base}/{cov['id']}")
    assert (r.json()["status"], r.json()["version"]) == ("ended", 4)
    assert (await c.delete(f"{base}/{cov['id']}")).status_code == 409
    history = (await c.get(f"{base}/{cov['id']}/history")).json()["items"]
    assert [(h["version"], h["member_id"], h["group_number"], h["status"]) for h in history] == [
        (1, "1EG4TE5MK73", None, "active"), (2, "1EG4TE5MK73", "G1", "active"),
        (3, "1EG4TE5MK74", "G1", "active"), (4, "1EG4TE5MK74", "G1", "ended")]
    assert all(h["recorded_by"] == "dr-house" for h in history)
    assert await svc.count(coverage_versions) == 4
    assert await svc.count(coverage_versions, coverage_versions.c.is_current) == 1
    # an old member id no longer finds the patient; the current one does
    assert (await c.get("/v1/patients/lookup", params={"member_id": "1EG4TE5MK73"})).json()[
        "patient_ids"] == []


@pytest.mark.parametrize("field", ["member_id", "relationship", "priority"])
async def test_a_coverage_patch_cannot_clear_what_every_coverage_has(svc, field):
    c = svc.client
    pt = await new_patient(c)
    base = f"/v1/patients/{pt['id']}/coverages"
    cov = (await c.post(base, json={"payer_id": "medicare", "member_id": "1EG4TE5MK73"})).json()
    r = await c.patch(f"{base}/{cov['id']}", json={field: None})
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert field in r.text and "cleared" in r.text
    assert await svc.count(coverage_versions) == 1  # nothing written
    r = await c.patch(f"{base}/{cov['id']}", json={"group_number": None, "plan_id": None})
    assert (r.status_code, r.json()["version"]) == (200, 2)  # optional fields can be cleared


async def test_partners_see_and_write_only_their_practices_patients(svc):
    c = svc.client
    clinic = await new_patient(c, mrn="C-1")
    await c.put(f"/v1/patients/{clinic['id']}/demographics", json=person(clinic["birth_date"]))
    own = await new_patient(c, mrn="P-1", practice="demo-partner", headers=PARTNER)
    r = await c.put(f"/v1/patients/{own['id']}/demographics", json=person(own["birth_date"]),
                    headers=PARTNER)
    assert r.status_code == 200
    for method, path, body in (
            ("GET", f"/v1/patients/{clinic['id']}/demographics", None),
            ("PUT", f"/v1/patients/{clinic['id']}/demographics", person(clinic["birth_date"])),
            ("POST", f"/v1/patients/{clinic['id']}/coverages",
             {"payer_id": "medicare", "member_id": "X1"}),
            ("GET", f"/v1/patients/{clinic['id']}/coverages", None)):
        r = await c.request(method, path, json=body, headers=PARTNER)
        assert r.status_code == 404, (method, path, r.text)
    found = (await c.get("/v1/patients/lookup", headers=PARTNER, params={
        "family_name": "Okafor", "given_name": "Adaeze", "birth_date": clinic["birth_date"],
        "practice_id": "demo-clinic"})).json()["patient_ids"]
    assert clinic["id"] not in found
    assert (await c.get(f"/v1/patients/{own['id']}/access-log", headers=PARTNER)
            ).status_code == 403


async def test_every_disclosure_is_in_the_append_only_access_log(svc):
    c = svc.client
    pt = await new_patient(c)
    await c.put(f"/v1/patients/{pt['id']}/demographics", json=person(pt["birth_date"]))
    await c.get(f"/v1/patients/{pt['id']}/demographics")
    await c.get(f"/v1/patients/{pt['id']}/demographics", params={"purpose": "operations"})
    assert (await c.get(f"/v1/patients/{pt['id']}/demographics",
                        params={"purpose": "marketing"})).status_code == 422
    log = (await c.get(f"/v1/patients/{pt['id']}/access-log")).json()["items"]
    assert [(e["action"], e["resource"], e["purpose"]) for e in log] == [
        ("read", "demographics", "operations"), ("read", "demographics", "treatment"),
        ("write", "demographics", "treatment")]
    assert {(e["client_id"], e["user_id"]) for e in log} == {("demo-admin", "dr-house")}
    assert "family_name" in log[0]["fields"] and "birth_date" in log[0]["fields"]
    assert (await c.get(f"/v1/patients/{pt['id']}/access-log", headers=CLERK)).status_code == 403
    async with svc.runtime.session_factory() as session:
        for statement in (phi_access_log.update().values(purpose="payment"),
                          phi_access_log.delete()):
            with pytest.raises(DBAPIError, match="append-only"):
                async with session.begin():
                    await session.execute(statement)
    assert await svc.count(phi_access_log) == 3


async def test_phi_is_ciphertext_at_rest(svc):
    c = svc.client
    pt = await new_patient(c)
    marker = {"family_name": "Zyxmarkfam", "given_name": "Qwmarkgiv", "middle_name": "Mmark",
              "address": {**HOME, "line1": "77 Markerstreet"}, "phone": "6175559876"}
    await c.put(f"/v1/patients/{pt['id']}/demographics",
                json={**person(pt["birth_date"]), **marker})
    await c.post(f"/v1/patients/{pt['id']}/coverages", json={
        "payer_id": "medicare", "member_id": "MEMMARK991", "group_number": "GRPMARK",
        "relationship": "spouse", "subscriber": person("1970-01-01", given_name="Subsmark")})
    async with svc.runtime.session_factory() as session:
        rows = [dict(r._mapping) for t in (patient_demographics, coverage_versions)
                for r in await session.execute(sa.select(t))]
    dump = repr(rows).encode() + b"".join(v for r in rows for v in r.values()
                                          if isinstance(v, bytes))
    for value in ("Zyxmarkfam", "Qwmarkgiv", "Markerstreet", "6175559876", "MEMMARK991",
                  "GRPMARK", "Subsmark", "spouse"):
        assert value.encode() not in dump and value.lower().encode() not in dump.lower()
    assert all(r["key_id"] == "dev-1" and len(r["data_key"]) == 12 + 32 + 16 for r in rows)


async def test_order_identities_events_and_payer_identity(svc):
    c = svc.client
    pt = await new_patient(c)
    doc = await practitioner(c)
    nurse_np = await practitioner(c, npi="1245319599", roles=["rendering"])
    base = f"/v1/patients/{pt['id']}/coverages"
    await c.post(base, json={"payer_id": "medicare", "member_id": "SEC-1",
                             "priority": "secondary"})
    primary = (await c.post(base, json={"payer_id": "medicare", "member_id": "1EG4TE5MK73"})
               ).json()
    other = await new_patient(c, mrn="M-2")
    theirs = (await c.post(f"/v1/patients/{other['id']}/coverages", json={
        "payer_id": "medicare", "member_id": "Z9"})).json()
    body = {"patient_id": pt["id"], "urgency": "same_day", "diagnosis": ["G43.909"],
            "lines": [line("ketorolac", 15)],
            "payer": {"payer_id": "medicare", "member_id": "1EG4TE5MK73"}}
    r = await c.post("/v1/orders", json={**body, "ordering_practitioner_id": nurse_np["id"],
                                         "coverage_id": theirs["id"]})
    assert set(fields_of(r)) == {"ordering_practitioner_id", "coverage_id"}
    r = await c.post("/v1/orders", json={**body, "ordering_practitioner_id": doc["id"]})
    order = r.json()
    assert (order["ordering_practitioner_id"], order["coverage_id"]) == (doc["id"],
                                                                         primary["id"])
    await c.post(f"/v1/orders/{order['id']}/sign")
    given = {"line_sequence": 1, "started_at": NOW.isoformat(),
             "stopped_at": (NOW + timedelta(minutes=2)).isoformat(), "dose_given": "15",
             "dose_unit": "mg"}
    r = await c.post(f"/v1/orders/{order['id']}/administrations",
                     json={**given, "supervising_practitioner_id": nurse_np["id"]})
    assert "supervising_practitioner_id" in fields_of(r)
    r = await c.post(f"/v1/orders/{order['id']}/administrations",
                     json={**given, "supervising_practitioner_id": doc["id"]})
    assert r.json()["supervising_practitioner_id"] == doc["id"]
    await c.post(f"/v1/orders/{order['id']}/complete",
                 json={"discharge_override_reason": "discharge is not the subject here"})
    events = {etype: payload for etype, _, payload in await outbox_events(svc)}
    assert events["order.signed"]["coverage_id"] == primary["id"]
    assert events["order.signed"]["ordering_practitioner_id"] == doc["id"]
    assert {k: events["order.administered"][k] for k in (
        "ordering_practitioner_id", "supervising_practitioner_id", "coverage_id")} == {
        "ordering_practitioner_id": doc["id"], "supervising_practitioner_id": doc["id"],
        "coverage_id": primary["id"]}
    assert "Okafor" not in json.dumps(events)

    service = {"x-chairside-client-id": "reimbursement", "x-chairside-scopes": "patients:read"}
    url = f"/v1/orders/{order['id']}/payer-identity"
    # as reimbursement calls it: no user, no practice (a client of its own, no staff headers)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=svc.app),
                                 base_url="http://orders", headers=service) as rc:
        await payer_identity_as_a_service(c, rc, url, pt, primary, doc)
    log = (await c.get(f"/v1/patients/{pt['id']}/access-log")).json()["items"]
    reads = [e for e in log if e["resource"] == "payer-identity"]
    assert [(e["client_id"], e["user_id"], e["purpose"]) for e in reads] == [
        ("reimbursement", None, "payment")] * 2
    assert "member_id" in reads[0]["fields"] and "family_name" in reads[0]["fields"]
    assert "family_name" not in reads[1]["fields"]


async def payer_identity_as_a_service(c, rc, url, pt, primary, doc):
    ident = (await rc.get(url, params={"purpose": "payment"})).json()
    assert ident["patient"] is None  # no demographics on file: callers hold, never invent
    assert ident["coverage"]["id"] == primary["id"] and ident["ordering"]["npi"] == "1234567893"
    assert ident["supervising"]["id"] == doc["id"]
    await c.put(f"/v1/patients/{pt['id']}/demographics", json=person(pt["birth_date"]))
    ident = (await rc.get(url, params={"purpose": "payment"})).json()
    assert (ident["patient"]["family_name"], ident["practice_id"]) == ("Okafor", "demo-clinic")
    assert (await c.get(url, headers=PARTNER)).status_code in (403, 404)
    assert (await rc.get("/v1/orders/00000000-0000-0000-0000-000000000000/payer-identity")
            ).status_code == 404
