"""POST /v1/authorizations/{id}/decision on PostgreSQL: a case held for PAS (no verified RxNorm
code) gets the payer's portal/phone/fax decision, the same events leave through the outbox, the
log keeps channel, reference and user; closed cases answer 409, bad input 422 naming the
field."""

from __future__ import annotations

import json

import pytest

from authorization.adapters.drug_codes import load_drug_codes
from authorization.domain.case import PAS_BLOCKER
from authorization.service.pas import PasSources

from ..pas_fixtures import REQUESTOR
from ..unit.test_case import GOOD
from .conftest import outbox_events
from .test_case_api import open_case

pytestmark = pytest.mark.integration

USER = {"x-chairside-user-id": "u-42", "x-chairside-client-id": "demo-console"}
APPROVAL = {"channel": "portal", "reference": "AV-2026-0042", "outcome": "approved",
            "auth_number": "PORTAL-881", "valid_from": "2026-03-02", "valid_to": "2026-08-31",
            "lines": [{"hcpcs": "J3032", "approved_units": 100}],
            "note": "approval letter on the portal"}
DENIAL = {"channel": "phone", "reference": "CALL-5531", "outcome": "denied",
          "reason": "step therapy not documented", "reason_code": "MN"}


async def _held_case(svc) -> str:
    """A J3032 case whose PAS request is held: the shipped drug map has no eptinezumab RxCUI."""
    svc.runtime.pas = PasSources(identity=svc.runtime.pas.identity, requestor=REQUESTOR,
                                 drug_codes=load_drug_codes())
    _, _, item = await open_case(svc)
    url = f"/v1/authorizations/{item['id']}"
    await svc.client.post(f"{url}/answers", json={"answers": GOOD})
    r = await svc.client.post(f"{url}/submit")
    assert r.status_code == 409
    assert any(x.startswith(PAS_BLOCKER + "RxNorm code for eptinezumab")
               for x in r.json()["reasons"])
    return url


async def test_held_case_approved_by_portal_leaves_the_approved_event(svc):
    url = await _held_case(svc)
    sent = len(svc.sandbox.app.state.store.requests)
    r = await svc.client.post(f"{url}/decision", json=APPROVAL, headers=USER)
    assert r.status_code == 200, r.text
    case = r.json()
    assert case["status"] == "approved" and case["auth_number"] == "PORTAL-881"
    assert (case["valid_from"], case["valid_to"]) == ("2026-03-02", "2026-08-31")
    assert case["lines"][0]["approved_units"] == 100 and case["blockers"] == []
    last = case["history"][-1]
    assert (last["action"], last["from_status"], last["actor"]) == (
        "approved", "draft", "user:u-42@demo-console")
    assert (last["detail"]["channel"], last["detail"]["reference"]) == ("portal", "AV-2026-0042")
    assert last["detail"]["note"] == "approval letter on the portal"
    events = await outbox_events(svc)
    assert [e.event_type for e in events] == ["authorization.requested", "authorization.approved"]
    body = json.loads(events[-1].payload)
    assert body["auth_number"] == "PORTAL-881" and body["case_id"] == case["id"]
    # units_per_visit: what one visit draws (scheduling checks bookings against what remains)
    assert body["lines"] == [{"hcpcs": "J3032", "approved_units": 100, "units_per_visit": 100}]
    assert len(svc.sandbox.app.state.store.requests) == sent  # the payer was not asked by PAS
    # decided: a second decision and a submit are conflicts, nothing more leaves
    r = await svc.client.post(f"{url}/decision", json=DENIAL, headers=USER)
    assert r.status_code == 409 and r.json()["current_status"] == "approved"
    assert (await svc.client.post(f"{url}/submit")).status_code == 409
    assert len(await outbox_events(svc)) == 2


async def test_pended_case_denied_by_phone(svc):
    _, _, item = await open_case(svc, member_id="PEND-2")
    url = f"/v1/authorizations/{item['id']}"
    await svc.client.post(f"{url}/answers", json={"answers": GOOD})
    assert (await svc.client.post(f"{url}/submit")).json()["status"] == "pended"
    r = await svc.client.post(f"{url}/decision", json=DENIAL, headers=USER)
    assert r.status_code == 200, r.text
    case = r.json()
    assert (case["status"], case["denial_code"]) == ("denied", "MN")
    assert case["history"][-1]["detail"]["channel"] == "phone"
    ev = (await outbox_events(svc))[-1]
    assert ev.event_type == "authorization.denied"
    assert json.loads(ev.payload)["reason"] == "step therapy not documented"


async def test_withdrawn_case_refuses(svc):
    _, _, item = await open_case(svc)
    url = f"/v1/authorizations/{item['id']}"
    assert (await svc.client.post(f"{url}/withdraw")).status_code == 200
    r = await svc.client.post(f"{url}/decision", json=APPROVAL)
    assert r.status_code == 409 and r.json()["type"].endswith("invalid-transition")
    assert r.json()["current_status"] == "withdrawn"


@pytest.mark.parametrize("change, field", [
    ({"channel": "email"}, "channel"),
    ({"reference": ""}, "reference"),
    ({"reference": "R" * 51}, "reference"),
    ({"outcome": "pended"}, "outcome"),
    ({"auth_number": None}, "auth_number"),
    ({"auth_number": "A*1~"}, "auth_number"),
    ({"valid_to": None}, "valid_to"),
    ({"valid_to": "2026-02-01"}, "valid_to"),
    ({"valid_from": "03/02/2026"}, "valid_from"),
    ({"lines": []}, "lines"),
    ({"lines": [{"hcpcs": "J1885", "approved_units": 4}]}, "lines.0.hcpcs"),
    ({"lines": [{"hcpcs": "J3032", "approved_units": -1}]}, "lines.0.approved_units"),
    ({"extra": 1}, "extra"),
])
async def test_bad_input_is_422_naming_the_field(svc, change, field):
    url = await _held_case(svc)
    body = {k: v for k, v in (APPROVAL | change).items() if v is not None}
    r = await svc.client.post(f"{url}/decision", json=body)
    assert r.status_code == 422, r.text
    assert r.headers["content-type"] == "application/problem+json"
    assert field in [e["field"] for e in r.json()["errors"]]
    case = (await svc.client.get(url)).json()
    assert case["status"] == "draft" and case["blockers"]
    assert [e.event_type for e in await outbox_events(svc)] == ["authorization.requested"]


async def test_denial_needs_reason_and_code(svc):
    url = await _held_case(svc)
    r = await svc.client.post(f"{url}/decision", json={k: v for k, v in DENIAL.items()
                                                         if k != "reason_code"})
    assert r.status_code == 422
    assert [e["field"] for e in r.json()["errors"]] == ["reason_code"]


async def test_unknown_case_is_404(svc):
    r = await svc.client.post("/v1/authorizations/00000000-0000-4000-8000-000000000000/decision",
                              json=APPROVAL)
    assert r.status_code == 404
