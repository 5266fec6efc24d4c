"""What coordination of benefits decided per primary claim (``claim_cob``), and the payments
the statement and credit-balance reads need (ids, codes and amounts only)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from reimbursement.adapters import orm
from reimbursement.domain.cob import CobState, Crossover


@dataclass(frozen=True, slots=True)
class CobRecord:
    claim_id: UUID  # the primary claim
    state: CobState
    updated_at: datetime
    detail: str | None = None
    crossover: Crossover | None = None
    secondary_claim_id: UUID | None = None
    released_by: str | None = None
    release_reason: str | None = None


@dataclass(frozen=True, slots=True)
class RemittancePayer:
    payer_id: str | None  # as the 835 names it (N1*PR / TRN03)
    payer_name: str | None
    paid_on: date


class CobRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, claim_id: UUID, *, for_update: bool = False) -> CobRecord | None:
        stmt = sa.select(orm.claim_cob).where(orm.claim_cob.c.claim_id == claim_id)
        if for_update and self.session.bind is not None and \
                self.session.bind.dialect.name == "postgresql":
            stmt = stmt.with_for_update()
        row = (await self.session.execute(stmt)).mappings().first()
        return None if row is None else CobRecord(**dict(row))

    async def of_secondary(self, secondary_claim_id: UUID) -> CobRecord | None:
        row = (await self.session.execute(sa.select(orm.claim_cob).where(
            orm.claim_cob.c.secondary_claim_id == secondary_claim_id))).mappings().first()
        return None if row is None else CobRecord(**dict(row))

    async def save(self, record: CobRecord) -> None:
        values = {"state": record.state, "detail": (record.detail or "")[:500] or None,
                  "crossover": record.crossover, "secondary_claim_id": record.secondary_claim_id,
                  "released_by": record.released_by, "release_reason": record.release_reason,
                  "updated_at": record.updated_at}
        done = await self.session.execute(orm.claim_cob.update().where(
            orm.claim_cob.c.claim_id == record.claim_id).values(values))
        if not done.rowcount:  # type: ignore[attr-defined]
            await self.session.execute(orm.claim_cob.insert().values(
                claim_id=record.claim_id, **values))

    async def links(self, claim_ids: list[UUID]) -> list[CobRecord]:
        """The records naming any of ``claim_ids`` as primary or as secondary."""
        if not claim_ids:
            return []
        t = orm.claim_cob
        rows = await self.session.execute(sa.select(t).where(sa.or_(
            t.c.claim_id.in_(claim_ids), t.c.secondary_claim_id.in_(claim_ids))))
        return [CobRecord(**dict(r)) for r in rows.mappings()]

    async def remittance_payers(self, remittance_ids: list[UUID]) -> dict[UUID, RemittancePayer]:
        """Who sent each remittance, and its payment date (BPR16: when the payer decided)."""
        if not remittance_ids:
            return {}
        t = orm.remittances
        rows = await self.session.execute(sa.select(
            t.c.id, t.c.payer_id, t.c.payer_name, t.c.payment_date, t.c.received_at).where(
            t.c.id.in_(remittance_ids)))
        return {r.id: RemittancePayer(r.payer_id, r.payer_name,
                                      r.payment_date or r.received_at.date()) for r in rows}

    async def paid_claim_ids(self) -> list[UUID]:
        """Claims with any payment applied (the candidates for a credit balance)."""
        t = orm.claim_payments
        rows = await self.session.execute(sa.select(t.c.claim_id).where(
            t.c.claim_id.is_not(None), t.c.outcome.is_not(None),
            t.c.outcome != "unsubmitted").distinct())
        return [r.claim_id for r in rows]
