"""Has the broker lost its state since we last looked?

The embedded broker keeps nothing across a restart: topics, logs and committed offsets are all
gone, and a new log can grow past a position a client still holds from the old one. Each
watcher keeps a marker topic that nothing else creates or touches; a broker without it is a new
broker. (Apache Kafka keeps its logs across restarts, so there the marker simply stays.)

The relay and the consumer both watch one: the relay re-publishes its retained window whenever
its marker is missing (``marker_present``, then ``mark``); the consumer rewinds only when a
marker it had seen disappears (``broker_was_reset``).

The members of one consumer group share one marker, and "missing" is not enough for them: the
first member to notice a reset creates the marker again, and the others would find it present
and keep reading the new logs from their old positions. So a group's marker carries an epoch:
the first record written to it (partition 0, offset 0), a random id from whichever member
created it. Every member remembers the epoch it last saw; a different one means the broker
was reset since, whoever noticed first (``GroupEpochWatch``).
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from chairside_shared.messaging.kafka import ensure_topics
from chairside_shared.settings import ServiceSettings


class BrokerEpochWatch:
    def __init__(self, settings: ServiceSettings, *, marker_topic: str, client_id: str) -> None:
        self.settings = settings
        self.marker_topic = marker_topic
        self.client_id = client_id
        self._admin: AIOKafkaAdminClient | None = None
        self.seen = False  # the marker was there (or we made it) at an earlier look

    async def marker_present(self) -> bool:
        """Does the broker have our marker? Raises when the broker cannot be asked."""
        admin = await self._ensure_admin()
        try:
            topics = set(await asyncio.wait_for(admin.list_topics(), 10))
        except BaseException:
            await self.close()
            raise
        present = self.marker_topic in topics
        self.seen = self.seen or present
        return present

    async def mark(self, *also_create: str) -> None:
        """Create the marker (and any other topics, in the same call)."""
        await ensure_topics(self.settings, [*also_create, self.marker_topic],
                            client_id=self.client_id)
        self.seen = True

    async def broker_was_reset(self) -> bool:
        """True when the marker we saw before is gone (it is created again at once). The first
        look at a broker without the marker is a new broker, not a reset."""
        seen_before = self.seen
        if await self.marker_present():
            return False
        await self.mark()
        return seen_before

    async def _ensure_admin(self) -> AIOKafkaAdminClient:
        if self._admin is None:
            admin = AIOKafkaAdminClient(bootstrap_servers=self.settings.kafka_bootstrap_servers,
                                        client_id=self.client_id, request_timeout_ms=10_000)
            try:
                await admin.start()
            except BaseException:
                await admin.close()
                raise
            self._admin = admin
        return self._admin

    async def close(self) -> None:
        admin, self._admin = self._admin, None
        if admin is not None:
            with contextlib.suppress(Exception):
                await admin.close()


class GroupEpochWatch(BrokerEpochWatch):
    """A consumer group's view of the broker's epoch, shared by all of its members."""

    def __init__(self, settings: ServiceSettings, *, marker_topic: str, client_id: str) -> None:
        super().__init__(settings, marker_topic=marker_topic, client_id=client_id)
        self.epoch: str | None = None  # the epoch this member last saw
        self._reader: AIOKafkaConsumer | None = None

    async def broker_was_reset(self) -> bool:
        """True when the broker's epoch differs from the one this member saw last, even when
        another member has already created the marker again. The first look is no reset."""
        current = await self.current_epoch()
        before, self.epoch = self.epoch, current
        self.seen = True
        return before is not None and before != current

    async def current_epoch(self) -> str:
        """The marker's first record; written by this member when the marker has none."""
        if not await self.marker_present():
            await self.mark()
            # a reader built before knows the broker's old topics: read with a new one
            await self._close_reader()
        first = await self._first_record()
        if first is None:
            await self._write(uuid.uuid4().hex)
            first = await self._first_record()  # the earliest write wins, ours or another's
        if first is None:
            raise RuntimeError(f"the epoch marker {self.marker_topic} cannot be read")
        return first

    async def _first_record(self) -> str | None:
        tp = TopicPartition(self.marker_topic, 0)
        reader = await self._ensure_reader(tp)
        try:
            reader.resume(tp)
            reader.seek(tp, 0)
            batch = await reader.getmany(tp, timeout_ms=1_000, max_records=1)
            reader.pause(tp)
        except BaseException:
            await self._close_reader()
            raise
        records = batch.get(tp) or []
        return records[0].value.decode() if records and records[0].value else None

    async def _write(self, epoch: str) -> None:
        producer = AIOKafkaProducer(bootstrap_servers=self.settings.kafka_bootstrap_servers,
                                    client_id=f"{self.client_id}-epoch", acks="all",
                                    enable_idempotence=False, request_timeout_ms=10_000)
        await producer.start()
        try:
            await asyncio.wait_for(producer.send_and_wait(
                self.marker_topic, epoch.encode(), partition=0), 10)
        finally:
            await producer.stop()

    async def _ensure_reader(self, tp: TopicPartition) -> AIOKafkaConsumer:
        if self._reader is None:
            reader = AIOKafkaConsumer(bootstrap_servers=self.settings.kafka_bootstrap_servers,
                                      client_id=f"{self.client_id}-epoch", group_id=None,
                                      enable_auto_commit=False, auto_offset_reset="earliest",
                                      request_timeout_ms=10_000)
            await reader.start()
            # Paused between looks: an assigned partition is otherwise fetched in the
            # background for good (two fetches a second per service at rest, and a metadata
            # refresh every second before: a good part of an idle service's CPU).
            reader.assign([tp])
            reader.pause(tp)
            self._reader = reader
        return self._reader

    async def _close_reader(self) -> None:
        reader, self._reader = self._reader, None
        if reader is not None:
            with contextlib.suppress(Exception):
                await reader.stop()

    async def close(self) -> None:
        await self._close_reader()
        await super().close()
