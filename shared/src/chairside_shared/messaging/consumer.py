"""Idempotent consumer: inbox row + handler effects in one transaction, then the offset.

Each service runs one consumer group. For every record:
- decode and validate against the contracts; a message no handler could ever process
  (bad JSON, unknown type, failing validation) is dead-lettered at once;
- types this service does not handle are acknowledged and skipped;
- otherwise, in one transaction: insert (consumer, event_id) into the inbox — a duplicate means
  "already done" — run the handler on the same session, commit;
- a handler that keeps failing is retried with backoff, then dead-lettered (a ``dead_letters``
  row and an outbox row for ``<topic>.dlq`` in one transaction) and the consumer goes on;
- when the database itself is unreachable nothing is dead-lettered: the consumer seeks back and
  waits, so no event is lost;
- before a fetched batch is handled, the consumer checks that the broker is the one it read
  from before (see epoch.py); a broker that came back empty has new logs whose offsets mean
  nothing against the positions held from the old one, so every assigned partition is read
  again from the start (the inbox absorbs what was already handled) and no event is skipped.
  The marker is per consumer group and carries an epoch, so every member notices the reset,
  not only the first (epoch.py);
- when the database drops in the middle of a batch, the failed partition and every later one
  of that batch are sought back, so nothing fetched is passed over.
Offsets are committed only after the database commit.

Several members per group (replicas): a rebalance can take a partition from a member in the
middle of a batch. The member stops applying it and does not commit it; the new owner reads on
from the last commit. Whatever both may apply meanwhile goes through the inbox row first, whose
unique key makes the second insert wait for the first transaction and then fail: each event
has one effect, and per key the effects keep the partition's order.
Known gap (embedded broker only): a member in the middle of a batch when the broker restarts
empty commits that batch's end, an offset of the old log, on the new broker (it accepts the
commit once the member has rejoined). The member itself rewinds at its next batch, but if a
rebalance hands that partition to a member that has already seen the new epoch before it is
overwritten, that member starts from the stale offset. Closing it would mean committing the
epoch in the offset's metadata and rewinding, on assignment, a partition committed under
another epoch.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition
from aiokafka.errors import CommitFailedError, IllegalStateError
from aiokafka.structs import OffsetAndMetadata
from opentelemetry import context as otel_context
from opentelemetry import propagate, trace
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from chairside_shared.contracts import dlq_topic
from chairside_shared.messaging.closing import close_consumer
from chairside_shared.messaging.envelope import Envelope, MalformedEvent, decode, header_dict
from chairside_shared.messaging.epoch import GroupEpochWatch
from chairside_shared.messaging.kafka import (
    FetchPacing,
    ensure_topics,
    make_consumer,
    never_auto_create_topics,
)
from chairside_shared.messaging.outbox import OutboxWriter, UnitOfWork
from chairside_shared.messaging.rejoin import EmptyAfterReset
from chairside_shared.metrics import CONSUMER_LAG, EVENTS_CONSUMED
from chairside_shared.settings import ServiceSettings
from chairside_shared.status import DependencyStatus

log = logging.getLogger("chairside.consumer")

# A broker that came back empty may hold shorter logs than the offsets this member reads from:
# no batch ever arrives to reveal the reset, and the member would wait for offsets the new logs
# never reach. So an idle member also looks at the broker's epoch, this often.
IDLE_EPOCH_CHECK_S = 5.0
tracer = trace.get_tracer("chairside.consumer")

# A handler gets the service's unit of work (session open, inbox row already written) and the
# event; it changes state and may ``await uow.emit(...)``; the consumer commits.
Handler = Callable[[UnitOfWork, Envelope], Awaitable[None]]


class InfrastructureError(Exception):
    """The database could not be reached: retry later, never dead-letter."""


def _is_infrastructure(exc: BaseException) -> bool:
    if isinstance(exc, (OperationalError, InterfaceError)):
        return True
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    return isinstance(exc, (ConnectionError, OSError))


class EventConsumer:
    def __init__(
        self,
        *,
        settings: ServiceSettings,
        uow_factory: Callable[[], UnitOfWork],
        session_factory: async_sessionmaker[AsyncSession],
        outbox: OutboxWriter,
        topics: list[str],
        handlers: dict[str, Handler],
        broker_status: DependencyStatus,
        group_id: str | None = None,
    ) -> None:
        self.settings = settings
        self.uow_factory = uow_factory
        self.session_factory = session_factory
        self.outbox = outbox
        self.tables = outbox.tables
        self.topics = topics
        self.handlers = handlers
        self.broker_status = broker_status
        self.group_id = group_id or settings.service_name
        self._consumer: AIOKafkaConsumer | None = None
        self._pacing: FetchPacing | None = None
        self._stopping = False
        self._epoch = GroupEpochWatch(settings, marker_topic=f"_chairside_epoch.{self.group_id}"
                                       ".consumer", client_id=f"{self.group_id}-epoch")
        self._rewind = False
        self._empty_after_reset: EmptyAfterReset | None = None
        self._epoch_checked_at = 0.0

    async def _broker_was_reset(self, fetched: bool) -> bool:
        """The epoch check: on every fetched batch, and every IDLE_EPOCH_CHECK_S when idle."""
        now = asyncio.get_running_loop().time()
        if not fetched and now - self._epoch_checked_at < IDLE_EPOCH_CHECK_S:
            return False
        self._epoch_checked_at = now
        return await self._epoch.broker_was_reset()

    async def run(self) -> None:
        backoff = 0.5
        self._stopping = False
        never_auto_create_topics()  # see kafka.py
        while not self._stopping:
            try:
                if self._consumer is None:
                    # the subscribed topics, at the configured count, if their owners have
                    # not created them yet
                    await ensure_topics(self.settings, self.topics, grow=False,
                                        client_id=f"{self.group_id}-consumer")
                    self._consumer = make_consumer(
                        self.settings, *self.topics, group_id=self.group_id,
                        client_id=f"{self.group_id}-consumer",
                    )
                    await self._consumer.start()
                    self._pacing = FetchPacing.from_settings(self._consumer, self.settings)
                    self.broker_status.up()
                batch = await self._consumer.getmany(
                    timeout_ms=500, max_records=self.settings.consumer_batch_size
                )
                if self._pacing is not None:
                    self._pacing.saw(bool(batch))
                if await self._broker_was_reset(bool(batch)):
                    log.warning("consumer %s: the broker at %s came back empty; reading its "
                                "topics again from the start", self.group_id,
                                self.settings.kafka_bootstrap_servers)
                    self._rewind = True
                    self._empty_after_reset = EmptyAfterReset(
                        self.group_id, self.topics, clock=asyncio.get_running_loop().time)
                if self._empty_after_reset is not None and not (
                        await self._empty_after_reset.keep_watching(self._consumer)):
                    self._empty_after_reset = None
                if self._rewind:
                    await self._rewind_assigned()
                    continue  # this batch came from the old positions: fetch it again
                await self._process_batch(batch)
                backoff = 0.5
            except asyncio.CancelledError:
                raise
            except InfrastructureError as exc:
                log.error("consumer %s: database unreachable (%s); will retry",
                          self.group_id, type(exc.__cause__).__name__)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 5.0)
            except Exception as exc:
                if self.broker_status.down(f"{self.settings.kafka_bootstrap_servers}: {exc}"):
                    log.error("consumer %s cannot reach the broker at %s (%s); retrying",
                              self.group_id, self.settings.kafka_bootstrap_servers,
                              type(exc).__name__)
                await self._close()
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 5.0)

    async def stop(self) -> None:
        self._stopping = True
        await self._close()
        await self._epoch.close()

    async def _rewind_assigned(self) -> None:
        assert self._consumer is not None
        assigned = self._consumer.assignment()
        if assigned:  # none yet while the group rebalances: rewind once it has them
            await self._consumer.seek_to_beginning(*assigned)
            self._rewind = False

    async def _close(self) -> None:
        consumer, self._consumer = self._consumer, None
        if consumer is not None:
            await close_consumer(consumer)

    async def _process_batch(self, batch: dict[TopicPartition, list[ConsumerRecord]]) -> None:
        parts = list(batch.items())
        for i, (tp, records) in enumerate(parts):
            try:
                await self._process_partition(tp, records)
            except InfrastructureError:
                # The partitions after it were fetched too: without a seek back, this member
                # would read on past them (they are not committed, so only a restart or a
                # rebalance would bring them back).
                assert self._consumer is not None
                for later, later_records in parts[i + 1:]:
                    if later in self._consumer.assignment():
                        self._consumer.seek(later, later_records[0].offset)
                raise

    async def _process_partition(self, tp: TopicPartition, records: list[ConsumerRecord]) -> None:
        assert self._consumer is not None
        consumer = self._consumer
        next_offset = None
        try:
            for record in records:
                if tp not in consumer.assignment():
                    # A rebalance gave the partition to another member mid-batch: it reads on
                    # from our last commit, so going on here would only race it for nothing.
                    break
                await self.process_record(record)
                next_offset = record.offset + 1
        except InfrastructureError:
            # Not processed: read it again once the database is back (if it is still ours).
            if tp in consumer.assignment():
                consumer.seek(tp, record.offset)
            raise
        finally:
            if next_offset is not None:
                await self._commit(consumer, tp, next_offset)
        highwater = consumer.highwater(tp) if records and tp in consumer.assignment() else None
        if highwater is not None:
            CONSUMER_LAG.labels(self.group_id, tp.topic, tp.partition).set(
                max(highwater - records[-1].offset - 1, 0)
            )

    async def _commit(self, consumer: AIOKafkaConsumer, tp: TopicPartition, offset: int) -> None:
        """Commit after the database did. A partition that a rebalance moved on meanwhile
        cannot be committed, and needs no retry nor a new consumer: its new owner starts from
        the last commit and the inbox absorbs what this member applied since. (Raising here
        would close the consumer, leave the group and start one more rebalance.)"""
        if tp not in consumer.assignment():
            return
        try:
            await consumer.commit({tp: OffsetAndMetadata(offset, "")})
        except (CommitFailedError, IllegalStateError) as exc:
            log.info("consumer %s: %s moved to another member before its commit (%s)",
                     self.group_id, tp, type(exc).__name__)

    async def process_record(self, record: ConsumerRecord) -> str:
        """Handle one record; returns the outcome (handled, duplicate, ignored, dead)."""
        try:
            envelope = decode(record.key, record.value, record.headers)
        except MalformedEvent as exc:
            await self._dead_letter(record, None, str(exc), attempts=1)
            return "dead"
        handler = self.handlers.get(envelope.type)
        if handler is None:
            EVENTS_CONSUMED.labels(self.group_id, envelope.type, "ignored").inc()
            return "ignored"
        parent = propagate.extract(envelope.headers)
        token = otel_context.attach(parent)
        try:
            with tracer.start_as_current_span(
                f"{envelope.type} process",
                kind=trace.SpanKind.CONSUMER,
                attributes={
                    "messaging.system": "kafka",
                    "messaging.destination.name": record.topic,
                    "messaging.consumer.group.name": self.group_id,
                    "messaging.message.id": envelope.id,
                    "messaging.kafka.offset": record.offset,
                    "messaging.operation.type": "process",
                },
            ) as span:
                outcome = await self._handle_with_retries(record, envelope, handler)
                span.set_attribute("chairside.outcome", outcome)
        finally:
            otel_context.detach(token)
        EVENTS_CONSUMED.labels(self.group_id, envelope.type, outcome).inc()
        return outcome

    async def _handle_with_retries(
        self, record: ConsumerRecord, envelope: Envelope, handler: Handler
    ) -> str:
        attempts = 0
        while True:
            attempts += 1
            try:
                return await self._handle_once(record, envelope, handler)
            except Exception as exc:
                if _is_infrastructure(exc):
                    raise InfrastructureError() from exc
                if attempts > self.settings.consumer_max_retries:
                    log.warning("consumer %s: %s %s failed %d times; dead-lettered",
                                self.group_id, envelope.type, envelope.id, attempts)
                    await self._dead_letter(record, envelope, repr(exc), attempts=attempts)
                    return "dead"
                await asyncio.sleep(self.settings.consumer_retry_backoff_s * 2 ** (attempts - 1))

    async def _handle_once(
        self, record: ConsumerRecord, envelope: Envelope, handler: Handler
    ) -> str:
        inbox = self.tables.inbox
        async with self.uow_factory() as uow:
            try:
                await uow.session.execute(
                    inbox.insert().values(
                        consumer=self.group_id, event_id=envelope.id, event_type=envelope.type,
                        topic=record.topic, partition=record.partition, offset=record.offset,
                        processed_at=datetime.now(UTC),
                    )
                )
            except IntegrityError:
                return "duplicate"
            await handler(uow, envelope)
            await uow.commit()
        return "handled"

    async def _dead_letter(
        self, record: ConsumerRecord, envelope: Envelope | None, error: str, *, attempts: int
    ) -> None:
        dead = self.tables.dead_letters
        key = envelope.id if envelope else f"{record.topic}:{record.partition}:{record.offset}"
        headers = header_dict(record.headers)
        value = (record.value or b"").decode("utf-8", errors="replace")
        try:
            async with self.session_factory() as session:
                exists = (
                    await session.execute(
                        select(dead.c.id).where(
                            dead.c.consumer == self.group_id, dead.c.message_key == key
                        )
                    )
                ).first()
                if exists is None:
                    await session.execute(
                        dead.insert().values(
                            consumer=self.group_id, message_key=key,
                            event_type=headers.get("ce_type"), topic=record.topic,
                            partition=record.partition, offset=record.offset,
                            kafka_key=record.key.decode("utf-8", "replace") if record.key else None,
                            headers=headers, value=value, error=error[:4000],
                            attempts=attempts, failed_at=datetime.now(UTC), status="dead",
                        )
                    )
                    await self._stage_dlq_message(session, record, headers, value, error)
                await session.commit()
        except Exception as exc:
            if _is_infrastructure(exc):
                raise InfrastructureError() from exc
            raise
        self.outbox.wake_relay()
        EVENTS_CONSUMED.labels(self.group_id, headers.get("ce_type", "unknown"), "dead").inc()

    async def _stage_dlq_message(
        self, session: AsyncSession, record: ConsumerRecord, headers: dict[str, str],
        value: str, error: str,
    ) -> None:
        # The original headers travel unchanged, with the error and where it came from.
        dlq_headers = dict(headers)
        dlq_headers.update({
            "dlq_error": error[:1000],
            "dlq_consumer": self.group_id,
            "dlq_origin": f"{record.topic}:{record.partition}:{record.offset}",
        })
        await session.execute(
            self.tables.outbox.insert().values(
                event_id=f"dlq:{self.group_id}:{record.topic}:{record.partition}:{record.offset}",
                topic=dlq_topic(record.topic),
                key=record.key.decode("utf-8", "replace") if record.key else "",
                event_type=headers.get("ce_type", "unknown"),
                headers=dlq_headers, payload=value, created_at=datetime.now(UTC), attempts=0,
            )
        )


async def replay_dead_letter(consumer: EventConsumer, dead_letter_id: int) -> str:
    """Run a dead letter through its handler again (inbox still applies).

    Returns ``replayed`` or ``duplicate`` on success; on failure the row stays ``dead`` with
    the new error and the error is raised.
    """
    dead = consumer.tables.dead_letters
    async with consumer.session_factory() as session:
        row = (await session.execute(select(dead).where(dead.c.id == dead_letter_id))).first()
    if row is None:
        raise LookupError(f"dead letter {dead_letter_id} not found")
    if row.status != "dead":
        raise ValueError(f"dead letter {dead_letter_id} is {row.status}")
    headers = [(k, v.encode()) for k, v in row.headers.items() if not k.startswith("dlq_")]
    key = row.kafka_key.encode() if row.kafka_key else None
    try:
        envelope = decode(key, row.value.encode(), headers)
        handler = consumer.handlers.get(envelope.type)
        if handler is None:
            raise MalformedEvent(f"no handler for {envelope.type} in {consumer.group_id}")
        record = ConsumerRecord(
            topic=row.topic, partition=row.partition, offset=row.offset, timestamp=0,
            timestamp_type=0, key=key, value=row.value.encode(), checksum=None,
            serialized_key_size=0, serialized_value_size=0, headers=tuple(headers),
        )
        outcome = await consumer._handle_once(record, envelope, handler)
    except Exception as exc:
        async with consumer.session_factory() as session:
            await session.execute(
                dead.update().where(dead.c.id == dead_letter_id).values(
                    error=repr(exc)[:4000], attempts=dead.c.attempts + 1,
                    failed_at=datetime.now(UTC),
                )
            )
            await session.commit()
        raise
    async with consumer.session_factory() as session:
        await session.execute(
            dead.update().where(dead.c.id == dead_letter_id).values(
                status="replayed", replayed_at=datetime.now(UTC)
            )
        )
        await session.commit()
    return "replayed" if outcome == "handled" else outcome
