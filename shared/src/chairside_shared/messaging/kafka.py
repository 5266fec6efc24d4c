"""aiokafka clients built from settings, topic creation, and a broker health probe.

Topics are created by the services, with the configured partition count, never by the broker
as a side effect of a client asking about them: a broker that came back empty would otherwise
re-create a subscribed topic at its own default count (4 on the embedded broker) the moment a
consumer's metadata refresh names it, before the owner's relay can create it with 6, and the
relay, which places keys by the configured count, could then never publish to partitions 4
and 5 (and the embedded broker cannot add partitions). The relay and the consumers run their
clients under ``never_auto_create_topics``; they create what they need through
``ensure_topics``. (Apache Kafka in production runs with ``auto.create.topics.enable=false``.)
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from contextvars import ContextVar

import aiokafka.client
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewPartitions, NewTopic
from aiokafka.errors import TopicAlreadyExistsError
from aiokafka.protocol.metadata import MetadataRequest

from chairside_shared.settings import ServiceSettings

log = logging.getLogger("chairside.kafka")
_AUTO_CREATE: ContextVar[bool] = ContextVar("chairside_kafka_auto_create", default=True)


def never_auto_create_topics() -> None:
    """Clients started from here on, in this task and the tasks it starts (an aiokafka client's
    metadata refresh runs in a task of its own, made at ``start``), ask about topics without
    creating them. Scoped to a task, so test code producing to a topic nobody created yet keeps
    the broker's auto-creation."""
    _AUTO_CREATE.set(False)


class _MetadataRequest(MetadataRequest):
    # aiokafka 0.14 (pinned) builds every metadata request of its client from this name and
    # always allows auto-creation; there is no client option for it.
    def __init__(self, topics: list[str] | None = None,
                 allow_auto_topic_creation: bool | None = None) -> None:
        if allow_auto_topic_creation is None and not _AUTO_CREATE.get():
            allow_auto_topic_creation = False
        super().__init__(topics, allow_auto_topic_creation)


aiokafka.client.MetadataRequest = _MetadataRequest


def make_producer(settings: ServiceSettings, *, client_id: str) -> AIOKafkaProducer:
    kwargs: dict = {
        "bootstrap_servers": settings.kafka_bootstrap_servers,
        "client_id": client_id,
        "acks": "all",
        "enable_idempotence": settings.kafka_enable_idempotence,
        "linger_ms": 0,
        "request_timeout_ms": 10_000,
    }
    if settings.kafka_transactional_id_prefix:
        kwargs["transactional_id"] = f"{settings.kafka_transactional_id_prefix}-{client_id}"
    return AIOKafkaProducer(**kwargs)


def make_consumer(
    settings: ServiceSettings, *topics: str, group_id: str | None, client_id: str
) -> AIOKafkaConsumer:
    return AIOKafkaConsumer(
        *topics,
        bootstrap_servers=settings.kafka_bootstrap_servers,
        group_id=group_id,
        client_id=client_id,
        # Offsets are committed only after the handler's transaction commits.
        enable_auto_commit=False,
        # A new group, or a broker that came back empty, starts from the beginning; the
        # inbox absorbs what was already handled.
        auto_offset_reset="earliest",
        isolation_level="read_committed" if settings.kafka_transactional_id_prefix else
        "read_uncommitted",
        metadata_max_age_ms=5_000,
        fetch_max_wait_ms=settings.consumer_fetch_max_wait_ms,
        request_timeout_ms=15_000,
        session_timeout_ms=10_000,
        heartbeat_interval_ms=1_000,
    )


class FetchPacing:
    """How long the broker may hold an empty fetch: short while records flow, long once none
    came for a while.

    Every empty fetch the broker answers wakes the broker and the consumer. The embedded broker
    (Tansu 0.6) holds an empty fetch for its whole max wait even when a record arrives
    meanwhile (measured: delivery p50 11 ms with a 10 ms wait, 70 ms with 500 ms), so a short
    wait is what keeps delivery prompt; but at 10 ms an idle consumer sends ~100 fetches a
    second, and that storm was most of an idle platform's CPU (bench/cost.py: the broker 21 %
    of a core, each service ~4 %). So a flow of events keeps the short wait, and a consumer
    that saw nothing for ``idle_after_s`` asks with the long one: the first event after a quiet
    spell waits up to that long on the embedded broker (Apache Kafka answers a held fetch as
    soon as data arrives, so there it costs nothing).
    """

    def __init__(self, consumer: AIOKafkaConsumer, *, busy_ms: int, idle_ms: int,
                 idle_after_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.consumer, self.busy_ms, self.idle_ms = consumer, busy_ms, idle_ms
        self.idle_after_s, self.clock = idle_after_s, clock
        self.last_records = clock()

    @classmethod
    def from_settings(cls, consumer: AIOKafkaConsumer, settings: ServiceSettings) -> FetchPacing:
        return cls(consumer, busy_ms=settings.consumer_fetch_max_wait_ms,
                   idle_ms=settings.consumer_idle_fetch_max_wait_ms,
                   idle_after_s=settings.consumer_idle_after_s)

    @property
    def wait_ms(self) -> int:
        idle = self.clock() - self.last_records >= self.idle_after_s
        return max(self.idle_ms, self.busy_ms) if idle else self.busy_ms

    def saw(self, records: bool) -> None:
        """After each poll: whether it returned records. Sets the wait of the next fetch."""
        if records:
            self.last_records = self.clock()
        # aiokafka 0.14 (pinned) reads this attribute for every fetch request it builds; there
        # is no public setter.
        fetcher = getattr(self.consumer, "_fetcher", None)
        if fetcher is not None:
            fetcher._fetch_max_wait_ms = self.wait_ms


async def ensure_topics(settings: ServiceSettings, topics: list[str], *, client_id: str,
                        grow: bool = True) -> None:
    """Create the topics this service owns (idempotent); ``grow=False`` for topics it only
    reads, whose partition count is their owner's business."""
    admin = AIOKafkaAdminClient(
        bootstrap_servers=settings.kafka_bootstrap_servers,
        client_id=client_id,
        request_timeout_ms=10_000,
    )
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [t for t in topics if t not in existing]
        if grow:
            await _grow_partitions(admin, [t for t in topics if t in existing],
                                   settings.kafka_topic_partitions)
        if not missing:
            return
        with contextlib.suppress(TopicAlreadyExistsError):
            await admin.create_topics(
                [
                    NewTopic(t, settings.kafka_topic_partitions, settings.kafka_replication_factor)
                    for t in missing
                ]
            )
        log.info("created topics %s", ",".join(missing))
    finally:
        await admin.close()


async def _grow_partitions(admin: AIOKafkaAdminClient, topics: list[str], wanted: int) -> None:
    """A topic created elsewhere (auto-created by a consumer) may have fewer partitions than
    the relay's keys map to: grow it."""
    if not topics:
        return
    short = {
        t["topic"]: NewPartitions(total_count=wanted)
        for t in await admin.describe_topics(topics)
        if len(t.get("partitions", [])) < wanted
    }
    if short:
        try:
            await admin.create_partitions(short)
            log.info("grew topics %s to %d partitions", ",".join(short), wanted)
        except Exception as exc:
            log.error("topics %s have fewer than %d partitions and could not grow: %s",
                      ",".join(short), wanted, exc)


async def probe_broker(settings: ServiceSettings, timeout_s: float = 3.0) -> None:
    """Raise if the broker cannot be reached (used by /readyz)."""
    admin = AIOKafkaAdminClient(
        bootstrap_servers=settings.kafka_bootstrap_servers,
        request_timeout_ms=int(timeout_s * 1000),
    )
    try:
        await asyncio.wait_for(admin.start(), timeout_s)
        await asyncio.wait_for(admin.list_topics(), timeout_s)
    finally:
        with contextlib.suppress(Exception):
            await admin.close()
