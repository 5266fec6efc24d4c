"""Signed webhooks end to end: the real broker, the gateway on PostgreSQL with its consumer and
delivery worker, and a real receiving HTTP server that verifies every Standard Webhooks
signature with the documented formula (gateway_testkit/webhooks.py; fixtures in conftest.py)."""

from __future__ import annotations

import pytest
from gateway_testkit.events import publish_each_type
from gateway_testkit.webhooks import ALL_TYPES, count, publish_one, settle, subscribe

from chairside_shared.testing.plugin import eventually

pytestmark = pytest.mark.integration


async def test_tenant_isolation_on_every_event_type(hooks_gateway, receiver):
    g = hooks_gateway
    await subscribe(g, receiver, "demo-partner", "a")
    await subscribe(g, receiver, "other-partner", "b")
    await subscribe(g, receiver, "demo-admin", "center")
    sent_a = await publish_each_type(g.broker.bootstrap_servers, "demo-partner")
    sent_b = await publish_each_type(g.broker.bootstrap_servers, "other-partner")
    sent_none = await publish_each_type(g.broker.bootstrap_servers, None)
    n = len(ALL_TYPES)
    await eventually(lambda: count(receiver, "center", 2 * n + len(sent_none)), timeout_s=60)
    await eventually(lambda: count(receiver, "b", n), timeout_s=30)
    await eventually(lambda: count(receiver, "a", n), timeout_s=30)
    await settle(g)
    got_a, got_b = receiver.of("a"), receiver.of("b")
    assert {d["id"] for d in got_a} == set(sent_a)  # every type, only its own practice
    assert {d["id"] for d in got_b} == set(sent_b)
    assert {d["type"] for d in got_b} == set(ALL_TYPES)
    assert {d["practice_id"] for d in got_a} == {"demo-partner"}
    assert {d["practice_id"] for d in got_b} == {"other-partner"}
    # the center's own subscription sees every practice (and the practiceless events)
    assert {d["id"] for d in receiver.of("center")} == set(sent_a) | set(sent_b) | set(sent_none)
    assert receiver.bad_signatures == 0
    for d in got_b:  # ids and states only
        assert set(d) == {"id", "type", "occurred_at", "practice_id", "data", "_webhook_id"}
        assert all(k.endswith("_id") or k in ("status", "outcome", "how", "code",
                                              "reason_code", "kind", "level")
                   for k in d["data"])


async def test_retries_then_success_then_dead_letter_and_replay(hooks_gateway, receiver):
    g = hooks_gateway
    sub = await subscribe(g, receiver, "demo-partner", "flaky", ["order.signed"])
    receiver.fail["flaky"] = 2  # two 500s, then it works
    await publish_one(g, "order.signed")
    await eventually(lambda: count(receiver, "flaky", 1), timeout_s=30)
    auth = await g.auth("demo-partner")
    r = await g.client.get(f"/v1/webhooks/subscriptions/{sub['id']}/deliveries", headers=auth)
    assert r.status_code == 200, r.text
    log = r.json()
    [first] = log["items"]
    assert (first["status"], first["attempts"], first["last_status_code"]) == ("delivered", 3,
                                                                              204)
    assert receiver.hits["flaky"] == 3

    receiver.fail["flaky"] = -1  # fails from now on
    await publish_one(g, "order.signed")

    async def dead() -> list:
        r = await g.client.get("/v1/webhooks/dead-letters", headers=auth)
        return r.json()["items"]
    [letter] = await eventually(dead, timeout_s=30)
    assert (letter["attempts"], letter["last_status_code"]) == (3, 500)
    assert letter["subscription_id"] == sub["id"]
    # the other partner sees neither the log nor the dead letter, and cannot replay it
    other = await g.auth("other-partner")
    assert (await g.client.get("/v1/webhooks/dead-letters", headers=other)).json()["items"] == []
    r = await g.client.get(f"/v1/webhooks/subscriptions/{sub['id']}/deliveries", headers=other)
    assert r.status_code == 404
    r = await g.client.post(f"/v1/webhooks/deliveries/{letter['id']}/replay", headers=other)
    assert r.status_code == 404

    receiver.fail["flaky"] = 0
    r = await g.client.post(f"/v1/webhooks/deliveries/{letter['id']}/replay", headers=auth)
    assert r.status_code == 200 and r.json()["status"] == "pending"
    await eventually(lambda: count(receiver, "flaky", 2), timeout_s=30)
    assert receiver.of("flaky")[-1]["_webhook_id"] == letter["id"]  # same webhook-id
    assert (await dead()) == []


async def test_a_failing_endpoint_is_disabled_with_its_reason_and_re_enabled(
        start_gateway, fresh_broker, receiver):
    async with start_gateway(
            webhooks_enabled=True, webhook_allow_loopback=True,
            kafka_bootstrap_servers=fresh_broker.bootstrap_servers, webhook_max_attempts=2,
            webhook_backoff_base_s=0.05, webhook_backoff_max_s=0.1, webhook_disable_after=3,
            webhook_poll_interval_s=0.05, consumer_retry_backoff_s=0.01) as g:
        g.broker = fresh_broker
        sub = await subscribe(g, receiver, "demo-partner", "down", ["order.signed"])
        receiver.fail["down"] = -1
        for _ in range(3):
            await publish_one(g, "order.signed")
        auth = await g.auth("demo-partner")

        async def disabled() -> dict | None:
            doc = (await g.client.get(f"/v1/webhooks/subscriptions/{sub['id']}",
                                      headers=auth)).json()
            return doc if doc["status"] == "disabled" else None
        doc = await eventually(disabled, timeout_s=30)
        assert "3 consecutive failed deliveries" in doc["disabled_reason"]
        assert "HTTP 500" in doc["disabled_reason"]
        receiver.fail["down"] = 0
        r = await g.client.patch(f"/v1/webhooks/subscriptions/{sub['id']}", headers=auth,
                                 json={"status": "active"})
        assert r.status_code == 200
        assert (r.json()["status"], r.json()["disabled_reason"]) == ("active", None)
        await publish_one(g, "order.signed")
        await eventually(lambda: count(receiver, "down", 1), timeout_s=30)


async def test_subscriptions_are_checked_and_private(hooks_gateway, receiver):
    g = hooks_gateway
    auth = await g.auth("demo-partner")
    bad = [({"url": "http://10.0.0.1/x", "event_types": ["order.signed"]}, "url"),
           ({"url": "ftp://127.0.0.1/x", "event_types": ["order.signed"]}, "url"),
           ({"url": "http://u:p@127.0.0.1/x", "event_types": ["order.signed"]}, "url"),
           ({"url": "https://not-allowed.example/x", "event_types": ["order.signed"]}, "url"),
           ({"url": f"{receiver.url}/hooks/x", "event_types": ["order.nope"]}, "event_types")]
    for body, fieldname in bad:
        r = await g.client.post("/v1/webhooks/subscriptions", headers=auth, json=body)
        assert r.status_code == 422, (body, r.text)
        assert r.headers["content-type"].startswith("application/problem+json")
        assert [e["field"] for e in r.json()["errors"]] == [fieldname]
    assert (await g.client.get("/v1/webhooks/subscriptions", headers=auth)).json()["items"] == []
    narrow = await g.auth("demo-partner", scope="webhooks orders:read")
    r = await g.client.post("/v1/webhooks/subscriptions", headers=narrow,
                            json={"url": f"{receiver.url}/hooks/x", "event_types": ["claim.paid"]})
    assert r.status_code == 422 and "billing:read" in r.text
    sub = await subscribe(g, receiver, "demo-partner", "mine", ["order.signed"])
    other = await g.auth("other-partner")
    assert (await g.client.get(f"/v1/webhooks/subscriptions/{sub['id']}",
                               headers=other)).status_code == 404
    assert (await g.client.delete(f"/v1/webhooks/subscriptions/{sub['id']}",
                                  headers=other)).status_code == 404
    listed = (await g.client.get("/v1/webhooks/subscriptions", headers=auth)).json()["items"]
    assert [s["id"] for s in listed] == [sub["id"]] and "secret" not in listed[0]
    r = await g.client.patch(f"/v1/webhooks/subscriptions/{sub['id']}", headers=auth,
                             json={"rotate_secret": True})
    assert r.json()["secret"].startswith("whsec_") and r.json()["secret"] != sub["secret"]
    assert (await g.client.delete(f"/v1/webhooks/subscriptions/{sub['id']}",
                                  headers=auth)).status_code == 204
    assert (await g.client.get(f"/v1/webhooks/subscriptions/{sub['id']}",
                               headers=auth)).status_code == 404


async def test_the_embedded_sqlite_gateway_delivers_too(start_gateway, fresh_broker, receiver,
                                                        tmp_path):
    """`make run`'s default: SQLite, where the claim is a plain one (no SKIP LOCKED)."""
    async with start_gateway(
            database_url=f"sqlite+aiosqlite:///{tmp_path}/gateway.db",
            webhooks_enabled=True, webhook_allow_loopback=True,
            kafka_bootstrap_servers=fresh_broker.bootstrap_servers,
            webhook_poll_interval_s=0.05, consumer_retry_backoff_s=0.01) as g:
        g.broker = fresh_broker
        sub = await subscribe(g, receiver, "demo-partner", "lite", ["order.signed"])
        receiver.fail["lite"] = 1
        await publish_one(g, "order.signed")
        await eventually(lambda: count(receiver, "lite", 1), timeout_s=30)
        r = await g.client.get(f"/v1/webhooks/subscriptions/{sub['id']}/deliveries",
                               headers=await g.auth("demo-partner"))
        [delivery] = r.json()["items"]
        assert (delivery["status"], delivery["attempts"]) == ("delivered", 2)
