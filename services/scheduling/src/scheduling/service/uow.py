"""The scheduling unit of work: one transaction for appointments, their events and the day lock.

Handlers run inside ``async with uow`` and the caller (route or consumer) commits. On commit,
every appointment the repository has seen is written (with its version check) and each event it
recorded becomes an outbox row, in the same transaction.

``lock_days`` serializes capacity decisions for a clinic day. Nurse capacity cannot be written
as a table constraint, so every path that adds chair time to a day takes the day's lock first
and reads the day after it. ``lock_order`` does the same for one order: every path that gives an
order an appointment (or releases its appointments) takes the order's lock before it reads the
order's appointments, so a check like "this order has none yet" stays true until commit; the
unique index on current appointments per order is the backstop. An order's lock is taken before
any day lock. On PostgreSQL these are transaction-scoped advisory locks (released by commit or
rollback); on SQLite (single process, `make run`) one in-process lock per database serializes
all of it.
"""

from __future__ import annotations

import asyncio
from datetime import date
from typing import ClassVar, Self
from uuid import UUID

from chairside_shared.messaging.outbox import UnitOfWork
from sqlalchemy import text

from scheduling.adapters.repository import SqlAppointments, SqlConfig, SqlOrders
from scheduling.domain.appointment import AppointmentEvent
from scheduling.service.events import payload_of
from scheduling.service.metrics import APPOINTMENT_EVENTS
from scheduling.settings import SchedulingSettings

_LOCK_NAMESPACE = 0x5C4E  # advisory lock key space of the scheduling service: clinic days
_ORDER_NAMESPACE = 0x5C4F  # ... and orders
_SQLITE_LOCKS: dict[str, asyncio.Lock] = {}
_ADVISORY = text("SELECT pg_advisory_xact_lock(:ns, :key)")
_TRY_ADVISORY = text("SELECT pg_try_advisory_xact_lock(:ns, :key)")


def _order_key(order_id: UUID) -> int:
    """32 bits of the order id: two orders sharing a key only wait for each other."""
    return int.from_bytes(order_id.bytes[:4], "big", signed=True)


class SchedulingUnitOfWork(UnitOfWork):
    settings: ClassVar[SchedulingSettings | None] = None  # bound by bootstrap

    @classmethod
    def bound(cls, settings: SchedulingSettings) -> type[SchedulingUnitOfWork]:
        return type("BoundSchedulingUnitOfWork", (cls,), {"settings": settings})

    def settings_or_default(self) -> SchedulingSettings:
        return self.settings or SchedulingSettings()

    async def __aenter__(self) -> Self:
        await super().__aenter__()
        s = self.settings_or_default()
        self.appointments = SqlAppointments(self.session)
        self.config = SqlConfig(self.session, s.default_hours(), s.ratio_overrides_by_state)
        self.orders = SqlOrders(self.session)
        self._locked: set[date | UUID] = set()
        self._sqlite_lock: asyncio.Lock | None = None
        return self

    async def __aexit__(self, *exc: object) -> None:
        try:
            await super().__aexit__(*exc)
        finally:
            self._release_locks()

    @property
    def is_postgres(self) -> bool:
        return self.session.bind.dialect.name == "postgresql"

    async def lock_days(self, *days: date) -> None:
        """Lock clinic days in date order (a fixed order cannot deadlock)."""
        for day in sorted(set(days) - self._locked):
            if self.is_postgres:
                await self.session.execute(_ADVISORY, {"ns": _LOCK_NAMESPACE,
                                                       "key": day.toordinal()})
            else:
                await self._lock_sqlite()
            self._locked.add(day)

    async def lock_order(self, order_id: UUID) -> None:
        """Wait for the order's lock; take it before any day lock."""
        if order_id in self._locked:
            return
        if self.is_postgres:
            await self.session.execute(_ADVISORY, {"ns": _ORDER_NAMESPACE,
                                                   "key": _order_key(order_id)})
        else:
            await self._lock_sqlite()
        self._locked.add(order_id)

    async def try_lock_order(self, order_id: UUID) -> bool:
        """The order's lock if nobody holds it (never waits, so usable under a day lock)."""
        if order_id in self._locked:
            return True
        if self.is_postgres:
            got = (await self.session.execute(_TRY_ADVISORY, {
                "ns": _ORDER_NAMESPACE, "key": _order_key(order_id)})).scalar()
        else:
            got = self._sqlite_lock is not None or not self._sqlite_db_lock().locked()
            if got:
                await self._lock_sqlite()
        if got:
            self._locked.add(order_id)
        return bool(got)

    def _sqlite_db_lock(self) -> asyncio.Lock:
        return _SQLITE_LOCKS.setdefault(str(self.session.bind.url), asyncio.Lock())

    async def _lock_sqlite(self) -> None:
        if self._sqlite_lock is None:
            lock = self._sqlite_db_lock()
            await lock.acquire()
            self._sqlite_lock = lock

    async def defer_chair_constraint(self) -> None:
        """Let one transaction swap visits between chairs; still checked at commit."""
        if self.is_postgres:
            await self.session.execute(
                text("SET CONSTRAINTS ex_appointments_chair_no_overlap DEFERRED"))

    async def emit_appointment_event(self, event: AppointmentEvent) -> None:
        key = str(event.order_id or event.appointment_id)
        APPOINTMENT_EVENTS.labels(event.type).inc()
        await self.emit(event.type, payload_of(event), key=key, subject=str(event.appointment_id))

    async def flush(self) -> None:
        """Write seen appointments and stage their events (idempotent; commit calls it)."""
        await self.appointments.flush()
        await self.session.flush()
        for appt in self.appointments.seen.values():
            while appt.events:
                await self.emit_appointment_event(appt.events.pop(0))

    async def commit(self) -> None:
        await self.flush()
        try:
            await super().commit()
        finally:
            self._release_locks()

    async def rollback(self) -> None:
        """End the transaction, forgetting what it read: the unit of work may go on with a
        fresh one (a handler rolls back to let go of its locks before slower, unlocked work)."""
        try:
            await super().rollback()
        finally:
            self._release_locks()
            self.appointments = SqlAppointments(self.session)

    def _release_locks(self) -> None:
        # the advisory locks end with the transaction; the SQLite lock is ours to release
        self._locked.clear()
        if self._sqlite_lock is not None:
            self._sqlite_lock.release()
            self._sqlite_lock = None
