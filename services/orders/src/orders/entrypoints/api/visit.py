"""/v1/orders/{id}/vitals, /escort and /discharge: the visit record at the chair."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Any
from uuid import UUID

from fastapi import APIRouter

from orders.domain.discharge import Assessment, Evaluation
from orders.domain.vitals import VitalSet
from orders.entrypoints.api import visit_schemas as s
from orders.entrypoints.api.deps import Caller, UoW, require
from orders.seed import discharge_thresholds
from orders.service import visit

router = APIRouter(prefix="/v1/orders", tags=["visit"])


def vitals_view(v: VitalSet) -> dict[str, Any]:
    out = {k: val for k, val in asdict(v).items() if k != "findings"}
    return {**out, "findings": [f.to_dict() for f in v.findings]}


def discharge_view(order_id: UUID, e: Evaluation, check_id: UUID | None = None,
                   checked_at: datetime | None = None) -> dict[str, Any]:
    return {"order_id": order_id, "ready": e.ready,
            "criteria": [c.to_dict() for c in e.criteria],
            "unmet": [c.code for c in e.unmet], "recheck_at": e.recheck_at,
            "thresholds_version": discharge_thresholds().version, "check_id": check_id,
            "checked_at": checked_at}


@router.post("/{order_id}/vitals", status_code=201, response_model=s.VitalsOut,
             summary="Record a timed vital-sign set (findings against the visit's baseline)")
async def record_vitals(order_id: UUID, body: s.VitalsIn, uow: UoW,
                        caller: Caller) -> dict[str, Any]:
    require(caller, "orders:write")
    vitals = VitalSet(order_id=order_id, **body.model_dump())
    return vitals_view(await visit.record_vitals(uow=uow, order_id=order_id, vitals=vitals,
                                                 scope=caller))


@router.get("/{order_id}/vitals", response_model=s.VitalsList,
            summary="The visit's vital-sign sets, oldest first")
async def list_vitals(order_id: UUID, uow: UoW, caller: Caller) -> dict[str, Any]:
    require(caller, "orders:read")
    items = await visit.list_vitals(uow=uow, order_id=order_id, scope=caller)
    return {"items": [vitals_view(v) for v in items]}


@router.post("/{order_id}/escort", status_code=201, response_model=s.EscortOut,
             summary="Record the escort of a sedating order (name and phone sealed)")
async def record_escort(order_id: UUID, body: s.EscortIn, uow: UoW,
                        caller: Caller) -> dict[str, Any]:
    require(caller, "orders:write")
    at = await visit.record_escort(uow=uow, order_id=order_id, name=body.name,
                                   phone=body.phone, scope=caller)
    return {"order_id": order_id, "escort_confirmed": True, "confirmed_at": at}


@router.get("/{order_id}/discharge", response_model=s.DischargeOut,
            summary="Discharge criteria now: each met or unmet, with its reason")
async def discharge_status(order_id: UUID, uow: UoW, caller: Caller) -> dict[str, Any]:
    require(caller, "orders:read")
    result = await visit.discharge_status(uow=uow, order_id=order_id, scope=caller)
    return discharge_view(order_id, result)


@router.post("/{order_id}/discharge", status_code=201, response_model=s.DischargeOut,
             summary="Record a discharge check (gait, orthostatics, nausea) and its result")
async def record_discharge_check(order_id: UUID, body: s.DischargeCheckIn, uow: UoW,
                                 caller: Caller) -> dict[str, Any]:
    require(caller, "orders:write")
    check, result = await visit.record_discharge_check(
        uow=uow, order_id=order_id, assessment=Assessment(**body.model_dump()), scope=caller)
    return discharge_view(order_id, result, check.id, check.checked_at)
