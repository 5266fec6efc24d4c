"""The referral projection's rows: written one event at a time, read as ReferralFacts.

Writes are update-then-insert (no dialect-specific upsert: the service also runs on SQLite);
the consumer's inbox row makes each event count once, and the columns fold events so that
their order across topics does not matter (earliest chair time, latest PA decision and
appointment status by the event's own time).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from reimbursement.adapters.dml import rowcount
from reimbursement.adapters.referral_tables import referral_appointments, referrals
from reimbursement.domain.referral_reports import PaDecision, ReferralFacts


class ReferralRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def _row(self, order_id: UUID) -> dict[str, Any] | None:
        row = (await self.session.execute(
            sa.select(referrals).where(referrals.c.order_id == order_id).with_for_update()
        )).mappings().first()
        return dict(row) if row is not None else None

    async def _put(self, order_id: UUID, values: dict[str, Any]) -> None:
        t = referrals
        if await rowcount(self.session, t.update().where(t.c.order_id == order_id)
                          .values(values)) == 0:
            await self.session.execute(t.insert().values({"order_id": order_id, **values}))

    async def signed(self, *, order_id: UUID, practice_id: str, signed_at: datetime,
                     protocol_id: str | None) -> None:
        await self._put(order_id, {"practice_id": practice_id, "signed_at": signed_at,
                                   "protocol_id": protocol_id})

    async def administered(self, *, order_id: UUID, practice_id: str, completed_at: datetime,
                           first_drug_at: datetime | None) -> None:
        row = await self._row(order_id)
        values: dict[str, Any] = {"administered_at": completed_at}
        if row is None or row["practice_id"] is None:
            values["practice_id"] = practice_id
        values |= _earlier_chair(row, first_drug_at)
        await self._put(order_id, values)

    async def in_chair(self, *, order_id: UUID, at: datetime) -> None:
        await self._put(order_id, _earlier_chair(await self._row(order_id), at)
                        or {"order_id": order_id})

    async def pa_decided(self, *, order_id: UUID, decision: PaDecision, at: datetime) -> None:
        row = await self._row(order_id)
        if row is not None and row["pa_decided_at"] is not None and row["pa_decided_at"] > at:
            return  # a later decision is already known
        await self._put(order_id, {"pa_decision": decision, "pa_decided_at": at})

    async def appointment(self, *, appointment_id: UUID, order_id: UUID, status: str,
                          at: datetime) -> None:
        t = referral_appointments
        values = {"order_id": order_id, "status": status, "changed_at": at}
        if await rowcount(self.session, t.update().where(
                t.c.appointment_id == appointment_id, t.c.changed_at <= at)
                .values(values)) == 0:
            known = (await self.session.execute(sa.select(t.c.appointment_id).where(
                t.c.appointment_id == appointment_id))).first()
            if known is None:
                await self.session.execute(t.insert().values(
                    {"appointment_id": appointment_id, **values}))

    async def facts(self, *, signed_from: datetime, signed_before: datetime,
                    practice_id: str | None) -> list[ReferralFacts]:
        """The orders signed in [signed_from, signed_before), of one practice or all."""
        t, a = referrals, referral_appointments
        query = sa.select(t).where(t.c.signed_at >= signed_from, t.c.signed_at < signed_before,
                                   t.c.practice_id.is_not(None))
        if practice_id is not None:
            query = query.where(t.c.practice_id == practice_id)
        rows = (await self.session.execute(query)).mappings().all()
        statuses: dict[UUID, list[str]] = {}
        if rows:
            found = await self.session.execute(sa.select(a.c.order_id, a.c.status).where(
                a.c.order_id.in_([r["order_id"] for r in rows])))
            for order_id, status in found.all():
                statuses.setdefault(order_id, []).append(status)
        return [ReferralFacts(
            order_id=str(r["order_id"]), practice_id=r["practice_id"], signed_at=r["signed_at"],
            administered=r["administered_at"] is not None, first_chair_at=r["first_chair_at"],
            pa_decision=r["pa_decision"],
            appointment_statuses=tuple(sorted(statuses.get(r["order_id"], []))))
            for r in rows]

    async def protocols(self, order_ids: list[UUID]) -> dict[UUID, str]:
        """The protocol of each order signed from one (orders without are left out)."""
        if not order_ids:
            return {}
        t = referrals
        found = await self.session.execute(sa.select(t.c.order_id, t.c.protocol_id).where(
            t.c.order_id.in_(order_ids), t.c.protocol_id.is_not(None)))
        return {row.order_id: row.protocol_id for row in found}


def _earlier_chair(row: dict[str, Any] | None, at: datetime | None) -> dict[str, Any]:
    if at is None:
        return {}
    known = row["first_chair_at"] if row is not None else None
    return {"first_chair_at": at} if known is None or at < known else {}
