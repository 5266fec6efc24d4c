"""Transactional outbox: events are rows written in the caller's transaction.

:class:`UnitOfWork` is the base every service's unit of work extends: it owns one session,
stages events with :meth:`UnitOfWork.emit` and, after a commit that staged any, wakes the relay
in this process (PostgreSQL also gets ``pg_notify`` inside the transaction, which is delivered
only if the transaction commits, so relays in other processes wake too).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, ClassVar, Protocol, Self

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


@dataclass(frozen=True)
class Message:
    """One domain event as the outbox writes it: the contract's event type and payload, the
    Kafka key (the order id for every visit event) and an optional CloudEvents subject."""

    event_type: str
    payload: EventPayload
    key: str
    subject: str | None = None


class HasEvents(Protocol):
    """An aggregate: it appends plain domain events to ``events`` as its state changes."""

    events: list[Any]


class Seen:
    """The aggregates a unit of work's repositories loaded or added, once each, in order."""

    def __init__(self) -> None:
        self._by_id: dict[int, HasEvents] = {}

    def add(self, aggregate: HasEvents) -> None:
        self._by_id.setdefault(id(aggregate), aggregate)

    def __iter__(self) -> Iterator[HasEvents]:
        return iter(list(self._by_id.values()))


class UnitOfWork:
    """One transaction: state changes and their events commit together or not at all.

    Usage in a handler::

        async with uow:
            order = await uow.orders.get(order_id)   # the repository adds it to uow.seen
            order.sign(...)                          # the aggregate records OrderSigned
            await uow.commit()                       # state + outbox rows, one transaction

    On commit, :meth:`flush` writes what the repositories track, then every domain event of
    every aggregate in ``seen`` becomes an outbox row, mapped by ``to_messages`` (each
    service's ``service/events.py``): no handler has to remember to emit. Leaving the block
    without ``commit()`` rolls back, events included.
    """

    #: domain event -> outbox messages; each service binds its service/events.py here
    to_messages: ClassVar[Callable[[Any], Iterable[Message]] | None] = None

    def __init__(
        self, session_factory: async_sessionmaker[AsyncSession], outbox: OutboxWriter
    ) -> None:
        self._session_factory = session_factory
        self._outbox = outbox
        self._staged = 0
        self.session: AsyncSession
        self.seen = Seen()

    async def __aenter__(self) -> Self:
        self.session = self._session_factory()
        self._staged = 0
        self.seen = Seen()
        return self

    async def flush(self) -> None:
        """Write the state the repositories track (a hook; the default writes nothing)."""

    async def collect_events(self) -> int:
        """Stage the domain events of every aggregate seen; returns how many messages."""
        if self.to_messages is None:
            return 0
        staged = 0
        for aggregate in self.seen:
            while aggregate.events:
                event = aggregate.events.pop(0)
                for message in type(self).to_messages(event):  # type: ignore[misc]
                    await self.emit(message.event_type, message.payload, key=message.key,
                                    subject=message.subject)
                    staged += 1
        return staged

    async def __aexit__(self, *exc: object) -> None:
        try:
            await self.session.rollback()
        finally:
            await self.session.close()

    async def emit(self, event_type: str, payload: EventPayload, *, key: str,
                   **kw: str | None) -> str:
        event_id = await self._outbox.stage(
            self.session, event_type=event_type, payload=payload, key=key, **kw
        )
        self._staged += 1
        return event_id

    async def commit(self) -> None:
        await self.flush()
        await self.collect_events()
        await self.session.commit()
        if self._staged:
            self._staged = 0
            self._outbox.wake_relay()

    async def rollback(self) -> None:
        self._staged = 0
        self.seen = Seen()  # what was loaded belongs to the transaction that is gone
        await self.session.rollback()
