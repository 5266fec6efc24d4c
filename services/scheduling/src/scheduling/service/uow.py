"""The scheduling unit of work: one transaction for appointments, their events and the day lock.

Handlers run inside ``async with uow`` and the caller (route or consumer) commits. On commit,
every appointment the repository has seen is written (with its version check) and each event it
recorded becomes an outbox row, in the same transaction.

``lock_days`` serializes capacity decisions for a clinic day. Nurse capacity cannot be written
as a table constraint, so every path that adds chair time to a day takes the day's lock first
and reads the day after it: on PostgreSQL a transaction-scoped advisory lock (released by commit
or rollback), on SQLite (single process, `make run`) one in-process lock per database.
"""

from __future__ import annotations

import asyncio
from datetime import date
from typing import ClassVar, Self

from chairside_shared.messaging.outbox import UnitOfWork
from sqlalchemy import text

from scheduling.adapters.repository import SqlAppointments, SqlConfig, SqlOrders
from scheduling.domain.appointment import AppointmentEvent
from scheduling.service.events import payload_of
from scheduling.service.metrics import APPOINTMENT_EVENTS
from scheduling.settings import SchedulingSettings

_LOCK_NAMESPACE = 0x5C4E  # advisory lock key space of the scheduling service
_SQLITE_LOCKS: dict[str, asyncio.Lock] = {}


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
        self._locked: set[date] = set()
        self._sqlite_lock: asyncio.Lock | None = None
        return self

    async def __aexit__(self, *exc: object) -> None:
        try:
            await super().__aexit__(*exc)
        finally:
            self._release_sqlite()

    @property
    def is_postgres(self) -> bool:
        return self.session.bind.dialect.name == "postgresql"

    async def lock_days(self, *days: date) -> None:
        """Lock clinic days in date order (a fixed order cannot deadlock)."""
        for day in sorted(set(days) - self._locked):
            if self.is_postgres:
                await self.session.execute(text("SELECT pg_advisory_xact_lock(:ns, :day)"),
                                           {"ns": _LOCK_NAMESPACE, "day": day.toordinal()})
            elif self._sqlite_lock is None:
                lock = _SQLITE_LOCKS.setdefault(str(self.session.bind.url), asyncio.Lock())
                await lock.acquire()
                self._sqlite_lock = lock
            self._locked.add(day)

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
            self._release_sqlite()

    async def rollback(self) -> None:
        try:
            await super().rollback()
        finally:
            self._release_sqlite()

    def _release_sqlite(self) -> None:
        if self._sqlite_lock is not None:
            self._sqlite_lock.release()
            self._sqlite_lock = None
            self._locked.clear()
