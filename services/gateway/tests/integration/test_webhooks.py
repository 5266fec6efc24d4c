"""Signed webhooks end to end: the real broker, the gateway on PostgreSQL with its consumer and
delivery worker, and a real receiving HTTP server that verifies every Standard Webhooks
signature with the documented formula (its own code, not the gateway's)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from dataclasses import dataclass, field
from typing import Any

import pytest
from gateway_testkit.events import publish_each_type
from gateway_testkit.servers import serve
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from chairside_shared.contracts.registry import CONTRACTS
from chairside_shared.testing.plugin import eventually
from gateway.adapters import repository as repo
from gateway.adapters.orm import utcnow
from gateway.domain.credentials import hash_secret
from gateway.domain.principal import PARTNER_SCOPES, format_scopes

pytestmark = pytest.mark.integration
ALL_TYPES = sorted(CONTRACTS)


def verify(secret: str, headers: Any, body: bytes, tolerance_s: int = 300) -> bool:
    """A receiver's check, as docs/webhooks.md tells partners to write it."""
    msg_id, ts = headers["webhook-id"], headers["webhook-timestamp"]
    if abs(time.time() - int(ts)) > tolerance_s:
        return False
    key = base64.b64decode(secret.removeprefix("whsec_"))
    expected = base64.b64encode(hmac.new(key, f"{msg_id}.{ts}.".encode() + body,
                                         hashlib.sha256).digest()).decode()
    return any(hmac.compare_digest(f"v1,{expected}", sig)
               for sig in headers["webhook-signature"].split(" "))


@dataclass
class Receiver:
    secrets: dict[str, str] = field(default_factory=dict)  # endpoint -> secret
    got: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    bad_signatures: int = 0
    fail: dict[str, int] = field(default_factory=dict)  # endpoint -> failures left (500)
    hits: dict[str, int] = field(default_factory=dict)
    url: str = ""

    def app(self) -> Starlette:
        async def hook(request: Request) -> Response:
            name = request.path_params["name"]
            body = await request.body()
            self.hits[name] = self.hits.get(name, 0) + 1
            if self.fail.get(name, 0) != 0:
                self.fail[name] -= 1
                return Response(status_code=500)
            if name not in self.secrets or not verify(self.secrets[name], request.headers, body):
                self.bad_signatures += 1
                return Response(status_code=401)
            doc = json.loads(body)
            doc["_webhook_id"] = request.headers["webhook-id"]
            self.got.setdefault(name, []).append(doc)
            return Response(status_code=204)
        return Starlette(routes=[Route("/hooks/{name}", hook, methods=["POST"])])

    def of(self, name: str) -> list[dict[str, Any]]:
        return self.got.get(name, [])


@pytest.fixture
async def receiver():
    r = Receiver()
    running = await serve(r.app(), lifespan="off")
    r.url = running.url
    yield r
    await running.stop()


@pytest.fixture
async def hooks_gateway(start_gateway, fresh_broker):
    async with start_gateway(
            webhooks_enabled=True, webhook_allow_loopback=True,
            kafka_bootstrap_servers=fresh_broker.bootstrap_servers, webhook_max_attempts=3,
            webhook_backoff_base_s=0.05, webhook_backoff_max_s=0.2, webhook_disable_after=100,
            webhook_poll_interval_s=0.05, consumer_retry_backoff_s=0.01) as g:
        async with g.gw.sessions() as s, s.begin():  # a second partner practice
            await repo.add_practice(s, practice_id="other-partner", name="Other partner",
                                    kind="partner", created_at=utcnow())
            await repo.add_client(
                s, client_id="other-partner", secret_hash=hash_secret("other-partner-secret"),
                name="other", scopes=format_scopes(PARTNER_SCOPES), practice_id="other-partner",
                allows_password_grant=False, active=True, created_at=utcnow())
        g.broker = fresh_broker
        yield g


async def subscribe(g, receiver: Receiver, client: str, name: str,
                    types: list[str] | None = None) -> dict[str, Any]:
    r = await g.client.post("/v1/webhooks/subscriptions", headers=await g.auth(client),
                            json={"url": f"{receiver.url}/hooks/{name}",
                                  "event_types": types or ALL_TYPES})
    assert r.status_code == 201, r.text
    sub = r.json()
    assert sub["secret"].startswith("whsec_") and sub["status"] == "active"
    receiver.secrets[name] = sub["secret"]
    return sub


async def test_tenant_isolation_on_every_event_type(hooks_gateway, receiver):
    g = hooks_gateway
    await subscribe(g, receiver, "demo-partner", "a")
    await subscribe(g, receiver, "other-partner", "b")
    await subscribe(g, receiver, "demo-admin", "center")
    sent_a = await publish_each_type(g.broker.bootstrap_servers, "demo-partner")
    sent_b = await publish_each_type(g.broker.bootstrap_servers, "other-partner")
    sent_none = await publish_each_type(g.broker.bootstrap_servers, None)
    n = len(ALL_TYPES)
    await eventually(lambda: _count(receiver, "center", 2 * n + len(sent_none)), timeout_s=60)
    await eventually(lambda: _count(receiver, "b", n), timeout_s=30)
    await eventually(lambda: _count(receiver, "a", n), timeout_s=30)
    await _settle(g)
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
    await eventually(lambda: _count(receiver, "flaky", 1), timeout_s=30)
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
    await eventually(lambda: _count(receiver, "flaky", 2), timeout_s=30)
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
        await eventually(lambda: _count(receiver, "down", 1), timeout_s=30)


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


async def publish_one(g, event_type: str) -> None:
    from aiokafka import AIOKafkaProducer
    from gateway_testkit.events import build

    from chairside_shared.messaging.envelope import encode, kafka_headers

    contract = CONTRACTS[event_type]
    enc = encode(event_type=event_type, payload=build(contract.model, practice_id="demo-partner"),
                 source="webhook-test", key="k")
    producer = AIOKafkaProducer(bootstrap_servers=g.broker.bootstrap_servers)
    await producer.start()
    try:
        await producer.send_and_wait(contract.topic, value=enc.value.encode(), key=b"k",
                                     headers=kafka_headers(enc.headers))
    finally:
        await producer.stop()


async def _count(receiver: Receiver, name: str, n: int) -> bool:
    return len(receiver.of(name)) >= n


async def _settle(g) -> None:
    """Nothing pending any more (so a late, wrong delivery would have shown up)."""
    from sqlalchemy import func, select

    d = g.gw.webhooks.tables.deliveries

    async def idle() -> bool:
        async with g.gw.sessions() as s:
            left = (await s.execute(select(func.count()).select_from(d)
                                    .where(d.c.status == "pending"))).scalar_one()
        return left == 0
    await eventually(idle, timeout_s=30)


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
        await eventually(lambda: _count(receiver, "lite", 1), timeout_s=30)
        r = await g.client.get(f"/v1/webhooks/subscriptions/{sub['id']}/deliveries",
                               headers=await g.auth("demo-partner"))
        [delivery] = r.json()["items"]
        assert (delivery["status"], delivery["attempts"]) == ("delivered", 2)
