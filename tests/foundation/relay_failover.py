"""The relay failover scenario (issue 19), shared by its test and by bench/failover.py: two
relay processes on one service database, the leader killed with SIGKILL while rows wait in
the outbox, the survivor publishing them. Returns what happened; the caller asserts or prints."""

from __future__ import annotations

import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from aiokafka import AIOKafkaConsumer, TopicPartition
from sqlalchemy import func, select

from chairside_shared import contracts
from chairside_shared.broker import EmbeddedBroker
from chairside_shared.messaging.envelope import decode
from chairside_shared.testing.plugin import eventually, settings_for_test

from . import flow
from .replicas import Replica

PARTITIONS = 6


@dataclass
class FailoverRun:
    keys: list[str]
    per_key: int
    pending_at_kill: int = 0
    lead_taken_ms: float = 0.0  # SIGKILL -> the survivor holds the relay lock
    drained_ms: float = 0.0  # SIGKILL -> every row written before the kill is published
    published: dict[str, list[int]] = field(default_factory=dict)  # per key, as on the topic
    records: int = 0


async def run_failover(database_url: str, broker: EmbeddedBroker, log_dir: Path, *,
                       keys: int = 10, per_key: int = 30, writes_after_kill: bool = True,
                       **env: str) -> FailoverRun:
    # The outbox is written through a runtime that is never started (no relay of its own).
    view = flow.producer_runtime(settings_for_test(
        flow.FlowSettings, database_url=database_url, broker=broker,
        kafka_topic_partitions=PARTITIONS))
    async with view.engine.begin() as conn:
        await conn.run_sync(flow.producer_metadata.create_all)
    ids = [uuid.uuid4() for _ in range(keys)]
    run = FailoverRun(keys=[str(k) for k in ids], per_key=per_key)
    replicas = [Replica("relay", database_url, broker.bootstrap_servers, PARTITIONS,
                        log_dir / f"relay-{n}.log", **env) for n in range(2)]
    outbox = view.spec.tables.outbox
    try:
        for replica in replicas:
            await replica.start()
        await eventually(_leader_among(replicas), timeout_s=90, interval_s=0.02)
        leader, survivor = sorted(replicas, key=lambda r: "leading" not in r.lines)
        # rows keep coming: the kill lands while some wait in the outbox
        before_kill = per_key // 2 if writes_after_kill else per_key
        for seq in range(before_kill):
            await flow.cancel_each(view, ids, seq)
            if seq == before_kill // 2:
                await eventually(lambda: _sent_at_least(view, keys), timeout_s=60)
        leader.kill()
        killed, killed_at = time.monotonic(), datetime.now(UTC)
        run.pending_at_kill = await _count(view, outbox.c.sent_at.is_(None))
        await eventually(lambda: _says(survivor, "leading"), timeout_s=60, interval_s=0.005)
        run.lead_taken_ms = (time.monotonic() - killed) * 1000
        for seq in range(before_kill, per_key):
            await flow.cancel_each(view, ids, seq)
        await eventually(lambda: _all_sent(view, keys * per_key), timeout_s=60, interval_s=0.01)
        async with view.session_factory() as session:
            last = (await session.execute(select(func.max(outbox.c.sent_at)).where(
                outbox.c.created_at <= killed_at))).scalar_one()
        run.drained_ms = max((last - killed_at).total_seconds() * 1000, 0.0)
        run.published, run.records = await _read_topic(broker, keys * per_key)
    finally:
        for replica in replicas:
            await replica.close()
        await view.engine.dispose()
    return run


def in_first_seen_order(published: dict[str, list[int]]) -> dict[str, list[int]]:
    """What a consumer applies: each event once (its inbox drops repeats), in topic order."""
    out: dict[str, list[int]] = {}
    for key, seqs in published.items():
        seen: list[int] = []
        for seq in seqs:
            if seq not in seen:
                seen.append(seq)
        out[key] = seen
    return out


def _leader_among(replicas: list[Replica]):
    async def check() -> bool:
        return any("leading" in r.lines for r in replicas)
    return check


async def _says(replica: Replica, line: str) -> bool:
    return line in replica.lines


async def _count(view, *where) -> int:
    return await flow.count(view, view.spec.tables.outbox, *where)


async def _sent_at_least(view, n: int) -> bool:
    return await _count(view, view.spec.tables.outbox.c.sent_at.is_not(None)) >= n


async def _all_sent(view, n: int) -> bool:
    outbox = view.spec.tables.outbox
    return (await _count(view, outbox.c.sent_at.is_not(None)) >= n
            and await _count(view, outbox.c.sent_at.is_(None)) == 0)


async def _read_topic(broker: EmbeddedBroker, distinct: int) -> tuple[dict[str, list[int]], int]:
    reader = AIOKafkaConsumer(bootstrap_servers=broker.bootstrap_servers, group_id=None,
                              enable_auto_commit=False, auto_offset_reset="earliest")
    await reader.start()
    published: dict[str, list[int]] = defaultdict(list)
    seen: set[str] = set()
    records = 0
    try:
        reader.assign([TopicPartition(contracts.ORDERS_TOPIC, p) for p in range(PARTITIONS)])
        deadline = time.monotonic() + 60
        while len(seen) < distinct and time.monotonic() < deadline:
            records += _take(await reader.getmany(timeout_ms=500), published, seen)
        for _ in range(2):  # whatever else is there (repeats) arrives within a short wait
            records += _take(await reader.getmany(timeout_ms=300), published, seen)
    finally:
        await reader.stop()
    return dict(published), records


def _take(batch: dict, published: dict[str, list[int]], seen: set[str]) -> int:
    taken = 0
    for tp_records in batch.values():
        for record in tp_records:
            envelope = decode(record.key, record.value, record.headers)
            payload = envelope.payload
            assert isinstance(payload, contracts.OrderCancelled)
            published[str(payload.order_id)].append(int(payload.previous_status))
            seen.add(envelope.id)
            taken += 1
    return taken
