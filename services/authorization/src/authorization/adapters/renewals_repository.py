"""The renewal worklist on the unit of work's session (never commits)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Row, delete, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from ..domain.renewals import RenewalNeed
from .renewals_orm import renewal_needs as t


def _need(row: Row[Any]) -> RenewalNeed:
    return RenewalNeed(**dict(row._mapping))


class SqlRenewals:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def put(self, need: RenewalNeed) -> None:
        """The order's latest need replaces the one kept."""
        await self.session.execute(delete(t).where(t.c.order_id == need.order_id))
        await self.session.execute(insert(t).values(**asdict(need)))

    async def clear_covered(self, *, order_id: UUID, valid_from: date, valid_to: date,
                            auth_number: str, decided_at: datetime) -> int:
        """An approval of the order that covers the visit, newer than the one the need was
        about, settles it: the row leaves the worklist. How many rows left."""
        cleared = await self.session.execute(delete(t).where(
            t.c.order_id == order_id, t.c.visit_date >= valid_from,
            t.c.visit_date <= valid_to,
            (t.c.auth_number != auth_number) | (t.c.noted_at < decided_at)
        ).returning(t.c.order_id))
        return len(cleared.all())

    async def listed(self, *, practice_id: str | None = None, limit: int = 100,
                     offset: int = 0) -> list[RenewalNeed]:
        """Soonest due first."""
        query = select(t).order_by(t.c.due_on, t.c.visit_date, t.c.order_id)
        if practice_id is not None:
            query = query.where(t.c.practice_id == practice_id)
        rows = await self.session.execute(query.offset(offset).limit(limit))
        return [_need(r) for r in rows]
