"""The clinic's configuration: hours, chairs, nurse shifts and ratio policy. Never commits."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any
from uuid import UUID

from sqlalchemy import Row, delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from ..domain.clinic import (
    DEFAULT_RATIOS,
    DEFAULT_SETUP_MINUTES,
    Break,
    Chair,
    ClinicHours,
    NurseShift,
    RatioPolicy,
)
from . import orm
from .repository import aware, rowcount


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
                      active=r.active, high_acuity_capable=r.high_acuity_capable)
                for r in rows]

    async def save_chair(self, chair: Chair) -> None:
        t = orm.chairs
        await self.session.execute(delete(t).where(t.c.id == chair.id))
        await self.session.execute(t.insert().values(
            id=chair.id, kind=chair.kind, pediatric_capable=chair.pediatric_capable,
            active=chair.active, high_acuity_capable=chair.high_acuity_capable))

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
        return rowcount(await self.session.execute(delete(t).where(t.c.id == shift_id))) == 1

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


def _to_shift(r: Row[Any]) -> NurseShift:
    return NurseShift(id=str(r.id), nurse_id=r.nurse_id, start=aware(r.start_at),
                      end=aware(r.end_at),
                      breaks=tuple(Break(datetime.fromisoformat(b["start"]),
                                         datetime.fromisoformat(b["end"])) for b in r.breaks))
