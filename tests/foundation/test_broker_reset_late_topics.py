"""A broker that came back empty, whose topics come back only after the consumer rejoined.

The relay that owns a topic creates it again when it notices the reset: at its next broker
check, or at once when a send fails. Meanwhile the consumer rejoins its group subscribed to a
topic the broker does not have, and rightly gets no partitions; once the topic exists, the
embedded broker answers the member's next join with the empty assignment it stored before
(messaging/rejoin.py). Without the member joining afresh, the events published after the reset
are never read: this test failed on the code before rejoin.py in 5 of 5 runs (60 s without the
events) and passed with it in 3 of 3 (~31 s). (tests/foundation/test_event_flow.py has the reset
where the relay notices first.)
"""

from __future__ import annotations

import asyncio
import uuid

import pytest

from chairside_shared.testing.plugin import eventually, running

from . import flow

pytestmark = pytest.mark.integration


async def _at_least(consumer, n: int):
    rows = await flow.received_rows(consumer)
    return rows if len(rows) >= n else None


async def test_a_consumer_that_rejoined_before_its_topics_came_back_reads_them(
    make_database, fresh_broker
):
    # The relay looks at the broker every 15 s: its sends meet the new broker first.
    producer, consumer = await flow.runtimes(make_database, fresh_broker,
                                             broker_check_interval_s=15)
    outbox = producer.spec.tables.outbox
    key = uuid.uuid4()
    async with running(producer), running(consumer):
        for seq in range(3):
            await flow.cancel(producer, key, seq)
        await eventually(lambda: _at_least(consumer, 3), timeout_s=30)
        fresh_broker.stop(kill=True)
        async with producer.engine.begin() as conn:  # retention purged what was sent
            await conn.execute(outbox.delete().where(outbox.c.sent_at.is_not(None)))
        for seq in range(3, 9):
            await flow.cancel(producer, key, seq)
        await asyncio.sleep(2)  # the relay's sends wait in the client for a broker
        fresh_broker.start()
        await eventually(lambda: _at_least(consumer, 9), timeout_s=60, interval_s=0.2)
        await asyncio.sleep(1.0)  # let any further redelivery arrive
        rows = await flow.received_rows(consumer)
    assert [r.seq for r in rows] == list(range(9))  # each once, in order
