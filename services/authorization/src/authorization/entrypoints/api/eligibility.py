"""Eligibility (270/271): check a patient's coverage now, read the history of answers, the
flagged orders, and resolve a flag.

- ``POST /v1/patients/{patient_id}/eligibility`` sends a 270 at once and answers with the
  stored check (201; 202 while it is still pending, e.g. the payer said "retry later" and the
  worker will ask again).
- ``GET /v1/patients/{patient_id}/eligibility`` lists the patient's checks, newest first.
- ``GET /v1/eligibility/flags`` lists orders held by an eligibility flag.
- ``GET /v1/eligibility/{check_id}``, ``POST /v1/eligibility/{check_id}/resolve``.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Literal
from uuid import UUID

from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from chairside_shared.inputs import Day, decimal_pattern, decimal_text

from ...domain.eligibility_check import EligibilityCheck, OrderHold
from ...service import eligibility as service
from .deps import ActorDep, NowDep, UowsDep

router = APIRouter(tags=["eligibility"])

Money = Annotated[Decimal, Field(
    ge=0, le=10_000_000, decimal_places=2, multiple_of=Decimal("0.01"),
    json_schema_extra=decimal_text(decimal_pattern("[1-9][0-9]{0,6}", 2, zero=True)))]


class EligibilityRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    payer_id: str | None = Field(None, min_length=1, max_length=64,
                                 pattern=r"^[a-z0-9][a-z0-9._-]*$",
                                 description="the payer to ask; default: the order's payer")
    order_id: UUID | None = Field(None, description="the visit this check is for")
    service_date: Day | None = Field(None, description="date of service (DTP*291); default "
                                                       "today in the clinic's time zone")
    expected_allowed_amount: Money | None = Field(
        None, description="the visit's expected allowed amount, for the estimate")


class ResolveRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(min_length=1, max_length=1000,
                        description="why the order may proceed (e.g. coverage confirmed by "
                                    "phone, self-pay agreed)")


class RejectionOut(BaseModel):
    loop: str
    code: str
    follow_up: str | None
    text: str


class BenefitsOut(BaseModel):
    plan: str | None
    deductible: Decimal | None
    deductible_remaining: Decimal | None
    coinsurance: Decimal | None = Field(description="a fraction: 0.20 is 20 %")
    copay: Decimal | None
    out_of_pocket: Decimal | None
    out_of_pocket_remaining: Decimal | None


class EstimateOut(BaseModel):
    basis: Literal["allowed_amount", "benefit_figures"]
    allowed: Decimal | None
    deductible_part: Decimal | None
    coinsurance_part: Decimal | None
    copay_part: Decimal | None
    amount: Decimal | None = Field(description="the patient's estimated responsibility; null "
                                               "without an expected allowed amount")


class ResolutionOut(BaseModel):
    at: datetime
    by: str
    reason: str


class EligibilityCheckOut(BaseModel):
    id: UUID
    patient_id: UUID
    order_id: UUID | None
    payer_id: str
    trigger: Literal["order_signed", "on_demand"]
    service_date: date
    status: Literal["pending", "active", "inactive", "rejected", "error", "cancelled"]
    needs_staff: bool
    attempts: int
    next_attempt_at: datetime | None
    requested_at: datetime
    requested_by: str
    answered_at: datetime | None
    coverage_id: UUID | None
    reason_code: str | None
    reason: str | None
    rejections: list[RejectionOut]
    benefits: BenefitsOut | None
    estimate: EstimateOut | None
    resolution: ResolutionOut | None


class EligibilityPage(BaseModel):
    items: list[EligibilityCheckOut]
    next_cursor: str | None


class FlagOut(BaseModel):
    order_id: UUID
    patient_id: UUID
    payer_id: str
    check_id: UUID
    reason_code: str | None
    flagged_at: datetime


class FlagPage(BaseModel):
    items: list[FlagOut]


def out(c: EligibilityCheck) -> EligibilityCheckOut:
    return EligibilityCheckOut(
        id=c.id, patient_id=c.patient_id, order_id=c.order_id, payer_id=c.payer_id,
        trigger=c.trigger, service_date=c.service_date, status=c.status,
        needs_staff=c.needs_staff, attempts=c.attempts, next_attempt_at=c.next_attempt_at,
        requested_at=c.requested_at, requested_by=c.requested_by, answered_at=c.answered_at,
        coverage_id=c.coverage_id, reason_code=c.reason_code, reason=c.reason,
        rejections=[RejectionOut(loop=r.loop, code=r.code, follow_up=r.follow_up, text=r.text)
                    for r in c.rejections],
        benefits=BenefitsOut(**vars(c.figures)) if c.figures else None,
        estimate=EstimateOut(**vars(c.estimate)) if c.estimate else None,
        resolution=(ResolutionOut(at=c.resolved_at, by=c.resolved_by or "",
                                  reason=c.resolution or "") if c.resolved_at else None))


def _flag(h: OrderHold) -> FlagOut:
    return FlagOut(order_id=h.order_id, patient_id=h.patient_id, payer_id=h.payer_id,
                   check_id=h.check_id, reason_code=h.reason_code, flagged_at=h.updated_at)


@router.post("/v1/patients/{patient_id}/eligibility", response_model=EligibilityCheckOut,
             status_code=201, summary="Check the patient's eligibility now (X12 270/271)",
             responses={202: {"model": EligibilityCheckOut,
                              "description": "still pending: the worker asks again later"}})
async def check_now(patient_id: UUID, request: Request, response: Response, uows: UowsDep,
                    now: NowDep, actor: ActorDep,
                    body: EligibilityRequest | None = None) -> EligibilityCheckOut:
    body = body or EligibilityRequest()
    check_id = await service.request_check(
        uows=uows, patient_id=patient_id, payer_id=body.payer_id, order_id=body.order_id,
        service_date=body.service_date, expected_allowed=body.expected_allowed_amount,
        actor=actor, now=now)
    await service.run_check(uows=uows, parties=request.app.state.runtime.parties,
                            check_id=check_id, now=now)
    check = await service.get_check(uows=uows, check_id=check_id)
    if check.status == "pending":
        response.status_code = 202
    return out(check)


@router.get("/v1/patients/{patient_id}/eligibility", response_model=EligibilityPage,
            summary="The patient's eligibility answers, newest first")
async def list_checks(patient_id: UUID, uows: UowsDep,
                      limit: int = Query(50, ge=1, le=200),
                      cursor: str | None = Query(None, pattern=r"^[0-9]{1,9}$",
                                                 max_length=9)) -> EligibilityPage:
    offset = int(cursor or 0)
    items = await service.history(uows=uows, patient_id=patient_id, limit=limit + 1,
                                  offset=offset)
    more = len(items) > limit
    return EligibilityPage(items=[out(c) for c in items[:limit]],
                           next_cursor=str(offset + limit) if more else None)


@router.get("/v1/eligibility/flags", response_model=FlagPage,
            summary="Orders held by an eligibility flag, oldest first")
async def flags(uows: UowsDep, limit: int = Query(100, ge=1, le=500)) -> FlagPage:
    return FlagPage(items=[_flag(h) for h in await service.flagged(uows=uows, limit=limit)])


@router.get("/v1/eligibility/{check_id}", response_model=EligibilityCheckOut,
            summary="One eligibility check")
async def get_check(check_id: UUID, uows: UowsDep) -> EligibilityCheckOut:
    return out(await service.get_check(uows=uows, check_id=check_id))


@router.post("/v1/eligibility/{check_id}/resolve", response_model=EligibilityCheckOut,
             summary="Resolve a flagged check: the order's booking proceeds")
async def resolve(check_id: UUID, body: ResolveRequest, uows: UowsDep, now: NowDep,
                  actor: ActorDep) -> EligibilityCheckOut:
    return out(await service.resolve(uows=uows, check_id=check_id, actor=actor,
                                     reason=body.reason, now=now))
