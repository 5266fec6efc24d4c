"""Read side: case lists, one case, the worklist, PA metrics, and the payer poller's batches."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from uuid import UUID

from sqlalchemy import ColumnElement, func, or_, select

from ..adapters import orm
from ..domain.case import PACase
from ..domain.codes import CaseStatus
from ..domain.errors import FieldError, NotFound, ValidationFailed
from ..domain.metrics import CaseFacts, PaMetrics, pa_metrics
from ..domain.usage import WorklistSettings, WorkReason, worklist_reasons
from ..settings import AuthorizationSettings
from .uow import AuthorizationUnitOfWork, UowFactory

c = orm.pa_cases.c


@dataclass(frozen=True)
class CaseFilter:
    order_id: UUID | None = None
    status: CaseStatus | None = None
    due_before: datetime | None = None
    practice_id: str | None = None


@dataclass(frozen=True)
class CaseEntry:
    """A case and why it is on the worklist (empty when it is not)."""

    case: PACase
    worklist: list[WorkReason]


@dataclass(frozen=True)
class CasePage:
    items: list[CaseEntry]
    next_cursor: str | None


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"o:{offset}".encode()).decode()


def decode_cursor(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        kind, value = base64.urlsafe_b64decode(cursor.encode()).decode().split(":", 1)
        offset = int(value)
        if kind != "o" or offset < 0:
            raise ValueError
        return offset
    except (ValueError, binascii.Error, UnicodeDecodeError) as exc:
        raise ValidationFailed("bad cursor", [FieldError("cursor", "not a cursor from this "
                                                                   "API")]) from exc


def worklist_settings(s: AuthorizationSettings) -> WorklistSettings:
    return WorklistSettings(near_expiry_days=s.near_expiry_days,
                            near_exhaustion_ratio=Decimal(str(s.near_exhaustion_ratio)),
                            draft_stale_hours=s.draft_stale_hours)


async def list_cases(*, uows: UowFactory, filters: CaseFilter, worklist: bool, now: datetime,
                     limit: int = 50, cursor: str | None = None) -> CasePage:
    """Cases by filter, oldest first; or, with ``worklist``, only those needing someone."""
    async with uows() as uow:
        if worklist:
            entries = [e for e in await _worklist(uow, now=now, practice_id=filters.practice_id)
                       if _matches(e.case, filters)]
            offset = decode_cursor(cursor)
            more = len(entries) > offset + limit
            return CasePage(items=entries[offset:offset + limit],
                            next_cursor=encode_cursor(offset + limit) if more else None)
        cases, nxt = await _find_cases(uow, filters=filters, limit=limit, cursor=cursor)
        return CasePage(items=[CaseEntry(k, []) for k in cases], next_cursor=nxt)


def _matches(case: PACase, f: CaseFilter) -> bool:
    return ((f.order_id is None or f.order_id in case.order_ids)
            and (f.status is None or case.status == f.status)
            and (f.due_before is None or (case.due_at is not None
                                          and case.due_at < f.due_before)))


async def _find_cases(uow: AuthorizationUnitOfWork, *, filters: CaseFilter, limit: int,
                      cursor: str | None) -> tuple[list[PACase], str | None]:
    where: list[ColumnElement[bool]] = []
    if filters.order_id is not None:
        where.append(c.id.in_(select(orm.pa_case_orders.c.case_id)
                              .where(orm.pa_case_orders.c.order_id == filters.order_id)))
    if filters.status is not None:
        where.append(c.status == filters.status)
    if filters.due_before is not None:
        where.append(c.due_at < filters.due_before)
    if filters.practice_id is not None:
        where.append(c.practice_id == filters.practice_id)
    offset = decode_cursor(cursor)
    found = await uow.cases.find(*where, order_by=(c.created_at, c.id),
                                 limit=offset + limit + 1)
    page = found[offset:offset + limit]
    more = len(found) > offset + limit
    return page, encode_cursor(offset + limit) if more else None


async def case_entry(*, uows: UowFactory, case_id: UUID, now: datetime) -> CaseEntry:
    """One case, with why it is on the worklist."""
    async with uows() as uow:
        case = await uow.cases.get(case_id)
        s = uow.settings
    if case is None:
        raise NotFound(f"no authorization {case_id}")
    reasons = worklist_reasons(case, now, now.astimezone(s.tz).date(), worklist_settings(s))
    return CaseEntry(case, list(reasons))


async def _worklist(uow: AuthorizationUnitOfWork, *, now: datetime,
                    practice_id: str | None = None) -> list[CaseEntry]:
    """Cases needing someone: overdue, stale drafts, approvals near expiry or exhaustion."""
    s = uow.settings
    where: list[ColumnElement[bool]] = [c.status.in_(("draft", "submitted", "pended",
                                                      "approved"))]
    if practice_id is not None:
        where.append(c.practice_id == practice_id)
    today = now.astimezone(s.tz).date()
    out: list[CaseEntry] = []
    for case in await uow.cases.find(*where, order_by=(c.due_at, c.created_at, c.id)):
        reasons = worklist_reasons(case, now, today, worklist_settings(s))
        if reasons:
            out.append(CaseEntry(case, list(reasons)))
    # Overdue first, then the soonest due or ending.
    latest = datetime.max.replace(tzinfo=now.tzinfo)
    return sorted(out, key=lambda e: ("overdue" not in e.worklist, e.case.due_at or latest))


async def metrics(*, uows: UowFactory, now: datetime, since: datetime | None = None,
                  until: datetime | None = None, practice_id: str | None = None) -> PaMetrics:
    where: list[ColumnElement[bool]] = []
    if since is not None:
        where.append(c.created_at >= since)
    if until is not None:
        where.append(c.created_at < until)
    if practice_id is not None:
        where.append(c.practice_id == practice_id)
    async with uows() as uow:
        cases = await uow.cases.find(*where)
    facts = [CaseFacts(payer_id=k.payer_id, hcpcs=tuple(ln.hcpcs for ln in k.lines),
                       status=k.status, expedited=k.expedited, submitted_at=k.submitted_at,
                       decided_at=k.decided_at, due_at=k.due_at)
             for k in cases]
    return pa_metrics(facts, now)


async def due_for_payer(uow: AuthorizationUnitOfWork, *, now: datetime, every_s: float,
                        limit: int) -> tuple[list[UUID], list[UUID]]:
    """(unanswered submissions to resend, pended cases to inquire on)."""
    cutoff = now - timedelta(seconds=every_s)
    last = func.coalesce(c.last_polled_at, c.submitted_at)
    resend = await uow.cases.find(c.status == "submitted", or_(last.is_(None), last <= cutoff),
                                  limit=limit)
    inquire = await uow.cases.find(c.status == "pended", or_(last.is_(None), last <= cutoff),
                                   limit=limit)
    return [k.id for k in resend], [k.id for k in inquire]


async def overdue_count(uow: AuthorizationUnitOfWork, *, now: datetime) -> int:
    stmt = (select(func.count()).select_from(orm.pa_cases)
            .where(c.status.in_(("submitted", "pended")), c.due_at < now))
    count: int = (await uow.session.execute(stmt)).scalar_one()
    return count
