"""Reaction routes: record and read reactions, clear a held series (RX-6), the alert worklist
(RX-3) and the reactions report. Scopes: recording and acknowledging are nursing work
(orders:write); clearing a series is the provider's (orders:sign)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any, Literal
from uuid import UUID, uuid4

from fastapi import APIRouter, Query

from chairside_shared.web import FromDay, ToDay
from orders.domain.reactions import (
    Action,
    Reaction,
    RescueMed,
    SuspectDrug,
    Vitals,
    fhir_criticality,
    fhir_severity,
)
from orders.entrypoints.api import reaction_schemas as s
from orders.entrypoints.api.deps import Caller, UoW, require
from orders.entrypoints.api.patients import _cursor
from orders.entrypoints.api.schemas import Page
from orders.service import reactions as rx

router = APIRouter(tags=["reactions"])
NIL = UUID(int=0)  # order, patient and practice come from the order (service/reactions.py)


def _reaction(order_id: UUID, body: s.ReactionIn) -> Reaction:
    return Reaction(
        id=uuid4(), order_id=order_id, patient_id=NIL, practice_id="",
        onset_at=body.onset_at, minutes_from_start=body.minutes_from_start,
        suspects=tuple(SuspectDrug(**x.model_dump()) for x in body.suspects),
        manifestations=tuple(body.manifestations), term=body.term, grade=body.grade,
        graded_by=body.graded_by, kind=body.kind, outcome=body.outcome,
        rechallenge=body.rechallenge,
        vitals=tuple(Vitals(**v.model_dump()) for v in body.vitals),
        actions=tuple(Action(**a.model_dump()) for a in body.actions),
        rescue_meds=tuple(RescueMed(**m.model_dump()) for m in body.rescue_meds),
        provider_notified_at=body.provider_notified_at, resolved_at=body.resolved_at)


def reaction_view(r: Reaction, ems: tuple[str, ...] = ()) -> dict[str, Any]:
    rules = rx.rules()
    out = asdict(r)
    out.pop("ordering_practitioner_id", None)
    return out | {"fhir": {"type": r.kind, "severity": fhir_severity(r.grade, rules),
                           "criticality": fhir_criticality(r.grade, rules)},
                  "ems_checklist": list(ems)}


@router.post("/v1/orders/{order_id}/reactions", status_code=201, response_model=s.ReactionOut,
             summary="Record an infusion reaction on the order's visit")
async def record_reaction(order_id: UUID, body: s.ReactionIn, uow: UoW,
                          caller: Caller) -> dict[str, Any]:
    require(caller, "orders:write")
    done = await rx.record_reaction(uow=uow, order_id=order_id,
                                    reaction=_reaction(order_id, body), scope=caller)
    return reaction_view(done.reaction, done.ems_checklist)


@router.get("/v1/orders/{order_id}/reactions", response_model=Page[s.ReactionOut],
            summary="Reactions recorded on the order's visit")
async def order_reactions(order_id: UUID, uow: UoW, caller: Caller) -> dict[str, Any]:
    require(caller, "orders:read")
    items = await rx.order_reactions(uow=uow, order_id=order_id, scope=caller)
    return {"items": [reaction_view(r) for r in items], "next_cursor": None}


@router.get("/v1/reactions/{reaction_id}", response_model=s.ReactionOut,
            summary="One reaction")
async def get_reaction(reaction_id: UUID, uow: UoW, caller: Caller) -> dict[str, Any]:
    require(caller, "orders:read")
    return reaction_view(await rx.get_reaction(uow=uow, reaction_id=reaction_id, scope=caller))


@router.post("/v1/reactions/{reaction_id}/clearance", response_model=s.ReactionOut,
             summary="Provider clearance of a held DHE series (RX-6)")
async def clear_reaction(reaction_id: UUID, body: s.ClearanceIn, uow: UoW,
                         caller: Caller) -> dict[str, Any]:
    require(caller, "orders:sign")
    return reaction_view(await rx.clear_series(uow=uow, reaction_id=reaction_id,
                                               note=body.note, scope=caller))


@router.get("/v1/patients/{patient_id}/reactions", response_model=Page[s.ReactionOut],
            summary="The patient's reactions, oldest first")
async def patient_reactions(patient_id: UUID, uow: UoW, caller: Caller) -> dict[str, Any]:
    require(caller, "patients:read")
    items = await rx.patient_reactions(uow=uow, patient_id=patient_id, scope=caller)
    return {"items": [reaction_view(r) for r in items], "next_cursor": None}


@router.get("/v1/alerts", response_model=Page[s.AlertOut],
            summary="Reaction alerts: the charge nurse's worklist (RX-3)")
async def list_alerts(uow: UoW, caller: Caller,
                      audience: Literal["charge_nurse", "ordering_provider"] | None = None,
                      practitioner_id: UUID | None = None, open_only: bool = True,
                      limit: int = Query(50, ge=1, le=200),
                      cursor: str | None = None) -> dict[str, Any]:
    require(caller, "orders:read")
    items, nxt = await rx.list_alerts(uow=uow, scope=caller, audience=audience,
                                      practitioner_id=practitioner_id, open_only=open_only,
                                      limit=limit, cursor=_cursor(cursor))
    return {"items": [asdict(a) for a in items], "next_cursor": nxt}


@router.post("/v1/alerts/{alert_id}/acknowledge", response_model=s.AlertOut,
             summary="Acknowledge a reaction alert")
async def acknowledge_alert(alert_id: UUID, uow: UoW, caller: Caller) -> dict[str, Any]:
    require(caller, "orders:write")
    return asdict(await rx.acknowledge_alert(uow=uow, alert_id=alert_id, scope=caller))


@router.get("/v1/reports/reactions", response_model=s.ReactionReportOut,
            response_model_by_alias=True,
            summary="Reactions by suspect drug and grade, onset between from and to (days)")
async def reaction_report(uow: UoW, caller: Caller, from_: FromDay,
                          to: ToDay) -> dict[str, Any]:
    require(caller, "orders:read")
    counts = await rx.reaction_counts(uow=uow, scope=caller, start=from_, end=to)
    rows = [{"drug_code": d, "grade": g, "count": n} for (d, g), n in sorted(counts.items())]
    return {"from_": from_, "to": to, "rows": rows, "total": sum(counts.values())}
