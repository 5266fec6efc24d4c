"""The scheduling unit of work: one transaction for appointments, their events and the day lock.

The repositories add every appointment they load or add to ``seen``. On commit, ``flush`` writes
the changed ones (with their version checks), then the base unit of work turns each event they
recorded into an outbox row through ``to_messages`` (service/events.py), in the same transaction.

``lock_days`` and ``lock_order`` take the locks of service/locks.py: a clinic day's before adding
chair time to it, an order's before reading its appointments. ``bound_waits`` caps how long
they wait, for API requests.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import date
from typing import ClassVar, Self, TypeVar
from uuid import UUID

from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from chairside_shared.contracts import EventPayload
from chairside_shared.messaging.outbox import Seen, UnitOfWork
from scheduling.adapters.orm import violates_chair_overlap
from scheduling.adapters.repository import SqlAppointments, SqlConfig, SqlOrders
from scheduling.domain.errors import ChairTaken
from scheduling.service import events
from scheduling.service.locks import DayQueues, Locks
from scheduling.service.metrics import APPOINTMENT_EVENTS
from scheduling.service.shared_reads import SharedReads
from scheduling.settings import SchedulingSettings

T = TypeVar("T")


class SchedulingUnitOfWork(UnitOfWork):
    to_messages = staticmethod(events.to_messages)
    settings: ClassVar[SchedulingSettings | None] = None  # bound by bootstrap
    shared_reads: ClassVar[SharedReads] = SharedReads()  # one each per runtime once bound
    day_queues: ClassVar[DayQueues] = DayQueues()
    wait_budget_s: float | None = None  # see bound_waits

    @classmethod
    def bound(cls, settings: SchedulingSettings) -> type[SchedulingUnitOfWork]:
        return type("BoundSchedulingUnitOfWork", (cls,), {
            "settings": settings, "shared_reads": SharedReads(), "day_queues": DayQueues()})

    def settings_or_default(self) -> SchedulingSettings:
        return self.settings or SchedulingSettings()

    def bound_waits(self, seconds: float) -> Self:
        """Wait at most this long in all for locks, counted from entering (API requests)."""
        self.wait_budget_s = seconds
        return self

    async def __aenter__(self) -> Self:
        await super().__aenter__()
        s = self.settings_or_default()
        self.appointments = SqlAppointments(self.session, self.seen)
        self.config = SqlConfig(self.session, s.default_hours(), s.ratio_overrides_by_state)
        self.orders = SqlOrders(self.session)
        deadline = None if self.wait_budget_s is None else \
            asyncio.get_running_loop().time() + self.wait_budget_s
        self.locks = Locks(self.session, deadline, self.day_queues)
        return self

    async def __aexit__(self, *exc: object) -> None:
        try:
            await super().__aexit__(*exc)
        finally:
            self.locks.release()

    @property
    def is_postgres(self) -> bool:
        return self.locks.postgres

    async def queue_for_days(self, *days: date) -> None:
        """End the transaction (what it read is forgotten) and wait, holding no connection, in
        this process's queue for those days; the place is kept until commit or rollback."""
        await self.rollback()
        await self.locks.queue(*days)

    async def lock_days(self, *days: date) -> None:
        """Lock clinic days (in date order: a fixed order cannot deadlock)."""
        await self.locks.days(*days)

    async def lock_order(self, order_id: UUID) -> None:
        """Wait for the order's lock; take it before any day lock."""
        await self.locks.order(order_id)

    async def try_lock_order(self, order_id: UUID) -> bool:
        return await self.locks.try_order(order_id)

    async def read_shared(self, key: tuple, read: Callable[[SchedulingUnitOfWork], Awaitable[T]]
                          ) -> T:
        """``read`` in a unit of work of its own, unless the same read is in flight already
        (service/shared_reads.py). Call it between transactions: waiting for another request's
        read while holding a connection could leave that read no connection to run on."""
        if self.session.in_transaction():
            raise RuntimeError("a shared read inside a transaction: end it first")

        async def run() -> T:
            async with type(self)(self._session_factory, self._outbox) as reader:
                return await read(reader)
        return await self.shared_reads.run((str(self.session.bind.url), *key), run)

    async def defer_chair_constraint(self) -> None:
        """Let one transaction swap visits between chairs; still checked at commit."""
        if self.is_postgres:
            await self.session.execute(
                text("SET CONSTRAINTS ex_appointments_chair_no_overlap DEFERRED"))

    async def emit(self, event_type: str, payload: EventPayload, *, key: str,
                   **kw: str | None) -> str:
        APPOINTMENT_EVENTS.labels(event_type).inc()
        return await super().emit(event_type, payload, key=key, **kw)

    async def flush(self) -> None:
        """Write the appointments seen, with their version checks (the base commit calls it
        once, then stages their events; offer_queue calls it to read its own writes)."""
        await self.appointments.flush()
        await self.session.flush()

    async def commit(self) -> None:
        try:
            await super().commit()
        except IntegrityError as exc:
            if violates_chair_overlap(exc):  # checked at commit when deferred (the optimizer)
                raise ChairTaken() from exc
            raise
        self.locks.release()  # on failure, __aexit__ releases them after the rollback

    async def rollback(self) -> None:
        """End the transaction, forgetting what it read: the unit of work may go on with a
        fresh one (a handler rolls back to let go of its locks before slower, unlocked work)."""
        try:
            await super().rollback()
        finally:
            self.locks.release()
            self.seen = Seen()
            self.appointments = SqlAppointments(self.session, self.seen)
