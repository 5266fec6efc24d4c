"""Webhook delivery when things go wrong, on PostgreSQL, the real broker and a receiving
server that verifies every signature: a worker that died holding a claim (its lease never
released) and an event the consumer is given twice (a relay's repeat, a group's redelivery
after a restart) each end in exactly one signed POST per subscription."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.structs import OffsetAndMetadata
from gateway_testkit.events import build
from gateway_testkit.webhooks import count, settle, subscribe
from sqlalchemy import func, select, update

from chairside_shared.contracts.registry import CONTRACTS
from chairside_shared.messaging.envelope import encode, kafka_headers
from chairside_shared.testing.plugin import eventually
from gateway.bootstrap import build_webhooks
from gateway.entrypoints.consumers import GROUP
from gateway.settings import GatewaySettings

pytestmark = pytest.mark.integration
LEASE_S = 2.0
PARTITIONS = GatewaySettings().kafka_topic_partitions  # what the relays create topics with
HOOKS = {"webhooks_enabled": True, "webhook_allow_loopback": True, "webhook_max_attempts": 3,
         "webhook_backoff_base_s": 0.05, "webhook_backoff_max_s": 0.2,
         "webhook_poll_interval_s": 0.05, "consumer_retry_backoff_s": 0.01,
         "webhook_claim_lease_s": LEASE_S}


async def deliveries(g) -> list[Any]:
    d = g.gw.webhooks.tables.deliveries
    async with g.gw.sessions() as s:
        return list((await s.execute(select(d))).all())


async def publish(bootstrap: str, topic: str, value: str, headers: dict[str, str],
                  times: int = 1) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap)
    await producer.start()
    try:
        for _ in range(times):
            await producer.send_and_wait(topic, value=value.encode(), key=b"k",
                                         headers=kafka_headers(headers))
    finally:
        await producer.stop()


def order_signed() -> Any:
    contract = CONTRACTS["order.signed"]
    return contract.topic, encode(event_type="order.signed", source="webhook-test", key="k",
                                  payload=build(contract.model, practice_id="demo-partner"))


async def test_a_claim_left_by_a_dead_worker_is_sent_once_after_its_lease(
        start_gateway, fresh_broker, receiver):
    async with start_gateway(kafka_bootstrap_servers=fresh_broker.bootstrap_servers,
                             **HOOKS) as g:
        hooks = g.gw.webhooks
        [running] = [t for t in g.gw.tasks if t.get_name() == "webhook-delivery"]
        running.cancel()  # this process's worker stops: only the dying one may claim
        await asyncio.gather(running, return_exceptions=True)
        await subscribe(g, receiver, "demo-partner", "lease", ["order.signed"])
        topic, event = order_signed()
        await publish(fresh_broker.bootstrap_servers, topic, event.value, event.headers)
        [row] = await eventually(lambda: deliveries(g), timeout_s=30)
        assert (row.status, row.attempts, row.claimed_until) == ("pending", 0, None)

        # another replica's worker claims it and dies before sending: the lease stays
        dying = build_webhooks(g.gw.settings, g.gw.sessions).worker
        [claimed] = await dying.claim()
        claimed_at = time.monotonic()
        await dying.close()
        assert claimed.id == row.id

        # a surviving worker runs from now: nothing while the lease holds ...
        g.gw.tasks.append(asyncio.create_task(hooks.worker.run(), name="survivor"))
        await asyncio.sleep(LEASE_S - 0.6)
        assert receiver.hits.get("lease", 0) == 0
        # ... then the delivery goes, once, signed, under its webhook-id
        await eventually(lambda: count(receiver, "lease", 1), timeout_s=15)
        assert time.monotonic() - claimed_at >= LEASE_S - 0.1
        await settle(g)
        await asyncio.sleep(LEASE_S)  # a second lease's worth: no repeat
        assert receiver.hits["lease"] == 1 and receiver.bad_signatures == 0
        [doc] = receiver.of("lease")
        assert (doc["_webhook_id"], doc["id"]) == (row.id, event.event_id)
        [after] = await deliveries(g)
        assert (after.status, after.attempts, after.claimed_until) == ("delivered", 1, None)


async def test_an_event_given_twice_to_the_consumer_is_delivered_once(
        start_gateway, fresh_broker, receiver):
    """A relay's repeat (the same event published twice) and a redelivery (the group's offset
    rewound, the gateway restarted) both meet the inbox: no second delivery row."""
    settings = {"kafka_bootstrap_servers": fresh_broker.bootstrap_servers, **HOOKS}
    topic, event = order_signed()
    async with start_gateway(**settings) as g:
        await subscribe(g, receiver, "demo-partner", "twice", ["order.signed"])
        await publish(fresh_broker.bootstrap_servers, topic, event.value, event.headers, 2)
        await eventually(lambda: count(receiver, "twice", 1), timeout_s=30)
        inbox = g.gw.webhooks.messaging.inbox

        async def both_seen() -> bool:  # the repeat was consumed (and committed) too
            return await committed(fresh_broker.bootstrap_servers, topic) >= 2
        await eventually(both_seen, timeout_s=30)
        await settle(g)
        async with g.gw.sessions() as s:
            seen = (await s.execute(select(func.count()).select_from(inbox).where(
                inbox.c.consumer == GROUP, inbox.c.event_id == event.event_id))).scalar_one()
        assert seen == 1
        assert len(await deliveries(g)) == 1

    # the group forgets where it was: the restarted gateway reads both records again
    await rewind(fresh_broker.bootstrap_servers, topic)
    async with start_gateway(**settings) as g:
        await eventually(lambda: both_seen(), timeout_s=60)
        await asyncio.sleep(1.0)  # a wrong second delivery would be sent within this
        await settle(g)
        [row] = await deliveries(g)
        assert (row.status, row.attempts) == ("delivered", 1)
    assert receiver.hits["twice"] == 1 and receiver.bad_signatures == 0
    assert [d["_webhook_id"] for d in receiver.of("twice")] == [row.id]


async def committed(bootstrap: str, topic: str) -> int:
    """The gateway group's committed offsets on the topic, summed over its partitions."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=GROUP,
                                enable_auto_commit=False)
    await consumer.start()
    try:
        total = 0
        for p in range(PARTITIONS):
            total += max(await consumer.committed(TopicPartition(topic, p)) or 0, 0)
        return total
    finally:
        await consumer.stop()


async def rewind(bootstrap: str, topic: str) -> None:
    """Commit offset 0 for the gateway's group on every partition of the topic (the gateway
    is stopped, so the group has no member to object)."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=GROUP,
                                enable_auto_commit=False)
    await consumer.start()
    try:
        parts = [TopicPartition(topic, p) for p in range(PARTITIONS)]
        consumer.assign(parts)
        await consumer.commit({tp: OffsetAndMetadata(0, "") for tp in parts})
        for tp in parts:
            assert await consumer.committed(tp) == 0
    finally:
        await consumer.stop()


async def test_an_idle_worker_sleeps_until_the_next_due_delivery_not_one_poll(
        start_gateway, fresh_broker, receiver):
    """Issue 19's idle cost: with nothing due the worker sleeps until the earliest pending
    delivery is due (a retry's time, or a lease's end, whichever is later), at most 10 polls;
    it no longer looks at the table every poll."""
    settings = {**HOOKS, "webhook_poll_interval_s": 1.0}
    async with start_gateway(kafka_bootstrap_servers=fresh_broker.bootstrap_servers,
                             **settings) as g:
        worker = g.gw.webhooks.worker
        [running] = [t for t in g.gw.tasks if t.get_name() == "webhook-delivery"]
        running.cancel()  # the rows below stay as this test sets them
        await asyncio.gather(running, return_exceptions=True)
        assert await worker._idle_wait_s() == 10.0  # nothing pending: the cap
        await subscribe(g, receiver, "demo-partner", "later", ["order.signed"])
        topic, event = order_signed()
        await publish(fresh_broker.bootstrap_servers, topic, event.value, event.headers)
        [row] = await eventually(lambda: deliveries(g), timeout_s=30)
        d = g.gw.webhooks.tables.deliveries
        now = datetime.now(UTC)
        async with g.gw.sessions() as s:  # a retry due in 4 s
            await s.execute(update(d).where(d.c.id == row.id).values(
                status="pending", next_attempt_at=now + timedelta(seconds=4),
                claimed_until=None))
            await s.commit()
        assert 2.5 < await worker._idle_wait_s() <= 4.0
        async with g.gw.sessions() as s:  # ... but claimed by a worker until 7 s from now
            await s.execute(update(d).where(d.c.id == row.id).values(
                claimed_until=now + timedelta(seconds=7)))
            await s.commit()
        assert 5.5 < await worker._idle_wait_s() <= 7.0
        async with g.gw.sessions() as s:  # due long ago: never less than one poll
            await s.execute(update(d).where(d.c.id == row.id).values(
                next_attempt_at=now - timedelta(hours=1), claimed_until=None))
            await s.commit()
        assert await worker._idle_wait_s() == 1.0
        async with g.gw.sessions() as s:  # due next week: the cap
            await s.execute(update(d).where(d.c.id == row.id).values(
                next_attempt_at=now + timedelta(days=7)))
            await s.commit()
        assert await worker._idle_wait_s() == 10.0
