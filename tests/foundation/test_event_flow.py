"""The reliability rules of the event bus, proven on real PostgreSQL and the real broker."""

from __future__ import annotations

import asyncio
import json
import uuid

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from opentelemetry import trace
from sqlalchemy import select

from chairside_shared import contracts
from chairside_shared.messaging.consumer import replay_dead_letter
from chairside_shared.messaging.envelope import encode, kafka_headers
from chairside_shared.testing.plugin import eventually, running

from . import flow

pytestmark = pytest.mark.integration


async def test_state_and_event_commit_together_and_rollback_leaves_neither(
    make_database, fresh_broker
):
    producer, _ = await flow.runtimes(make_database, fresh_broker)
    outbox = producer.spec.tables.outbox
    async with running(producer):
        order_id = uuid.uuid4()
        event_id = await flow.cancel(producer, order_id, 1)
        await flow.cancel(producer, uuid.uuid4(), 2, commit=False)  # leaves the block: rollback
        assert await flow.count(producer, flow.notes) == 1
        async with producer.session_factory() as session:
            rows = (await session.execute(select(outbox))).all()
        assert [r.event_id for r in rows] == [event_id]
        assert rows[0].key == str(order_id)
        assert rows[0].headers["ce_type"] == "order.cancelled"
        # ... and the relay publishes it, marking it sent.
        await eventually(lambda: flow.count(producer, outbox, outbox.c.sent_at.is_not(None)))


async def test_events_wait_while_broker_is_down_and_arrive_in_order_per_key(
    make_database, fresh_broker
):
    producer, consumer = await flow.runtimes(make_database, fresh_broker)
    outbox = producer.spec.tables.outbox
    async with running(producer), running(consumer):
        fresh_broker.stop(kill=True)
        keys = [uuid.uuid4() for _ in range(3)]
        for seq in range(30):
            await flow.cancel(producer, keys[seq % 3], seq)  # writes succeed with no broker
        assert await flow.count(producer, flow.notes) == 30
        await asyncio.sleep(1.0)
        assert await flow.count(producer, outbox, outbox.c.sent_at.is_(None)) == 30
        fresh_broker.start()
        rows = await eventually(
            lambda: flow.received_at_least(consumer, 30), timeout_s=60, interval_s=0.2
        )
    assert len(rows) == 30
    inbox_rows = await _inbox(consumer)
    for key in keys:
        seqs = [r.seq for r in rows if r.order_id == str(key)]
        assert seqs == sorted(seqs) and len(seqs) == 10, (seqs, inbox_rows)


async def _inbox(runtime):
    inbox = runtime.spec.tables.inbox
    async with runtime.session_factory() as session:
        return [(r.partition, r.offset) for r in (await session.execute(
            select(inbox).order_by(inbox.c.processed_at))).all()]


async def test_same_event_delivered_twice_has_one_effect(make_database, fresh_broker):
    producer, consumer = await flow.runtimes(make_database, fresh_broker)
    async with running(consumer):
        encoded = encode(
            event_type="order.cancelled", source="test", key="k1",
            payload=contracts.OrderCancelled(
                order_id=uuid.uuid4(), practice_id="p", reason="r", previous_status="7",
                cancelled_at="2026-11-23T10:00:00Z"),
        )
        await _produce_raw(fresh_broker, [(encoded.key, encoded.value, encoded.headers)] * 2)
        rows = await eventually(lambda: flow.received_at_least(consumer, 1))
        inbox = consumer.spec.tables.inbox
        await eventually(lambda: _consumed_through(consumer, 2))
        assert len(await flow.received_rows(consumer)) == 1
        assert rows[0].event_id == encoded.event_id
        assert await flow.count(consumer, inbox, inbox.c.event_id == encoded.event_id) == 1


async def _consumed_through(runtime, n_offsets):
    inbox = runtime.spec.tables.inbox
    # The duplicate leaves no trace but the committed offset: read it from the group.
    consumer = AIOKafkaConsumer(bootstrap_servers=runtime.settings.kafka_bootstrap_servers,
                                group_id=runtime.spec.name, enable_auto_commit=False)
    await consumer.start()
    try:
        from aiokafka import TopicPartition

        parts = consumer.partitions_for_topic(contracts.ORDERS_TOPIC) or set()
        total = 0
        for p in parts:
            committed = await consumer.committed(TopicPartition(contracts.ORDERS_TOPIC, p))
            total += committed or 0
        return total >= n_offsets and await flow.count(runtime, inbox) >= 1
    finally:
        await consumer.stop()


async def _produce_raw(broker, messages):
    producer = AIOKafkaProducer(bootstrap_servers=broker.bootstrap_servers)
    await producer.start()
    try:
        for key, value, headers in messages:
            hdrs = kafka_headers(headers) if isinstance(headers, dict) else headers
            await producer.send_and_wait(
                contracts.ORDERS_TOPIC, value=value.encode() if isinstance(value, str) else value,
                key=key.encode(), headers=hdrs,
            )
    finally:
        await producer.stop()


async def test_malformed_events_go_to_the_dlq_and_the_next_good_event_is_processed(
    make_database, fresh_broker
):
    _, consumer = await flow.runtimes(make_database, fresh_broker)
    good = encode(
        event_type="order.cancelled", source="test", key="k",
        payload=contracts.OrderCancelled(order_id=uuid.uuid4(), practice_id="p", reason="ok",
                                         previous_status="1", cancelled_at="2026-11-23T10:00:00Z"),
    )
    unknown = dict(good.headers, ce_type="order.teleported", ce_id=str(uuid.uuid4()))
    invalid_headers = dict(good.headers, ce_id=str(uuid.uuid4()))
    invalid_body = json.dumps({"order_id": "not-a-uuid", "practice_id": "p"})
    bad_json_headers = dict(good.headers, ce_id=str(uuid.uuid4()))
    async with running(consumer):
        await _produce_raw(fresh_broker, [
            ("k", "{not json", bad_json_headers),
            ("k", good.value, unknown),
            ("k", invalid_body, invalid_headers),
            ("k", good.value, good.headers),
        ])
        rows = await eventually(lambda: flow.received_at_least(consumer, 1))
        assert rows[0].event_id == good.event_id
        dead = consumer.spec.tables.dead_letters
        await eventually(lambda: _count_is(consumer, dead, 3))
        async with consumer.session_factory() as session:
            letters = (await session.execute(select(dead).order_by(dead.c.offset))).all()
        errors = [d.error for d in letters]
        assert "not JSON" in errors[0]
        assert "unknown event type 'order.teleported'" in errors[1]
        assert "order_id" in errors[2] and "payload invalid" in errors[2]
        # The DLQ topic carries the original headers plus the error.
        dlq = await _read_topic(fresh_broker, contracts.dlq_topic(contracts.ORDERS_TOPIC), 3)
        assert {h["ce_id"] for h in dlq} == {bad_json_headers["ce_id"], unknown["ce_id"],
                                            invalid_headers["ce_id"]}
        assert all("dlq_error" in h and h["ce_source"] == "test" for h in dlq)


async def _count_is(runtime, table, n):
    return await flow.count(runtime, table) == n


async def _read_topic(broker, topic, n, timeout_s=20.0):
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=broker.bootstrap_servers,
                                auto_offset_reset="earliest", group_id=f"reader-{uuid.uuid4()}")
    await consumer.start()
    headers = []
    try:
        deadline = asyncio.get_running_loop().time() + timeout_s
        while len(headers) < n and asyncio.get_running_loop().time() < deadline:
            batch = await consumer.getmany(timeout_ms=500)
            for records in batch.values():
                headers += [{k: v.decode() for k, v in r.headers} for r in records]
    finally:
        await consumer.stop()
    return headers


async def test_failing_handler_is_retried_then_dead_lettered_and_can_be_replayed(
    make_database, fresh_broker
):
    producer, consumer = await flow.runtimes(make_database, fresh_broker, consumer_max_retries=2)
    flow.POISON["fail"] = True
    try:
        async with running(producer), running(consumer):
            poison_id = await flow.cancel(producer, uuid.uuid4(), 1, reason="poison")
            await flow.cancel(producer, uuid.uuid4(), 2)
            # the next event goes through
            await eventually(lambda: flow.received_at_least(consumer, 1))
            dead = consumer.spec.tables.dead_letters
            await eventually(lambda: _count_is(consumer, dead, 1))
            async with consumer.session_factory() as session:
                letter = (await session.execute(select(dead))).one()
            assert letter.message_key == poison_id
            assert letter.attempts == 3 and "refuses poison" in letter.error
            flow.POISON["fail"] = False
            assert await replay_dead_letter(consumer.consumer, letter.id) == "replayed"
            rows = await flow.received_rows(consumer)
            assert {r.event_id for r in rows} >= {poison_id}
            async with consumer.session_factory() as session:
                assert (await session.execute(select(dead.c.status))).scalar_one() == "replayed"
    finally:
        flow.POISON["fail"] = True


async def test_consumer_spans_carry_the_producer_trace_id(
    make_database, fresh_broker, span_exporter
):
    producer, consumer = await flow.runtimes(make_database, fresh_broker)
    tracer = trace.get_tracer("test")
    async with running(producer), running(consumer):
        with tracer.start_as_current_span("POST /v1/orders/{id}/cancel") as request_span:
            trace_id = request_span.get_span_context().trace_id
            await flow.cancel(producer, uuid.uuid4(), 1)
        await eventually(lambda: flow.received_at_least(consumer, 1))
        await asyncio.sleep(0.2)
    spans = span_exporter.get_finished_spans()
    process = [s for s in spans if s.name == "order.cancelled process"]
    publish = [s for s in spans if s.name == f"{contracts.ORDERS_TOPIC} publish"]
    assert process and publish
    assert process[0].context.trace_id == trace_id
    assert publish[0].context.trace_id == trace_id
    # The consumer's database work is inside the same trace.
    in_trace = [s for s in spans if s.context.trace_id == trace_id]
    inserts = [s for s in in_trace
               if "INSERT INTO received" in str(s.attributes.get("db.statement", ""))]
    assert inserts, "\n".join(f"{s.name} {dict(s.attributes)}" for s in in_trace)


async def test_each_record_carries_one_traceparent_and_the_consumer_continues_the_publish(
    make_database, fresh_broker, span_exporter
):
    """The relay's publish span is the record's only parent: the aiokafka instrumentation used
    to append a second traceparent (its own send span), and consumers linked to whichever
    header they read first."""
    producer, consumer = await flow.runtimes(make_database, fresh_broker)
    async with running(producer), running(consumer):
        for seq in range(3):
            await flow.cancel(producer, uuid.uuid4(), seq)
        await eventually(lambda: flow.received_at_least(consumer, 3))
        await asyncio.sleep(0.2)
    raw = AIOKafkaConsumer(contracts.ORDERS_TOPIC,
                           bootstrap_servers=fresh_broker.bootstrap_servers,
                           auto_offset_reset="earliest", enable_auto_commit=False)
    await raw.start()
    try:
        batches = await raw.getmany(timeout_ms=5000)
        records = [r for batch in batches.values() for r in batch]
    finally:
        await raw.stop()
    assert len(records) == 3
    spans = span_exporter.get_finished_spans()
    publish = {s.context.span_id: s for s in spans
               if s.name == f"{contracts.ORDERS_TOPIC} publish"}
    process = [s for s in spans if s.name == "order.cancelled process"]
    assert len(process) == 3
    for record in records:
        parents = [v.decode() for k, v in record.headers if k == "traceparent"]
        assert len(parents) == 1, record.headers
        span_id = int(parents[0].split("-")[2], 16)
        assert span_id in publish  # the header names the relay's publish span
    for span in process:
        assert span.parent is not None and span.parent.span_id in publish


async def test_events_not_yet_consumed_when_the_broker_dies_are_handled_exactly_once(
    make_database, fresh_broker
):
    producer, consumer = await flow.runtimes(make_database, fresh_broker)
    outbox = producer.spec.tables.outbox
    key = uuid.uuid4()
    async with running(producer):
        async with running(consumer):
            for seq in range(5):
                await flow.cancel(producer, key, seq)
            await eventually(lambda: flow.received_at_least(consumer, 5))
        # Consumer down; five more are published to the broker but nobody reads them.
        for seq in range(5, 10):
            await flow.cancel(producer, key, seq)
        await eventually(lambda: _count_is(producer, outbox, 10), timeout_s=5)
        await eventually(
            lambda: flow.unsent_is(producer, 0), timeout_s=20
        )
        fresh_broker.restart()  # the embedded broker comes back empty
        async with running(consumer):
            rows = await eventually(lambda: flow.received_at_least(consumer, 10), timeout_s=60)
            await asyncio.sleep(1.5)  # let any further redelivery arrive
            rows = await flow.received_rows(consumer)
    assert sorted(r.seq for r in rows) == list(range(10))  # each exactly once
    assert [r.seq for r in rows] == list(range(10))  # and in order for the key


async def test_a_commit_in_another_process_wakes_the_relay_through_listen_notify(
    make_database, fresh_broker
):
    # Polling is set to a minute: only NOTIFY can make the relay publish promptly.
    producer, _ = await flow.runtimes(make_database, fresh_broker, outbox_poll_interval_s=60,
                                  outbox_idle_poll_s=60, broker_check_interval_s=60)
    outbox = producer.spec.tables.outbox
    async with running(producer):
        await asyncio.sleep(1.0)  # the relay is now waiting on its next poll
        other_process = flow.producer_runtime(producer.settings.model_copy())
        other_process.outbox.wake_relay = lambda: None  # no in-process signal reaches us
        try:
            await flow.cancel(other_process, uuid.uuid4(), 1)
        finally:
            await other_process.engine.dispose()
        await eventually(lambda: flow.unsent_is(producer, 0), timeout_s=10)
        assert await flow.count(producer, outbox) == 1


async def test_a_consumer_that_stays_up_across_a_broker_reset_misses_nothing(
    make_database, fresh_broker
):
    """The new broker's log can outgrow the consumer's old position before it reads again
    (here: the retained window was purged, and six new events wait for the broker). A consumer
    that kept its old position would start at offset 3 and never see the first three."""
    producer, consumer = await flow.runtimes(make_database, fresh_broker)
    outbox = producer.spec.tables.outbox
    key = uuid.uuid4()
    async with running(producer), running(consumer):
        for seq in range(3):
            await flow.cancel(producer, key, seq)
        await eventually(lambda: flow.received_at_least(consumer, 3), timeout_s=30)
        fresh_broker.stop(kill=True)
        async with producer.engine.begin() as conn:  # retention purged what was sent
            await conn.execute(outbox.delete().where(outbox.c.sent_at.is_not(None)))
        for seq in range(3, 9):
            await flow.cancel(producer, key, seq)
        fresh_broker.start()
        rows = await eventually(lambda: flow.received_at_least(consumer, 9), timeout_s=60,
                                interval_s=0.2)
        await asyncio.sleep(1.0)
        rows = await flow.received_rows(consumer)
    assert [r.seq for r in rows] == list(range(9))
