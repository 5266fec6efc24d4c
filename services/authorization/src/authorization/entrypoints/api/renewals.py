"""``GET /v1/authorizations/renewals``: the renewal worklist, soonest due first.

Visits that fall outside their order's approval (a day past its valid dates, or more units
than remain), as scheduling reported them, each due in time for the payer's standard decision
before the visit. Registered before ``/v1/authorizations/{authorization_id}``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal
from uuid import UUID

from fastapi import APIRouter, Query
from pydantic import BaseModel

from ...domain.renewals import RenewalNeed
from ...service import renewals as service
from .deps import NowDep, UowsDep

router = APIRouter(tags=["prior authorization"])


class RenewalOut(BaseModel):
    order_id: UUID
    case_id: UUID | None
    appointment_id: UUID | None
    payer_id: str | None
    practice_id: str | None
    auth_number: str
    visit_date: date
    valid_from: date
    valid_to: date
    reasons: list[Literal["outside_valid_dates", "units_exceeded"]]
    outcome: Literal["refused", "held", "booked"]
    due_on: date
    overdue: bool
    noted_at: datetime


class RenewalPage(BaseModel):
    items: list[RenewalOut]
    next_cursor: str | None = None


def _out(n: RenewalNeed, today: date) -> RenewalOut:
    return RenewalOut(
        order_id=n.order_id, case_id=n.case_id, appointment_id=n.appointment_id,
        payer_id=n.payer_id, practice_id=n.practice_id, auth_number=n.auth_number,
        visit_date=n.visit_date, valid_from=n.valid_from, valid_to=n.valid_to,
        reasons=list(n.reasons), outcome=n.outcome,
        due_on=n.due_on, overdue=n.overdue(today), noted_at=n.noted_at)


@router.get("/v1/authorizations/renewals", response_model=RenewalPage,
            summary="Renewal worklist: visits outside their approval, soonest due first")
async def renewals(uows: UowsDep, now: NowDep, practice_id: str | None = None,
                   limit: int = Query(100, ge=1, le=500),
                   cursor: str | None = Query(None, pattern=r"^\d{1,9}$",
                                              max_length=9)) -> RenewalPage:
    offset = int(cursor or 0)
    items, today = await service.worklist(uows=uows, practice_id=practice_id,
                                          limit=limit + 1, offset=offset, now=now)
    more = len(items) > limit
    return RenewalPage(items=[_out(n, today) for n in items[:limit]],
                       next_cursor=str(offset + limit) if more else None)
