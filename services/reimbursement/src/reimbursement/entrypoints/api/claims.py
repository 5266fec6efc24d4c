"""/v1/claims and /v1/remittances: claims, 837P and FHIR views, submit, denials, 835 posting."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import PlainTextResponse, Response
from pydantic import AfterValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from chairside_shared.errors import InvalidInput
from chairside_shared.inputs import Instant
from reimbursement.domain.transitions import STATUSES as TRANSITION_STATUSES
from reimbursement.entrypoints.api import practice_schemas as ps
from reimbursement.entrypoints.api import schemas as s
from reimbursement.entrypoints.api.deps import Actor, ClearinghouseDep, Identities, Now, UoW
from reimbursement.entrypoints.api.views import (
    claim_doc,
    claim_view_doc,
    quarantine_doc,
    remittance_doc,
    work_item_doc,
)
from reimbursement.service import billing, cob, exchange, exports, identity, queries, remittances
from reimbursement.service import denials as denial_service

router = APIRouter(tags=["billing"])
STATUSES = set(TRANSITION_STATUSES)
HELD = {"description": "The claim is held (problem type claim-held): `missing` names each item "
                       "the 837P needs and the claim lacks; nothing is sent with a stand-in"}
_STATUS = "(" + "|".join(sorted(STATUSES)) + ")"
STATUS_LIST = f"^{_STATUS}(,{_STATUS})*$"
MAX_BODY = 20 * 1024 * 1024


def _known_statuses(value: str) -> str:
    # A message that names the unknown status, where the pattern's own would recite a regex.
    if unknown := [x for x in value.split(",") if x not in STATUSES]:
        raise PydanticCustomError("unknown_status", "unknown status '{status}'",
                                  {"status": unknown[0]})
    return value


StatusList = Annotated[str, AfterValidator(_known_statuses),
                       WithJsonSchema({"type": "string", "pattern": STATUS_LIST})]


def text_request_body(what: str, media_type: str = "text/plain") -> dict[str, Any]:
    """The OpenAPI request body of a route that reads its text itself (`_text_body`)."""
    return {"required": True, "description": f"{what}: UTF-8 text, not blank, up to 20 MB",
            "content": {media_type: {"schema": {"type": "string", "pattern": r"\S"}}}}


@router.get("/v1/claims", response_model=s.Page[s.ClaimOut], summary="List claims")
async def list_claims(uow: UoW, order_id: UUID | None = None,
                      status: Annotated[StatusList | None, Query(
                          description="one status or several, comma-separated")] = None,
                      practice_id: str | None = None, limit: int = Query(50, ge=1, le=200),
                      cursor: str | None = None) -> dict[str, Any]:
    wanted = [x for x in (status or "").split(",") if x]
    claims, nxt = await queries.list_claims(uow=uow, order_id=order_id, statuses=wanted,
                                            practice_id=practice_id, limit=limit,
                                            cursor=cursor)
    links = await queries.cob_links(uow=uow, claim_ids=[claim.id for claim in claims])
    return {"items": [claim_doc(claim, cob=links.get(claim.id)) for claim in claims],
            "next_cursor": nxt}


@router.get("/v1/claims/denials", response_model=list[s.DenialOut],
            summary="Denials worklist: denied and partially paid claims, oldest first, each "
                    "with its CARCs, suggested action and date to act by")
async def denials(uow: UoW, now: Now) -> list[dict[str, Any]]:
    return [work_item_doc(d) for d in await denial_service.worklist(uow=uow, now=now)]


@router.get("/v1/claims/x12", response_class=PlainTextResponse,
            summary="Batch 837P of the claims submitted in a window",
            responses={409: {"description": "A claim in the window needs review or is held "
                                            "(`claims` names each one's missing items), or its "
                                            "payer has no contract on file"},
                       503: {"description": "Orders could not say who the claims name"}})
async def batch_x12(uow: UoW, now: Now, identities: Identities,
                    submitted_from: Instant | None = None,
                    submitted_to: Instant | None = None) -> PlainTextResponse:
    text = await exports.claim_x12(uow=uow, claim_ids=None, source=identities, now=now,
                                   submitted_from=submitted_from, submitted_to=submitted_to)
    return PlainTextResponse(text, media_type="text/plain")


@router.get("/v1/claims/{claim_id}", response_model=s.ClaimOut, summary="Get a claim")
async def get_claim(claim_id: UUID, uow: UoW) -> dict[str, Any]:
    return claim_view_doc(await queries.claim_view(uow=uow, claim_id=claim_id))


@router.get("/v1/claims/{claim_id}/x12", response_class=PlainTextResponse,
            summary="The claim as X12 837P 005010X222A1",
            responses={409: {"description": "The claim needs review or is held (`missing` names "
                                            "each item), or its payer has no contract on file: "
                                            "it cannot be exported yet"},
                       503: {"description": "Orders could not say who the claim names"}})
async def claim_x12(claim_id: UUID, uow: UoW, now: Now,
                    identities: Identities) -> PlainTextResponse:
    text = await exports.claim_x12(uow=uow, claim_ids=[claim_id], source=identities, now=now)
    return PlainTextResponse(text, media_type="text/plain")


@router.get("/v1/claims/{claim_id}/fhir", summary="The claim as a FHIR R4B Claim",
            response_class=Response, responses={200: {
                "description": "A FHIR R4B Claim resource",
                "content": {"application/fhir+json": {"schema": {
                    "type": "object", "required": ["resourceType"],
                    "properties": {"resourceType": {"const": "Claim"}}}}}}})
async def claim_fhir(claim_id: UUID, uow: UoW) -> Response:
    resource = await exports.claim_fhir(uow=uow, claim_id=claim_id)
    return Response(resource.model_dump_json(exclude_none=True),
                    media_type="application/fhir+json")


@router.post("/v1/claims/{claim_id}/submit", response_model=s.ClaimOut,
             summary="Check the claim's identities against orders, then submit (ready, or "
                     "rejected and fixed -> submitted, as a new version) and send it to the "
                     "clearinghouse as an 837P (pyx12-valid, else rejected with pyx12's "
                     "reasons); a claim found held is recorded held and refused; past its "
                     "timely filing deadline refused",
             responses={409: {"description": HELD["description"] + "; or the timely filing "
                              "limit passed (problem `timely-filing-expired`, `deadline`)"},
                        503: {"description": "Orders could not answer"}})
async def submit(claim_id: UUID, uow: UoW, now: Now, identities: Identities,
                 actor: Actor, clearinghouse: ClearinghouseDep) -> dict[str, Any]:
    await identity.submit_checked(uow=uow, claim_id=claim_id, source=identities, now=now,
                                  actor=actor)
    if clearinghouse is not None:  # sent now; if the clearinghouse is down, by the worker
        await exchange.transmit(uow=uow, claim_ids=[claim_id], source=identities,
                                clearinghouse=clearinghouse, now=now)
    return claim_view_doc(await queries.claim_view(uow=uow, claim_id=claim_id))


@router.post("/v1/claims/{claim_id}/check", response_model=s.ClaimOut,
             summary="Check an unsent claim's identities against orders and record the "
                     "result: held (each missing item in `holds`) or ready",
             responses={409: {"description": "The claim was already sent"},
                        503: {"description": "Orders could not answer"}})
async def check(claim_id: UUID, uow: UoW, now: Now, identities: Identities) -> dict[str, Any]:
    await identity.check_claim(uow=uow, claim_id=claim_id, source=identities, now=now)
    return claim_view_doc(await queries.claim_view(uow=uow, claim_id=claim_id))


@router.put("/v1/claims/{claim_id}/administrations/{line_sequence}/ndc",
            response_model=s.ClaimOut,
            summary="Record the NDC of a drug given without one; the claim is rebuilt (stock "
                    "drawn, the hold on the line lifted)",
            responses={404: {"description": "No such claim, or no such administration line"},
                       409: {"description": "The claim was sent, or the line has an NDC"}})
async def record_ndc(claim_id: UUID, body: ps.NdcIn, uow: UoW, now: Now,
                     line_sequence: int = Path(ge=1, le=999)) -> dict[str, Any]:
    await billing.record_ndc(uow=uow, claim_id=claim_id, line_sequence=line_sequence,
                             ndc=body.ndc, lot=body.lot, now=now)
    return claim_view_doc(await queries.claim_view(uow=uow, claim_id=claim_id))


@router.post("/v1/claims/{claim_id}/rebuild", response_model=s.ClaimOut,
             summary="Re-code the claim after the catalogue, a contract or charges changed")
async def rebuild(claim_id: UUID, uow: UoW, now: Now) -> dict[str, Any]:
    await billing.rebuild_claim(uow=uow, claim_id=claim_id, now=now)
    return claim_view_doc(await queries.claim_view(uow=uow, claim_id=claim_id))


@router.post("/v1/remittances", response_model=s.RemittanceOut, status_code=201,
             summary="Post an 835 remittance (X12 text); all or nothing. A re-sent file (same "
                     "TRN03, TRN04, TRN02 and payee) posts nothing (`duplicate`)",
             openapi_extra={"requestBody": text_request_body("An X12 835 remittance file")},
             responses={422: {"description": "Refused whole and quarantined (problem type "
                                             "remittance-rejected): `errors` name each "
                                             "segment's line and reason, `quarantine_id` the "
                                             "stored refusal. Unbalanced, malformed, not 5010, "
                                             "CAS group CR, payee not this practice, or a "
                                             "reversal of no posted payment"}})
async def post_remittance(request: Request, uow: UoW, now: Now,
                          identities: Identities) -> dict[str, Any]:
    text = await text_body(request)
    posted = await remittances.import_remittance(uow=uow, text=text, now=now)
    # Coordination of benefits once the postings are committed: a secondary claim, or a wait
    # for the crossover payer (service/cob.py); an orders outage leaves it for later.
    await cob.after_remittance(uow=uow, source=identities, now=now, claim_ids=[
        p.claim_id for p in posted.claims if p.claim_id is not None and p.applied])
    return remittance_doc(posted)


@router.get("/v1/remittances/quarantine", response_model=s.Page[s.QuarantinedRemittance],
            summary="835s refused whole (nothing posted), newest first, with their reasons")
async def quarantine(uow: UoW, limit: int = Query(50, ge=1, le=200),
                     cursor: str | None = None) -> dict[str, Any]:
    rows, nxt = await queries.quarantined_remittances(uow=uow, limit=limit, cursor=cursor)
    return {"items": [quarantine_doc(r) for r in rows], "next_cursor": nxt}


async def text_body(request: Request) -> str:
    """A file posted as the request body: UTF-8 text, not empty, at most 20 MB."""
    raw = await request.body()
    if len(raw) > MAX_BODY:
        raise InvalidInput("body", "file larger than 20 MB")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInput("body", "not UTF-8 text") from exc
    if not text.strip():
        raise InvalidInput("body", "empty file")
    return text
