"""Outcome figures on the unit of work's session (never commits)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any
from uuid import UUID

from sqlalchemy import Row, delete, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from ..domain.outcome_figures import OutcomeFigures
from .outcomes_orm import patient_outcomes as t


def _figures(row: Row[Any]) -> OutcomeFigures:
    return OutcomeFigures(**dict(row._mapping))


class SqlOutcomes:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, patient_id: UUID, drug_code: str,
                  for_update: bool = False) -> OutcomeFigures | None:
        query = select(t).where(t.c.patient_id == patient_id, t.c.drug_code == drug_code)
        if for_update:
            query = query.with_for_update()
        row = (await self.session.execute(query)).first()
        return _figures(row) if row else None

    async def for_patient(self, patient_id: UUID) -> dict[str, OutcomeFigures]:
        rows = await self.session.execute(select(t).where(t.c.patient_id == patient_id))
        return {r.drug_code: _figures(r) for r in rows}

    async def put(self, figures: OutcomeFigures) -> None:
        await self.session.execute(delete(t).where(t.c.patient_id == figures.patient_id,
                                                   t.c.drug_code == figures.drug_code))
        await self.session.execute(insert(t).values(**asdict(figures)))
