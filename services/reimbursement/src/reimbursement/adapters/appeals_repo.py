"""Claim appeals, their documents, and what the denials worklist reads of the remittances.

Appeals are tracked like claims: loaded or added ones join the unit of work's ``seen`` (their
events become outbox rows) and are written on flush, an update only over the version loaded
(a concurrent change is a 409, never a lost write).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncSession

from chairside_shared.attachments import StoredDocument
from chairside_shared.errors import Conflict
from chairside_shared.messaging.outbox import Seen
from reimbursement.adapters import orm
from reimbursement.adapters.appeals_orm import claim_appeal_documents as docs_t
from reimbursement.adapters.appeals_orm import claim_appeals as appeals_t
from reimbursement.domain.appeals import Appeal
from reimbursement.domain.denial_actions import CarcAmount
from reimbursement.domain.remittance import COST_SHARE

DENIED_OUTCOMES = ("denied", "partially_paid")
_FIELDS = ("id", "claim_id", "order_id", "practice_id", "payer_id", "payer_type", "kind",
           "level", "level_number", "status", "clock_from", "deadline",
           "amount_in_controversy", "reason", "previous_appeal_id", "payer_reference",
           "filed_on", "outcome", "decided_on", "amount_awarded", "decision_note",
           "next_level", "next_deadline", "next_auto_forwarded", "claim_reopen", "created_at",
           "updated_at", "version")


@dataclass(frozen=True, slots=True)
class Determination:
    """The latest remittance that denied a claim (in full or in part)."""

    determined_on: date  # BPR16 payment date, else the day the 835 was received
    carc_amounts: tuple[CarcAmount, ...]  # every non cost-share adjustment of that payment


class AppealRepository:
    def __init__(self, session: AsyncSession, seen: Seen) -> None:
        self.session = session
        self.seen = seen
        self._loaded: dict[UUID, tuple[Appeal, int]] = {}
        self._new: list[Appeal] = []

    async def get(self, appeal_id: UUID, *, for_update: bool = False) -> Appeal | None:
        stmt = sa.select(appeals_t).where(appeals_t.c.id == appeal_id)
        if for_update:
            stmt = stmt.with_for_update()
        row = (await self.session.execute(stmt)).mappings().first()
        return self._track(_appeal(row)) if row else None

    async def for_claim(self, claim_id: UUID) -> list[Appeal]:
        rows = (await self.session.execute(sa.select(appeals_t).where(
            appeals_t.c.claim_id == claim_id).order_by(appeals_t.c.created_at,
                                                       appeals_t.c.level_number))).mappings()
        return [self._track(_appeal(r)) for r in rows]

    def add(self, appeal: Appeal) -> None:
        self._new.append(appeal)
        self.seen.add(appeal)

    async def flush(self) -> None:
        for appeal in self._new:
            await self.session.execute(appeals_t.insert().values(**_values(appeal)))
        self._new.clear()
        for appeal, version in list(self._loaded.values()):
            if appeal.version == version:
                continue
            done = await self.session.execute(appeals_t.update().where(
                appeals_t.c.id == appeal.id, appeals_t.c.version == version,
            ).values(**_values(appeal)))
            if done.rowcount != 1:  # type: ignore[attr-defined]
                raise Conflict("the appeal changed meanwhile; read it again",
                               appeal_id=str(appeal.id))
            self._loaded[appeal.id] = (appeal, appeal.version)

    def _track(self, appeal: Appeal) -> Appeal:
        known = self._loaded.get(appeal.id)
        if known is not None:
            return known[0]
        self._loaded[appeal.id] = (appeal, appeal.version)
        self.seen.add(appeal)
        return appeal

    # ------------------------------------------------------------------ documents
    async def add_document(self, doc: StoredDocument, content: bytes) -> None:
        await self.session.execute(docs_t.insert().values(
            id=doc.id, appeal_id=doc.owner_id, type_code=doc.type_code,
            type_display=doc.type_display, content_type=doc.content_type, title=doc.title,
            document_date=doc.date, author_id=doc.author_id, size=doc.size,
            sha256=doc.sha256, content=content, created_at=doc.created_at))

    async def has_document(self, appeal_id: UUID, sha256: str) -> bool:
        return (await self.session.execute(sa.select(docs_t.c.id).where(
            docs_t.c.appeal_id == appeal_id, docs_t.c.sha256 == sha256))).first() is not None

    async def documents(self, appeal_id: UUID) -> list[StoredDocument]:
        cols = [c for c in docs_t.c if c.name != "content"]  # metadata only
        rows = (await self.session.execute(sa.select(*cols).where(
            docs_t.c.appeal_id == appeal_id).order_by(docs_t.c.created_at,
                                                       docs_t.c.id))).mappings()
        return [_document(r) for r in rows]

    async def document(self, appeal_id: UUID,
                       document_id: UUID) -> tuple[StoredDocument, bytes] | None:
        row = (await self.session.execute(sa.select(docs_t).where(
            docs_t.c.appeal_id == appeal_id, docs_t.c.id == document_id))).mappings().first()
        return (_document(row), bytes(row["content"])) if row else None

    # ------------------------------------------------------------------ determinations
    async def determinations(self, claim_ids: list[UUID]) -> dict[UUID, Determination]:
        """Each claim's latest denying payment: its date and its denial adjustments."""
        if not claim_ids:
            return {}
        p, r = orm.claim_payments, orm.remittances
        stmt = (sa.select(p.c.claim_id, p.c.adjustments, r.c.payment_date, r.c.received_at)
                .join(r, r.c.id == p.c.remittance_id)
                .where(p.c.claim_id.in_(claim_ids), p.c.outcome.in_(DENIED_OUTCOMES))
                .order_by(p.c.posted_at, p.c.position))
        out: dict[UUID, Determination] = {}
        for row in (await self.session.execute(stmt)).mappings():
            adjustments: list[dict[str, Any]] = row["adjustments"]
            amounts = tuple(CarcAmount(a["group"], a["reason"], Decimal(a["amount"]))
                            for a in adjustments
                            if not (a["group"] == "PR" and a["reason"] in COST_SHARE))
            day = row["payment_date"] or row["received_at"].date()
            out[row["claim_id"]] = Determination(day, amounts)  # the later row wins
        return out


def _values(a: Appeal) -> dict[str, Any]:
    values = {name: getattr(a, name) for name in _FIELDS}
    return values | {"carcs": list(a.carcs), "rarcs": list(a.rarcs)}


def _appeal(row: RowMapping) -> Appeal:
    return Appeal(**{name: row[name] for name in _FIELDS},
                  carcs=tuple(row["carcs"]), rarcs=tuple(row["rarcs"]))


def _document(row: RowMapping) -> StoredDocument:
    return StoredDocument(
        id=row["id"], owner_id=row["appeal_id"], type_code=row["type_code"],
        type_display=row["type_display"], content_type=row["content_type"], title=row["title"],
        date=row["document_date"], author_id=row["author_id"], size=row["size"],
        sha256=row["sha256"], created_at=row["created_at"])
