"""The stream's bus reader: every partition of the services' event topics, with no consumer
group (each gateway process must see every event, and commits nothing).

At start each partition is read from `window` records before its end, so a replica that just
started can already replay a client that was on another replica. Records become StreamEvents
(ids, statuses, times; see domain/stream.py) handed to `publish` in per-partition order.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import Callable
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition

from chairside_shared.messaging.envelope import MalformedEvent, decode
from chairside_shared.messaging.kafka import FetchPacing, never_auto_create_topics
from gateway.domain.stream import StreamEvent, scope_for, stream_data

log = logging.getLogger("gateway.stream.reader")
Publish = Callable[[tuple[str, int], int, StreamEvent | None], None]
Track = Callable[[tuple[str, int], int, int], None]


def to_stream_event(key: bytes | None, value: bytes | None, headers: Any) -> StreamEvent | None:
    try:
        envelope = decode(key, value, headers)
    except MalformedEvent:
        return None
    if scope_for(envelope.type) is None:
        return None
    payload = envelope.payload.model_dump(mode="json", by_alias=True)
    practice = payload.get("practice_id")
    return StreamEvent(event_id=envelope.id, type=envelope.type, occurred_at=envelope.time,
                       practice_id=str(practice) if practice else None,
                       data=stream_data(payload))


class BusReader:
    def __init__(self, bootstrap_servers: str, topics: tuple[str, ...], *, window: int,
                 publish: Publish, track: Track, on_reading: Callable[[], None],
                 on_caught_up: Callable[[], None], fetch_max_wait_ms: int = 50,
                 idle_fetch_max_wait_ms: int | None = None, idle_after_s: float = 5.0,
                 refresh_s: float = 5.0, yield_every: int = 32) -> None:
        self.bootstrap, self.topics, self.window = bootstrap_servers, topics, window
        self.publish, self.track = publish, track
        self.on_reading, self.on_caught_up = on_reading, on_caught_up
        self.fetch_max_wait_ms, self.refresh_s = fetch_max_wait_ms, refresh_s
        # quiet bus, longer held fetches (chairside_shared.messaging.kafka.FetchPacing)
        self.idle_fetch_max_wait_ms = idle_fetch_max_wait_ms or fetch_max_wait_ms
        self.idle_after_s = idle_after_s
        self.yield_every = max(1, yield_every)
        self.positions: dict[TopicPartition, int] = {}
        self.first_assignment = True

    async def run(self) -> None:
        # Reading must never create a topic: after a broker reset that would fix a service's
        # topic at the broker's default partition count before its owner creates it.
        never_auto_create_topics()
        delay = 0.5
        while True:
            try:
                await self._read()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.error("stream reader: %s; retrying in %.1fs", type(exc).__name__, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 10.0)

    async def _read(self) -> None:
        consumer = AIOKafkaConsumer(
            bootstrap_servers=self.bootstrap, group_id=None, enable_auto_commit=False,
            client_id=f"gateway-stream-{uuid.uuid4().hex[:8]}", auto_offset_reset="earliest",
            metadata_max_age_ms=5_000, fetch_max_wait_ms=self.fetch_max_wait_ms,
            request_timeout_ms=15_000)
        await consumer.start()
        pacing = FetchPacing(consumer, busy_ms=self.fetch_max_wait_ms,
                             idle_ms=self.idle_fetch_max_wait_ms, idle_after_s=self.idle_after_s)
        try:
            assigned: set[TopicPartition] = set()
            catching_up: dict[TopicPartition, int] | None = None
            loop = asyncio.get_running_loop()
            next_refresh = 0.0
            while True:
                if loop.time() >= next_refresh:
                    found = await self._partitions(consumer)
                    if found != assigned:
                        ends = await self._assign(consumer, found, assigned)
                        if catching_up is None:
                            catching_up = ends
                        assigned = found
                    self.on_reading()
                    next_refresh = loop.time() + self.refresh_s
                if not assigned:
                    self.on_caught_up()  # nothing to read yet
                    await asyncio.sleep(min(self.refresh_s, 1.0))
                    next_refresh = 0.0
                    continue
                batches = await consumer.getmany(timeout_ms=500, max_records=500)
                pacing.saw(bool(batches))
                handed = 0
                for tp, records in batches.items():
                    for record in records:
                        event = to_stream_event(record.key, record.value, record.headers)
                        self.publish((tp.topic, tp.partition), record.offset, event)
                        self.positions[tp] = record.offset + 1
                        handed += 1
                        if handed % self.yield_every == 0:
                            # Let the connections' writers empty their queues: a burst from
                            # the bus must not look like a slow client.
                            await asyncio.sleep(0)
                if catching_up is not None and all(
                        self.positions.get(tp, 0) >= end for tp, end in catching_up.items()):
                    self.on_caught_up()
                    catching_up = {}
        finally:
            with contextlib.suppress(Exception):
                await consumer.stop()

    async def _partitions(self, consumer: AIOKafkaConsumer) -> set[TopicPartition]:
        await consumer.topics()  # refreshes the cluster metadata
        found = set()
        for topic in self.topics:
            for p in consumer.partitions_for_topic(topic) or ():
                found.add(TopicPartition(topic, p))
        return found

    async def _assign(self, consumer: AIOKafkaConsumer, found: set[TopicPartition],
                      before: set[TopicPartition]) -> dict[TopicPartition, int]:
        """Assign every partition; new ones start `window` records before their end (the
        first time) or at their beginning (partitions that appeared while running)."""
        consumer.assign(list(found))
        new = [tp for tp in found if tp not in self.positions]
        begins = await consumer.beginning_offsets(new) if new else {}
        ends = await consumer.end_offsets(new) if new else {}
        for tp in new:
            start = max(begins[tp], ends[tp] - self.window) if self.first_assignment \
                else begins[tp]
            self.positions[tp] = start
            self.track((tp.topic, tp.partition), start, begins[tp])
        self.first_assignment = False
        for tp in found:
            consumer.seek(tp, self.positions[tp])
        return {tp: ends[tp] for tp in new}
