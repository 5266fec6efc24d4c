"""The webhook consumer's dead letters (design: after its retries an event goes to
`<topic>.dlq` with the error and the consumer goes on; ops can list and replay them): on the
real broker and PostgreSQL, a malformed event lands in the gateway's dead_letters table AND
on `<topic>.dlq` (the gateway's relay publishes its outbox), the next event is still
delivered, and `python -m gateway dlq list | replay` works on them as every service's does."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from typing import Any

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from gateway_testkit.events import build
from gateway_testkit.webhooks import count, publish_one, subscribe
from sqlalchemy import select

from chairside_shared.contracts.base import dlq_topic
from chairside_shared.contracts.registry import CONTRACTS
from chairside_shared.messaging.envelope import encode, kafka_headers
from chairside_shared.testing.plugin import eventually
from gateway.entrypoints.consumers import GROUP

pytestmark = pytest.mark.integration
BAD_BODY = b'{"not json'


async def publish_raw(bootstrap: str, topic: str, value: bytes, headers: dict[str, str]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap)
    await producer.start()
    try:  # key "k", as publish_one's: the same partition, so the good event comes after it
        await producer.send_and_wait(topic, value=value, key=b"k", headers=kafka_headers(headers))
    finally:
        await producer.stop()


async def read_topic(bootstrap: str, topic: str) -> list[Any]:
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, group_id=None,
                                auto_offset_reset="earliest")
    await consumer.start()
    try:
        got: list[Any] = []
        for _ in range(10):
            for records in (await consumer.getmany(timeout_ms=300)).values():
                got += records
            if got:
                return got
        return got
    finally:
        await consumer.stop()


async def dead_letters(g) -> list[Any]:
    dead = g.gw.webhooks.messaging.dead_letters
    async with g.gw.sessions() as s:
        return list((await s.execute(select(dead).order_by(dead.c.id))).all())


def gateway_cli(database_url: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gateway", "dlq", *args], capture_output=True,
                          text=True, timeout=120, check=False,
                          env={**os.environ, "GATEWAY_DATABASE_URL": database_url,
                               "GATEWAY_LOG_JSON": "false"})


async def test_a_malformed_event_reaches_the_dlq_topic_and_the_next_one_is_delivered(
        hooks_gateway, receiver):
    g = hooks_gateway
    await subscribe(g, receiver, "demo-partner", "after", ["order.signed"])
    contract = CONTRACTS["order.signed"]
    good = encode(event_type="order.signed", source="webhook-test", key="k",
                  payload=build(contract.model, practice_id="demo-partner"))
    # the headers of a real order.signed, a body that is not JSON
    await publish_raw(g.broker.bootstrap_servers, contract.topic, BAD_BODY, good.headers)

    [letter] = await eventually(lambda: dead_letters(g), timeout_s=30)
    assert (letter.consumer, letter.topic, letter.status, letter.event_type) == (
        GROUP, contract.topic, "dead", "order.signed")
    assert letter.value == BAD_BODY.decode() and "not JSON" in letter.error

    outbox = g.gw.webhooks.messaging.outbox

    async def sent() -> list[Any]:
        async with g.gw.sessions() as s:
            return list((await s.execute(select(outbox).where(
                outbox.c.sent_at.is_not(None)))).all())
    [row] = await eventually(sent, timeout_s=30)  # the relay published and marked it
    assert row.topic == dlq_topic(contract.topic)

    [record] = await read_topic(g.broker.bootstrap_servers, dlq_topic(contract.topic))
    headers = {k: v.decode() for k, v in record.headers}
    assert (record.value, record.key) == (BAD_BODY, b"k")
    assert headers["dlq_consumer"] == GROUP and "not JSON" in headers["dlq_error"]
    assert headers["dlq_origin"] == f"{contract.topic}:{letter.partition}:{letter.offset}"
    assert headers["ce_id"] == good.event_id and headers["ce_type"] == "order.signed"

    async def gauge() -> bool:  # what ops alert on, as for every service
        text = (await g.client.get("/metrics")).text
        return 'dlq_size{service="gateway"} 1.0' in text
    await eventually(gauge, timeout_s=15)

    # the consumer went on: the next event on the same partition is delivered
    await publish_one(g, "order.signed")
    await eventually(lambda: count(receiver, "after", 1), timeout_s=30)
    [doc] = receiver.of("after")
    assert doc["type"] == "order.signed" and doc["id"] != good.event_id
    assert receiver.bad_signatures == 0 and len(await dead_letters(g)) == 1


async def test_ops_list_and_replay_the_gateways_dead_letters(hooks_gateway, receiver,
                                                              gateway_db):
    g = hooks_gateway
    await subscribe(g, receiver, "demo-partner", "replayed", ["order.signed"])
    contract = CONTRACTS["order.signed"]
    good = encode(event_type="order.signed", source="webhook-test", key="k",
                  payload=build(contract.model, practice_id="demo-partner"))
    await publish_raw(g.broker.bootstrap_servers, contract.topic, BAD_BODY, good.headers)
    [letter] = await eventually(lambda: dead_letters(g), timeout_s=30)

    listed = await asyncio.to_thread(gateway_cli, gateway_db, "list")
    assert listed.returncode == 0, listed.stderr
    [line] = [json.loads(x) for x in listed.stdout.splitlines() if x.startswith("{")]
    assert (line["id"], line["event_type"], line["topic"]) == (letter.id, "order.signed",
                                                               contract.topic)

    # still malformed: the replay fails, the row stays dead with one more attempt
    failed = await asyncio.to_thread(gateway_cli, gateway_db, "replay", str(letter.id))
    assert failed.returncode != 0 and "replay failed (MalformedEvent)" in failed.stderr
    [again] = await dead_letters(g)
    assert (again.status, again.attempts) == ("dead", letter.attempts + 1)
    assert receiver.of("replayed") == []

    # an operator mended the stored body (as after a producer's bug): the replay fans it out
    dead = g.gw.webhooks.messaging.dead_letters
    async with g.gw.sessions() as s, s.begin():
        await s.execute(dead.update().where(dead.c.id == letter.id).values(value=good.value))
    done = await asyncio.to_thread(gateway_cli, gateway_db, "replay", str(letter.id))
    assert done.returncode == 0 and done.stdout.strip().endswith("replayed"), done.stderr
    await eventually(lambda: count(receiver, "replayed", 1), timeout_s=30)
    assert [d["id"] for d in receiver.of("replayed")] == [good.event_id]
    [after] = await dead_letters(g)
    assert after.status == "replayed"
    gone = await asyncio.to_thread(gateway_cli, gateway_db, "replay", str(letter.id))
    assert gone.returncode != 0 and "is replayed" in gone.stderr
