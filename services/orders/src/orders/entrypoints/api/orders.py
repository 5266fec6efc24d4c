"""/v1/orders: drafts, checks, overrides, signing, cancelling, the administration record."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Query

from orders.domain.administration import AdministrationRecord
from orders.domain.courses import CourseDay
from orders.domain.lines import FluidOrder, LineSpec
from orders.domain.order import OrderChanges
from orders.domain.values import Payer
from orders.entrypoints.api import order_schemas as s
from orders.entrypoints.api.deps import Caller, UoW, require
from orders.entrypoints.api.patients import _cursor
from orders.entrypoints.api.schemas import Page
from orders.entrypoints.api.views import administration_view, finding_view, order_view
from orders.service import handlers as h
from orders.service import queries

router = APIRouter(prefix="/v1/orders", tags=["orders"])


def _fluid(f: s.FluidLineIn | None) -> FluidOrder | None:
    if f is None:
        return None
    return FluidOrder(purpose=f.purpose, rate_ml_per_h=f.rate_ml_per_h, indication=f.indication)


def _lines(lines: list[s.OrderLineIn] | None) -> list[LineSpec]:
    return [LineSpec(sequence=ln.sequence, drug_code=ln.drug_code, dose=ln.dose,
                     dose_unit=ln.dose_unit, mode=ln.mode, minutes=ln.minutes,
                     wait_after_minutes=ln.wait_after_minutes, with_previous=ln.with_previous,
                     fluid=_fluid(ln.fluid),
                     course=None if ln.course is None else CourseDay(ln.course.days,
                                                                     ln.course.day))
            for ln in lines or ()]


def _window(w: s.WindowIn | None) -> tuple[datetime, datetime] | None:
    return None if w is None else (w.from_, w.to)


def _payer(p: s.PayerIn | None) -> Payer | None:
    if p is None:
        return None
    return Payer(payer_id=p.payer_id, member_id=p.member_id, plan_id=p.plan_id)


def _changes(body: s.OrderUpdate) -> OrderChanges:
    """Only what the caller sent; ``null`` clears the window and the payer."""
    sent = body.model_fields_set
    changes: OrderChanges = {}
    if "lines" in sent:
        changes["lines"] = _lines(body.lines)
    if "diagnosis" in sent:
        changes["diagnoses"] = [d.upper() for d in body.diagnosis or ()]
    if "requested_window" in sent:
        changes["requested_window"] = _window(body.requested_window)
    if "payer" in sent:
        changes["payer"] = _payer(body.payer)
    if "urgency" in sent and body.urgency is not None:
        changes["urgency"] = body.urgency
    if "ordering_practitioner_id" in sent:
        changes["ordering_practitioner_id"] = body.ordering_practitioner_id
    if "coverage_id" in sent:
        changes["coverage_id"] = body.coverage_id
    if "triage_category" in sent:
        changes["triage_category"] = body.triage_category
    if "headache_hours" in sent:
        changes["headache_hours"] = body.headache_hours
    return changes


@router.post("", status_code=201, response_model=s.OrderOut, summary="Create a draft order")
async def create_order(body: s.OrderCreate, uow: UoW, caller: Caller) -> dict[str, Any]:
    require(caller, "orders:write")
    draft = h.OrderDraft(patient_id=body.patient_id, urgency=body.urgency,
                         lines=_lines(body.lines), protocol_id=body.protocol_id,
                         diagnoses=[d.upper() for d in body.diagnosis],
                         requested_window=_window(body.requested_window),
                         payer=_payer(body.payer),
                         ordering_practitioner_id=body.ordering_practitioner_id,
                         coverage_id=body.coverage_id, triage_category=body.triage_category,
                         headache_hours=body.headache_hours)
    return order_view(await h.create_order(uow=uow, draft=draft, scope=caller))


@router.get("", response_model=Page[s.OrderOut], summary="List orders")
async def list_orders(uow: UoW, caller: Caller, practice_id: str | None = None,
                      status: str | None = None, patient_id: UUID | None = None,
                      limit: int = Query(50, ge=1, le=200),
                      cursor: str | None = None,
                      id: list[UUID] = Query(
                          [], max_length=200,
                          description="only these orders (repeat the parameter): a view "
                                      "that shows many orders reads them in one call")
                      ) -> dict[str, Any]:
    require(caller, "orders:read")
    items, nxt = await queries.list_orders(uow=uow, scope=caller, practice_id=practice_id,
                                           status=status, patient_id=patient_id, limit=limit,
                                           cursor=_cursor(cursor), ids=id)
    return {"items": [order_view(o) for o in items], "next_cursor": nxt}


@router.get("/{order_id}", response_model=s.OrderOut, summary="Get an order")
async def get_order(order_id: UUID, uow: UoW, caller: Caller) -> dict[str, Any]:
    require(caller, "orders:read")
    return order_view(await queries.get_order(uow=uow, order_id=order_id, scope=caller))


@router.patch("/{order_id}", response_model=s.OrderOut, summary="Edit a draft order")
async def update_order(order_id: UUID, body: s.OrderUpdate, uow: UoW,
                       caller: Caller) -> dict[str, Any]:
    require(caller, "orders:write")
    return order_view(await h.update_order(uow=uow, order_id=order_id, changes=_changes(body),
                                           scope=caller))


@router.post("/{order_id}/check", response_model=s.CheckOut,
             summary="Re-run the safety checks (no state change)")
async def check_order(order_id: UUID, uow: UoW, caller: Caller) -> dict[str, Any]:
    require(caller, "orders:write")
    result = await h.check_order(uow=uow, order_id=order_id, scope=caller)
    return {"findings": [finding_view(f) for f in result.findings],
            "estimated_chair_minutes": result.estimated_chair_minutes,
            "acuity_class": result.acuity_class, "requires_driver": result.requires_driver,
            "catalog_version": result.catalog_version}


@router.post("/{order_id}/overrides", status_code=201, response_model=s.OrderOut,
             summary="Override a finding (clinician, with a reason)")
async def add_override(order_id: UUID, body: s.OverrideIn, uow: UoW,
                       caller: Caller) -> dict[str, Any]:
    require(caller, "orders:sign")
    return order_view(await h.add_override(uow=uow, order_id=order_id,
                                           finding_code=body.finding_code, reason=body.reason,
                                           line=body.line, scope=caller, plan=body.plan))


@router.post("/{order_id}/sign", response_model=s.OrderOut, summary="Sign an order")
async def sign_order(order_id: UUID, uow: UoW, caller: Caller) -> dict[str, Any]:
    require(caller, "orders:sign")
    return order_view(await h.sign_order(uow=uow, order_id=order_id, scope=caller))


@router.post("/{order_id}/cancel", response_model=s.OrderOut, summary="Cancel an order")
async def cancel_order(order_id: UUID, body: s.CancelIn, uow: UoW,
                       caller: Caller) -> dict[str, Any]:
    require(caller, "orders:write")
    return order_view(await h.cancel_order(uow=uow, order_id=order_id, reason=body.reason,
                                           scope=caller))


@router.post("/{order_id}/administrations", status_code=201, response_model=s.AdministrationOut,
             summary="Record one line as given")
async def add_administration(order_id: UUID, body: s.AdministrationIn, uow: UoW,
                             caller: Caller) -> dict[str, Any]:
    require(caller, "orders:write")
    record = AdministrationRecord(**body.model_dump())
    saved = await h.record_administration(uow=uow, order_id=order_id, record=record,
                                          scope=caller)
    return administration_view(saved)


@router.post("/{order_id}/complete", response_model=s.OrderOut,
             summary="Complete the visit (emits order.administered); 409 while discharge "
             "criteria are unmet, unless overridden with a reason")
async def complete_order(order_id: UUID, uow: UoW, caller: Caller,
                         body: s.CompleteIn | None = None) -> dict[str, Any]:
    require(caller, "orders:write")
    npi = body.rendering_provider_npi if body else None
    supervising = body.supervising_practitioner_id if body else None
    return order_view(await h.complete_order(
        uow=uow, order_id=order_id, scope=caller, rendering_provider_npi=npi,
        supervising_practitioner_id=supervising,
        discharge_override_reason=body.discharge_override_reason if body else None))
