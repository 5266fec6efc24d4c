"""/v1/authorizations: the PA worklist, one case, answers, submit, withdraw, inquire, metrics.

Routes translate HTTP into service calls; the service layer owns the transactions. A command
answers with the case as read back after it committed.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from fastapi import APIRouter, Query

from chairside_shared.inputs import Instant

from ...domain.codes import CaseStatus
from ...service import cases as case_service
from ...service import queries
from .deps import ActorDep, ConnectorDep, NowDep, PasDep, UowsDep
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
    filters = queries.CaseFilter(order_id=order_id, status=status, due_before=due_before,
                                 practice_id=practice_id)
    page = await queries.list_cases(uows=uows, filters=filters, worklist=worklist, now=now,
                                    limit=limit, cursor=cursor)
    return AuthorizationPage(items=[summary(e.case, now, list(e.worklist)) for e in page.items],
                             next_cursor=page.next_cursor)


@router.get("/metrics", response_model=MetricsOut, summary="PA turnaround and decision rates")
async def pa_metrics(uows: UowsDep, now: NowDep, since: Instant | None = Query(None, alias="from"),
                     until: Instant | None = Query(None, alias="to"),
                     practice_id: str | None = None) -> MetricsOut:
    m = await queries.metrics(uows=uows, now=now, since=since, until=until,
                              practice_id=practice_id)
    return MetricsOut(**m.model_dump(), since=since, until=until)


async def _view(uows: UowsDep, case_id: UUID, now: datetime) -> Authorization:
    entry = await queries.case_entry(uows=uows, case_id=case_id, now=now)
    return detail(entry.case, now, list(entry.worklist))


@router.get("/{authorization_id}", response_model=Authorization,
            summary="Get a prior-authorization case")
async def get_authorization(authorization_id: UUID, uows: UowsDep, now: NowDep) -> Authorization:
    return await _view(uows, authorization_id, now)


@router.post("/{authorization_id}/answers", response_model=Authorization,
             summary="Answer documentation questions")
async def answer(authorization_id: UUID, body: AuthorizationAnswers, uows: UowsDep,
                 now: NowDep, actor: ActorDep) -> Authorization:
    await case_service.answer(uows=uows, case_id=authorization_id, answers=body.answers,
                              actor=actor, now=now)
    return await _view(uows, authorization_id, now)


@router.post("/{authorization_id}/submit", response_model=Authorization,
             summary="Submit the case to the payer (PAS Claim/$submit)")
async def submit(authorization_id: UUID, uows: UowsDep, connector: ConnectorDep, pas: PasDep,
                 now: NowDep, actor: ActorDep) -> Authorization:
    await case_service.submit(uows=uows, connector=connector, pas=pas,
                              case_id=authorization_id, actor=actor, now=now)
    return await _view(uows, authorization_id, now)


@router.post("/{authorization_id}/inquire", response_model=Authorization,
             summary="Ask the payer now (PAS Claim/$inquire) instead of waiting for the poller")
async def inquire(authorization_id: UUID, uows: UowsDep, connector: ConnectorDep, pas: PasDep,
                  now: NowDep) -> Authorization:
    await case_service.exchange(uows=uows, connector=connector, pas=pas,
                                case_id=authorization_id, op="inquire", now=now)
    return await _view(uows, authorization_id, now)


@router.post("/{authorization_id}/withdraw", response_model=Authorization,
             summary="Withdraw the case")
async def withdraw(authorization_id: UUID, uows: UowsDep, now: NowDep, actor: ActorDep,
                   body: WithdrawIn | None = None) -> Authorization:
    reason = body.reason if body else WithdrawIn().reason
    await case_service.withdraw(uows=uows, case_id=authorization_id, reason=reason, actor=actor,
                                now=now)
    return await _view(uows, authorization_id, now)
