"""/v1/claims/denials/by-carc, /v1/claims/{id}/appeals and /v1/claim-appeals: the denials
worklist grouped by CARC, claim appeals (levels and deadlines per payer type) and the documents
attached to them."""

from __future__ import annotations

from decimal import Decimal
from typing import Any
from uuid import UUID

from fastapi import APIRouter
from fastapi.responses import Response

from chairside_shared.attachments import (
    DOWNLOAD_RESPONSES,
    UPLOAD_RESPONSES,
    DocumentIn,
    DocumentOut,
    document_reference,
)
from reimbursement.adapters.appeal_data import appeal_rules, denial_actions
from reimbursement.entrypoints.api import appeal_schemas as a
from reimbursement.entrypoints.api.deps import Now, UoW
from reimbursement.entrypoints.api.views import work_item_doc
from reimbursement.service import appeals as appeal_service
from reimbursement.service import denials as denial_service

router = APIRouter(tags=["appeals"])
CONFLICT = {"description": "Not appealable (CARC 29, RARC MA130; `suggested_action` says what "
                           "to do), past the deadline, below the amount in controversy, or "
                           "the appeal's status does not allow it"}


def appeal_doc(view: denial_service.AppealView) -> dict[str, Any]:
    ap = view.appeal
    payer = appeal_rules().payers.get(ap.payer_type)
    level = payer.level(ap.level) if payer else None
    return {
        "id": ap.id, "claim_id": ap.claim_id, "order_id": ap.order_id,
        "practice_id": ap.practice_id, "payer_id": ap.payer_id, "payer_type": ap.payer_type,
        "kind": ap.kind, "level": ap.level, "level_name": level.name if level else ap.level,
        "level_number": ap.level_number, "status": ap.status, "clock_from": ap.clock_from,
        "deadline": ap.deadline, "amount_in_controversy": ap.amount_in_controversy,
        "carcs": list(ap.carcs), "remark_codes": list(ap.rarcs), "reason": ap.reason,
        "previous_appeal_id": ap.previous_appeal_id, "payer_reference": ap.payer_reference,
        "filed_on": ap.filed_on, "outcome": ap.outcome, "decided_on": ap.decided_on,
        "amount_awarded": ap.amount_awarded, "decision_note": ap.decision_note,
        "next_level": ap.next_level, "next_deadline": ap.next_deadline,
        "next_auto_forwarded": ap.next_auto_forwarded, "claim_reopen": ap.claim_reopen,
        "documents": [document_reference(d, url=_url(ap.id, d.id)) for d in view.documents],
        "sources": [level.source] if level else [], "created_at": ap.created_at,
        "updated_at": ap.updated_at,
    }


def _url(appeal_id: UUID, document_id: UUID) -> str:
    return f"/v1/claim-appeals/{appeal_id}/documents/{document_id}/content"


async def _appeal(uow: UoW, appeal_id: UUID) -> dict[str, Any]:
    return appeal_doc(await denial_service.appeal_view(uow=uow, appeal_id=appeal_id))


@router.get("/v1/claims/denials/by-carc", response_model=a.DenialsByCarcOut,
            summary="Denials worklist grouped by primary CARC: suggested action, claims, "
                    "amount and each claim's date to act by")
async def denials_by_carc(uow: UoW, now: Now) -> dict[str, Any]:
    items = await denial_service.worklist(uow=uow, now=now)
    groups = denial_service.by_carc(items)
    table = denial_actions()
    return {
        "groups": [{"carc": g.carc, "meaning": g.action.meaning, "action": g.action.action,
                    "action_label": g.action.action_label, "claims": len(g.items),
                    "amount": g.amount, "earliest_act_by": g.earliest_act_by,
                    "items": [work_item_doc(i) for i in g.items]} for g in groups],
        "claims": len(items), "amount": sum((g.amount for g in groups), Decimal(0)),
        "source": table.source, "version": table.version}


@router.post("/v1/claims/{claim_id}/appeals", response_model=a.AppealOut, status_code=201,
             summary="Open an appeal (or reopening) of a denied claim: its level and deadline "
                     "follow the payer type", responses={409: CONFLICT})
async def open_appeal(claim_id: UUID, body: a.AppealIn, uow: UoW, now: Now) -> dict[str, Any]:
    appeal_id = await appeal_service.open_appeal(uow=uow, now=now, command=(
        appeal_service.OpenAppeal(
            claim_id=claim_id, reason=body.reason, payer_type=body.payer_type,
            clerical=body.clerical, remark_codes=tuple(body.remark_codes),
            amount_in_controversy=body.amount_in_controversy)))
    return await _appeal(uow, appeal_id)


@router.get("/v1/claims/{claim_id}/appeals", response_model=list[a.AppealOut],
            summary="The claim's appeals, first level first")
async def claim_appeals(claim_id: UUID, uow: UoW) -> list[dict[str, Any]]:
    return [appeal_doc(v) for v in await denial_service.claim_appeals(uow=uow,
                                                                        claim_id=claim_id)]


@router.get("/v1/claim-appeals/{appeal_id}", response_model=a.AppealOut,
            summary="Get a claim appeal")
async def get_appeal(appeal_id: UUID, uow: UoW) -> dict[str, Any]:
    return await _appeal(uow, appeal_id)


@router.post("/v1/claim-appeals/{appeal_id}/file", response_model=a.AppealOut,
             summary="Record that the appeal was filed with the payer (draft -> filed), no "
                     "later than its deadline", responses={409: CONFLICT})
async def file_appeal(appeal_id: UUID, body: a.FileIn, uow: UoW, now: Now) -> dict[str, Any]:
    await appeal_service.file_appeal(uow=uow, appeal_id=appeal_id, filed_on=body.filed_on,
                                     payer_reference=body.payer_reference, now=now)
    return await _appeal(uow, appeal_id)


@router.post("/v1/claim-appeals/{appeal_id}/decision", response_model=a.AppealOut,
             summary="Record the payer's decision (filed -> decided); a win reopens the claim "
                     "for payment, a loss offers the next level with its deadline",
             responses={409: CONFLICT})
async def decide_appeal(appeal_id: UUID, body: a.DecisionIn, uow: UoW,
                        now: Now) -> dict[str, Any]:
    await appeal_service.decide_appeal(uow=uow, appeal_id=appeal_id, outcome=body.outcome,
                                       decided_on=body.decided_on,
                                       amount_awarded=body.amount_awarded, note=body.note,
                                       now=now)
    return await _appeal(uow, appeal_id)


@router.post("/v1/claim-appeals/{appeal_id}/escalate", response_model=a.AppealOut,
             status_code=201, summary="Open the next level after a loss, within its deadline",
             responses={409: CONFLICT})
async def escalate(appeal_id: UUID, body: a.EscalateIn, uow: UoW, now: Now) -> dict[str, Any]:
    new_id = await appeal_service.escalate_appeal(
        uow=uow, appeal_id=appeal_id, reason=body.reason,
        amount_in_controversy=body.amount_in_controversy, now=now)
    return await _appeal(uow, new_id)


@router.post("/v1/claim-appeals/{appeal_id}/documents", response_model=DocumentOut,
             status_code=201,
             summary="Attach a document (JSON, the file base64 in `data`, up to 10 MB)",
             responses=UPLOAD_RESPONSES)
async def add_document(appeal_id: UUID, body: DocumentIn, uow: UoW,
                       now: Now) -> dict[str, Any]:
    stored = await appeal_service.add_document(uow=uow, appeal_id=appeal_id, now=now, doc=(
        body.new_document()))
    return document_reference(stored, url=_url(appeal_id, stored.id))


@router.get("/v1/claim-appeals/{appeal_id}/documents/{document_id}/content",
            response_class=Response, summary="The document's bytes, with its content type",
            responses=DOWNLOAD_RESPONSES)
async def document_content(appeal_id: UUID, document_id: UUID, uow: UoW) -> Response:
    doc, content = await denial_service.document(uow=uow, appeal_id=appeal_id,
                                                 document_id=document_id)
    return Response(content, media_type=doc.content_type, headers={
        "content-disposition": f'attachment; filename="{doc.id}"',
        "x-content-sha256": doc.sha256})
