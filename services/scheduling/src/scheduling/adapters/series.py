"""Series and RX-6 holds, as domain records. Never commits."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time
from typing import Any
from uuid import UUID

from sqlalchemy import Row, delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from ..domain.course import Series, SeriesVisit
from ..domain.series import Pattern, Window
from .repository import rowcount
from .series_orm import series, series_holds, series_visits


class SqlSeries:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, s: Series, now: datetime) -> None:
        await self.session.execute(series.insert().values(
            id=s.id, patient_id=s.patient_id, practice_id=s.practice_id,
            pattern_kind=s.pattern.kind, offsets=list(s.pattern.offsets), first_day=s.first_day,
            window_start=s.window.start.strftime("%H:%M"),
            window_end=s.window.end.strftime("%H:%M"),
            allow_closed_day_gap=s.allow_closed_day_gap, created_at=now))
        await self.save_visits(s)

    async def save_visits(self, s: Series) -> None:
        await self.session.execute(delete(series_visits).where(series_visits.c.series_id == s.id))
        await self.session.execute(series_visits.insert(), [
            {"series_id": s.id, "position": v.position, "order_id": v.order_id, "day": v.day}
            for v in s.visits])

    async def get(self, series_id: UUID) -> Series | None:
        row = (await self.session.execute(
            select(series).where(series.c.id == series_id))).first()
        if row is None:
            return None
        visits = (await self.session.execute(
            select(series_visits).where(series_visits.c.series_id == series_id)
            .order_by(series_visits.c.position))).all()
        return _series(row, visits)

    async def of_orders(self, order_ids: list[UUID]) -> dict[UUID, UUID]:
        """order id → the series it already belongs to."""
        rows = await self.session.execute(select(series_visits.c.order_id,
                                                 series_visits.c.series_id)
                                          .where(series_visits.c.order_id.in_(order_ids)))
        return {r.order_id: r.series_id for r in rows}

    # ------------------------------------------------------------------ RX-6 holds
    async def hold(self, *, reaction_id: UUID, patient_id: UUID, order_id: UUID,
                   at: datetime) -> bool:
        """Record the hold once (a repeated event changes nothing); True when new."""
        known = (await self.session.execute(select(series_holds.c.reaction_id).where(
            series_holds.c.reaction_id == reaction_id))).first()
        if known:
            return False
        await self.session.execute(series_holds.insert().values(
            reaction_id=reaction_id, patient_id=patient_id, order_id=order_id, held_at=at))
        return True

    async def clear(self, *, reaction_id: UUID, at: datetime) -> bool:
        result = await self.session.execute(
            update(series_holds).where(series_holds.c.reaction_id == reaction_id,
                                       series_holds.c.cleared_at.is_(None))
            .values(cleared_at=at))
        return rowcount(result) > 0

    async def open_holds(self, patient_id: UUID) -> list[UUID]:
        """The reactions holding the patient's series now (oldest first)."""
        rows = await self.session.execute(
            select(series_holds.c.reaction_id).where(series_holds.c.patient_id == patient_id,
                                                     series_holds.c.cleared_at.is_(None))
            .order_by(series_holds.c.held_at))
        return [r.reaction_id for r in rows]

    async def patient_of_order(self, order_id: UUID) -> UUID | None:
        """The patient of an order in a series (None: the order is in no series)."""
        row = (await self.session.execute(
            select(series.c.patient_id).join(series_visits,
                                             series_visits.c.series_id == series.c.id)
            .where(series_visits.c.order_id == order_id))).first()
        return row.patient_id if row else None


def _hhmm(value: str) -> time:
    return time.fromisoformat(value)


def _series(row: Row[Any], visits: Sequence[Row[Any]]) -> Series:
    return Series(
        id=row.id, patient_id=row.patient_id, practice_id=row.practice_id,
        pattern=Pattern(row.pattern_kind, tuple(row.offsets or ())), first_day=row.first_day,
        window=Window(_hhmm(row.window_start), _hhmm(row.window_end)),
        allow_closed_day_gap=row.allow_closed_day_gap,
        visits=[SeriesVisit(v.position, v.order_id, v.day) for v in visits])
