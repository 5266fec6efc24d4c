"""Event-to-webhook latency: from an event's send to the broker until a partner's receiver has
it (gateway consumer -> fan-out row committed -> delivery worker -> signed POST), p50/p99.

The gateway runs in this process on PostgreSQL with the embedded broker; the receiver is a real
HTTP server on loopback that checks each signature. Run:
``python -m bench.webhook_latency --events 300``.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import hashlib
import hmac
import json
import os
import statistics
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from operator import contains

import uvicorn
from aiokafka import AIOKafkaProducer
from sqlalchemy import select
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from chairside_shared import contracts, db
from chairside_shared.broker import EmbeddedBroker
from chairside_shared.messaging.envelope import encode, kafka_headers
from gateway.domain.principal import ALL_SCOPES, Principal
from gateway.main import create_app
from gateway.settings import GatewaySettings

ADMIN_URL = os.environ.get("CHAIRSIDE_TEST_PG", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres")


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


async def _until(done: Callable[[], bool], timeout_s: float) -> None:
    deadline = time.time() + timeout_s
    while True:
        if done() or time.time() > deadline:
            return
        await asyncio.sleep(0.01)


class Receiver:
    def __init__(self) -> None:
        self.secret = ""
        self.received: dict[str, float] = {}
        self.bad = 0

    async def hook(self, request: Request) -> Response:
        body = await request.body()
        at = time.time()
        h = request.headers
        key = base64.b64decode(self.secret.removeprefix("whsec_"))
        mac = hmac.new(key, f"{h['webhook-id']}.{h['webhook-timestamp']}.".encode() + body,
                       hashlib.sha256).digest()
        if h["webhook-signature"] != "v1," + base64.b64encode(mac).decode():
            self.bad += 1
            return Response(status_code=401)
        self.received[json.loads(body)["id"]] = at
        return Response(status_code=204)


async def main(events: int, gap_ms: float) -> None:
    name = f"cs_bench_{uuid.uuid4().hex[:8]}"
    url = await db.create_database(ADMIN_URL, name)
    receiver = Receiver()
    config = uvicorn.Config(Starlette(routes=[Route("/hook", receiver.hook, methods=["POST"])]),
                            host="127.0.0.1", port=0, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    serving = asyncio.create_task(server.serve())
    await _until(lambda: server.started, 30)
    port = server.servers[0].sockets[0].getsockname()[1]
    with EmbeddedBroker() as broker:
        settings = GatewaySettings(
            environment="test", database_url=url, seed_demo_data=False,
            webhook_allow_loopback=True, webhook_poll_interval_s=1.0)
        settings.kafka_bootstrap_servers = broker.bootstrap_servers
        app = create_app(settings)
        producer = AIOKafkaProducer(bootstrap_servers=broker.bootstrap_servers)
        async with app.router.lifespan_context(app):
            gw = app.state.gateway
            await asyncio.wait_for(gw.booted.wait(), 60)
            sub = await gw.webhooks.subscriptions.create(
                Principal(client_id="bench", scopes=ALL_SCOPES, practice_id="bench-partner"),
                {"url": f"http://127.0.0.1:{port}/hook", "event_types": ["order.cancelled"]})
            receiver.secret = sub["secret"]
            await producer.start()
            sent: dict[str, float] = {}
            fanned: dict[str, float] = {}
            try:
                for i in range(events + 1):  # the first one warms up topics and the group
                    oid = uuid.uuid4()
                    enc = encode(event_type="order.cancelled", source="bench", key=str(oid),
                                 payload=contracts.OrderCancelled(
                                     order_id=oid, practice_id="bench-partner", reason="bench",
                                     previous_status="signed", cancelled_at=datetime.now(UTC)))
                    t = time.time()
                    await producer.send_and_wait(contracts.ORDERS_TOPIC, enc.value.encode(),
                                                 key=enc.key.encode(),
                                                 headers=kafka_headers(enc.headers))
                    if i == 0:
                        await _until(partial(contains, receiver.received, enc.event_id), 60)
                        continue
                    sent[enc.event_id] = t
                    await asyncio.sleep(gap_ms / 1000)
                await _until(lambda: set(sent) <= set(receiver.received), 60)
                d = gw.webhooks.tables.deliveries
                async with gw.sessions() as s:
                    rows = (await s.execute(select(d.c.event_id, d.c.created_at))).all()
                fanned = {r.event_id: r.created_at.timestamp() for r in rows}
            finally:
                await producer.stop()
    server.should_exit = True
    await serving
    await db.drop_database(ADMIN_URL, name)
    lat = [(receiver.received[e] - t) * 1000 for e, t in sent.items() if e in receiver.received]
    print(f"event -> signed webhook received ({len(lat)}/{len(sent)} events, {gap_ms} ms apart, "
          f"PostgreSQL + embedded broker, loopback receiver, {receiver.bad} bad signatures)")
    print(f"  p50 {pct(lat, 50):7.2f} ms   p99 {pct(lat, 99):7.2f} ms   "
          f"max {max(lat):7.2f} ms   mean {statistics.mean(lat):7.2f} ms")
    to_row = [(fanned[e] - t) * 1000 for e, t in sent.items() if e in fanned]
    to_post = [(receiver.received[e] - fanned[e]) * 1000 for e in sent
               if e in fanned and e in receiver.received]
    print(f"  of which event -> delivery row (consumer):  p50 {pct(to_row, 50):7.2f} ms   "
          f"p99 {pct(to_row, 99):7.2f} ms")
    print(f"  and delivery row -> received (worker, POST): p50 {pct(to_post, 50):7.2f} ms   "
          f"p99 {pct(to_post, 99):7.2f} ms")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=300)
    parser.add_argument("--gap-ms", type=float, default=20.0)
    args = parser.parse_args()
    asyncio.run(main(args.events, args.gap_ms))
