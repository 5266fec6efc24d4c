"""/v1/payers: payers, plans and their versioned coverage policies."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from ...domain.policy import Payer
from ...service import payers as payer_service
from .deps import ActorDep, NowDep, UowsDep
from .schemas import PayerOut, PayerPage, PolicyList, PolicyListOut, PolicyVersion

router = APIRouter(prefix="/v1/payers", tags=["payers"])


@router.get("", response_model=PayerPage, summary="Payers and their plans")
async def list_payers(uows: UowsDep) -> PayerPage:
    entries = await payer_service.list_payers(uows=uows)
    return PayerPage(items=[PayerOut(payer=e.payer, policy_version=e.policy_version)
                            for e in entries])


@router.post("", response_model=PayerOut, status_code=201, summary="Add a payer")
async def create_payer(body: Payer, uows: UowsDep, now: NowDep) -> PayerOut:
    payer = await payer_service.create_payer(uows=uows, payer=body, now=now)
    return PayerOut(payer=payer, policy_version=0)


@router.get("/{payer_id}", response_model=PayerOut, summary="One payer")
async def get_payer(payer_id: str, uows: UowsDep) -> PayerOut:
    entry = await payer_service.get_payer(uows=uows, payer_id=payer_id)
    return PayerOut(payer=entry.payer, policy_version=entry.policy_version)


@router.put("/{payer_id}", response_model=PayerOut, summary="Replace a payer (plans, clocks)")
async def replace_payer(payer_id: str, body: Payer, uows: UowsDep, now: NowDep) -> PayerOut:
    entry = await payer_service.replace_payer(uows=uows, payer_id=payer_id, payer=body, now=now)
    return PayerOut(payer=entry.payer, policy_version=entry.policy_version)


async def _policies(uows: UowsDep, payer_id: str, version: int | None) -> PolicyListOut:
    listing = await payer_service.policy_listing(uows=uows, payer_id=payer_id, version=version)
    return PolicyListOut(
        payer_id=listing.payer_id, version=listing.version, policies=list(listing.policies),
        versions=[PolicyVersion(version=v.version, created_at=v.created_at,
                                created_by=v.created_by) for v in listing.versions])


@router.get("/{payer_id}/policies", response_model=PolicyListOut,
            summary="Coverage policies per HCPCS (current, or ?version=N)")
async def get_policies(payer_id: str, uows: UowsDep,
                       version: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None
                       ) -> PolicyListOut:
    return await _policies(uows, payer_id, version)


@router.put("/{payer_id}/policies", response_model=PolicyListOut,
            summary="Replace a payer's coverage policies (saved as a new version)")
async def put_policies(payer_id: str, body: PolicyList, uows: UowsDep, now: NowDep,
                       actor: ActorDep) -> PolicyListOut:
    saved = await payer_service.put_policies(uows=uows, payer_id=payer_id,
                                             policies=body.policies, actor=actor, now=now)
    return await _policies(uows, payer_id, saved.version)
