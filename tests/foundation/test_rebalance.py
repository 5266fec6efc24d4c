"""A rebalance mid-stream (issue 19): two member processes of one consumer group on a topic
of six partitions; one is killed with SIGKILL while a keyed stream flows and started again.
Every event is applied exactly once and, per key, in the order it was sent. Real PostgreSQL,
the real broker, real processes."""

from __future__ import annotations

import asyncio
import uuid
from collections import defaultdict

import pytest

from chairside_shared import contracts
from chairside_shared.messaging.kafka import ensure_topics
from chairside_shared.testing.plugin import eventually, running, settings_for_test

from . import flow
from .replicas import Replica

pytestmark = pytest.mark.integration
PARTITIONS = 6
KEYS = 20
EVENTS_PER_KEY = 30


def _shared_by(*members: Replica):
    """Every partition held, and every member holds some."""
    async def check() -> bool:
        counts = [m.latest("assigned") for m in members]
        return sum(counts) == PARTITIONS and min(counts) > 0
    return check


def _applied(view, n: int):
    async def check():
        rows = await flow.received_rows(view)
        return rows if len(rows) >= n else None
    return check


async def test_a_member_killed_mid_stream_and_started_again_loses_and_repeats_nothing(
        make_database, fresh_broker, tmp_path):
    producer = flow.producer_runtime(settings_for_test(
        flow.FlowSettings, database_url=await make_database("producer"), broker=fresh_broker,
        kafka_topic_partitions=PARTITIONS))
    async with producer.engine.begin() as conn:
        await conn.run_sync(flow.producer_metadata.create_all)
    # the topic exists before the members subscribe (the producer's relay starts later)
    await ensure_topics(producer.settings, [contracts.ORDERS_TOPIC], client_id="test")
    consumer_db = await make_database("consumer")
    # The test reads the members' table through a runtime it never starts.
    view = flow.consumer_runtime(settings_for_test(
        flow.FlowSettings, database_url=consumer_db, broker=fresh_broker))
    async with view.engine.begin() as conn:
        await conn.run_sync(flow.consumer_metadata.create_all)

    def member(name: str) -> Replica:
        # each event takes a few ms to handle, so a member's batch of a partition (committed
        # at its end) stays partly applied and uncommitted for a while: the kill lands there
        return Replica("consumer", consumer_db, fresh_broker.bootstrap_servers, PARTITIONS,
                       tmp_path / f"{name}.log", FLOW_HANDLER_DELAY_S="0.01")

    keys = [uuid.uuid4() for _ in range(KEYS)]
    total = KEYS * EVENTS_PER_KEY
    a, b = member("a"), member("b")
    again: Replica | None = None
    try:
        # two thirds of the stream wait in the outbox: the members start on a backlog
        backlog = EVENTS_PER_KEY * 2 // 3
        for seq in range(backlog):  # one transaction per round of keys
            await flow.cancel_each(producer, keys, seq)
        await a.start()
        await b.start()
        await eventually(_shared_by(a, b), timeout_s=90, interval_s=0.1)
        async with running(producer):
            await eventually(_applied(view, total // 6), timeout_s=60, interval_s=0.02)
            b.kill()
            again = await member("b-again").start()
            for seq in range(backlog, EVENTS_PER_KEY):  # the rest flows meanwhile
                await flow.cancel_each(producer, keys, seq)
                await asyncio.sleep(0.1)
            await eventually(_applied(view, total), timeout_s=90, interval_s=0.2)
            # the group settles on both members again; a repeat, if any, lands meanwhile
            await eventually(_shared_by(a, again), timeout_s=60, interval_s=0.1)
            await asyncio.sleep(1)
            rows = await flow.received_rows(view)
    finally:
        for replica in (a, b, again):
            if replica is not None:
                await replica.close()
        await view.engine.dispose()
    repeats = a.latest("repeats") + (again.latest("repeats") if again else 0)
    print(f"\nrebalance: {len(rows)} applied, {repeats} repeats absorbed by the inbox")
    # the killed member had applied events it never committed: the others read them again
    assert repeats > 0, f"the kill found nothing uncommitted: no rebalance was tested ({tmp_path})"
    by_key: dict[str, list[int]] = defaultdict(list)
    for row in rows:  # in the order they were applied
        by_key[row.order_id].append(row.seq)
    assert dict(by_key) == {str(k): list(range(EVENTS_PER_KEY)) for k in keys}, \
        f"member logs in {tmp_path}"
