"""Coverage discovery, the PA case API and the payer round trip on PostgreSQL + the sandbox."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from authorization.service.poller import poll_once

from ..conftest import KETAMINE, KETOROLAC, make_order
from ..unit.test_case import GOOD
from .conftest import T0, feed, outbox_events

pytestmark = pytest.mark.integration


async def open_case(svc, **order_kw):
    order = make_order(signed_at=T0, **order_kw)
    decision = await feed(svc, "order_signed", order)
    r = await svc.client.get("/v1/authorizations", params={"order_id": str(order.order_id)})
    assert r.status_code == 200
    items = r.json()["items"]
    return order, decision, (items[0] if items else None)


async def test_signed_order_opens_a_draft_case_with_questions(svc):
    order, decision, item = await open_case(svc)
    assert decision.outcome == "pa_required"
    assert item["status"] == "draft" and item["payer"]["payer_id"] == "summit-health"
    assert item["lines"] == [{"hcpcs": "J3032", "requested_units": 100, "approved_units": None,
                              "used_units": 0, "remaining_units": None}]
    r = await svc.client.get(f"/v1/authorizations/{item['id']}")
    case = r.json()
    assert case["questions"][0]["link_id"] == "J3032.diagnosis"
    assert case["questions"][0]["prefill"] == ["G43.709"]
    assert "J3032.prescriber-specialty" in case["missing"]
    assert case["history"][0]["action"] == "opened"
    assert case["requested_period"] == {"from": "2026-03-02", "to": "2026-09-01"}
    [ev] = await outbox_events(svc)
    assert ev.event_type == "authorization.requested" and ev.key == str(order.order_id)
    # the same order again (a re-sent event) has no second effect
    assert await feed(svc, "order_signed", order) is None
    assert len(await outbox_events(svc)) == 1


@pytest.mark.parametrize(
    "kw, event_type",
    [
        ({"lines": [KETOROLAC]}, "authorization.not_required"),
        ({"payer_id": "harbor-health", "plan_id": "harbor-hmo", "lines": [KETAMINE]},
         "authorization.not_covered"),
        ({"payer_id": "medicare", "plan_id": "part-b"}, "authorization.not_required"),
    ],
)
async def test_orders_needing_no_case(svc, kw, event_type):
    order, decision, item = await open_case(svc, **kw)
    assert item is None
    [ev] = await outbox_events(svc)
    assert ev.event_type == event_type and ev.key == str(order.order_id)
    body = json.loads(ev.payload)
    assert body["order_id"] == str(order.order_id) and body["lines"]


async def test_answer_submit_approve(svc):
    order, _, item = await open_case(svc)
    url = f"/v1/authorizations/{item['id']}"
    r = await svc.client.post(f"{url}/submit")
    assert r.status_code == 409 and r.headers["content-type"] == "application/problem+json"
    assert any("prescriber-specialty" in x for x in r.json()["reasons"])
    r = await svc.client.post(f"{url}/answers", json={"answers": {"J3032.nope": 1,
                                                                   "J3032.age": "old"}})
    assert r.status_code == 422
    assert {e["field"] for e in r.json()["errors"]} == {"answers.J3032.nope", "answers.J3032.age"}
    r = await svc.client.post(f"{url}/answers", json={"answers": GOOD},
                              headers={"x-chairside-user-id": "u-7",
                                       "x-chairside-client-id": "demo-admin"})
    assert r.status_code == 200 and r.json()["missing"] == []
    assert all(c["status"] == "met" for c in r.json()["criteria"])
    r = await svc.client.post(f"{url}/submit")
    assert r.status_code == 200, r.text
    case = r.json()
    assert case["status"] == "approved" and case["auth_number"].startswith("SBX-")
    assert (case["valid_from"], case["valid_to"]) == ("2026-03-02", "2026-09-01")
    assert case["lines"][0]["approved_units"] == 100
    # commercial default: 3 business days -> Thu 5 Mar 17:00 EST
    assert case["due_at"] == "2026-03-05T22:00:00Z"
    actions = [(h["action"], h["actor"]) for h in case["history"]]
    assert actions[1] == ("answered", "user:u-7@demo-admin")
    assert [a for a, _ in actions][-2:] == ["submitted", "approved"]
    assert '"ClaimResponse"' in case["history"][-1]["payer_response"]
    types = [e.event_type for e in await outbox_events(svc)]
    assert types == ["authorization.requested", "authorization.approved"]
    # a second submit is a conflict, not a second request
    r = await svc.client.post(f"{url}/submit")
    assert r.status_code == 409 and r.json()["current_status"] == "approved"


async def test_denial_carries_the_reason(svc):
    _, _, item = await open_case(svc, member_id="DENY-9")
    url = f"/v1/authorizations/{item['id']}"
    await svc.client.post(f"{url}/answers", json={"answers": GOOD})
    case = (await svc.client.post(f"{url}/submit")).json()
    assert case["status"] == "denied" and case["denial_code"] == "MN"
    ev = (await outbox_events(svc))[-1]
    assert ev.event_type == "authorization.denied"
    assert "Medical necessity" in json.loads(ev.payload)["reason"]


async def test_pended_case_is_decided_by_the_poller(svc):
    _, _, item = await open_case(svc, member_id="PEND-2")
    url = f"/v1/authorizations/{item['id']}"
    await svc.client.post(f"{url}/answers", json={"answers": GOOD})
    assert (await svc.client.post(f"{url}/submit")).json()["status"] == "pended"
    first = await poll_once(uows=svc.uows, connector=svc.runtime.connector, pas=svc.runtime.pas,
                            settings=svc.settings, now=T0 + timedelta(minutes=5))
    assert first["inquired"] == 1
    assert (await svc.client.get(url)).json()["status"] == "pended"  # 1st inquiry: still pended
    await poll_once(uows=svc.uows, connector=svc.runtime.connector, pas=svc.runtime.pas,
                    settings=svc.settings, now=T0 + timedelta(minutes=10))
    case = (await svc.client.get(url)).json()
    assert case["status"] == "approved"
    assert [h["action"] for h in case["history"]][-3:] == ["submitted", "pended", "approved"]


async def test_inquire_route_and_overdue_worklist(svc):
    _, _, item = await open_case(svc, member_id="PEND-3")
    url = f"/v1/authorizations/{item['id']}"
    await svc.client.post(f"{url}/answers", json={"answers": GOOD})
    await svc.client.post(f"{url}/submit")
    svc.clock.now = T0 + timedelta(days=4)  # past Thursday 17:00
    r = await svc.client.get("/v1/authorizations", params={"worklist": "true"})
    [entry] = r.json()["items"]
    assert entry["overdue"] is True and entry["worklist"] == ["overdue"]
    r = await svc.client.get("/v1/authorizations", params={"due_before": "2026-03-06T00:00:00Z"})
    assert len(r.json()["items"]) == 1
    assert (await svc.client.post(f"{url}/inquire")).json()["status"] == "pended"
    assert (await svc.client.post(f"{url}/inquire")).json()["status"] == "approved"
    r = await svc.client.get("/v1/authorizations", params={"worklist": "true"})
    assert r.json()["items"] == []


async def test_payer_outage_keeps_the_case_submitted_and_the_poller_resends(svc):
    _, _, item = await open_case(svc, member_id="ERR-1")
    url = f"/v1/authorizations/{item['id']}"
    await svc.client.post(f"{url}/answers", json={"answers": GOOD})
    case = (await svc.client.post(f"{url}/submit")).json()
    assert case["status"] == "submitted" and "HTTP 500" in case["last_error"]
    assert case["history"][-1]["action"] == "payer_error"
    from payer_sandbox.config import SandboxConfig
    svc.sandbox.set_config(SandboxConfig())  # the payer is back
    stats = await poll_once(uows=svc.uows, connector=svc.runtime.connector, pas=svc.runtime.pas,
                            settings=svc.settings, now=T0 + timedelta(minutes=1))
    assert stats["resubmitted"] == 1
    case = (await svc.client.get(url)).json()
    assert case["status"] == "approved" and case["last_error"] is None


async def test_bad_payer_data_is_recorded_and_nothing_half_written(svc):
    from payer_sandbox.config import Rule, SandboxConfig
    svc.sandbox.set_config(SandboxConfig(default=Rule(review_code="A6", approved_units=-5)))
    _, _, item = await open_case(svc)
    url = f"/v1/authorizations/{item['id']}"
    await svc.client.post(f"{url}/answers", json={"answers": GOOD})
    case = (await svc.client.post(f"{url}/submit")).json()
    assert case["status"] == "submitted"
    assert "negative approved units" in case["last_error"]
    assert case["lines"][0]["approved_units"] is None and case["auth_number"] is None
    assert '"A6"' in case["history"][-1]["payer_response"]
    assert [e.event_type for e in await outbox_events(svc)] == ["authorization.requested"]


async def test_withdraw_and_unknown_ids(svc):
    _, _, item = await open_case(svc)
    url = f"/v1/authorizations/{item['id']}"
    case = (await svc.client.post(f"{url}/withdraw", json={"reason": "patient declined"})).json()
    assert case["status"] == "withdrawn"
    assert (await svc.client.post(f"{url}/submit")).status_code == 409
    assert (await svc.client.post(f"{url}/withdraw")).status_code == 409
    ev = (await outbox_events(svc))[-1]
    assert ev.event_type == "authorization.withdrawn"
    missing = "/v1/authorizations/00000000-0000-0000-0000-000000000000"
    assert (await svc.client.get(missing)).status_code == 404
    assert (await svc.client.post(f"{missing}/submit")).status_code == 404
    assert (await svc.client.get("/v1/authorizations/not-a-uuid")).status_code == 422
    r = await svc.client.get("/v1/authorizations", params={"status": "bogus"})
    assert r.status_code == 422


async def test_unknown_payer_blocks_until_configured(svc):
    _, decision, item = await open_case(svc, payer_id="lakeside", plan_id=None)
    assert not decision.payer_known
    url = f"/v1/authorizations/{item['id']}"
    r = await svc.client.post(f"{url}/submit")
    assert r.status_code == 409 and "payer lakeside is not configured" in r.json()["reasons"]
    r = await svc.client.post("/v1/payers", json={
        "id": "lakeside", "name": "Lakeside (demo)", "payer_type": "medicare_advantage"})
    assert r.status_code == 201
    case = (await svc.client.post(f"{url}/submit")).json()
    assert case["status"] == "approved"
    # MA clock, standard: 72 elapsed hours
    assert case["due_at"] == "2026-03-05T15:00:00Z" and case["blockers"] == []


async def test_pagination(svc):
    for _ in range(5):
        await open_case(svc)
    seen, cursor = [], None
    while True:
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        page = (await svc.client.get("/v1/authorizations", params=params)).json()
        seen += [i["id"] for i in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert len(seen) == len(set(seen)) == 5
    r = await svc.client.get("/v1/authorizations", params={"cursor": "garbage"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "cursor"
    r = await svc.client.get("/v1/authorizations", params={"practice_id": "someone-else"})
    assert r.json()["items"] == []
