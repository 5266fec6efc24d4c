"""API shapes of the prior-authorization routes (shared/api.md, "Prior authorization").

Field names kept from the contract: status, due_at, payer, lines[hcpcs, requested_units,
approved_units], auth_number, valid_from, valid_to, questions, history. Everything else is
added. Payer and policy bodies reuse the domain's validated models (one set of rules).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from ...domain.case import PACase
from ...domain.metrics import PaMetrics
from ...domain.policy import CoveragePolicy, Payer
from ...domain.questions import AnswerValue, effective_answers, missing_answers


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AuthorizationAnswers(_In):
    answers: dict[str, Any] = Field(
        description="Answers by question link_id (e.g. J3032.baseline-migraine-days); "
                    "null clears an answer")


class WithdrawIn(_In):
    reason: str = Field("withdrawn by the practice", min_length=1, max_length=500)


class PayerRefOut(BaseModel):
    payer_id: str
    plan_id: str | None
    member_id: str | None = Field(
        None, description="always null: the member id is not kept here (read the coverage "
                          "through orders' payer identity)")


class LineOut(BaseModel):
    hcpcs: str
    requested_units: int | None
    approved_units: int | None
    used_units: int
    remaining_units: int | None


class QuestionOut(BaseModel):
    link_id: str
    hcpcs: str
    text: str
    type: str
    required: bool
    repeats: bool
    options: list[str]
    min_value: int | None
    max_value: int | None
    prefill: AnswerValue | None
    answer: AnswerValue | None


class CriterionOut(BaseModel):
    hcpcs: str
    key: str
    status: Literal["met", "not_met", "unknown"]
    detail: str


class HistoryOut(BaseModel):
    at: datetime
    actor: str
    action: str
    from_status: str | None
    to_status: str | None
    detail: dict[str, Any]
    payer_response: str | None


class Period(BaseModel):
    from_: date | None = Field(None, serialization_alias="from")
    to: date | None = None


class AuthorizationSummary(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    id: UUID
    order_id: UUID
    order_ids: list[UUID]
    practice_id: str
    patient_id: UUID
    status: str
    kind: str
    expedited: bool
    payer: PayerRefOut
    lines: list[LineOut]
    auth_number: str | None
    valid_from: date | None
    valid_to: date | None
    due_at: datetime | None
    overdue: bool
    submitted_at: datetime | None
    decided_at: datetime | None
    denial_reason: str | None
    denial_code: str | None
    last_error: str | None
    worklist: list[str] = []
    created_at: datetime
    updated_at: datetime
    version: int


class Authorization(AuthorizationSummary):
    requested_period: Period
    policy_version: int | None
    blockers: list[str]
    missing: list[str]
    questions: list[QuestionOut]
    criteria: list[CriterionOut]
    history: list[HistoryOut]


class AuthorizationPage(BaseModel):
    items: list[AuthorizationSummary]
    next_cursor: str | None


def summary(case: PACase, now: datetime,
            worklist: list[str] | None = None) -> AuthorizationSummary:
    return AuthorizationSummary(
        id=case.id, order_id=case.order_id, order_ids=case.order_ids,
        practice_id=case.practice_id, patient_id=case.patient_id, status=case.status,
        kind=case.kind, expedited=case.expedited,
        payer=PayerRefOut(payer_id=case.payer_id, plan_id=case.plan_id,
                          member_id=case.member_id),
        lines=[LineOut(hcpcs=ln.hcpcs, requested_units=ln.requested_units,
                       approved_units=ln.approved_units, used_units=ln.used_units,
                       remaining_units=ln.remaining) for ln in case.lines],
        auth_number=case.auth_number, valid_from=case.valid_from,
        valid_to=case.valid_to, due_at=case.due_at, overdue=case.is_overdue(now),
        submitted_at=case.submitted_at, decided_at=case.decided_at,
        denial_reason=case.denial_reason, denial_code=case.denial_code,
        last_error=case.last_error, worklist=worklist or [],
        created_at=case.created_at, updated_at=case.updated_at, version=case.version,
    )


def detail(case: PACase, now: datetime, worklist: list[str] | None = None) -> Authorization:
    answers = effective_answers(case.questions, case.answers)
    return Authorization(
        **summary(case, now, worklist).model_dump(),
        requested_period=Period(from_=case.requested_from, to=case.requested_to),
        policy_version=case.policy_version, blockers=case.blockers,
        missing=missing_answers(case.questions, case.answers),
        questions=[QuestionOut(**q.model_dump(exclude={"key"}) | {
            "options": list(q.options), "answer": answers.get(q.link_id)})
            for q in case.questions],
        criteria=[CriterionOut(**r.model_dump()) for r in case.criteria()],
        history=[HistoryOut(**h.model_dump()) for h in case.history],
    )


# --------------------------------------------------------------------------- payers
class PayerOut(BaseModel):
    payer: Payer
    policy_version: int


class PayerPage(BaseModel):
    items: list[PayerOut]
    next_cursor: str | None = None


class PolicyList(_In):
    policies: list[CoveragePolicy]


class PolicyVersion(BaseModel):
    version: int
    created_at: datetime | None
    created_by: str


class PolicyListOut(BaseModel):
    payer_id: str
    version: int
    policies: list[CoveragePolicy]
    versions: list[PolicyVersion]


class MetricsOut(PaMetrics):
    since: datetime | None = None
    until: datetime | None = None
