"""The FHIR R4B Claim view carries the same lines, codes, NDCs and auth number as the 837P."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal as D
from uuid import UUID

from reimbursement.adapters.fhir_claim import CPT, HCPCS, NDC, claim_resource
from reimbursement.domain.claim import build_claim
from reimbursement.domain.visit import AuthorizationInfo
from reimbursement.testing import give, make_ctx, make_visit

CLAIM_ID = UUID("00000000-0000-4000-8000-00000000c1a1")


def test_fhir_claim_mirrors_the_claim() -> None:
    claim = build_claim(make_visit(
        give(1, "infliximab", "70006000601", "360", "mg", "infusion", 0, 120, wasted="40"),
        diagnoses=("G43.709", "R11.0")), make_ctx(), AuthorizationInfo("PA-1", {"J1745": 40}))
    resource = claim_resource(claim, claim_id=CLAIM_ID,
                              created=datetime(2026, 3, 2, 20, tzinfo=UTC))
    body = json.loads(resource.model_dump_json())
    assert body["resourceType"] == "Claim" and body["use"] == "claim"
    assert body["type"]["coding"][0]["code"] == "professional"
    assert [d["diagnosisCodeableConcept"]["coding"][0]["code"] for d in body["diagnosis"]] == [
        "G43.709", "R11.0"]
    assert body["insurance"][0]["preAuthRef"] == ["PA-1"]
    items = [
        (
            i["productOrService"]["coding"][0]["system"],
            i["productOrService"]["coding"][0]["code"],
            [m["coding"][0]["code"] for m in i.get("modifier", [])],
            i["quantity"]["value"],
        )
        for i in body["item"]
    ]
    assert items == [(CPT, "96365", [], 1), (CPT, "96366", [], 1), (HCPCS, "J1745", [], 36),
                     (HCPCS, "J1745", ["JW"], 4)]
    jw = body["item"][3]["detail"][0]
    assert jw["productOrService"]["coding"][0] == {"system": NDC, "code": "70006-0006-01"}
    assert D(str(jw["quantity"]["value"])) == D("0.4")
    assert D(str(body["total"]["value"])) == claim.total_charge
    assert body["item"][0]["locationCodeableConcept"]["coding"][0]["code"] == "11"
    assert body["careTeam"][0]["provider"]["identifier"]["value"] == claim.rendering_npi
