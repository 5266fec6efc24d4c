"""PA appeals through the HTTP API on PostgreSQL: a commercial case denied by phone gets a
peer-to-peer (scheduled with the payer's reviewer, a document attached and downloaded), lost;
then the internal appeal, won: the case turns approved through its own decision and
authorization.approved leaves with the appeal events. Bad input is a 4xx that changes nothing."""

from __future__ import annotations

import base64
import hashlib
import json

import pytest

from .conftest import outbox_events
from .test_offline_decision_api import DENIAL, USER, _held_case

pytestmark = pytest.mark.integration

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32
WIN = {"outcome": "won", "decided_on": "2026-03-20", "auth_number": "APL-7781",
       "valid_from": "2026-03-20", "valid_to": "2026-09-19",
       "lines": [{"hcpcs": "J3032", "approved_units": 100}]}


async def denied_case(svc) -> str:
    url = await _held_case(svc)
    r = await svc.client.post(f"{url}/decision", json=DENIAL, headers=USER)
    assert r.status_code == 200 and r.json()["status"] == "denied", r.text
    return url


async def state(svc, url) -> tuple:
    case = (await svc.client.get(url)).json()
    appeals = (await svc.client.get(f"{url}/appeals")).json()
    return (case["status"], case["version"] if "version" in case else len(case["history"]),
            [(a["level"], a["status"], a["outcome"], len(a["documents"]))
             for a in appeals["items"]], len(await outbox_events(svc)))


async def test_peer_to_peer_lost_then_appeal_won_approves_the_case(svc):
    c = svc.client
    url = await denied_case(svc)
    listed = (await c.get(f"{url}/appeals")).json()
    assert listed["case_status"] == "denied" and listed["items"] == []
    assert [(o["level"], o["deadline"], o["verified"]) for o in listed["options"]] == [
        ("peer_to_peer", "2026-03-16", False), ("internal_appeal", "2026-08-29", True)]

    r = await c.post(f"{url}/appeals", json={"level": "peer_to_peer",
                                             "reason": "criteria met; discuss step therapy"})
    assert r.status_code == 201, r.text
    p2p = r.json()
    assert (p2p["status"], p2p["denied_on"], p2p["deadline"]) == (
        "requested", "2026-03-02", "2026-03-16")
    # one at a time: the appeal level is not offered while the peer-to-peer is open
    r = await c.post(f"{url}/appeals", json={"level": "internal_appeal", "reason": "r"})
    assert r.status_code == 409 and r.json()["options"] == []
    r = await c.post(f"{url}/appeals/{p2p['id']}/schedule", json={
        "reviewer": "Payer medical director", "scheduled_at": "2026-03-05T20:00:00Z"})
    assert r.status_code == 200 and r.json()["status"] == "scheduled"
    assert r.json()["scheduled_at"] == "2026-03-05T20:00:00Z"

    doc = {"type_code": "11506-3", "content_type": "image/png", "title": "Headache diary",
           "date": "2026-03-01", "author_id": "Practitioner/ab12",
           "data": base64.b64encode(PNG).decode()}
    r = await c.post(f"{url}/appeals/{p2p['id']}/documents", json=doc)
    assert r.status_code == 201, r.text
    assert (r.json()["size"], r.json()["sha256"]) == (len(PNG), hashlib.sha256(PNG).hexdigest())
    got = await c.get(r.json()["url"])
    assert got.status_code == 200 and got.content == PNG
    assert got.headers["content-type"] == "image/png"
    assert (await c.post(f"{url}/appeals/{p2p['id']}/documents", json=doc)).status_code == 409

    r = await c.post(f"{url}/appeals/{p2p['id']}/decision",
                     json={"outcome": "lost", "decided_on": "2026-03-05"})
    assert r.status_code == 200 and r.json()["status"] == "denied"
    listed = (await c.get(f"{url}/appeals")).json()
    assert listed["items"][0]["next_level"] == "internal_appeal"
    assert [o["level"] for o in listed["options"]] == ["internal_appeal"]

    appeal = (await c.post(f"{url}/appeals", json={"level": "internal_appeal",
                                                   "reason": "records attached"})).json()
    before = await state(svc, url)
    # a win without its approval, or with a line the case does not have: 422, nothing changes
    for bad, field in [({"outcome": "won", "decided_on": "2026-03-20"}, "auth_number"),
                       (WIN | {"lines": [{"hcpcs": "J9999", "approved_units": 1}]},
                        "lines.0.hcpcs"),
                       (WIN | {"valid_to": "2026-03-01"}, "valid_to"),
                       ({"outcome": "lost", "decided_on": "2026-03-20",
                         "auth_number": "X1"}, "auth_number")]:
        r = await c.post(f"{url}/appeals/{appeal['id']}/decision", json=bad)
        assert r.status_code == 422, (bad, r.text)
        assert field in [e["field"] for e in r.json()["errors"]], r.json()
        assert await state(svc, url) == before

    r = await c.post(f"{url}/appeals/{appeal['id']}/decision", json=WIN, headers=USER)
    assert r.status_code == 200, r.text
    case = r.json()
    assert (case["status"], case["auth_number"]) == ("approved", "APL-7781")
    assert case["lines"][0]["approved_units"] == 100
    last = case["history"][-1]
    assert (last["action"], last["from_status"], last["detail"]["channel"],
            last["detail"]["appeal_id"]) == ("approved", "denied", "appeal", appeal["id"])
    kinds = [e.event_type for e in await outbox_events(svc)]
    # one transaction: the case's approval and the appeal's decision leave together
    assert kinds[-6:] == ["authorization.appeal_filed", "authorization.appeal_scheduled",
                          "authorization.appeal_decided", "authorization.appeal_filed",
                          "authorization.approved", "authorization.appeal_decided"]
    decided = [json.loads(e.payload) for e in await outbox_events(svc)
               if e.event_type == "authorization.appeal_decided"]
    assert [(d["level"], d["outcome"], d["next_level"]) for d in decided] == [
        ("peer_to_peer", "lost", "internal_appeal"), ("internal_appeal", "won", None)]
    # decided: no second decision, no new appeal
    r = await c.post(f"{url}/appeals/{appeal['id']}/decision", json=WIN)
    assert r.status_code == 409
    assert (await c.post(f"{url}/appeals", json={"level": "external_review",
                                                 "reason": "r"})).status_code == 409


@pytest.mark.parametrize(("body", "status"), [
    ({"level": "external_review", "reason": "not offered yet"}, 409),
    ({"level": "peer_to_peer", "reason": ""}, 422),
    ({"level": "peer_to_peer", "reason": "r", "payer_type": "medicare_ffs"}, 422),
    ({"level": "peer_to_peer", "reason": "r", "extra": 1}, 422),
])
async def test_bad_requests_change_nothing(svc, body, status):
    url = await denied_case(svc)
    before = await state(svc, url)
    r = await svc.client.post(f"{url}/appeals", json=body)
    assert r.status_code == status, r.text
    assert await state(svc, url) == before


async def test_only_a_denied_case_is_appealed_and_late_requests_are_refused(svc):
    url = await _held_case(svc)
    r = await svc.client.post(f"{url}/appeals", json={"level": "peer_to_peer", "reason": "r"})
    assert r.status_code == 409 and r.json()["current_status"] == "draft"
    await svc.client.post(f"{url}/decision", json=DENIAL, headers=USER)
    svc.clock.now = svc.clock.now.replace(month=3, day=17)  # the peer-to-peer ran to 03-16
    r = await svc.client.post(f"{url}/appeals", json={"level": "peer_to_peer", "reason": "r"})
    assert r.status_code == 409 and r.json()["deadline"] == "2026-03-16"
    assert (await svc.client.get(f"{url}/appeals")).json()["items"] == []
