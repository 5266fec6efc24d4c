"""/v1/authorizations/{id}/appeals: appeals of a denied prior authorization (a peer-to-peer
with the payer's reviewer, then the payer type's appeal levels), their scheduling, decisions
and documents. A won appeal answers with the case approved (the same authorization.approved
leaves as for any approval).

Documents are uploaded as JSON with the file base64 in ``data`` (10 MB decoded at most, 413
beyond) and downloaded as the bytes with their content type."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal
from uuid import UUID

from fastapi import APIRouter
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from chairside_shared.attachments import (
    DOWNLOAD_RESPONSES,
    UPLOAD_RESPONSES,
    DocumentIn,
    DocumentOut,
    StoredDocument,
    document_reference,
)
from chairside_shared.inputs import Day, Instant

from ...domain.appeals import Option, PaAppeal
from ...domain.offline_decision import DecidedLine, OfflineDecision
from ...service import appeal_queries, queries
from ...service import pa_appeals as appeal_service
from .decisions import DecisionLineIn
from .deps import ActorDep, NowDep, UowsDep
from .schemas import Authorization, detail

router = APIRouter(prefix="/v1/authorizations", tags=["prior authorization appeals"])
CONFLICT = {"description": "The case is not denied, another appeal is in progress, the level "
                           "is not offered now (`options` lists what is), or its deadline "
                           "passed"}


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class PaAppealIn(_In):
    level: str = Field(min_length=1, max_length=32, pattern=r"^[a-z_]+$",
                       description="peer_to_peer, or an appeal level offered in `options`")
    reason: str = Field(min_length=1, max_length=2000)
    payer_type: Literal["medicare_advantage", "commercial", "qhp_exchange", "medicaid"] | None = (
        Field(None, description="Default: the case's payer type"))
    payer_reference: str | None = Field(None, min_length=1, max_length=50,
                                        pattern=r"^[\x21-\x7e ]+$")


class ScheduleIn(_In):
    reviewer: str = Field(min_length=1, max_length=200,
                          description="The payer's reviewer (a payer clinician)")
    scheduled_at: Instant


class AppealDecisionIn(_In):
    outcome: Literal["won", "partially_won", "lost"]
    decided_on: Day
    note: str | None = Field(None, min_length=1, max_length=2000)
    auth_number: str | None = Field(
        None, min_length=1, max_length=50, pattern=r"^[A-Za-z0-9][A-Za-z0-9./-]*$",
        description="Required with a win (goes on the claim as REF*G1)")
    valid_from: Day | None = Field(None, description="Required with a win")
    valid_to: Day | None = Field(None, description="Required with a win")
    lines: list[DecisionLineIn] = Field(default_factory=list, max_length=50,
                                        description="Approved units by HCPCS (a win)")

    def to_domain(self, appeal_id: UUID) -> appeal_service.AppealDecision:
        approval = None
        if self.auth_number or self.valid_from or self.valid_to or self.lines:
            approval = OfflineDecision(
                channel="portal", reference=str(appeal_id), outcome="approved",
                auth_number=self.auth_number, valid_from=self.valid_from,
                valid_to=self.valid_to,
                lines=tuple(DecidedLine(ln.hcpcs, ln.approved_units) for ln in self.lines))
        return appeal_service.AppealDecision(self.outcome, self.decided_on, self.note,
                                             approval)


class OptionOut(BaseModel):
    level: str
    name: str
    deadline: date
    verified: bool = Field(description="False: the window is payer-specific and unverified")
    source: str


class PaAppealOut(BaseModel):
    id: UUID
    case_id: UUID
    order_id: UUID
    payer_id: str
    payer_type: str
    level: str
    status: Literal["requested", "scheduled", "decided"]
    denied_on: date
    deadline: date
    reason: str
    requested_on: date
    payer_reference: str | None
    reviewer: str | None
    scheduled_at: datetime | None
    outcome: Literal["won", "partially_won", "lost"] | None
    decided_on: date | None
    decision_note: str | None
    next_level: str | None
    next_deadline: date | None
    documents: list[DocumentOut]
    created_at: datetime
    updated_at: datetime


class PaAppealList(BaseModel):
    case_status: str
    items: list[PaAppealOut]
    options: list[OptionOut] = Field(description="What may be requested now, with deadlines")


def _url(case_id: UUID, appeal_id: UUID, document_id: UUID) -> str:
    return f"/v1/authorizations/{case_id}/appeals/{appeal_id}/documents/{document_id}/content"


def _doc(a: PaAppeal, docs: tuple[StoredDocument, ...]) -> PaAppealOut:
    return PaAppealOut(
        id=a.id, case_id=a.case_id, order_id=a.order_id, payer_id=a.payer_id,
        payer_type=a.payer_type, level=a.level, status=a.status, denied_on=a.denied_on,
        deadline=a.deadline, reason=a.reason, requested_on=a.requested_on,
        payer_reference=a.payer_reference, reviewer=a.reviewer, scheduled_at=a.scheduled_at,
        outcome=a.outcome, decided_on=a.decided_on, decision_note=a.decision_note,
        next_level=a.next_level, next_deadline=a.next_deadline,
        documents=[DocumentOut.model_validate(document_reference(
            d, url=_url(a.case_id, a.id, d.id))) for d in docs],
        created_at=a.created_at, updated_at=a.updated_at)


def _option(o: Option) -> OptionOut:
    return OptionOut(level=o.level.code, name=o.level.name, deadline=o.deadline,
                     verified=o.level.verified, source=o.level.source)


async def _one(uows: UowsDep, case_id: UUID, appeal_id: UUID) -> PaAppealOut:
    found = await appeal_queries.case_appeals(uows=uows, case_id=case_id)
    return next(_doc(a, d) for a, d in found.appeals if a.id == appeal_id)


@router.get("/{authorization_id}/appeals", response_model=PaAppealList,
            summary="The case's appeals and what may be requested next, with deadlines")
async def list_appeals(authorization_id: UUID, uows: UowsDep) -> PaAppealList:
    found = await appeal_queries.case_appeals(uows=uows, case_id=authorization_id)
    return PaAppealList(case_status=found.case_status,
                        items=[_doc(a, d) for a, d in found.appeals],
                        options=[_option(o) for o in found.options])


@router.post("/{authorization_id}/appeals", response_model=PaAppealOut, status_code=201,
             summary="Request a peer-to-peer or an appeal of the denied case",
             responses={409: CONFLICT})
async def request_appeal(authorization_id: UUID, body: PaAppealIn, uows: UowsDep,
                         now: NowDep) -> PaAppealOut:
    appeal_id = await appeal_service.request_appeal(
        uows=uows, case_id=authorization_id, now=now, request=appeal_service.AppealRequest(
            level=body.level, reason=body.reason, payer_type=body.payer_type,
            payer_reference=body.payer_reference))
    return await _one(uows, authorization_id, appeal_id)


@router.post("/{authorization_id}/appeals/{appeal_id}/schedule", response_model=PaAppealOut,
             summary="Schedule the peer-to-peer: the payer's reviewer and the time",
             responses={409: {"description": "Not a peer-to-peer, or already decided"}})
async def schedule(authorization_id: UUID, appeal_id: UUID, body: ScheduleIn, uows: UowsDep,
                   now: NowDep) -> PaAppealOut:
    await appeal_service.schedule_peer_to_peer(
        uows=uows, case_id=authorization_id, appeal_id=appeal_id, reviewer=body.reviewer,
        at=body.scheduled_at, now=now)
    return await _one(uows, authorization_id, appeal_id)


@router.post("/{authorization_id}/appeals/{appeal_id}/decision", response_model=Authorization,
             summary="Record the payer's decision on the appeal; a win approves the case "
                     "(auth number, dates and units required)",
             responses={409: {"description": "The appeal was already decided, or the case "
                                             "is no longer denied"}})
async def decide(authorization_id: UUID, appeal_id: UUID, body: AppealDecisionIn,
                 uows: UowsDep, now: NowDep, actor: ActorDep) -> Authorization:
    await appeal_service.decide_appeal(uows=uows, case_id=authorization_id,
                                       appeal_id=appeal_id, decision=body.to_domain(appeal_id),
                                       actor=actor, now=now)
    entry = await queries.case_entry(uows=uows, case_id=authorization_id, now=now)
    return detail(entry.case, now, list(entry.worklist))


@router.post("/{authorization_id}/appeals/{appeal_id}/documents", response_model=DocumentOut,
             status_code=201, responses=UPLOAD_RESPONSES,
             summary="Attach a document to the appeal (JSON, the file base64 in `data`)")
async def add_document(authorization_id: UUID, appeal_id: UUID, body: DocumentIn,
                       uows: UowsDep, now: NowDep) -> DocumentOut:
    stored = await appeal_service.add_document(
        uows=uows, case_id=authorization_id, appeal_id=appeal_id, now=now,
        doc=body.new_document())
    return DocumentOut.model_validate(document_reference(
        stored, url=_url(authorization_id, appeal_id, stored.id)))


@router.get("/{authorization_id}/appeals/{appeal_id}/documents/{document_id}/content",
            response_class=Response, responses=DOWNLOAD_RESPONSES,
            summary="The document's bytes, with its content type")
async def document_content(authorization_id: UUID, appeal_id: UUID, document_id: UUID,
                           uows: UowsDep) -> Response:
    doc, content = await appeal_queries.document(uows=uows, case_id=authorization_id,
                                                 appeal_id=appeal_id, document_id=document_id)
    return Response(content, media_type=doc.content_type, headers={
        "content-disposition": f'attachment; filename="{doc.id}"',
        "x-content-sha256": doc.sha256})
