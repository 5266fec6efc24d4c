"""A small two-service event flow built only on the shared library, used to prove the outbox,
inbox, DLQ and tracing on the real database and broker.

"producer" writes a note and emits ``order.cancelled`` in the same transaction; "consumer"
records every ``order.cancelled`` it handles (its handler fails on reason "poison").
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import Column, DateTime, Integer, String, Table, func, select, text

from chairside_shared import contracts
from chairside_shared.db import make_metadata
from chairside_shared.messaging.envelope import Envelope
from chairside_shared.messaging.outbox import UnitOfWork
from chairside_shared.messaging.tables import add_messaging_tables
from chairside_shared.runtime import ServiceRuntime, ServiceSpec
from chairside_shared.settings import ServiceSettings, service_config
from chairside_shared.testing.plugin import settings_for_test

producer_metadata = make_metadata()
producer_messaging = add_messaging_tables(producer_metadata)
notes = Table(
    "notes", producer_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("order_id", String(36), nullable=False),
    Column("seq", Integer, nullable=False),
)

consumer_metadata = make_metadata()
consumer_messaging = add_messaging_tables(consumer_metadata)
received = Table(
    "received", consumer_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(64), nullable=False),
    Column("order_id", String(36), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
)


class FlowSettings(ServiceSettings):
    model_config = service_config("FLOW_")


# Handlers may be switched to fail and back, to prove retries, DLQ and replay.
POISON = {"fail": True}
# Events with reason "outage" cut the handler's own database connection the first time they
# are handled (PostgreSQL ends the session): the database is unreachable mid-event.
OUTAGES_SEEN: set[str] = set()


async def record_cancellation(uow: UnitOfWork, envelope: Envelope) -> None:
    payload = envelope.payload
    assert isinstance(payload, contracts.OrderCancelled)
    if payload.reason == "poison" and POISON["fail"]:
        raise RuntimeError("handler refuses poison")
    if payload.reason == "outage" and envelope.id not in OUTAGES_SEEN:
        OUTAGES_SEEN.add(envelope.id)
        await uow.session.execute(text("SELECT pg_terminate_backend(pg_backend_pid())"))
    await uow.session.execute(received.insert().values(
        event_id=envelope.id, order_id=str(payload.order_id),
        seq=int(payload.previous_status), received_at=datetime.now(UTC),
    ))


def producer_runtime(settings: ServiceSettings) -> ServiceRuntime[UnitOfWork]:
    settings.service_name = "flowproducer"
    spec = ServiceSpec(
        name="flowproducer", metadata=producer_metadata, tables=producer_messaging,
        migrations=None, owned_topics=[contracts.ORDERS_TOPIC], uow_class=UnitOfWork,
    )
    return ServiceRuntime(spec, settings)


def consumer_runtime(settings: ServiceSettings) -> ServiceRuntime[UnitOfWork]:
    settings.service_name = "flowconsumer"
    spec = ServiceSpec(
        name="flowconsumer", metadata=consumer_metadata, tables=consumer_messaging,
        migrations=None, owned_topics=[contracts.dlq_topic(contracts.ORDERS_TOPIC)],
        uow_class=UnitOfWork, subscriptions=[contracts.ORDERS_TOPIC],
        handlers={"order.cancelled": record_cancellation},
    )
    return ServiceRuntime(spec, settings)


async def runtimes(make_database, broker, **overrides) -> tuple[ServiceRuntime, ServiceRuntime]:
    """A producer and a consumer, each on its own new database, both on ``broker``."""
    producer = producer_runtime(settings_for_test(
        FlowSettings, database_url=await make_database("producer"), broker=broker,
        **overrides))
    consumer = consumer_runtime(settings_for_test(
        FlowSettings, database_url=await make_database("consumer"), broker=broker,
        **overrides))
    return producer, consumer


async def cancel(
    runtime: ServiceRuntime, order_id: uuid.UUID, seq: int, *, reason: str = "patient request",
    commit: bool = True,
) -> str:
    """The producer's handler: a state change and its event, one transaction."""
    async with runtime.uow() as uow:
        event_id = await _cancel_in(uow, order_id, seq, reason)
        if commit:
            await uow.commit()
    return event_id


async def cancel_each(runtime: ServiceRuntime, order_ids: list[uuid.UUID], seq: int) -> None:
    """One event per order, all in one transaction (a fast stream)."""
    async with runtime.uow() as uow:
        for order_id in order_ids:
            await _cancel_in(uow, order_id, seq, "patient request")
        await uow.commit()


async def _cancel_in(uow: UnitOfWork, order_id: uuid.UUID, seq: int, reason: str) -> str:
    await uow.session.execute(notes.insert().values(order_id=str(order_id), seq=seq))
    return await uow.emit(
        "order.cancelled",
        contracts.OrderCancelled(
            order_id=order_id, practice_id="demo-clinic", reason=reason,
            previous_status=str(seq), cancelled_at=datetime.now(UTC),
        ),
        key=str(order_id),
    )


async def count(runtime: ServiceRuntime, table: Table, *where) -> int:
    async with runtime.session_factory() as session:
        return (await session.execute(
            select(func.count()).select_from(table).where(*where)
        )).scalar_one()


async def received_rows(runtime: ServiceRuntime) -> list:
    async with runtime.session_factory() as session:
        return (await session.execute(select(received).order_by(received.c.id))).all()


async def received_at_least(runtime: ServiceRuntime, n: int) -> list | None:
    """The consumer's received rows once there are ``n`` (for ``eventually``), else None."""
    rows = await received_rows(runtime)
    return rows if len(rows) >= n else None


async def unsent_is(runtime: ServiceRuntime, n: int) -> bool:
    outbox = runtime.spec.tables.outbox
    return await count(runtime, outbox, outbox.c.sent_at.is_(None)) == n
