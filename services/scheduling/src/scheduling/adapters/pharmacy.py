"""The pharmacy's configuration: hoods (one row) and pharmacists' shifts. Never commits."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Row, delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from ..domain.clinic import Break
from ..domain.pharmacy_staff import PharmacistShift
from . import orm
from .repository import aware, rowcount


class SqlPharmacy:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def hoods(self) -> int | None:
        """Hoods in the pharmacy; None when not configured (preparation not limited)."""
        row = (await self.session.execute(select(orm.pharmacy_settings.c.hoods))).first()
        return None if row is None else int(row.hoods)

    async def save_hoods(self, hoods: int | None) -> None:
        await self.session.execute(delete(orm.pharmacy_settings))
        if hoods is not None:
            await self.session.execute(orm.pharmacy_settings.insert().values(id=1, hoods=hoods))

    async def shifts(self, start: datetime, end: datetime) -> list[PharmacistShift]:
        t = orm.pharmacist_shifts
        rows = await self.session.execute(
            select(t).where(t.c.start_at < end, t.c.end_at > start).order_by(t.c.start_at))
        return [_to_shift(r) for r in rows]

    async def shifts_of(self, pharmacist_id: str) -> list[PharmacistShift]:
        t = orm.pharmacist_shifts
        rows = await self.session.execute(select(t).where(t.c.pharmacist_id == pharmacist_id))
        return [_to_shift(r) for r in rows]

    async def add_shift(self, shift: PharmacistShift) -> None:
        await self.session.execute(orm.pharmacist_shifts.insert().values(
            id=UUID(shift.id), pharmacist_id=shift.pharmacist_id, start_at=shift.start,
            end_at=shift.end, breaks=[{"start": b.start.isoformat(), "end": b.end.isoformat()}
                                      for b in shift.breaks]))

    async def delete_shift(self, shift_id: UUID) -> bool:
        t = orm.pharmacist_shifts
        return rowcount(await self.session.execute(delete(t).where(t.c.id == shift_id))) == 1


def _to_shift(r: Row[Any]) -> PharmacistShift:
    return PharmacistShift(
        id=str(r.id), pharmacist_id=r.pharmacist_id, start=aware(r.start_at),
        end=aware(r.end_at), breaks=tuple(Break(datetime.fromisoformat(b["start"]),
                                                datetime.fromisoformat(b["end"]))
                                          for b in r.breaks))
