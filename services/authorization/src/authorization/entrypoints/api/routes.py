"""/v1/authorizations: the PA worklist, one case, answers, submit, withdraw, inquire, metrics.

Routes translate HTTP into service calls; the service layer owns the transactions.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from fastapi import APIRouter, Query

from chairside_shared.inputs import Instant

from ...domain.codes import CaseStatus
from ...domain.errors import NotFound
from ...domain.usage import worklist_reasons
from ...service import cases as case_service
from ...service import queries
from .deps import ActorDep, ConnectorDep, NowDep, UowsDep
from .schemas import (
    Authorization,
    AuthorizationAnswers,
    AuthorizationPage,
    MetricsOut,
    WithdrawIn,
    detail,
    summary,
)

router = APIRouter(prefix="/v1/authorizations", tags=["prior authorization"])


@router.get("", response_model=AuthorizationPage, summary="Prior-authorization worklist")
async def list_authorizations(
    uows: UowsDep, now: NowDep,
    order_id: UUID | None = None,
    status: CaseStatus | None = None,
    due_before: Instant | None = None,
    practice_id: str | None = None,
    worklist: bool = Query(False, description="only cases that need someone: overdue, stale "
                           "drafts, approvals near expiry or exhaustion (reauthorization due)"),
    limit: int = Query(50, ge=1, le=500),
    cursor: str | None = None,
) -> AuthorizationPage:
    async with uows() as uow:
        if worklist:
            rows = await queries.worklist(uow, now=now, practice_id=practice_id)
            rows = [(k, r) for k, r in rows
                    if (order_id is None or order_id in k.order_ids)
                    and (status is None or k.status == status)
                    and (due_before is None or (k.due_at is not None and k.due_at < due_before))]
            offset = queries.decode_cursor(cursor)
            page = rows[offset:offset + limit]
            more = len(rows) > offset + limit
            return AuthorizationPage(
                items=[summary(k, now, r) for k, r in page],
                next_cursor=queries.encode_cursor(offset + limit) if more else None)
        cases, nxt = await queries.list_cases(uow, order_id=order_id, status=status,
                                              due_before=due_before, practice_id=practice_id,
                                              limit=limit, cursor=cursor)
        return AuthorizationPage(items=[summary(k, now) for k in cases], next_cursor=nxt)


@router.get("/metrics", response_model=MetricsOut, summary="PA turnaround and decision rates")
async def pa_metrics(uows: UowsDep, now: NowDep, since: Instant | None = Query(None, alias="from"),
                     until: Instant | None = Query(None, alias="to"),
                     practice_id: str | None = None) -> MetricsOut:
    async with uows() as uow:
        m = await queries.metrics(uow, now=now, since=since, until=until, practice_id=practice_id)
    return MetricsOut(**m.model_dump(), since=since, until=until)


async def _view(uows: UowsDep, case_id: UUID, now: datetime) -> Authorization:
    async with uows() as uow:
        case = await uow.cases.get(case_id)
    if case is None:
        raise NotFound(f"no authorization {case_id}")
    s = uows().settings
    reasons = worklist_reasons(case, now, now.astimezone(s.tz).date(),
                               queries.worklist_settings(s))
    return detail(case, now, list(reasons))


@router.get("/{authorization_id}", response_model=Authorization,
            summary="Get a prior-authorization case")
async def get_authorization(authorization_id: UUID, uows: UowsDep, now: NowDep) -> Authorization:
    return await _view(uows, authorization_id, now)


@router.post("/{authorization_id}/answers", response_model=Authorization,
             summary="Answer documentation questions")
async def answer(authorization_id: UUID, body: AuthorizationAnswers, uows: UowsDep,
                 now: NowDep, actor: ActorDep) -> Authorization:
    await case_service.answer(uows, authorization_id, body.answers, actor=actor, now=now)
    return await _view(uows, authorization_id, now)


@router.post("/{authorization_id}/submit", response_model=Authorization,
             summary="Submit the case to the payer (PAS Claim/$submit)")
async def submit(authorization_id: UUID, uows: UowsDep, connector: ConnectorDep, now: NowDep,
                 actor: ActorDep) -> Authorization:
    await case_service.submit(uows, connector, authorization_id, actor=actor, now=now)
    return await _view(uows, authorization_id, now)


@router.post("/{authorization_id}/inquire", response_model=Authorization,
             summary="Ask the payer now (PAS Claim/$inquire) instead of waiting for the poller")
async def inquire(authorization_id: UUID, uows: UowsDep, connector: ConnectorDep,
                  now: NowDep) -> Authorization:
    await case_service.exchange(uows, connector, authorization_id, "inquire", now=now)
    return await _view(uows, authorization_id, now)


@router.post("/{authorization_id}/withdraw", response_model=Authorization,
             summary="Withdraw the case")
async def withdraw(authorization_id: UUID, uows: UowsDep, now: NowDep, actor: ActorDep,
                   body: WithdrawIn | None = None) -> Authorization:
    reason = body.reason if body else WithdrawIn().reason
    await case_service.withdraw(uows, authorization_id, reason, actor=actor, now=now)
    return await _view(uows, authorization_id, now)
