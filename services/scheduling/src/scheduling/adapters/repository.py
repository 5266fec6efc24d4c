"""The appointments repository. It never commits: the unit of work does.

Appointments are saved with an optimistic version check (UPDATE ... WHERE version = loaded), so
a change made from a stale read fails instead of silently overwriting a newer one.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, overload
from uuid import UUID

from sqlalchemy import CursorResult, Result, Row, and_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from chairside_shared.messaging.outbox import Seen

from ..domain.appointment import OCCUPYING, Appointment, Status
from ..domain.errors import ALREADY_BOOKED, ChairTaken, Conflict
from . import orm


@overload
def aware(value: datetime) -> datetime: ...
@overload
def aware(value: None) -> None: ...
def aware(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def rowcount(result: Result[Any]) -> int:
    """Rows an UPDATE or DELETE matched (executing one gives a CursorResult)."""
    if not isinstance(result, CursorResult):
        raise TypeError(f"no row count on {type(result).__name__}")
    return result.rowcount


def _to_appointment(row: Row[Any]) -> Appointment:
    return Appointment(
        id=row.id, status=Status(row.status), minutes=row.minutes,
        acuity_class=row.acuity_class, pediatric=row.pediatric,
        requires_driver=row.requires_driver, urgency=row.urgency, order_id=row.order_id,
        high_acuity_chair=bool(row.high_acuity_chair),
        practice_id=row.practice_id, chair_id=row.chair_id, start=aware(row.start_at),
        end=aware(row.end_at), requested_start=aware(row.requested_start),
        window_from=aware(row.window_from), window_to=aware(row.window_to),
        ready_at=aware(row.ready_at), prep_minutes=row.prep_minutes or 0,
        hold_expires_at=aware(row.hold_expires_at),
        queued_at=aware(row.queued_at), priority=row.priority,
        triage_category=row.triage_category, headache_hours=row.headache_hours, reason=row.reason,
        started_at=aware(row.started_at), completed_at=aware(row.completed_at),
        version=row.version)


def _values(appt: Appointment) -> dict[str, Any]:
    return {
        "status": str(appt.status), "start_at": appt.start, "end_at": appt.end,
        "version": appt.version, "order_id": appt.order_id, "practice_id": appt.practice_id,
        "minutes": appt.minutes, "acuity_class": appt.acuity_class, "pediatric": appt.pediatric,
        "requires_driver": appt.requires_driver, "urgency": appt.urgency,
        "high_acuity_chair": appt.high_acuity_chair, "chair_id": appt.chair_id,
        "requested_start": appt.requested_start,
        "window_from": appt.window_from, "window_to": appt.window_to, "ready_at": appt.ready_at,
        "prep_minutes": appt.prep_minutes,
        "hold_expires_at": appt.hold_expires_at, "queued_at": appt.queued_at,
        "priority": appt.priority, "triage_category": appt.triage_category,
        "headache_hours": appt.headache_hours, "reason": appt.reason, "started_at": appt.started_at,
        "completed_at": appt.completed_at}


class SqlAppointments:
    """Appointments of one transaction: one object per id, each added to the unit of work's
    ``seen`` as it is loaded or added (its events become outbox rows at commit)."""

    def __init__(self, session: AsyncSession, seen: Seen) -> None:
        self.session = session
        self.seen = seen
        self.known: dict[UUID, Appointment] = {}
        self._loaded: dict[UUID, int | None] = {}  # the version read (None: added, not stored)

    def _track(self, appts: list[Appointment]) -> list[Appointment]:
        out = []
        for fresh in appts:  # one object per id within a unit of work
            known = self.known.setdefault(fresh.id, fresh)
            self.seen.add(known)
            clean = known.version == self._loaded.get(known.id)
            if known is not fresh and clean and fresh.version != known.version:
                # Unchanged here but committed since by someone else: a read taken after a
                # lock must see that, or the next write fails its version check for nothing.
                vars(known).update(vars(fresh))
            if known is fresh or clean:
                self._loaded[known.id] = fresh.version
            out.append(known)
        return out

    def add(self, appt: Appointment) -> None:
        self._loaded[appt.id] = None
        self.known[appt.id] = appt
        self.seen.add(appt)

    async def get(self, appt_id: UUID) -> Appointment | None:
        if appt_id in self.known:
            return self.known[appt_id]
        row = (await self.session.execute(
            select(orm.appointments).where(orm.appointments.c.id == appt_id))).first()
        return self._track([_to_appointment(row)])[0] if row else None

    async def _select(self, *where: Any, order: Any = None, limit: int | None = None
                      ) -> list[Appointment]:
        t = orm.appointments
        stmt = select(t).where(*where).order_by(*(order or (t.c.start_at, t.c.id)))
        if limit:
            stmt = stmt.limit(limit)
        return self._track([_to_appointment(r) for r in (await self.session.execute(stmt))])

    async def for_order(self, order_id: UUID) -> list[Appointment]:
        return await self._select(orm.appointments.c.order_id == order_id)

    async def orders_occupying(self, order_ids: list[UUID]) -> set[UUID]:
        """Which of ``order_ids`` have an appointment holding chair time, in one statement."""
        t = orm.appointments
        rows = await self.session.execute(select(t.c.order_id).distinct().where(
            t.c.order_id.in_(order_ids), t.c.status.in_(sorted(s.value for s in OCCUPYING))))
        return {row.order_id for row in rows}

    async def reload(self, appts: list[Appointment]) -> list[Appointment]:
        """The same appointments read again (see ``_track``)."""
        if not appts:
            return []
        return await self._select(orm.appointments.c.id.in_([a.id for a in appts]))

    async def overlapping(self, start: datetime, end: datetime) -> list[Appointment]:
        t = orm.appointments
        live = [*orm.LIVE_STATUSES, "completed"]
        return await self._select(t.c.status.in_(live), t.c.start_at < end, t.c.end_at > start)

    async def queued(self) -> list[Appointment]:
        t = orm.appointments
        return await self._select(t.c.status == "queued", order=(t.c.queued_at, t.c.id))

    async def expired_holds(self, now: datetime, limit: int = 100) -> list[Appointment]:
        t = orm.appointments
        return await self._select(t.c.status == "held", t.c.hold_expires_at <= now,
                                  order=(t.c.hold_expires_at, t.c.id), limit=limit)

    async def list(self, *, day_start: datetime | None, day_end: datetime | None,
                   order_id: UUID | None, after: UUID | None, limit: int) -> list[Appointment]:
        t = orm.appointments
        where = []
        if day_start is not None and day_end is not None:
            where += [t.c.start_at < day_end, t.c.end_at > day_start]
        if order_id is not None:
            where.append(t.c.order_id == order_id)
        if after is not None:
            where.append(t.c.id > after)
        return await self._select(*where, order=(t.c.id,), limit=limit)

    async def flush(self) -> None:
        """Write every changed appointment; a stale version raises Conflict, a write the
        database's own guards refuse raises ChairTaken or Conflict (409s)."""
        for appt in self.known.values():
            loaded = self._loaded.get(appt.id)
            if loaded == appt.version:
                continue
            try:
                await self._write(appt, loaded)
            except IntegrityError as exc:
                if orm.violates_chair_overlap(exc):
                    raise ChairTaken() from exc
                if orm.violates_one_current_per_order(exc):
                    raise Conflict(f"order {appt.order_id} {ALREADY_BOOKED}") from exc
                raise
            self._loaded[appt.id] = appt.version

    async def _write(self, appt: Appointment, loaded: int | None) -> None:
        t, values, now = orm.appointments, _values(appt), datetime.now(UTC)
        if loaded is None:
            await self.session.execute(t.insert().values(id=appt.id, created_at=now,
                                                         updated_at=now, **values))
            return
        result = await self.session.execute(
            update(t).where(and_(t.c.id == appt.id, t.c.version == loaded))
            .values(updated_at=now, **values))
        if rowcount(result) != 1:
            raise Conflict(f"appointment {appt.id} was changed meanwhile; retry")
