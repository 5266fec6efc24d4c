"""The practice's billing identity and payer enrollments through the API on PostgreSQL (every
refusal a 422 naming the field), and held claims end to end inside the service: checked,
refused naming each missing item, released once orders has everything; a drug given without
an NDC held until the NDC is recorded. Orders is the injected payer-identity port here (a
fixed synthetic answer); the cross-service test against the real orders service is the lead's."""

from __future__ import annotations

import uuid
from dataclasses import replace

import pytest
from reimb_it import (
    BILLING_IDENTITY,
    ENROLLMENT,
    IDENTITY,
    KETO,
    administered,
    administration,
    bill,
    setup_catalog,
)

from reimbursement.adapters.x12.read_837 import loop_segments
from reimbursement.adapters.x12.validate import validate_x12
from reimbursement.testing import ORDERING, PATIENT

pytestmark = pytest.mark.integration
EPTI = "70001000101"


def fields(r) -> dict[str, str]:
    assert r.status_code == 422 and r.headers["content-type"] == "application/problem+json"
    return {e["field"]: e["message"] for e in r.json()["errors"]}


async def test_billing_identity_is_recorded_read_and_refused_by_field(svc):
    c = svc.client
    r = await c.get("/v1/billing-identity")
    assert r.status_code == 404
    r = await c.put("/v1/billing-identity", json=BILLING_IDENTITY)
    assert r.status_code == 200, r.text
    stored = {
        "name": "Chairside Infusion Center", "npi": "1245319599", "ein": "049990001",
        "taxonomy": "261QI0500X", "npi_taxonomies": ["261QI0500X"],
        "address": {"line1": "100 Main St", "line2": "Suite 300", "city": "Boston",
                    "state": "MA", "postal_code": "021101234"},
        "pay_to_address": None}
    assert r.json() == stored  # taxonomy defaulted to 261QI0500X; EIN and ZIP as digits
    assert (await c.get("/v1/billing-identity")).json() == stored
    refusals = [
        ({"npi": "1234567890"}, {"npi": "NPI check digit does not match"}),  # §8 case 1
        ({"taxonomy": "207RN0300X"}, {"taxonomy": "taxonomy not on billing NPI"}),  # case 9
        ({"address": BILLING_IDENTITY["address"] | {"line1": "PO BOX 12", "line2": None}},
         {"address.line1": "a PO Box or lockbox is not a street address; record it as the "
                           "pay-to address"}),  # case 3
        ({"address": BILLING_IDENTITY["address"] | {"postal_code": "02110"}},
         {"address.postal_code": "the billing address needs the 9-digit ZIP+4"}),
        ({"npi": "1234567890", "address": BILLING_IDENTITY["address"] | {
            "line2": "Lockbox 7731"}},
         {"npi": "NPI check digit does not match",
          "address.line2": "a PO Box or lockbox is not a street address; record it as the "
                           "pay-to address"}),
    ]
    for change, expected in refusals:
        assert fields(await c.put("/v1/billing-identity",
                                  json=BILLING_IDENTITY | change)) == expected, change
    assert set(fields(await c.put("/v1/billing-identity",
                                  json=BILLING_IDENTITY | {"ein": "12345"}))) == {"ein"}
    assert set(fields(await c.put("/v1/billing-identity",
                                  json=BILLING_IDENTITY | {"npi_taxonomies": []}))) == {
        "npi_taxonomies"}
    assert (await c.get("/v1/billing-identity")).json() == stored  # refusals changed nothing
    lockbox = {"line1": "PO Box 4471", "city": "Boston", "state": "MA",
               "postal_code": "02241"}
    r = await c.put("/v1/billing-identity", json=BILLING_IDENTITY | {
        "pay_to_address": lockbox, "taxonomy": "193200000X",
        "npi_taxonomies": ["261QI0500X", "193200000X"]})
    assert r.status_code == 200, r.text
    assert r.json()["pay_to_address"] == lockbox | {"line2": None}
    assert r.json()["taxonomy"] == "193200000X"


async def test_payer_enrollments(svc):
    c = svc.client
    r = await c.put("/v1/payer-enrollments/medicare", json=ENROLLMENT)
    assert r.status_code == 409  # the billing identity first
    assert (await c.put("/v1/billing-identity", json=BILLING_IDENTITY)).status_code == 200
    r = await c.put("/v1/payer-enrollments/medicare", json=ENROLLMENT)
    assert r.status_code == 200, r.text
    doc = {"payer_id": "medicare", "npi": "1245319599", "taxonomy": "261QI0500X",
           "status": "active", "effective_from": "2020-01-01", "effective_to": None}
    assert r.json() == doc
    assert (await c.get("/v1/payer-enrollments/medicare")).json() == doc
    r = await c.put("/v1/payer-enrollments/summit-health", json=ENROLLMENT | {
        "status": "pending", "effective_to": "2026-12-31"})
    assert r.status_code == 200
    listed = (await c.get("/v1/payer-enrollments")).json()
    assert [(e["payer_id"], e["status"]) for e in listed["items"]] == [
        ("medicare", "active"), ("summit-health", "pending")]
    assert (await c.get("/v1/payer-enrollments/nobody")).status_code == 404
    assert fields(await c.put("/v1/payer-enrollments/medicare", json=ENROLLMENT | {
        "npi": "1234567893"})) == {"npi": "not the practice's billing NPI"}
    assert fields(await c.put("/v1/payer-enrollments/medicare", json=ENROLLMENT | {
        "taxonomy": "207RN0300X"})) == {"taxonomy": "taxonomy not on billing NPI"}
    assert fields(await c.put("/v1/payer-enrollments/medicare", json=ENROLLMENT | {
        "npi": "1234567890"})) == {"npi": "NPI check digit does not match"}
    assert fields(await c.put("/v1/payer-enrollments/medicare", json=ENROLLMENT | {
        "effective_to": "2019-01-01"})) == {"effective_to": "before effective_from"}
    assert (await c.get("/v1/payer-enrollments/medicare")).json() == doc


async def test_a_claim_is_held_until_orders_has_every_identity(svc):
    c = svc.client
    await setup_catalog(c)
    event = administered(administration(1, "eptinezumab", EPTI, "100", 0, 35)).model_copy(
        update={"ordering_practitioner_id": ORDERING.id,
                "supervising_practitioner_id": IDENTITY.supervising.id,
                "coverage_id": IDENTITY.coverage.id})
    claim_id = await bill(svc, event)
    claim = (await c.get(f"/v1/claims/{claim_id}")).json()
    assert claim["status"] == "ready" and claim["holds"] == []
    assert (claim["ordering_practitioner_id"], claim["supervising_practitioner_id"],
            claim["coverage_id"]) == (str(ORDERING.id), str(IDENTITY.supervising.id),
                                      str(IDENTITY.coverage.id))
    svc.identities.default = replace(IDENTITY, patient=None, supervising=None)
    r = await c.post(f"/v1/claims/{claim_id}/check")
    assert r.status_code == 200, r.text
    held = r.json()
    assert held["status"] == "held" and held["identity_checked_at"] is not None
    assert [h["item"] for h in held["holds"]] == ["patient.demographics",
                                                  "supervising_practitioner"]
    listed = (await c.get("/v1/claims", params={"status": "held"})).json()["items"]
    assert [x["id"] for x in listed] == [str(claim_id)]
    for method, path, verb in (("GET", "x12", "exported"), ("POST", "submit", "submitted")):
        r = await c.request(method, f"/v1/claims/{claim_id}/{path}")
        assert r.status_code == 409 and r.headers["content-type"] == "application/problem+json"
        body = r.json()
        assert body["type"] == "urn:chairside:problem:claim-held"
        assert body["missing"] == ["patient.demographics", "supervising_practitioner"], verb
        assert verb in body["detail"]
    assert (await c.get(f"/v1/claims/{claim_id}")).json()["status"] == "held"
    # orders now has everything (the orderer is not the supervisor): checked, sent, rendered
    svc.identities.default = replace(IDENTITY, ordering=ORDERING)
    r = await c.post(f"/v1/claims/{claim_id}/submit")
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "submitted" and r.json()["holds"] == []
    text = (await c.get(f"/v1/claims/{claim_id}/x12")).text
    assert validate_x12(text) == []
    segments = {(s.loop, s.text) for s in loop_segments(text)}
    assert ("2010AA", "NM1*85*2*CHAIRSIDE INFUSION CENTER*****XX*1245319599") in segments
    assert ("2010BA", "NM1*IL*1*RIVERA*ANA*M***MI*1EG4TE5MK72") in segments
    assert ("2310B", "NM1*82*1*CHEN*LAURA****XX*1234567893") in segments
    assert ("2420E", "NM1*DK*1*OKAFOR*DAVID****XX*1620513378") in segments
    assert "ON FILE" not in text and "RENDERING" not in text
    # a submitted claim is what the payer has: no check is recorded on it
    assert (await c.post(f"/v1/claims/{claim_id}/check")).status_code == 409


async def test_a_batch_export_names_each_held_claim_and_sends_nothing(svc):
    c = svc.client
    await setup_catalog(c)
    one = await bill(svc, administered(administration(1, "eptinezumab", EPTI, "100", 0, 35)))
    two = await bill(svc, administered(administration(1, "eptinezumab", EPTI, "100", 0, 35)))
    for claim_id in (one, two):
        assert (await c.post(f"/v1/claims/{claim_id}/submit")).status_code == 200
    no_coverage = replace(IDENTITY, coverage=None)
    orders = {(await c.get(f"/v1/claims/{i}")).json()["order_id"]: i for i in (one, two)}
    order_two = next(o for o, i in orders.items() if i == two)
    svc.identities.answers[uuid.UUID(order_two)] = no_coverage
    r = await c.get("/v1/claims/x12")
    assert r.status_code == 409, r.text
    body = r.json()
    assert body["missing"] == ["coverage"]
    assert body["claims"] == [{"claim_id": str(two), "missing": ["coverage"]}]
    assert PATIENT.family_name.upper() not in r.text.upper()  # item names only, no PHI
    assert (await c.get(f"/v1/claims/{two}")).json()["status"] == "submitted"  # as sent


async def test_a_drug_given_without_an_ndc_holds_the_claim_until_it_is_recorded(svc):
    c = svc.client
    await setup_catalog(c)
    keto = administration(2, "ketorolac", None, "30", 40, 41, "push").model_copy(
        update={"hcpcs": "J1885"})
    claim_id = await bill(svc, administered(
        administration(1, "eptinezumab", EPTI, "100", 0, 35), keto))
    claim = (await c.get(f"/v1/claims/{claim_id}")).json()
    assert claim["status"] == "held"
    assert claim["holds"] == [{"item": "ndc", "line": 2,
                               "detail": "line 2: no NDC recorded for ketorolac"}]
    assert [(ln["code"], ln["units"], ln["ndc"]) for ln in claim["lines"]] == [
        ("96365", 1, None), ("96375", 1, None), ("J3032", 100, EPTI), ("J1885", 2, None)]
    r = await c.get(f"/v1/claims/{claim_id}/x12")
    assert r.status_code == 409 and r.json()["missing"] == ["ndc"]
    path = f"/v1/claims/{claim_id}/administrations/2/ndc"
    assert fields(await c.put(path, json={"ndc": "12"})).keys() == {"ndc"}
    assert (await c.put(f"/v1/claims/{claim_id}/administrations/9/ndc",
                        json={"ndc": KETO})).status_code == 404
    r = await c.put(path, json={"ndc": "70003-0003-25", "lot": "K1"})
    assert r.status_code == 200, r.text
    fixed = r.json()
    assert fixed["status"] == "ready" and fixed["holds"] == []
    assert [(ln["code"], ln["modifiers"], ln["ndc"]) for ln in fixed["lines"]][-1] == (
        "J1885", ["JZ"], KETO)
    items = (await c.get("/v1/inventory")).json()["items"]
    keto_lots = next(x for x in items if x["ndc"] == KETO)["lots"]
    assert [(lot["lot_number"], lot["vials_on_hand"]) for lot in keto_lots] == [("K1", "24")]
    assert (await c.put(path, json={"ndc": KETO})).status_code == 409  # recorded already
    r = await c.get(f"/v1/claims/{claim_id}/x12")
    assert r.status_code == 200 and f"LIN**N4*{KETO}" in r.text
