"""A partner's side of webhooks, for the integration tests: a real receiving HTTP server
that verifies every Standard Webhooks signature with the documented formula (its own code, not
the gateway's), subscribing, publishing one event, waiting for deliveries."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from chairside_shared.contracts.registry import CONTRACTS
from chairside_shared.testing.plugin import eventually

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


async def publish_one(g, event_type: str) -> None:
    from aiokafka import AIOKafkaProducer

    from chairside_shared.messaging.envelope import encode, kafka_headers
    from gateway_testkit.events import build

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


async def count(receiver: Receiver, name: str, n: int) -> bool:
    return len(receiver.of(name)) >= n


async def settle(g) -> None:
    """Nothing pending any more (so a late, wrong delivery would have shown up)."""
    from sqlalchemy import func, select

    d = g.gw.webhooks.tables.deliveries

    async def idle() -> bool:
        async with g.gw.sessions() as s:
            left = (await s.execute(select(func.count()).select_from(d)
                                    .where(d.c.status == "pending"))).scalar_one()
        return left == 0
    await eventually(idle, timeout_s=30)
