"""Files fetched from the clearinghouse (once each, by digest) and the claim versions still to
send."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from opentelemetry import propagate
from opentelemetry.context import Context
from sqlalchemy.ext.asyncio import AsyncSession

from reimbursement.adapters import orm


class ExchangeRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def seen(self, digest: str) -> bool:
        t = orm.exchange_files
        return (await self.session.execute(sa.select(t.c.id).where(t.c.digest == digest))
                ).first() is not None

    async def add(self, *, remote_id: str, kind: str, digest: str, outcome: str,
                  problems: list[str], claims: list[dict[str, Any]], now: datetime) -> UUID:
        file_id = uuid.uuid4()
        await self.session.execute(orm.exchange_files.insert().values(
            id=file_id, remote_id=remote_id[:80], kind=kind[:8], digest=digest,
            outcome=outcome, problems=problems, claims=claims, received_at=now))
        return file_id

    async def files(self, *, limit: int = 100) -> list[dict[str, Any]]:
        t = orm.exchange_files
        rows = await self.session.execute(sa.select(t).order_by(t.c.received_at.desc())
                                          .limit(limit))
        return [dict(r) for r in rows.mappings()]

    async def unsent(self) -> list[UUID]:
        """Claims whose latest version was recorded but never reached the clearinghouse."""
        s, c = orm.claim_submissions, orm.claims
        latest = sa.select(s.c.claim_id, sa.func.max(s.c.number).label("n")).group_by(
            s.c.claim_id).subquery()
        stmt = (sa.select(s.c.claim_id).join(latest, sa.and_(
            latest.c.claim_id == s.c.claim_id, latest.c.n == s.c.number))
            .join(c, c.c.id == s.c.claim_id)
            .where(s.c.control_number.is_(None), s.c.outcome == "pending",
                   c.c.status.in_(["submitted", "corrected", "voided"]))
            .order_by(s.c.submitted_at))
        return list((await self.session.execute(stmt)).scalars())

    async def trace_of(self, clm01: str) -> Context:
        """The trace context the claim version was sent in (empty when none was recorded)."""
        s = orm.claim_submissions
        value = (await self.session.execute(
            sa.select(s.c.traceparent).where(s.c.clm01 == clm01))).scalar_one_or_none()
        return propagate.extract({"traceparent": value} if value else {})

    async def versions_in(self, control_number: int) -> list[str]:
        """CLM01s of the claim versions an interchange (ISA13 = GS06) carried."""
        s = orm.claim_submissions
        stmt = sa.select(s.c.clm01).where(s.c.control_number == control_number).order_by(
            s.c.clm01)
        return list((await self.session.execute(stmt)).scalars())
