"""Remittances (one row per transaction set of an 835) and the payments posted from them."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncSession

from reimbursement.adapters import orm
from reimbursement.domain.posting import PostedAdjustment, PostedPayment
from reimbursement.domain.remittance import Remittance


class RemittanceRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def exists(self, digest: str) -> bool:
        row = (await self.session.execute(sa.select(orm.remittances.c.id).where(
            orm.remittances.c.digest == digest))).first()
        return row is not None

    async def add(self, r: Remittance, *, digest: str, received_at: datetime) -> UUID:
        remittance_id = uuid.uuid4()
        await self.session.execute(orm.remittances.insert().values(
            id=remittance_id, digest=digest, trace_number=r.trace_number[:50],
            payer_id=(r.payer_id or "")[:80] or None,
            payer_name=(r.payer_name or "")[:60] or None, payment_amount=r.payment_amount,
            payment_method=r.payment_method, payment_date=r.payment_date,
            received_at=received_at,
            provider_adjustments=[{"reason": p.reason, "reference": p.reference,
                                   "amount": str(p.amount)} for p in r.provider_adjustments]))
        return remittance_id

    async def add_payment(self, p: PostedPayment) -> None:
        await self.session.execute(orm.claim_payments.insert().values(
            id=uuid.uuid4(), remittance_id=p.remittance_id, position=p.position,
            claim_id=p.claim_id, account_number=p.account_number, status_code=p.status_code,
            payer_claim_number=p.payer_claim_number, charge=p.charge, paid=p.paid,
            patient_responsibility=p.patient_responsibility, contractual=p.contractual,
            outcome=p.outcome, denial_reasons=list(p.denial_reasons),
            adjustments=[{"line": a.line, "group": a.group, "reason": a.reason,
                          "amount": str(a.amount)} for a in p.adjustments],
            unmatched_lines=list(p.unmatched_lines), posted_at=p.posted_at))

    async def payments(self, *, claim_ids: list[UUID]) -> dict[UUID, list[PostedPayment]]:
        """Each claim's payments in posting order."""
        out: dict[UUID, list[PostedPayment]] = {}
        if not claim_ids:
            return out
        t = orm.claim_payments
        stmt = sa.select(t).where(t.c.claim_id.in_(claim_ids)).order_by(t.c.posted_at,
                                                                         t.c.position)
        for row in (await self.session.execute(stmt)).mappings():
            out.setdefault(row["claim_id"], []).append(_payment(row))
        return out


def _payment(row: RowMapping) -> PostedPayment:
    adjustments: list[dict[str, Any]] = row["adjustments"]
    return PostedPayment(
        remittance_id=row["remittance_id"], position=row["position"], claim_id=row["claim_id"],
        account_number=row["account_number"], status_code=row["status_code"],
        payer_claim_number=row["payer_claim_number"], charge=row["charge"], paid=row["paid"],
        patient_responsibility=row["patient_responsibility"], contractual=row["contractual"],
        outcome=row["outcome"], denial_reasons=tuple(row["denial_reasons"]),
        adjustments=tuple(PostedAdjustment(a["line"], a["group"], a["reason"],
                                           Decimal(a["amount"])) for a in adjustments),
        unmatched_lines=tuple(row["unmatched_lines"]), posted_at=row["posted_at"])
