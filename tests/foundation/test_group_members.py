"""Several members of one consumer group (issue 19): per-key order and nothing lost or applied
twice when the broker comes back empty while every member stays up. Real PostgreSQL, the real
broker, two partitions, two members."""

from __future__ import annotations

import asyncio
import uuid
from collections import defaultdict

import pytest

from chairside_shared.messaging.relay import partition_for
from chairside_shared.testing.plugin import eventually, running, settings_for_test

from . import flow

pytestmark = pytest.mark.integration
PARTITIONS = 2


def key_on(partition: int) -> uuid.UUID:
    while True:
        key = uuid.uuid4()
        if partition_for(str(key), PARTITIONS) == partition:
            return key


async def _received(member, n):
    rows = await flow.received_rows(member)
    return rows if len(rows) >= n else None


def _assigned(members):
    async def check():
        sizes = []
        for m in members:
            consumer = m.consumer._consumer if m.consumer else None
            sizes.append(len(consumer.assignment()) if consumer is not None else 0)
        return sizes == [1] * len(members)
    return check


async def test_every_member_reads_again_from_the_start_after_a_broker_reset(
        make_database, fresh_broker):
    """Each member holds one partition at offset 3 when the broker is reset; the new logs get
    six new events per key before the members read again. A member that kept its position
    (because another member noticed the reset first and re-created the marker) would skip
    the first three of its partition."""
    options = {"kafka_topic_partitions": PARTITIONS}
    producer = flow.producer_runtime(settings_for_test(
        flow.FlowSettings, database_url=await make_database("producer"), broker=fresh_broker,
        **options))
    consumer_db = await make_database("consumer")
    members = [flow.consumer_runtime(settings_for_test(
        flow.FlowSettings, database_url=consumer_db, broker=fresh_broker, **options))
        for _ in range(2)]
    keys = [key_on(0), key_on(1)]
    outbox = producer.spec.tables.outbox
    async with running(producer), running(members[0]), running(members[1]):
        await eventually(_assigned(members), timeout_s=60, interval_s=0.2)
        for seq in range(3):
            for key in keys:
                await flow.cancel(producer, key, seq)
        await eventually(lambda: _received(members[0], 6), timeout_s=60)
        fresh_broker.stop(kill=True)
        async with producer.engine.begin() as conn:  # retention purged what was sent
            await conn.execute(outbox.delete().where(outbox.c.sent_at.is_not(None)))
        for seq in range(3, 9):
            for key in keys:
                await flow.cancel(producer, key, seq)
        fresh_broker.start()
        await eventually(lambda: _received(members[0], 18), timeout_s=90, interval_s=0.2)
        await asyncio.sleep(1.5)  # any redelivery would land now
        rows = await flow.received_rows(members[0])
    by_key: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        by_key[row.order_id].append(row.seq)
    assert dict(by_key) == {str(k): list(range(9)) for k in keys}
