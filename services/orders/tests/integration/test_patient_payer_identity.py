"""GET /v1/patients/{id}/payer-identity on PostgreSQL: what a 270 without an order discloses
(the patient, the in-force coverage with the payer, primary first; no practitioners), audited
like the order read, practice-scoped, bad input named."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest

from .conftest import PARTNER
from .test_api import NOW, new_patient
from .test_identity_api import fields_of, person

pytestmark = pytest.mark.integration
SERVICE = {"x-chairside-client-id": "authorization", "x-chairside-scopes": "patients:read"}


async def test_patient_payer_identity_primary_in_force_coverage_audited(svc):
    c = svc.client
    pt = await new_patient(c)
    base = f"/v1/patients/{pt['id']}/coverages"
    await c.post(base, json={"payer_id": "summit-health", "member_id": "SEC-1",
                             "priority": "secondary"})
    primary = (await c.post(base, json={"payer_id": "summit-health", "member_id": "PRI-1",
                                        "plan_id": "summit-ppo"})).json()
    ended = (await c.post(base, json={"payer_id": "harbor-health", "member_id": "OLD-1"})
             ).json()
    yesterday = (NOW.date() - timedelta(days=1)).isoformat()
    r = await c.delete(f"{base}/{ended['id']}", params={"effective_to": yesterday})
    assert r.status_code == 200, r.text
    await c.put(f"/v1/patients/{pt['id']}/demographics", json=person(pt["birth_date"]))
    url = f"/v1/patients/{pt['id']}/payer-identity"

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=svc.app),
                                 base_url="http://orders", headers=SERVICE) as rc:
        r = await rc.get(url, params={"purpose": "payment", "payer_id": "summit-health"})
        assert r.status_code == 200, r.text
        ident = r.json()
        assert (ident["order_id"], ident["ordering"], ident["supervising"]) == (None, None,
                                                                                None)
        assert (ident["patient_id"], ident["practice_id"]) == (pt["id"], "demo-clinic")
        assert (ident["patient"]["family_name"], ident["patient"]["birth_date"]) == (
            "Okafor", pt["birth_date"])
        assert (ident["coverage"]["id"], ident["coverage"]["member_id"]) == (primary["id"],
                                                                             "PRI-1")
        # the ended coverage is not in force; another payer's is never given
        r = await rc.get(url, params={"purpose": "payment", "payer_id": "harbor-health"})
        assert r.status_code == 200 and r.json()["coverage"] is None
        r = await rc.get(url, params={"purpose": "payment"})
        assert "payer_id" in fields_of(r)
        r = await rc.get(url, params={"purpose": "payment", "payer_id": ""})
        assert "payer_id" in fields_of(r)
        r = await rc.get("/v1/patients/00000000-0000-4000-8000-000000000000/payer-identity",
                         params={"purpose": "payment", "payer_id": "summit-health"})
        assert r.status_code == 404
    # another practice does not see the patient
    r = await c.get(url, params={"payer_id": "summit-health"}, headers=PARTNER)
    assert r.status_code == 404

    log = (await c.get(f"/v1/patients/{pt['id']}/access-log")).json()["items"]
    reads = [e for e in log if e["resource"] == "payer-identity"]
    assert [(e["client_id"], e["user_id"], e["purpose"], e["action"]) for e in reads] == [
        ("authorization", None, "payment", "read")] * 2
    by_fields = sorted(("member_id" in e["fields"], "family_name" in e["fields"])
                       for e in reads)
    assert by_fields == [(False, True), (True, True)]  # the harbor read disclosed no coverage
