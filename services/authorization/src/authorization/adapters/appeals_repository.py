"""PA appeals and their documents. Never commits (the unit of work does).

An appeal read or added joins the unit of work's ``seen`` (its events become outbox rows); a
changed one is written over the version it was read at, and a lost race is a
``ConcurrentUpdate`` the service retries.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any
from uuid import UUID

from sqlalchemy import insert, select, update
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncSession

from chairside_shared.attachments import StoredDocument
from chairside_shared.messaging.outbox import Seen

from ..domain.appeals import PaAppeal
from ..domain.errors import ConcurrentUpdate
from .appeals_orm import pa_appeal_documents, pa_appeals
from .repository import aware, rowcount

_COLUMNS = tuple(f.name for f in fields(PaAppeal) if f.name != "events")


def _row(appeal: PaAppeal) -> dict[str, Any]:
    return {name: getattr(appeal, name) for name in _COLUMNS}


def _appeal(row: RowMapping) -> PaAppeal:
    values = {name: row[name] for name in _COLUMNS}
    for name in ("created_at", "updated_at", "scheduled_at"):
        values[name] = aware(values[name])
    return PaAppeal(**values)


def _document(row: RowMapping) -> StoredDocument:
    return StoredDocument(
        id=row["id"], owner_id=row["appeal_id"], type_code=row["type_code"],
        type_display=row["type_display"], content_type=row["content_type"],
        title=row["title"], date=row["document_date"], author_id=row["author_id"],
        size=row["size"], sha256=row["sha256"], created_at=aware(row["created_at"]) or
        row["created_at"])


class SqlAppeals:
    def __init__(self, session: AsyncSession, seen: Seen) -> None:
        self.session = session
        self.seen = seen
        self._versions: dict[UUID, int] = {}
        self._tracked: dict[UUID, PaAppeal] = {}

    def _keep(self, appeal: PaAppeal, *, new: bool = False) -> PaAppeal:
        if appeal.id in self._tracked:
            return self._tracked[appeal.id]
        self._tracked[appeal.id] = appeal
        self._versions[appeal.id] = 0 if new else appeal.version
        self.seen.add(appeal)
        return appeal

    async def get(self, appeal_id: UUID, *, for_update: bool = False) -> PaAppeal | None:
        stmt = select(pa_appeals).where(pa_appeals.c.id == appeal_id)
        row = (await self.session.execute(
            stmt.with_for_update() if for_update else stmt)).mappings().first()
        return self._keep(_appeal(row)) if row else None

    async def for_case(self, case_id: UUID) -> list[PaAppeal]:
        rows = (await self.session.execute(
            select(pa_appeals).where(pa_appeals.c.case_id == case_id)
            .order_by(pa_appeals.c.created_at, pa_appeals.c.id))).mappings()
        return [self._keep(_appeal(r)) for r in rows]

    def add(self, appeal: PaAppeal) -> None:
        self._keep(appeal, new=True)

    async def flush(self) -> None:
        for appeal_id, appeal in self._tracked.items():
            was = self._versions[appeal_id]
            if was == 0:
                await self.session.execute(insert(pa_appeals).values(**_row(appeal)))
            elif appeal.version != was:
                result = await self.session.execute(
                    update(pa_appeals).where(pa_appeals.c.id == appeal_id,
                                             pa_appeals.c.version == was)
                    .values(**_row(appeal)))
                if rowcount(result) != 1:
                    raise ConcurrentUpdate(f"appeal {appeal_id} changed meanwhile")
            self._versions[appeal_id] = appeal.version

    # ------------------------------------------------------------------ documents
    async def attach(self, doc: StoredDocument, content: bytes) -> None:
        await self.session.execute(insert(pa_appeal_documents).values(
            id=doc.id, appeal_id=doc.owner_id, type_code=doc.type_code,
            type_display=doc.type_display, content_type=doc.content_type, title=doc.title,
            document_date=doc.date, author_id=doc.author_id, size=doc.size,
            sha256=doc.sha256, content=content, created_at=doc.created_at))

    async def attached(self, appeal_id: UUID, sha256: str) -> bool:
        t = pa_appeal_documents
        found = await self.session.execute(select(t.c.id).where(t.c.appeal_id == appeal_id,
                                                                 t.c.sha256 == sha256))
        return found.first() is not None

    async def documents(self, appeal_ids: list[UUID]) -> dict[UUID, list[StoredDocument]]:
        t = pa_appeal_documents
        out: dict[UUID, list[StoredDocument]] = {a: [] for a in appeal_ids}
        if not appeal_ids:
            return out
        rows = (await self.session.execute(
            select(*[c for c in t.c if c.name != "content"])
            .where(t.c.appeal_id.in_(appeal_ids)).order_by(t.c.created_at, t.c.id))).mappings()
        for r in rows:
            out[r["appeal_id"]].append(_document(r))
        return out

    async def content(self, appeal_id: UUID,
                      document_id: UUID) -> tuple[StoredDocument, bytes] | None:
        t = pa_appeal_documents
        row = (await self.session.execute(select(t).where(
            t.c.appeal_id == appeal_id, t.c.id == document_id))).mappings().first()
        return None if row is None else (_document(row), bytes(row["content"]))
