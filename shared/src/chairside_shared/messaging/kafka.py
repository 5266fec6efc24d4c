"""aiokafka clients built from settings, topic creation, and a broker health probe."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewPartitions, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

from chairside_shared.settings import ServiceSettings

log = logging.getLogger("chairside.kafka")


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


async def ensure_topics(settings: ServiceSettings, topics: list[str], *, client_id: str) -> None:
    """Create the topics this service owns (idempotent)."""
    admin = AIOKafkaAdminClient(
        bootstrap_servers=settings.kafka_bootstrap_servers,
        client_id=client_id,
        request_timeout_ms=10_000,
    )
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [t for t in topics if t not in existing]
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
