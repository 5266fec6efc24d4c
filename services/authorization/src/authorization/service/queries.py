"""Read side: case lists, the worklist, PA metrics, and the payer poller's batches."""

from __future__ import annotations

import base64
import binascii
from datetime import datetime, timedelta
from decimal import Decimal
from uuid import UUID

from sqlalchemy import func, or_, select

from ..adapters import orm
from ..domain.case import PACase
from ..domain.errors import FieldError, ValidationFailed
from ..domain.metrics import CaseFacts, PaMetrics, pa_metrics
from ..domain.usage import WorklistSettings, worklist_reasons
from ..settings import AuthorizationSettings
from .uow import AuthorizationUnitOfWork

c = orm.pa_cases.c


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


async def list_cases(uow: AuthorizationUnitOfWork, *, order_id: UUID | None = None,
                     status: str | None = None, due_before: datetime | None = None,
                     practice_id: str | None = None, limit: int = 50,
                     cursor: str | None = None) -> tuple[list[PACase], str | None]:
    where = []
    if order_id is not None:
        where.append(c.id.in_(select(orm.pa_case_orders.c.case_id)
                              .where(orm.pa_case_orders.c.order_id == order_id)))
    if status is not None:
        where.append(c.status == status)
    if due_before is not None:
        where.append(c.due_at < due_before)
    if practice_id is not None:
        where.append(c.practice_id == practice_id)
    offset = decode_cursor(cursor)
    found = await uow.cases.find(*where, order_by=(c.created_at, c.id),
                                 limit=offset + limit + 1)
    page = found[offset:offset + limit]
    more = len(found) > offset + limit
    return page, encode_cursor(offset + limit) if more else None


def worklist_settings(s: AuthorizationSettings) -> WorklistSettings:
    return WorklistSettings(near_expiry_days=s.near_expiry_days,
                            near_exhaustion_ratio=Decimal(str(s.near_exhaustion_ratio)),
                            draft_stale_hours=s.draft_stale_hours)


async def worklist(uow: AuthorizationUnitOfWork, *, now: datetime,
                   practice_id: str | None = None) -> list[tuple[PACase, list[str]]]:
    """Cases needing someone: overdue, stale drafts, approvals near expiry or exhaustion."""
    s = uow.settings
    where = [c.status.in_(("draft", "submitted", "pended", "approved"))]
    if practice_id is not None:
        where.append(c.practice_id == practice_id)
    today = now.astimezone(s.tz).date()
    out = []
    for case in await uow.cases.find(*where, order_by=(c.due_at, c.created_at, c.id)):
        reasons = worklist_reasons(case, now, today, worklist_settings(s))
        if reasons:
            out.append((case, list(reasons)))
    # Overdue first, then the soonest due or ending.
    return sorted(out, key=lambda kr: ("overdue" not in kr[1],
                                       kr[0].due_at or datetime.max.replace(tzinfo=now.tzinfo)))


async def metrics(uow: AuthorizationUnitOfWork, *, now: datetime,
                  since: datetime | None = None, until: datetime | None = None,
                  practice_id: str | None = None) -> PaMetrics:
    where = []
    if since is not None:
        where.append(c.created_at >= since)
    if until is not None:
        where.append(c.created_at < until)
    if practice_id is not None:
        where.append(c.practice_id == practice_id)
    facts = [CaseFacts(payer_id=k.payer_id, hcpcs=tuple(ln.hcpcs for ln in k.lines),
                       status=k.status, expedited=k.expedited, submitted_at=k.submitted_at,
                       decided_at=k.decided_at, due_at=k.due_at)
             for k in await uow.cases.find(*where)]
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
    return (await uow.session.execute(stmt)).scalar_one()
