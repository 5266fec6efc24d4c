"""Claim state routes: replace / void a processed claim, appeal / write off / close, the timely
filing worklist and per payer claim rules. (Submit stays in claims.py.)"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Query

from reimbursement.adapters.claim_rules_repo import StoredRules
from reimbursement.adapters.clearinghouse import Clearinghouse
from reimbursement.adapters.clients import PayerIdentitySource
from reimbursement.domain.submissions import Frequency, accepts_replacement
from reimbursement.entrypoints.api import schemas as s
from reimbursement.entrypoints.api import state_schemas as ss
from reimbursement.entrypoints.api.deps import Actor, ClearinghouseDep, Identities, Now, UoW
from reimbursement.entrypoints.api.views import claim_view_doc
from reimbursement.service import claim_states, exchange, queries

router = APIRouter(tags=["billing"])
CONFLICT: dict[int | str, dict[str, Any]] = {409: {"description": (
    "The claim's status does not allow it (problem `conflict`), no payer claim control "
    "number is on file (`missing-icn`, field payer_claim_number), the payer takes no 7/8 "
    "claims (`replacement-not-accepted`) or the timely filing limit passed "
    "(`timely-filing-expired`, naming the deadline)")}}


@router.get("/v1/claims/timely-filing", response_model=list[ss.TimelyFilingOut],
            summary="Timely filing worklist: claims not yet filed whose deadline is within "
                    "`within_days` (or passed), nearest first")
async def timely_filing(uow: UoW, now: Now,
                        within_days: int = Query(30, ge=0, le=730)) -> list[dict[str, Any]]:
    due = await claim_states.timely_filing(uow=uow, within_days=within_days, now=now)
    return [{"claim_id": d.claim.id, "account_number": d.claim.account_number,
             "payer_id": d.claim.coding.payer_id, "status": d.claim.status,
             "service_date": d.claim.coding.service_date, "deadline": d.deadline,
             "days_left": d.days_left} for d in due]


@router.post("/v1/claims/{claim_id}/replace", response_model=s.ClaimOut, responses=CONFLICT,
             summary="Replace a processed claim: a new version, frequency 7, all lines, "
                     "REF*F8 = the payer's claim control number (paid/denied -> corrected)")
async def replace_claim(claim_id: UUID, body: ss.ClaimActionIn, uow: UoW, now: Now,
                        actor: Actor, identities: Identities,
                        clearinghouse: ClearinghouseDep) -> dict[str, Any]:
    return await _new_version(claim_id, "7", body.reason, uow, now, actor, identities,
                              clearinghouse)


@router.post("/v1/claims/{claim_id}/void", response_model=s.ClaimOut, responses=CONFLICT,
             summary="Void a processed claim: a new version, frequency 8, REF*F8 = the "
                     "payer's claim control number (-> voided)")
async def void_claim(claim_id: UUID, body: ss.ClaimActionIn, uow: UoW, now: Now,
                     actor: Actor, identities: Identities,
                     clearinghouse: ClearinghouseDep) -> dict[str, Any]:
    return await _new_version(claim_id, "8", body.reason, uow, now, actor, identities,
                              clearinghouse)


async def _new_version(claim_id: UUID, frequency: Frequency, reason: str, uow: UoW, now: Now,
                       actor: str, identities: PayerIdentitySource,
                       clearinghouse: Clearinghouse | None) -> dict[str, Any]:
    await claim_states.replace_or_void(uow=uow, claim_id=claim_id, frequency=frequency,
                                       reason=reason, actor=actor, now=now)
    if clearinghouse is not None:
        await exchange.transmit(uow=uow, claim_ids=[claim_id], source=identities,
                                clearinghouse=clearinghouse, now=now)
    return claim_view_doc(await queries.claim_view(uow=uow, claim_id=claim_id))


@router.post("/v1/claims/{claim_id}/status", response_model=s.ClaimOut, responses=CONFLICT,
             summary="Appeal, write off or close a claim (recorded in its history)")
async def change_status(claim_id: UUID, body: ss.ClaimStatusIn, uow: UoW, now: Now,
                        actor: Actor) -> dict[str, Any]:
    await claim_states.change_status(uow=uow, claim_id=claim_id, action=body.action,
                                     reason=body.reason, actor=actor, now=now)
    return claim_view_doc(await queries.claim_view(uow=uow, claim_id=claim_id))


@router.get("/v1/payer-claim-rules/{payer_id}", response_model=ss.PayerClaimRulesOut,
            summary="A payer's claim rules: timely filing days, replacement claims accepted")
async def get_rules(payer_id: str, uow: UoW) -> dict[str, Any]:
    return _rules_doc(await claim_states.rules_of(uow=uow, payer_id=payer_id))


@router.put("/v1/payer-claim-rules/{payer_id}", response_model=ss.PayerClaimRulesOut,
            summary="Record a payer's claim rules (from its contract / companion guide)")
async def put_rules(payer_id: str, body: ss.PayerClaimRulesIn, uow: UoW,
                    now: Now) -> dict[str, Any]:
    return _rules_doc(await claim_states.save_rules(
        uow=uow, payer_id=payer_id, days=body.timely_filing_days,
        accepts=body.accepts_replacement_claims, now=now))


def _rules_doc(stored: StoredRules) -> dict[str, Any]:
    rule = stored.rule
    return {"payer_id": stored.payer_id, "payer_kind": rule.payer_kind,
            "timely_filing_days": rule.days,
            "accepts_replacement_claims": accepts_replacement(rule),
            "updated_at": stored.updated_at}
