"""/v1/payers: payers, plans and their versioned coverage policies."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from ...domain.errors import NotFound
from ...domain.policy import Payer
from ...service import payers as payer_service
from .deps import ActorDep, NowDep, UowsDep
from .schemas import PayerOut, PayerPage, PolicyList, PolicyListOut, PolicyVersion

router = APIRouter(prefix="/v1/payers", tags=["payers"])


@router.get("", response_model=PayerPage, summary="Payers and their plans")
async def list_payers(uows: UowsDep) -> PayerPage:
    async with uows() as uow:
        rows = await uow.payers.all()
    return PayerPage(items=[PayerOut(payer=p, policy_version=v) for p, v in rows])


@router.post("", response_model=PayerOut, status_code=201, summary="Add a payer")
async def create_payer(body: Payer, uows: UowsDep, now: NowDep) -> PayerOut:
    payer = await payer_service.create_payer(uows, body, now=now)
    return PayerOut(payer=payer, policy_version=0)


@router.get("/{payer_id}", response_model=PayerOut, summary="One payer")
async def get_payer(payer_id: str, uows: UowsDep) -> PayerOut:
    async with uows() as uow:
        found = await uow.payers.get(payer_id)
    if found is None:
        raise NotFound(f"no payer {payer_id}")
    return PayerOut(payer=found[0], policy_version=found[1])


@router.put("/{payer_id}", response_model=PayerOut, summary="Replace a payer (plans, clocks)")
async def replace_payer(payer_id: str, body: Payer, uows: UowsDep, now: NowDep) -> PayerOut:
    payer = await payer_service.replace_payer(uows, payer_id, body, now=now)
    async with uows() as uow:
        found = await uow.payers.get(payer_id)
    return PayerOut(payer=payer, policy_version=found[1] if found else 0)


async def _policies(uows: UowsDep, payer_id: str, version: int | None) -> PolicyListOut:
    async with uows() as uow:
        if await uow.payers.get(payer_id) is None:
            raise NotFound(f"no payer {payer_id}")
        current = await uow.payers.policies(payer_id, version)
        versions = await uow.payers.versions(payer_id)
    if current is None and version is not None:
        raise NotFound(f"payer {payer_id} has no policy version {version}")
    return PolicyListOut(payer_id=payer_id, version=current.version if current else 0,
                         policies=list(current.policies) if current else [],
                         versions=[PolicyVersion(version=v.version, created_at=v.created_at,
                                                   created_by=v.created_by) for v in versions])


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
    saved = await payer_service.put_policies(uows, payer_id, body.policies, actor=actor, now=now)
    return await _policies(uows, payer_id, saved.version)
