"""Dead letters: an event a consumer gave up on is kept (a ``dead_letters`` row, and the same
message staged for ``<topic>.dlq`` in the same transaction) and can be run through its handler
again once the cause is fixed (``replay_dead_letter``: the CLI and each service's
``POST /admin/dlq/{id}/replay``)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from aiokafka import ConsumerRecord
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from chairside_shared.contracts import dlq_topic
from chairside_shared.messaging.envelope import Envelope, MalformedEvent, decode, header_dict
from chairside_shared.messaging.tables import MessagingTables

if TYPE_CHECKING:
    from chairside_shared.messaging.consumer import EventConsumer


async def record_dead_letter(
    session_factory: async_sessionmaker[AsyncSession], tables: MessagingTables, group_id: str,
    record: ConsumerRecord, envelope: Envelope | None, error: str, *, attempts: int,
) -> None:
    """Keep the record as a dead letter of ``group_id`` (once per message) and stage it for
    the DLQ topic, in one transaction."""
    dead = tables.dead_letters
    key = envelope.id if envelope else f"{record.topic}:{record.partition}:{record.offset}"
    headers = header_dict(record.headers)
    value = (record.value or b"").decode("utf-8", errors="replace")
    async with session_factory() as session:
        exists = (
            await session.execute(
                select(dead.c.id).where(dead.c.consumer == group_id, dead.c.message_key == key)
            )
        ).first()
        if exists is None:
            await session.execute(
                dead.insert().values(
                    consumer=group_id, message_key=key,
                    event_type=headers.get("ce_type"), topic=record.topic,
                    partition=record.partition, offset=record.offset,
                    kafka_key=record.key.decode("utf-8", "replace") if record.key else None,
                    headers=headers, value=value, error=error[:4000],
                    attempts=attempts, failed_at=datetime.now(UTC), status="dead",
                )
            )
            await _stage_dlq_message(session, tables, group_id, record, headers, value, error)
        await session.commit()


async def _stage_dlq_message(
    session: AsyncSession, tables: MessagingTables, group_id: str, record: ConsumerRecord,
    headers: dict[str, str], value: str, error: str,
) -> None:
    # The original headers travel unchanged, with the error and where it came from.
    dlq_headers = dict(headers)
    dlq_headers.update({
        "dlq_error": error[:1000],
        "dlq_consumer": group_id,
        "dlq_origin": f"{record.topic}:{record.partition}:{record.offset}",
    })
    await session.execute(
        tables.outbox.insert().values(
            event_id=f"dlq:{group_id}:{record.topic}:{record.partition}:{record.offset}",
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
