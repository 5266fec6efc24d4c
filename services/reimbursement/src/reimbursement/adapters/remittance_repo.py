"""Remittances (one row per transaction set of an 835), the payments and provider-level
adjustments posted from them, and the files quarantined instead.

Loads are batched by account numbers and references (a 10,000-claim 835 reads its history in a
few queries, not one per claim); payments are written with one executemany per chunk.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.engine import RowMapping
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from reimbursement.adapters import orm
from reimbursement.domain.posting import (
    PostedAdjustment,
    PostedPayment,
    PostedProviderAdjustment,
)
from reimbursement.domain.remittance import Remittance, RemittanceKey

CHUNK = 2000  # bound parameters per IN list / executemany batch


class DuplicateRemittance(Exception):
    """Another transaction posted a remittance with the same key first."""


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]


class RemittanceRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def known(self, keys: Sequence[RemittanceKey]) -> set[RemittanceKey]:
        """Which keys were posted already. A row from before keys were stored has payee ''
        (unknown): it counts for any payee of the same originator and trace."""
        t = orm.remittances
        if not keys:
            return set()
        stmt = sa.select(t.c.originator, t.c.originator_sub, t.c.trace_number, t.c.payee_id
                         ).where(t.c.trace_number.in_({k.trace_number for k in keys}))
        rows = {tuple(r) for r in (await self.session.execute(stmt)).all()}
        return {k for k in keys
                if (k.originator, k.originator_sub, k.trace_number, k.payee) in rows
                or (k.originator, "", k.trace_number, "") in rows}

    async def add(self, r: Remittance, *, received_at: datetime) -> UUID:
        """Insert the remittance row; a concurrent post of the same key waits here for the
        first to commit, then raises DuplicateRemittance (the transaction is then spent: the
        caller leaves it, rolled back)."""
        remittance_id = uuid.uuid4()
        try:
            await self.session.execute(orm.remittances.insert().values(
                id=remittance_id, originator=r.key.originator[:50],
                originator_sub=r.key.originator_sub[:50],
                trace_number=r.key.trace_number[:50], payee_id=r.key.payee[:90],
                payer_id=(r.payer_id or "")[:80] or None,
                payer_name=(r.payer_name or "")[:60] or None,
                payment_amount=r.payment_amount, payment_method=r.payment_method,
                payment_date=r.payment_date, received_at=received_at,
                provider_adjustments=[{"reason": p.reason, "reference": p.reference,
                                       "amount": str(p.amount)}
                                      for p in r.provider_adjustments]))
        except IntegrityError as exc:
            if "uq_remittances_key" in str(exc.orig):
                raise DuplicateRemittance(str(r.key)) from exc
            raise
        return remittance_id

    async def add_payments(self, payments: Sequence[PostedPayment]) -> None:
        for chunk in _chunks(payments):
            await self.session.execute(orm.claim_payments.insert(),
                                       [_payment_values(p) for p in chunk])

    async def add_payment(self, p: PostedPayment) -> None:
        await self.add_payments([p])

    async def add_provider_adjustments(self, rows: Sequence[PostedProviderAdjustment]) -> None:
        if rows:
            await self.session.execute(orm.provider_adjustments.insert(), [
                {"id": uuid.uuid4(), "remittance_id": a.remittance_id, "position": a.position,
                 "reason": a.reason[:3], "reference": (a.reference or "")[:50] or None,
                 "amount": a.amount, "claim_id": a.claim_id, "posted_at": a.posted_at}
                for a in rows])

    async def payments(self, *, claim_ids: list[UUID]) -> dict[UUID, list[PostedPayment]]:
        """Each claim's payments in posting order."""
        t = orm.claim_payments
        return _by(await self._payments(t.c.claim_id, claim_ids), "claim_id")

    async def payments_by_account(self, accounts: Sequence[str]
                                  ) -> dict[str, list[PostedPayment]]:
        """Every payment posted for these CLP01s (applied or held), in posting order."""
        t = orm.claim_payments
        return _by(await self._payments(t.c.account_number, accounts), "account_number")

    async def claims_by_payer_claim_number(self, numbers: Sequence[str]) -> dict[str, UUID]:
        """CLP07 -> the claim a payment with that payer claim number was applied to."""
        t = orm.claim_payments
        out: dict[str, UUID] = {}
        for chunk in _chunks(sorted(set(numbers))):
            stmt = sa.select(t.c.payer_claim_number, t.c.claim_id).where(
                t.c.payer_claim_number.in_(chunk), t.c.claim_id.is_not(None))
            for number, claim_id in (await self.session.execute(stmt)).all():
                out.setdefault(number, claim_id)
        return out

    async def provider_adjustments(self, *, claim_id: UUID) -> list[PostedProviderAdjustment]:
        t = orm.provider_adjustments
        stmt = sa.select(t).where(t.c.claim_id == claim_id).order_by(t.c.posted_at,
                                                                      t.c.position)
        return [PostedProviderAdjustment(r["remittance_id"], r["position"], r["reason"],
                                         r["reference"], r["amount"], r["claim_id"],
                                         r["posted_at"])
                for r in (await self.session.execute(stmt)).mappings()]

    async def quarantine(self, *, keys: Sequence[RemittanceKey],
                         reasons: Sequence[dict[str, str]], received_at: datetime) -> UUID:
        quarantine_id = uuid.uuid4()
        await self.session.execute(orm.remittance_quarantine.insert().values(
            id=quarantine_id, received_at=received_at,
            trace_number=keys[0].trace_number[:50] if keys else None,
            keys=[_key_doc(k) for k in keys], reasons=list(reasons)))
        return quarantine_id

    async def quarantined(self, *, limit: int, after: tuple[datetime, UUID] | None
                          ) -> list[dict[str, Any]]:
        """Newest first, from after a cursor (received_at, id)."""
        t = orm.remittance_quarantine
        stmt = sa.select(t).order_by(t.c.received_at.desc(), t.c.id.desc()).limit(limit)
        if after is not None:
            stmt = stmt.where(sa.tuple_(t.c.received_at, t.c.id)
                              < sa.tuple_(sa.literal(after[0]), sa.literal(after[1])))
        return [dict(r) for r in (await self.session.execute(stmt)).mappings()]

    async def _payments(self, column: sa.Column[Any], values: Sequence[Any]
                        ) -> list[PostedPayment]:
        t = orm.claim_payments
        out: list[PostedPayment] = []
        for chunk in _chunks(sorted(set(values), key=str)):
            stmt = sa.select(t).where(column.in_(chunk)).order_by(t.c.posted_at, t.c.position)
            out += [_payment(row) for row in (await self.session.execute(stmt)).mappings()]
        out.sort(key=lambda p: (p.posted_at, p.position))
        return out


def _by(payments: list[PostedPayment], attr: str) -> dict[Any, list[PostedPayment]]:
    out: dict[Any, list[PostedPayment]] = {}
    for p in payments:
        out.setdefault(getattr(p, attr), []).append(p)
    return out


def _key_doc(k: RemittanceKey) -> dict[str, str]:
    return {"originator": k.originator, "originator_sub": k.originator_sub,
            "trace_number": k.trace_number, "payee": k.payee}


def _payment_values(p: PostedPayment) -> dict[str, Any]:
    return {"id": uuid.uuid4(), "remittance_id": p.remittance_id, "position": p.position,
            "claim_id": p.claim_id, "account_number": p.account_number,
            "status_code": p.status_code, "payer_claim_number": p.payer_claim_number or "",
            "ordinal": p.ordinal, "crossover": p.crossover, "remarks": list(p.remarks),
            "charge": p.charge, "paid": p.paid,
            "patient_responsibility": p.patient_responsibility, "contractual": p.contractual,
            "outcome": p.outcome, "denial_reasons": list(p.denial_reasons),
            "adjustments": [{"line": a.line, "group": a.group, "reason": a.reason,
                             "amount": str(a.amount)} for a in p.adjustments],
            "unmatched_lines": list(p.unmatched_lines), "posted_at": p.posted_at}


def _payment(row: RowMapping) -> PostedPayment:
    adjustments: list[dict[str, Any]] = row["adjustments"]
    return PostedPayment(
        remittance_id=row["remittance_id"], position=row["position"], claim_id=row["claim_id"],
        account_number=row["account_number"], status_code=row["status_code"],
        payer_claim_number=row["payer_claim_number"] or None, charge=row["charge"],
        paid=row["paid"], patient_responsibility=row["patient_responsibility"],
        contractual=row["contractual"], outcome=row["outcome"],
        denial_reasons=tuple(row["denial_reasons"]),
        adjustments=tuple(PostedAdjustment(a["line"], a["group"], a["reason"],
                                           Decimal(a["amount"])) for a in adjustments),
        unmatched_lines=tuple(row["unmatched_lines"]), posted_at=row["posted_at"],
        ordinal=row["ordinal"], crossover=row["crossover"], remarks=tuple(row["remarks"]))
