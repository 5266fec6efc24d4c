"""The orders API on real PostgreSQL: a whole visit, bad input (422, nothing stored), signing
against blocks, illegal transitions (409), practice binding, the catalog and concurrency."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from chairside_shared.testing.plugin import running
from orders.adapters.orm import administrations, catalog_versions, orders, outside_doses, patients

from .conftest import CLERK, PARTNER, STAFF, _service

pytestmark = pytest.mark.integration
OVERRIDE = "discharge checks are tested in test_visit_api.py"
NOW = datetime.now(UTC)


def born(years: int) -> str:
    return (NOW - timedelta(days=365.25 * years + 30)).date().isoformat()


async def new_patient(c, mrn="M-1", practice="demo-clinic", years=40, headers=None, **kw):
    body = {"practice_id": practice, "mrn": mrn, "birth_date": born(years), "sex": "female",
            "weight_kg": "70", "pregnant": False, **kw}
    r = await c.post("/v1/patients", json=body, headers=headers)
    assert r.status_code == 201, r.text
    return r.json()


def line(drug, dose, seq=1, unit="mg", mode="push", minutes=2, **kw):
    return {"drug_code": drug, "dose": str(dose), "dose_unit": unit, "mode": mode,
            "minutes": minutes, "sequence": seq, **kw}


async def new_order(c, patient_id, lines=None, headers=None, **kw):
    body = {"patient_id": patient_id, "urgency": "same_day", "diagnosis": ["G43.909"],
            "payer": {"payer_id": "demo-payer", "member_id": "MEM-1"}, **kw}
    if lines is not None:
        body["lines"] = lines
    r = await c.post("/v1/orders", json=body, headers=headers)
    assert r.status_code == 201, r.text
    return r.json()


async def outbox_events(svc):
    outbox = svc.runtime.spec.tables.outbox
    async with svc.runtime.session_factory() as session:
        rows = (await session.execute(outbox.select().order_by(outbox.c.id))).all()
    return [(r.event_type, r.key, json.loads(r.payload)) for r in rows]


async def protocol_id(c, key):
    items = (await c.get("/v1/protocols")).json()["items"]
    return next(p["id"] for p in items if p["key"] == key)


async def test_a_whole_visit(svc):
    c = svc.client
    pt = await new_patient(c)
    order = await new_order(c, pt["id"], protocol_id=await protocol_id(c, "ed-style-cocktail"))
    assert order["status"] == "draft" and order["requires_driver"] is True
    assert [ln["drug_code"] for ln in order["lines"]] == [
        "prochlorperazine", "diphenhydramine", "ketorolac", "dexamethasone"]
    assert order["estimated_chair_minutes"] == 15 + 1 + 15 + 60
    assert {f["code"] for f in order["findings"]} == {"steroid_nsaid"}

    signed = (await c.post(f"/v1/orders/{order['id']}/sign")).json()
    assert signed["status"] == "signed" and signed["prescriber_id"] == "dr-house"
    [(etype, key, payload)] = await outbox_events(svc)
    assert (etype, key) == ("order.signed", order["id"])
    assert [ln["hcpcs"] for ln in payload["lines"]] == ["J0780", "J1200", "J1885", "J1100"]
    assert payload["patient_age_band"] == "18-64" and "mrn" not in json.dumps(payload)

    start = NOW
    for ln in signed["lines"]:
        r = await c.post(f"/v1/orders/{order['id']}/administrations", json={
            "line_sequence": ln["sequence"], "started_at": start.isoformat(),
            "stopped_at": (start + timedelta(minutes=ln["minutes"])).isoformat(),
            "dose_given": ln["dose"], "dose_unit": ln["dose_unit"], "ndc": "00409-3414-01",
            "lot": "LOT7", "wasted_amount": "0"})
        assert r.status_code == 201, r.text
    done = (await c.post(f"/v1/orders/{order['id']}/complete",
                         json={"rendering_provider_npi": "1234567893",
                               "discharge_override_reason": OVERRIDE})).json()
    assert done["status"] == "administered"
    etype, key, payload = (await outbox_events(svc))[-1]
    assert etype == "order.administered" and len(payload["administrations"]) == 4
    assert payload["administrations"][2]["hcpcs"] == "J1885"
    assert await svc.count(administrations) == 4


BAD_ORDERS = [
    ("unknown drug", {"lines": [line("aspirin", 81)]}, "lines.0.drug_code"),
    ("zero dose", {"lines": [line("ketorolac", 0)]}, "lines.0.dose"),
    ("negative dose", {"lines": [line("ketorolac", -30)]}, "lines.0.dose"),
    ("wrong unit", {"lines": [line("ketorolac", 1, unit="mL")]}, "lines.0.dose_unit"),
    ("wrong mode", {"lines": [line("droperidol", "2.5", mode="infusion")]}, "lines.0.mode"),
    ("bad diagnosis", {"diagnosis": ["migraine"], "lines": [line("ketorolac", 30)]},
     "diagnosis.0"),
    ("no lines or protocol", {}, "body"),
]


@pytest.mark.parametrize("why,body,field", BAD_ORDERS, ids=[b[0] for b in BAD_ORDERS])
async def test_bad_order_input_is_422_naming_the_field_and_stores_nothing(svc, why, body, field):
    c = svc.client
    pt = await new_patient(c)
    r = await c.post("/v1/orders", json={"patient_id": pt["id"], "urgency": "same_day", **body})
    assert r.status_code == 422 and r.headers["content-type"] == "application/problem+json"
    problem = r.json()
    assert {"type", "title", "status", "detail"} <= set(problem)
    assert field in {e["field"] for e in problem["errors"]}, problem
    assert await svc.count(orders) == 0 and await outbox_events(svc) == []


async def test_child_without_weight_and_unknown_patient_are_422(svc):
    c = svc.client
    kid = await new_patient(c, mrn="K-1", years=9, weight_kg=None)
    r = await c.post("/v1/orders", json={"patient_id": kid["id"], "urgency": "same_day",
                                         "lines": [line("ondansetron", 2)]})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "patient.weight_kg"
    r = await c.post("/v1/orders", json={"patient_id": "00000000-0000-4000-8000-00000000dead",
                                         "urgency": "same_day", "lines": [line("ketorolac", 30)]})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "patient_id"
    assert await svc.count(orders) == 0


async def test_bad_patient_input_is_422_and_stores_nothing(svc):
    c = svc.client
    for body, field in [({"mrn": "x", "birth_date": "2990-01-01"}, "birth_date"),
                        ({"mrn": "x", "birth_date": "1990-01-01", "weight_kg": "-3"}, "weight_kg"),
                        ({"birth_date": "1990-01-01"}, "mrn")]:
        r = await c.post("/v1/patients", json={"practice_id": "demo-clinic", **body})
        assert r.status_code == 422 and field in {e["field"] for e in r.json()["errors"]}
    assert await svc.count(patients) == 0
    await new_patient(c, mrn="DUP")
    r = await c.post("/v1/patients", json={"practice_id": "demo-clinic", "mrn": "DUP",
                                           "birth_date": "1990-01-01"})
    assert r.status_code == 409 and await svc.count(patients) == 1


async def test_sign_against_a_block_override_then_sign(svc):
    c = svc.client
    pt = await new_patient(c)
    order = await new_order(c, pt["id"], [line("ketorolac", 45)])
    r = await c.post(f"/v1/orders/{order['id']}/sign")
    assert r.status_code == 409 and r.json()["findings"][0]["code"] == "dose_above_max"
    r = await c.post(f"/v1/orders/{order['id']}/overrides", headers=CLERK,
                     json={"finding_code": "dose_above_max", "reason": "attending reviewed"})
    assert r.status_code == 403
    r = await c.post(f"/v1/orders/{order['id']}/overrides",
                     json={"finding_code": "dose_above_max", "reason": "ok"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "reason"
    r = await c.post(f"/v1/orders/{order['id']}/overrides",
                     json={"finding_code": "dose_above_max", "reason": "attending reviewed"})
    assert r.status_code == 201 and r.json()["findings"][0]["overridden"] is True
    assert (await c.post(f"/v1/orders/{order['id']}/sign")).status_code == 200
    history = (await c.get(f"/v1/orders/{order['id']}")).json()["history"]
    assert [h["action"] for h in history] == ["created", "override", "signed"]


async def test_illegal_transitions_are_409_problem_json(svc):
    c = svc.client
    pt = await new_patient(c)
    order = await new_order(c, pt["id"], [line("ondansetron", 4)])
    oid = order["id"]
    r = await c.post(f"/v1/orders/{oid}/complete", json={})
    assert r.status_code == 409 and r.json()["current_status"] == "draft"
    assert r.headers["content-type"] == "application/problem+json"
    await c.post(f"/v1/orders/{oid}/sign")
    for method, path, body in [("post", "sign", None), ("patch", "", {"urgency": "planned"})]:
        r = await getattr(c, method)(f"/v1/orders/{oid}/{path}".rstrip("/"), json=body)
        assert r.status_code == 409, (path, r.text)
    assert (
        await c.post(f"/v1/orders/{oid}/cancel", json={"reason": "resolved"})
    ).status_code == 200
    r = await c.post(f"/v1/orders/{oid}/cancel", json={"reason": "again"})
    assert r.status_code == 409 and r.json()["current_status"] == "cancelled"
    assert [e[0] for e in await outbox_events(svc)] == ["order.signed", "order.cancelled"]


async def test_concurrent_signs_sign_once(svc):
    c = svc.client
    pt = await new_patient(c)
    order = await new_order(c, pt["id"], [line("ondansetron", 4)])
    results = await asyncio.gather(*(c.post(f"/v1/orders/{order['id']}/sign") for _ in range(4)))
    assert sorted(r.status_code for r in results) == [200, 409, 409, 409]
    assert [e[0] for e in await outbox_events(svc)] == ["order.signed"]


async def test_one_administration_per_line(svc):
    c = svc.client
    pt = await new_patient(c)
    order = await new_order(c, pt["id"], [line("ondansetron", 4)])
    await c.post(f"/v1/orders/{order['id']}/sign")
    body = {"line_sequence": 1, "started_at": NOW.isoformat(),
            "stopped_at": (NOW + timedelta(minutes=1)).isoformat(), "dose_given": "4",
            "dose_unit": "mg", "wasted_amount": "0"}
    results = await asyncio.gather(*(c.post(f"/v1/orders/{order['id']}/administrations",
                                            json=body) for _ in range(3)))
    assert sorted(r.status_code for r in results) == [201, 409, 409]
    assert await svc.count(administrations) == 1
    bad = {**body, "line_sequence": 1, "stopped_at": (NOW - timedelta(minutes=5)).isoformat()}
    r = await c.post(f"/v1/orders/{order['id']}/administrations", json=bad)
    assert r.status_code in (409, 422)


async def test_partner_practice_binding(svc):
    c = svc.client
    clinic_pt = await new_patient(c, mrn="C-1")
    clinic_order = await new_order(c, clinic_pt["id"], [line("ondansetron", 4)])
    partner_pt = await new_patient(c, mrn="P-1", practice="demo-partner", headers=PARTNER)
    partner_order = await new_order(c, partner_pt["id"], [line("ondansetron", 4)],
                                    headers=PARTNER)
    assert (await c.get(f"/v1/orders/{clinic_order['id']}", headers=PARTNER)).status_code == 404
    assert (await c.get(f"/v1/patients/{clinic_pt['id']}", headers=PARTNER)).status_code == 404
    listed = (await c.get("/v1/orders", headers=PARTNER)).json()["items"]
    assert [o["id"] for o in listed] == [partner_order["id"]]
    r = await c.post("/v1/orders", headers=PARTNER, json={
        "patient_id": clinic_pt["id"], "urgency": "same_day", "lines": [line("ondansetron", 4)]})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "patient_id"
    r = await c.post("/v1/patients", headers=PARTNER, json={
        "practice_id": "demo-clinic", "mrn": "X", "birth_date": "1990-01-01"})
    assert r.status_code == 422


async def test_catalog_edit_versions_and_orders_keep_theirs(svc):
    c = svc.client
    drugs = (await c.get("/v1/drugs")).json()
    # the 16 drugs, the IV fluids and the 11 neurology drugs (clinical-loop.md §5)
    assert len(drugs["items"]) == 16 + 4 + 11 and drugs["catalog_version"] == 1
    api_fields = {"code", "name", "class", "route_modes", "dose_unit", "usual_dose", "max_dose",
                  "peds_mg_per_kg", "peds_max", "default_minutes", "sedation", "requires_driver",
                  "monitoring", "acuity_class", "hcpcs", "hcpcs_unit", "vial_size", "single_dose"}
    assert api_fields <= set(drugs["items"][0])
    pt = await new_patient(c)
    before = await new_order(c, pt["id"], [line("ketorolac", 30)])
    doc = (await c.get("/v1/drugs/ketorolac")).json()
    assert (await c.put("/v1/drugs/ketorolac", json=doc, headers=CLERK)).status_code == 403
    r = await c.put("/v1/drugs/ketorolac", json={**doc, "max_dose": "15", "usual_dose": "15",
                                                  "note": "clinic policy"})
    assert r.status_code == 200 and r.json()["catalog_version"] == 2
    listed = (await c.get("/v1/drugs")).json()  # the list is of the new version at once
    assert listed["catalog_version"] == 2
    assert [d["max_dose"] for d in listed["items"] if d["code"] == "ketorolac"] == ["15"]
    assert listed["items"] != drugs["items"] and len(listed["items"]) == len(drugs["items"])
    r = await c.put("/v1/drugs/ketorolac", json={**doc, "usual_dose": "0"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "usual_dose"
    assert (await c.get(f"/v1/orders/{before['id']}")).json()["catalog_version"] == 1
    after = await new_order(c, pt["id"], [line("ketorolac", 30)])
    assert after["catalog_version"] >= 2
    assert "dose_above_max" in {f["code"] for f in after["findings"]}
    versions = (await c.get("/v1/drugs/ketorolac/versions")).json()["items"]
    assert versions[0]["version"] == 2 and versions[0]["created_by"] == "dr-house"
    assert await svc.count(catalog_versions) >= 2


async def test_bad_catalog_edit_is_422_and_keeps_the_version(svc):
    c = svc.client
    doc = (await c.get("/v1/drugs/ketorolac")).json()
    r = await c.put("/v1/drugs/ketorolac", json={**doc, "max_dose": "not a number"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "max_dose"
    assert await svc.count(catalog_versions) == 1


async def test_outside_doses_count_in_frequency_checks(svc):
    c = svc.client
    pt = await new_patient(c)
    r = await c.post(f"/v1/patients/{pt['id']}/outside-doses", json={
        "drug_code": "eptinezumab", "dose": "100", "dose_unit": "mg",
        "given_at": (NOW - timedelta(days=30)).isoformat(), "source": "outside neurology"})
    assert r.status_code == 201
    r = await c.post(f"/v1/patients/{pt['id']}/outside-doses", json={
        "drug_code": "aspirin", "dose": "1", "dose_unit": "mg",
        "given_at": NOW.isoformat(), "source": "x"})
    assert r.status_code == 422 and await svc.count(outside_doses) == 1
    order = await new_order(c, pt["id"], [line("eptinezumab", 100, mode="infusion", minutes=30)])
    assert {"repeat_too_soon"} <= {f["code"] for f in order["findings"] if f["severity"] == "block"}
    check = (await c.post(f"/v1/orders/{order['id']}/check")).json()
    assert "repeat_too_soon" in {f["code"] for f in check["findings"]}


async def test_patient_update_rechecks_on_sign(svc):
    c = svc.client
    pt = await new_patient(c)
    order = await new_order(c, pt["id"], [line("dhe", 1, minutes=3)])
    r = await c.patch(f"/v1/patients/{pt['id']}", json={"medications": [
        {"name": "rizatriptan", "last_dose_at": (NOW - timedelta(hours=3)).isoformat()}]})
    assert r.status_code == 200
    r = await c.post(f"/v1/orders/{order['id']}/sign")
    assert r.status_code == 409 and r.json()["findings"][0]["code"] == "interaction.triptan"


async def test_pagination(svc):
    c = svc.client
    for i in range(5):
        await new_patient(c, mrn=f"PG-{i}")
    first = (await c.get("/v1/patients", params={"limit": 2})).json()
    second = (await c.get("/v1/patients", params={"limit": 2,
                                                  "cursor": first["next_cursor"]})).json()
    third = (await c.get("/v1/patients", params={"limit": 2,
                                                 "cursor": second["next_cursor"]})).json()
    seen = [p["mrn"] for p in first["items"] + second["items"] + third["items"]]
    assert sorted(seen) == [f"PG-{i}" for i in range(5)] and third["next_cursor"] is None
    assert (await c.get("/v1/patients", params={"cursor": "garbage"})).status_code == 422


async def test_protocol_creation(svc):
    c = svc.client
    bad = {"name": "Mine", "lines": [{"sequence": 1, "drug_code": "aspirin", "mode": "push",
                                      "minutes": 1, "dose_rule": {"kind": "fixed", "dose": "1"}}]}
    r = await c.post("/v1/protocols", json=bad)
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "lines.0.drug_code"
    good = {"name": "Magnesium drip", "population": "any", "lines": [
        {"sequence": 1, "drug_code": "magnesium", "mode": "infusion", "minutes": 15,
         "dose_rule": {"kind": "per_kg", "mg_per_kg": "25", "max_dose": "2000"}}]}
    r = await c.post("/v1/protocols", json=good)
    assert r.status_code == 201
    kid = await new_patient(c, mrn="K-2", years=10, weight_kg="30")
    order = await new_order(c, kid["id"], protocol_id=r.json()["id"])
    assert order["lines"][0]["dose"] == "750"


async def test_qtc_written_as_a_condition_code_is_read(svc):
    c = svc.client
    pt = await new_patient(c, conditions=["qtc_ms:472", "renal_impairment"])
    assert pt["qtc_ms"] == 472 and pt["conditions"] == ["renal_impairment"]
    order = await new_order(c, pt["id"], [line("droperidol", "2.5")])
    assert "qtc_prolonged" in {f["code"] for f in order["findings"] if f["severity"] == "block"}


async def test_orders_listed_by_id_in_one_call_and_still_practice_bound(svc):
    """``?id=`` (repeated) answers exactly those orders the caller may see: the gateway's board
    reads the day's orders this way instead of one GET each."""
    c = svc.client
    pt = await new_patient(c, mrn="IDS-1")
    mine = [(await new_order(c, pt["id"], [line("ondansetron", 4)]))["id"] for _ in range(3)]
    partner_pt = await new_patient(c, mrn="IDS-P", practice="demo-partner", headers=PARTNER)
    theirs = (await new_order(c, partner_pt["id"], [line("ondansetron", 4)],
                              headers=PARTNER))["id"]
    missing = "00000000-0000-4000-8000-00000000beef"
    asked = [mine[0], mine[2], theirs, missing]
    listed = (await c.get("/v1/orders", params={"id": asked, "limit": 200})).json()
    assert sorted(o["id"] for o in listed["items"]) == sorted([mine[0], mine[2], theirs])
    assert listed["next_cursor"] is None
    bound = (await c.get("/v1/orders", params={"id": asked}, headers=PARTNER)).json()["items"]
    assert [o["id"] for o in bound] == [theirs]
    r = await c.get("/v1/orders", params={"id": ["not-a-uuid"]})
    assert r.status_code == 422
    r = await c.get("/v1/orders", params={"id": [missing] * 201})
    assert r.status_code == 422


async def test_two_clinics_in_one_process_each_list_their_own_catalog(svc, make_database, broker):
    """The drug list's rendered body is kept per catalog version: two databases at the same
    version number with different drugs (two tenants' processes in one interpreter, as the
    tests run them) never answer with each other's list."""
    other_app = await _service(make_database, broker)
    async with running(other_app.state.runtime), httpx.AsyncClient(
            transport=httpx.ASGITransport(app=other_app), base_url="http://orders",
            headers=STAFF) as other:
        doc = (await svc.client.get("/v1/drugs/ketorolac")).json()
        assert (await svc.client.get("/v1/drugs")).status_code == 200  # version 1, rendered
        r = await other.put("/v1/drugs/ketorolac", json={**doc, "max_dose": "15",
                                                         "usual_dose": "15"})
        assert r.json()["catalog_version"] == 2
        r = await svc.client.put("/v1/drugs/ketorolac", json={**doc, "max_dose": "20",
                                                              "usual_dose": "20"})
        assert r.json()["catalog_version"] == 2
        for client, dose in ((other, "15"), (svc.client, "20"), (other, "15")):
            listed = (await client.get("/v1/drugs")).json()
            assert listed["catalog_version"] == 2
            assert [d["max_dose"] for d in listed["items"] if d["code"] == "ketorolac"] == [dose]
