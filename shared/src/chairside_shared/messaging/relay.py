"""The outbox relay: publishes committed outbox rows in id order and marks them sent.

- Wakes at once on commit (in-process signal; PostgreSQL LISTEN/NOTIFY across processes),
  polls only as a fallback (``outbox_idle_poll_s``, 5 s by default).
- Keeps working while the broker is down: rows wait, and go out when it is back.
- One relay per service database publishes at a time (PostgreSQL advisory lock), so rows of one
  key leave in order even with several replicas.
- Failover: the lock is a session lock on the relay's LISTEN connection, so it ends with that
  session. A follower tries to take it every ``2 x outbox_poll_interval_s`` (2 s by default),
  and at once when a NOTIFY wakes it (any replica's commit). The bound after the leader dies
  is therefore 2 x outbox_poll_interval_s after PostgreSQL ends the dead leader's session:
  at once when its process dies (the kernel closes the socket; bench/failover.py measures
  2.0 s from SIGKILL to the survivor leading with the default 1 s, tests/foundation/
  test_relay_failover.py proves nothing is lost); after a host loss or a network cut only
  when the server's TCP keepalive gives up (``tcp_keepalives_idle/interval/count``: set them,
  e.g. 10/5/3 = 25 s, as Linux defaults are over two hours). The survivor publishes every row
  not yet marked sent in id order: rows the dead leader had sent but not marked go out again
  (repeats the consumers' inbox absorbs), never a gap nor a key out of order.
- Notices a broker that came back empty (the embedded broker keeps nothing across a restart):
  its epoch marker topic is gone, so the retained window is marked unsent and published again.
  Consumers dedupe through their inbox.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import zlib
from datetime import UTC, datetime, timedelta

import asyncpg
from aiokafka import AIOKafkaProducer
from aiokafka.partitioner import murmur2
from opentelemetry import context as otel_context
from opentelemetry import propagate, trace
from sqlalchemy import bindparam, func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from chairside_shared.messaging.closing import STEP_S, close_producer
from chairside_shared.messaging.envelope import kafka_headers
from chairside_shared.messaging.epoch import BrokerEpochWatch
from chairside_shared.messaging.kafka import (
    ensure_topics,
    make_producer,
    never_auto_create_topics,
)
from chairside_shared.messaging.outbox import notify_channel
from chairside_shared.messaging.tables import MessagingTables
from chairside_shared.metrics import OUTBOX_BACKLOG, OUTBOX_PUBLISHED
from chairside_shared.settings import ServiceSettings
from chairside_shared.status import DependencyStatus
from chairside_shared.telemetry import uninstrumented

log = logging.getLogger("chairside.outbox")


class BrokerUnavailable(Exception):
    """The broker could not take our events; they stay in the outbox."""
tracer = trace.get_tracer("chairside.outbox")


def partition_for(key: str, partitions: int) -> int:
    """The partition of a key, from the configured count rather than the broker's metadata:
    a topic auto-created with another count (a consumer can race the relay after a broker
    restart) must not move a key to another partition and break its order."""
    return (murmur2(key.encode()) & 0x7FFFFFFF) % partitions


class OutboxRelay:
    def __init__(
        self,
        *,
        settings: ServiceSettings,
        engine: AsyncEngine,
        tables: MessagingTables,
        owned_topics: list[str],
        broker_status: DependencyStatus,
    ) -> None:
        self.settings = settings
        self.engine = engine
        self.tables = tables
        self.owned_topics = owned_topics
        self.broker_status = broker_status
        self.source = settings.service_name
        self._wake = asyncio.Event()
        self._stopping = False
        self._producer: AIOKafkaProducer | None = None
        self._epoch = BrokerEpochWatch(settings, marker_topic=f"_chairside_epoch.{self.source}",
                                       client_id=f"{self.source}-epoch")
        self._listen_conn: asyncpg.Connection | None = None
        self._is_leader = settings.is_sqlite  # SQLite: one process owns the file
        self._next_check = 0.0
        self._next_purge = 0.0

    def wake(self) -> None:
        self._wake.set()

    async def run(self) -> None:
        backoff = 0.2
        self._stopping = False
        never_auto_create_topics()  # see kafka.py
        while not self._stopping:
            try:
                await self._ensure_leader()
                if not self._is_leader:
                    await self._sleep(self.settings.outbox_poll_interval_s * 2)
                    continue
                await self._ensure_producer()
                # the epoch check first: after a reset it creates the topics before a send
                # waits for one that no longer exists
                await self._periodic_checks()
                sent = await self.publish_pending()
                backoff = 0.2
                if sent >= self.settings.outbox_batch_size:
                    continue
                await self._sleep(self.settings.outbox_idle_poll_s)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                await self._on_failure(exc)
                await self._sleep(backoff)
                backoff = min(backoff * 2, 5.0)

    async def stop(self) -> None:
        """Ends in bounded time whatever the broker and the database do (closing.py)."""
        self._stopping = True
        self._wake.set()
        for closer in (self._close_producer, self._close_listener):
            with contextlib.suppress(Exception):
                await closer()

    # ------------------------------------------------------------------ publishing
    async def publish_pending(self) -> int:
        outbox = self.tables.outbox
        async with self.engine.connect() as conn:
            rows = (
                await conn.execute(
                    select(outbox)
                    .where(outbox.c.sent_at.is_(None))
                    .order_by(outbox.c.id)
                    .limit(self.settings.outbox_batch_size)
                )
            ).all()
        if not rows:
            return 0
        # One chain per key: a key's rows go one after another, so a failed send can never be
        # overtaken by a later row of the same key; different keys are sent concurrently.
        chains: dict[str, list] = {}
        for row in rows:
            chains.setdefault(row.key, []).append(row)
        if self.settings.kafka_transactional_id_prefix:
            # Real Kafka with transactions: a batch becomes visible to read_committed
            # consumers all at once.
            async with self._producer.transaction():  # type: ignore[union-attr]
                results = await asyncio.gather(
                    *(self._send_chain(chain) for chain in chains.values()))
        else:
            results = await asyncio.gather(
                *(self._send_chain(chain) for chain in chains.values()))
        done = [item for chain_done, _ in results for item in chain_done]
        failures = [(failed, exc) for _, (failed, exc) in results if failed is not None]
        await self._mark_sent(done)
        for failed, exc in failures:
            await self._mark_failed(failed.id, exc)
        if failures:
            raise BrokerUnavailable(failures[0][1]) from failures[0][1]
        OUTBOX_PUBLISHED.labels(self.source).inc(len(done))
        self.broker_status.up()
        return len(done)

    async def _send_chain(self, chain: list) -> tuple[list[dict], tuple]:
        done: list[dict] = []
        for row in chain:
            try:
                meta = await (await self._send(row))
            except Exception as exc:
                return done, (row, exc)
            done.append({"id": row.id, "partition": meta.partition, "offset": meta.offset})
        return done, (None, None)

    async def _send(self, row) -> asyncio.Future:
        # Publish inside the trace that wrote the row, not the relay's own.
        token = otel_context.attach(propagate.extract(row.headers))
        try:
            with tracer.start_as_current_span(
                f"{row.topic} publish",
                kind=trace.SpanKind.PRODUCER,
                attributes={
                    "messaging.system": "kafka",
                    "messaging.destination.name": row.topic,
                    "messaging.message.id": row.event_id,
                    "messaging.operation.type": "publish",
                },
            ):
                headers = {k: v for k, v in row.headers.items() if k not in ("traceparent",
                                                                               "tracestate")}
                carrier: dict[str, str] = {}
                propagate.inject(carrier)
                headers.update(carrier)
                # Our publish span is the record's one parent: the aiokafka instrumentation's
                # wrapper would append a second traceparent (of its own child span).
                send = uninstrumented(self._producer, "send")
                return await send(
                    row.topic,
                    value=row.payload.encode(),
                    key=row.key.encode(),
                    headers=kafka_headers(headers),
                    partition=partition_for(row.key, self.settings.kafka_topic_partitions),
                )
        finally:
            otel_context.detach(token)

    async def _mark_sent(self, done: list[dict]) -> None:
        if not done:
            return
        outbox = self.tables.outbox
        now = datetime.now(UTC)
        async with self.engine.begin() as conn:
            await conn.execute(  # one executemany round, not one statement per row
                update(outbox)
                .where(outbox.c.id == bindparam("row_id"))
                .values(sent_at=now, sent_partition=bindparam("p"), sent_offset=bindparam("o"),
                        last_error=None),
                [{"row_id": d["id"], "p": d["partition"], "o": d["offset"]} for d in done],
            )

    async def _mark_failed(self, row_id: int, exc: Exception) -> None:
        outbox = self.tables.outbox
        async with self.engine.begin() as conn:
            await conn.execute(
                update(outbox)
                .where(outbox.c.id == row_id)
                .values(attempts=outbox.c.attempts + 1, last_error=repr(exc)[:2000])
            )

    # ------------------------------------------------------------------ broker epoch
    async def _periodic_checks(self) -> None:
        now = time.monotonic()
        if now >= self._next_check:
            self._next_check = now + self.settings.broker_check_interval_s
            await self.check_broker_epoch()
            await self._update_backlog()
        if now >= self._next_purge:
            self._next_purge = now + 60
            await self.purge_sent()

    async def check_broker_epoch(self) -> int:
        """Re-queue the retained window if the broker lost what we wrote. Returns rows re-queued.

        Each relay keeps an epoch marker topic that nothing else touches (listing topics does
        not auto-create one). A broker without our marker is a new broker: everything we sent
        within the retention window is published again, in id order.
        """
        try:
            if await self._epoch.marker_present():
                return 0
        except Exception as exc:
            raise BrokerUnavailable(exc) from exc
        outbox = self.tables.outbox
        # Re-queue before the marker exists: a crash in between then re-queues again on the
        # next check (repeats the inbox absorbs) instead of finding the marker and losing them.
        async with self.engine.begin() as conn:
            result = await conn.execute(
                update(outbox)
                .where(outbox.c.sent_at.is_not(None))
                .values(sent_at=None, sent_partition=None, sent_offset=None)
            )
        try:
            await self._epoch.mark(*self.owned_topics)
        except Exception as exc:
            raise BrokerUnavailable(exc) from exc
        if result.rowcount:
            log.warning("the broker at %s has no record of this service's events (a new or "
                        "reset broker): re-publishing %d retained events",
                        self.settings.kafka_bootstrap_servers, result.rowcount)
            self.wake()
        return result.rowcount

    async def purge_sent(self) -> int:
        outbox = self.tables.outbox
        cutoff = datetime.now(UTC) - timedelta(hours=self.settings.outbox_retention_hours)
        async with self.engine.begin() as conn:
            result = await conn.execute(
                outbox.delete().where(outbox.c.sent_at.is_not(None), outbox.c.sent_at < cutoff)
            )
        return result.rowcount

    async def _update_backlog(self) -> None:
        outbox = self.tables.outbox
        async with self.engine.connect() as conn:
            backlog = (
                await conn.execute(
                    select(func.count()).select_from(outbox).where(outbox.c.sent_at.is_(None))
                )
            ).scalar_one()
        OUTBOX_BACKLOG.labels(self.source).set(backlog)

    # ------------------------------------------------------------------ plumbing
    async def _sleep(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), seconds)
        self._wake.clear()

    async def _ensure_producer(self) -> None:
        if self._producer is not None:
            return
        producer = make_producer(self.settings, client_id=f"{self.source}-relay")
        try:
            await ensure_topics(self.settings, self.owned_topics,
                                client_id=f"{self.source}-relay")
            await producer.start()
        except Exception as exc:
            await close_producer(producer)
            raise BrokerUnavailable(exc) from exc
        self._producer = producer
        self.broker_status.up()
        self._next_check = 0.0  # (re)connected: check for a reset before sending anything new
        await self.check_broker_epoch()

    async def _close_producer(self) -> None:
        producer, self._producer = self._producer, None
        if producer is not None:
            await close_producer(producer)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._epoch.close(), STEP_S)

    async def _ensure_leader(self) -> None:
        if self._is_leader and (self.settings.is_sqlite or self._listen_conn is not None):
            return
        if self._listen_conn is None:
            dsn = str(self.engine.url.render_as_string(hide_password=False)).replace(
                "postgresql+asyncpg://", "postgresql://"
            )
            self._listen_conn = await asyncpg.connect(dsn)
            self._listen_conn.add_termination_listener(lambda _c: self._lost_listener())
            await self._listen_conn.add_listener(
                notify_channel(self.source), lambda *_a: self._wake.set()
            )
        lock_key = zlib.crc32(f"chairside-relay-{self.source}".encode())
        self._is_leader = bool(
            await self._listen_conn.fetchval("SELECT pg_try_advisory_lock($1)", lock_key)
        )

    def _lost_listener(self) -> None:
        # The advisory lock died with the connection: another relay may take over.
        self._listen_conn = None
        self._is_leader = False

    async def _close_listener(self) -> None:
        conn, self._listen_conn = self._listen_conn, None
        if conn is not None:
            await conn.close(timeout=STEP_S)  # past it asyncpg terminates the connection

    async def _on_failure(self, exc: Exception) -> None:
        if isinstance(exc, BrokerUnavailable):
            if self.broker_status.down(f"{self.settings.kafka_bootstrap_servers}: {exc}"):
                log.error("outbox relay cannot reach the broker at %s (%s); events wait "
                          "in the outbox", self.settings.kafka_bootstrap_servers,
                          type(exc).__name__)
            await self._close_producer()
        else:
            log.error("outbox relay database error: %s", type(exc).__name__)
            if self._listen_conn is not None and self._listen_conn.is_closed():
                self._lost_listener()
