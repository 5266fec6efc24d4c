"""The database goes away in the middle of a fetched batch: nothing of that batch is skipped.

A batch from the broker holds records of several partitions. When the handler of one loses
its database connection, the consumer seeks that partition back and waits for the database;
the partitions after it in the same batch were fetched too, and must be read again, not
passed over (they are not committed, so a member that reads on past them only gets them back
at its next restart or rebalance: for a long-running service, a lost event).
"""

from __future__ import annotations

import uuid

import pytest

from chairside_shared.messaging.relay import partition_for
from chairside_shared.testing.plugin import eventually, running

from . import flow

pytestmark = pytest.mark.integration

PER_PARTITION = 3


def keys_by_partition(partitions: int) -> dict[int, list[uuid.UUID]]:
    out: dict[int, list[uuid.UUID]] = {p: [] for p in range(partitions)}
    while min(len(keys) for keys in out.values()) < PER_PARTITION:
        key = uuid.uuid4()
        out[partition_for(str(key), partitions)].append(key)
    return {p: keys[:PER_PARTITION] for p, keys in out.items()}


async def test_an_outage_in_one_partition_skips_nothing_of_the_others(
    make_database, fresh_broker
):
    producer, consumer = await flow.runtimes(make_database, fresh_broker)
    partitions = producer.settings.kafka_topic_partitions
    assert partitions >= 2  # the point is a batch of several partitions
    by_partition = keys_by_partition(partitions)
    outages: set[str] = set()
    async with running(producer):
        # Published while nobody reads, so the consumer's first fetch holds every partition;
        # each partition starts with an event whose handling loses the database.
        for keys in by_partition.values():
            outages.add(await flow.cancel(producer, keys[0], 0, reason="outage"))
        for seq, keys in enumerate(zip(*(k[1:] for k in by_partition.values()), strict=True)):
            for key in keys:
                await flow.cancel(producer, key, seq + 1)
        total = partitions * PER_PARTITION
        await eventually(lambda: flow.unsent_is(producer, 0), timeout_s=30)
        async with running(consumer):
            rows = await eventually(lambda: flow.received_at_least(consumer, total), timeout_s=60)

    assert outages <= flow.OUTAGES_SEEN  # every partition's first event did cut the database
    assert len(rows) == total
    assert len({r.event_id for r in rows}) == total  # each once
    sent = {str(k) for keys in by_partition.values() for k in keys}
    assert {r.order_id for r in rows} == sent
