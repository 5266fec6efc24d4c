"""Transactional outbox: events are rows written in the caller's transaction.

:class:`UnitOfWork` is the base every service's unit of work extends: it owns one session,
stages events with :meth:`UnitOfWork.emit` and, after a commit that staged any, wakes the relay
in this process (PostgreSQL also gets ``pg_notify`` inside the transaction, which is delivered
only if the transaction commits, so relays in other processes wake too).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Self

from opentelemetry import propagate
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from chairside_shared.contracts import EventPayload, contract_for
from chairside_shared.messaging.envelope import encode
from chairside_shared.messaging.tables import MessagingTables


def notify_channel(source: str) -> str:
    return f"chairside_outbox_{source}".replace("-", "_")


@dataclass
class OutboxWriter:
    """What a unit of work needs to stage events for one service."""

    tables: MessagingTables
    source: str
    is_postgres: bool
    wake_relay: Callable[[], None] = lambda: None

    async def stage(
        self,
        session: AsyncSession,
        *,
        event_type: str,
        payload: EventPayload,
        key: str,
        subject: str | None = None,
        topic: str | None = None,
        correlation_id: str | None = None,
        causation_id: str | None = None,
    ) -> str:
        contract = contract_for(event_type)
        if contract is None:
            raise ValueError(f"no contract for event type {event_type!r}")
        carrier: dict[str, str] = {}
        propagate.inject(carrier)  # the trace this change happens in travels with the row
        encoded = encode(
            event_type=event_type,
            payload=payload,
            source=self.source,
            key=key,
            subject=subject,
            correlation_id=correlation_id,
            causation_id=causation_id,
            trace_headers=carrier,
        )
        await session.execute(
            self.tables.outbox.insert().values(
                event_id=encoded.event_id,
                topic=topic or contract.topic,
                key=key,
                event_type=event_type,
                headers=encoded.headers,
                payload=encoded.value,
                created_at=datetime.now(UTC),
                attempts=0,
            )
        )
        if self.is_postgres:
            await session.execute(
                text("SELECT pg_notify(:channel, '')"), {"channel": notify_channel(self.source)}
            )
        return encoded.event_id


class UnitOfWork:
    """One transaction: state changes and their events commit together or not at all.

    Usage in a handler::

        async with uow:
            order = await uow.orders.get(order_id)
            order.sign(...)
            await uow.emit("order.signed", payload, key=str(order.id))
            await uow.commit()

    Leaving the block without ``commit()`` rolls back, events included.
    """

    def __init__(
        self, session_factory: async_sessionmaker[AsyncSession], outbox: OutboxWriter
    ) -> None:
        self._session_factory = session_factory
        self._outbox = outbox
        self._staged = 0
        self.session: AsyncSession

    async def __aenter__(self) -> Self:
        self.session = self._session_factory()
        self._staged = 0
        return self

    async def __aexit__(self, *exc: object) -> None:
        try:
            await self.session.rollback()
        finally:
            await self.session.close()

    async def emit(self, event_type: str, payload: EventPayload, *, key: str, **kw: str) -> str:
        event_id = await self._outbox.stage(
            self.session, event_type=event_type, payload=payload, key=key, **kw
        )
        self._staged += 1
        return event_id

    async def commit(self) -> None:
        await self.session.commit()
        if self._staged:
            self._staged = 0
            self._outbox.wake_relay()

    async def rollback(self) -> None:
        self._staged = 0
        await self.session.rollback()
