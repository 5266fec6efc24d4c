"""Repositories over the scheduling tables. They never commit: the unit of work does.

Appointments are saved with an optimistic version check (UPDATE ... WHERE version = loaded), so
a change made from a stale read fails instead of silently overwriting a newer one.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any
from uuid import UUID

from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from chairside_shared.messaging.outbox import Seen

from ..domain.appointment import OCCUPYING, Appointment, Status
from ..domain.clinic import (
    DEFAULT_RATIOS,
    DEFAULT_SETUP_MINUTES,
    Break,
    Chair,
    ClinicHours,
    NurseShift,
    RatioPolicy,
)
from ..domain.errors import ALREADY_BOOKED, ChairTaken, Conflict
from . import orm

_APPT_FIELDS = ("order_id", "practice_id", "minutes", "acuity_class", "pediatric",
                "requires_driver", "urgency", "chair_id", "requested_start", "window_from",
                "window_to", "ready_at", "hold_expires_at", "queued_at", "priority", "reason",
                "started_at", "completed_at")


def aware(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _to_appointment(row: Any) -> Appointment:
    m = row._mapping
    appt = Appointment(
        id=m["id"], status=Status(m["status"]),
        start=aware(m["start_at"]), end=aware(m["end_at"]), version=m["version"],
        **{f: (aware(m[f]) if isinstance(m[f], datetime) else m[f]) for f in _APPT_FIELDS},
    )
    appt._loaded_version = m["version"]  # type: ignore[attr-defined]
    return appt


def _values(appt: Appointment) -> dict[str, Any]:
    return {"status": str(appt.status), "start_at": appt.start, "end_at": appt.end,
            "version": appt.version, **{f: getattr(appt, f) for f in _APPT_FIELDS}}


class SqlAppointments:
    """Appointments of one transaction: one object per id, each added to the unit of work's
    ``seen`` as it is loaded or added (its events become outbox rows at commit)."""

    def __init__(self, session: AsyncSession, seen: Seen) -> None:
        self.session = session
        self.seen = seen
        self.known: dict[UUID, Appointment] = {}

    def _track(self, appts: list[Appointment]) -> list[Appointment]:
        out = []
        for fresh in appts:  # one object per id within a unit of work
            known = self.known.setdefault(fresh.id, fresh)
            self.seen.add(known)
            clean = known.version == getattr(known, "_loaded_version", None)
            if known is not fresh and clean and fresh.version != known.version:
                # Unchanged here but committed since by someone else: a read taken after a
                # lock must see that, or the next write fails its version check for nothing.
                vars(known).update(vars(fresh))
            out.append(known)
        return out

    def add(self, appt: Appointment) -> None:
        appt._loaded_version = None  # type: ignore[attr-defined]
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
        """Write every changed appointment; a stale version raises Conflict."""
        t = orm.appointments
        for appt in self.known.values():
            loaded = getattr(appt, "_loaded_version", None)
            if loaded == appt.version:
                continue
            values = _values(appt)
            now = datetime.now(UTC)
            try:
                if loaded is None:
                    await self.session.execute(t.insert().values(id=appt.id, created_at=now,
                                                                 updated_at=now, **values))
                else:
                    result = await self.session.execute(
                        update(t).where(and_(t.c.id == appt.id, t.c.version == loaded))
                        .values(updated_at=now, **values))
                    if result.rowcount != 1:
                        raise Conflict(f"appointment {appt.id} was changed meanwhile; retry")
            except IntegrityError as exc:
                if orm.violates_chair_overlap(exc):
                    raise ChairTaken() from exc
                if orm.violates_one_current_per_order(exc):
                    raise Conflict(f"order {appt.order_id} {ALREADY_BOOKED}") from exc
                raise
            appt._loaded_version = appt.version  # type: ignore[attr-defined]


def _hhmm(value: str) -> time:
    return time.fromisoformat(value)


class SqlConfig:
    """Clinic configuration: hours, chairs, shifts and ratio policy."""

    def __init__(self, session: AsyncSession, defaults: ClinicHours,
                 ratio_overrides: dict[str, dict[str, int]] | None = None) -> None:
        self.session = session
        self.defaults = defaults
        self.ratio_overrides = ratio_overrides or {}

    async def hours(self) -> ClinicHours:
        row = (await self.session.execute(select(orm.clinic_settings))).first()
        closed = frozenset(r.day for r in await self.session.execute(select(orm.closed_dates)))
        if row is None:
            return ClinicHours(timezone=self.defaults.timezone, weekly=self.defaults.weekly,
                               closed_dates=closed | self.defaults.closed_dates,
                               state=self.defaults.state)
        weekly = {int(w["weekday"]): (_hhmm(w["opens"]), _hhmm(w["closes"]))
                  for w in row.weekly}
        return ClinicHours(timezone=row.timezone, weekly=weekly, closed_dates=closed,
                           state=row.state)

    async def save_hours(self, hours: ClinicHours) -> None:
        await self.session.execute(delete(orm.clinic_settings))
        await self.session.execute(orm.clinic_settings.insert().values(
            id=1, timezone=hours.timezone, state=hours.state, updated_at=datetime.now(UTC),
            weekly=[{"weekday": d, "opens": o.isoformat("minutes"),
                     "closes": c.isoformat("minutes")} for d, (o, c) in sorted(
                         hours.weekly.items())]))
        await self.session.execute(delete(orm.closed_dates))
        for day in sorted(hours.closed_dates):
            await self.session.execute(orm.closed_dates.insert().values(day=day))

    async def chairs(self) -> list[Chair]:
        rows = await self.session.execute(select(orm.chairs).order_by(orm.chairs.c.id))
        return [Chair(id=r.id, kind=r.kind, pediatric_capable=r.pediatric_capable,
                      active=r.active) for r in rows]

    async def save_chair(self, chair: Chair) -> None:
        t = orm.chairs
        await self.session.execute(delete(t).where(t.c.id == chair.id))
        await self.session.execute(t.insert().values(
            id=chair.id, kind=chair.kind, pediatric_capable=chair.pediatric_capable,
            active=chair.active))

    async def shifts(self, start: datetime, end: datetime) -> list[NurseShift]:
        t = orm.nurse_shifts
        rows = await self.session.execute(
            select(t).where(t.c.start_at < end, t.c.end_at > start).order_by(t.c.start_at))
        return [_to_shift(r) for r in rows]

    async def shifts_of_nurse(self, nurse_id: str) -> list[NurseShift]:
        t = orm.nurse_shifts
        rows = await self.session.execute(select(t).where(t.c.nurse_id == nurse_id))
        return [_to_shift(r) for r in rows]

    async def add_shift(self, shift: NurseShift) -> None:
        await self.session.execute(orm.nurse_shifts.insert().values(
            id=UUID(shift.id), nurse_id=shift.nurse_id, start_at=shift.start, end_at=shift.end,
            breaks=[{"start": b.start.isoformat(), "end": b.end.isoformat()}
                    for b in shift.breaks]))

    async def delete_shift(self, shift_id: UUID) -> bool:
        t = orm.nurse_shifts
        res = await self.session.execute(delete(t).where(t.c.id == shift_id))
        return res.rowcount == 1

    async def ratio_policy(self, state: str | None = None) -> RatioPolicy:
        rows = list(await self.session.execute(select(orm.ratio_policy)))
        if not rows:
            base = RatioPolicy(
                ratios=dict(DEFAULT_RATIOS), setup_minutes=dict(DEFAULT_SETUP_MINUTES)
            )
            return base.with_overrides(self.ratio_overrides, state)
        # A policy saved by an administrator is the clinic's own and wins over state defaults.
        return RatioPolicy(ratios={r.acuity_class: r.max_patients_per_nurse for r in rows},
                           setup_minutes={r.acuity_class: r.setup_minutes for r in rows})

    async def save_ratio_policy(self, policy: RatioPolicy) -> None:
        await self.session.execute(delete(orm.ratio_policy))
        for name, ratio in policy.ratios.items():
            await self.session.execute(orm.ratio_policy.insert().values(
                acuity_class=name, max_patients_per_nurse=ratio,
                setup_minutes=policy.setup_minutes.get(name, 15)))


def _to_shift(r: Any) -> NurseShift:
    return NurseShift(id=str(r.id), nurse_id=r.nurse_id, start=aware(r.start_at),
                      end=aware(r.end_at),
                      breaks=tuple(Break(datetime.fromisoformat(b["start"]),
                                         datetime.fromisoformat(b["end"])) for b in r.breaks))


class SqlOrders:
    """What scheduling learned about orders from events."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, order_id: UUID) -> dict[str, Any] | None:
        row = (await self.session.execute(
            select(orm.order_requests).where(orm.order_requests.c.order_id == order_id))).first()
        return _order_request(row) if row is not None else None

    async def unplaced(self, limit: int = 200) -> list[dict[str, Any]]:
        """Signed orders still wanting chair time that have none: neither an appointment that
        holds or used a chair nor a place in the same-day queue (staff book these by hand)."""
        t, a = orm.order_requests, orm.appointments
        placed = select(a.c.id).where(a.c.order_id == t.c.order_id, a.c.status.in_(
            [s.value for s in (*OCCUPYING, Status.COMPLETED, Status.QUEUED)])).exists()
        rows = (await self.session.execute(
            select(t).where(t.c.signed_at.is_not(None), t.c.cancelled.is_(False),
                            t.c.authorization.not_in(("denied", "not_covered")), ~placed)
            .order_by(t.c.signed_at, t.c.order_id).limit(limit))).all()
        return [_order_request(row) for row in rows]

    async def upsert(self, order_id: UUID, **values: Any) -> None:
        t = orm.order_requests
        exists = (await self.session.execute(
            select(t.c.order_id).where(t.c.order_id == order_id))).first()
        if exists:
            await self.session.execute(update(t).where(t.c.order_id == order_id).values(**values))
        else:
            await self.session.execute(t.insert().values(order_id=order_id, **values))


def _order_request(row: Any) -> dict[str, Any]:
    d = dict(row._mapping)
    for k in ("window_from", "window_to", "signed_at"):
        d[k] = aware(d[k])
    return d


__all__ = ["SqlAppointments", "SqlConfig", "SqlOrders", "aware", "date", "or_"]
