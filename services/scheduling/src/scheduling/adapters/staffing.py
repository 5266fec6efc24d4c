"""What the staffing forecast reads: past visits (completed and no-shows). Never commits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from . import orm
from .repository import aware


@dataclass(frozen=True)
class PastVisit:
    status: str  # completed | no_show
    acuity_class: str
    start: datetime  # the booked slot
    end: datetime
    started_at: datetime | None  # what really happened (completed visits)
    completed_at: datetime | None


class SqlStaffingHistory:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def past_visits(self, start: datetime, end: datetime) -> list[PastVisit]:
        """Completed and no-show visits booked to start in [start, end)."""
        t = orm.appointments
        rows = await self.session.execute(
            select(t.c.status, t.c.acuity_class, t.c.start_at, t.c.end_at, t.c.started_at,
                   t.c.completed_at)
            .where(t.c.status.in_(("completed", "no_show")), t.c.start_at >= start,
                   t.c.start_at < end)
            .order_by(t.c.start_at, t.c.id))
        return [PastVisit(status=r.status, acuity_class=r.acuity_class,
                          start=aware(r.start_at), end=aware(r.end_at),
                          started_at=aware(r.started_at), completed_at=aware(r.completed_at))
                for r in rows]
