"""Claim handlers: bill a completed visit (consume stock + build the claim), remember approvals,
rebuild a claim after the catalogue was fixed, submit.

``bill_visit`` and ``record_authorization`` run inside the consumer's transaction (it commits);
the API handlers open and commit their own unit of work.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID
from zoneinfo import ZoneInfo

from chairside_shared import contracts
from chairside_shared.errors import Conflict, NotFound
from reimbursement.adapters.codec import authorization_from_row, visit_from_event
from reimbursement.domain.claim import BillingContext, ClaimDraft, build_claim, with_lot_costs
from reimbursement.domain.inventory import InsufficientStock, apply_plan, plan_consumption
from reimbursement.domain.money import ZERO, cents
from reimbursement.domain.ndc import format_ndc
from reimbursement.domain.visit import Visit
from reimbursement.metrics import CLAIMS_BUILT, EXPECTED_MARGIN, STOCK_FLAGS
from reimbursement.service.uow import ReimbursementUnitOfWork

log = logging.getLogger("reimbursement.billing")
EDITABLE = {"needs_review", "ready"}


async def billing_context(uow: ReimbursementUnitOfWork, visit: Visit, tz: ZoneInfo,
                          ) -> BillingContext:
    day = service_day(visit, tz)
    return BillingContext(
        products=await uow.catalog.products(), descriptors=await uow.catalog.descriptors(),
        charges=await uow.catalog.charge_master(),
        contract=await uow.catalog.contract(visit.payer_id), asp=await uow.catalog.asp_for(day),
        awp=await uow.catalog.awp(), clinic_tz=tz,
    )


def service_day(visit: Visit, tz: ZoneInfo) -> date:
    first = min((g.started_at for g in visit.administrations), default=visit.completed_at)
    return first.astimezone(tz).date()


async def bill_visit(uow: ReimbursementUnitOfWork, event: contracts.OrderAdministered, *,
                     now: datetime, tz: ZoneInfo) -> UUID | None:
    """order.administered -> stock drawn + claim (ready or needs_review) + claim.created."""
    if await uow.claims.by_order(event.order_id) is not None:
        log.info("order %s already has a claim; administration event ignored", event.order_id)
        return None
    visit = visit_from_event(event)
    ctx = await billing_context(uow, visit, tz)
    auth = authorization_from_row(await uow.claims.authorization_for(visit.order_id))
    draft = build_claim(visit, ctx, auth)
    lot_costs, warnings = await consume_stock(uow, draft, ctx, now=now, already=set())
    draft = _with_inventory(draft, lot_costs, warnings)
    claim_id = uuid.uuid4()
    await uow.claims.add(claim_id, draft, visit=event.model_dump(mode="json"),
                         lot_costs={k: str(v) for k, v in lot_costs.items()}, now=now)
    await emit_claim(uow, "claim.created", claim_id, draft.order_id, now)
    CLAIMS_BUILT.labels(draft.status).inc()
    if draft.expected_margin is not None:
        EXPECTED_MARGIN.observe(float(draft.expected_margin))  # metrics only, never money math
    log.info("claim %s for order %s built: %s, %d lines", claim_id, draft.order_id,
             draft.status, len(draft.lines))
    return claim_id


async def consume_stock(
    uow: ReimbursementUnitOfWork, draft: ClaimDraft, ctx: BillingContext, *, now: datetime,
    already: set[tuple[str, int]],
) -> tuple[dict[str, Decimal], list[str]]:
    """Draw every administration's vials first-expiring first; refuse (and flag) a shortfall.

    Returns the acquisition cost per NDC (lots drawn, or the catalogue price where the draw was
    refused) and the inventory warnings for the claim.
    """
    costs: dict[str, Decimal] = {}
    warnings: list[str] = []
    by_ndc: dict[str, list] = {}
    for c in draft.consumptions:
        if (c.ndc, c.sequence) not in already and c.vials > 0:
            by_ndc.setdefault(c.ndc, []).append(c)
    for ndc, items in by_ndc.items():
        product = ctx.products[ndc]
        lots = await uow.inventory.lots(ndc, for_update=True)
        touched: set[str] = set()
        for c in sorted(items, key=lambda x: x.sequence):
            try:
                plan = plan_consumption(product, lots, vials=c.vials, day=draft.service_date,
                                        recorded_lot=c.lot)
            except InsufficientStock as short:
                detail = (f"NDC {format_ndc(ndc)} line {c.sequence}: needs {short.needed} vials,"
                          f" {short.available} usable on hand; not deducted")
                await uow.inventory.add_flag(kind="stock_out", detail=detail, at=now,
                                             order_id=draft.order_id, ndc=ndc,
                                             needed=short.needed, available=short.available)
                warnings.append(f"inventory: {detail}")
                STOCK_FLAGS.labels("stock_out").inc()
                costs[ndc] = costs.get(ndc, ZERO) + c.vials * product.vial_cost
                continue
            for flag in plan.flags:
                kind = "expired_lot" if "expired" in flag else "unknown_lot"
                await uow.inventory.add_flag(kind=kind, detail=f"line {c.sequence}: {flag}",
                                             at=now, order_id=draft.order_id, ndc=ndc)
                warnings.append(f"inventory: line {c.sequence}: {flag}")
                STOCK_FLAGS.labels(kind).inc()
                if kind == "expired_lot":
                    log.warning("order %s line %s: expired lot administered (NDC %s)",
                                draft.order_id, c.sequence, ndc)
            lots = apply_plan(lots, plan)
            for d in plan.draws:
                touched.add(d.lot_number)
                await uow.inventory.add_movement(
                    ndc=ndc, lot_number=d.lot_number, kind="administration", vials=-d.vials,
                    vial_cost=d.vial_cost, at=now, order_id=draft.order_id,
                    line_sequence=c.sequence)
            costs[ndc] = costs.get(ndc, ZERO) + sum((d.cost for d in plan.draws), ZERO)
        for lot in lots:
            if lot.lot_number in touched:
                await uow.inventory.save_lot(lot)
    return costs, warnings


def _with_inventory(draft: ClaimDraft, costs: dict[str, Decimal], warnings: list[str],
                    ) -> ClaimDraft:
    draft = with_lot_costs(draft, costs) if costs else draft
    return replace(draft, warnings=draft.warnings + tuple(warnings)) if warnings else draft


async def record_authorization(uow: ReimbursementUnitOfWork,
                               event: contracts.AuthorizationApproved, *, now: datetime,
                               tz: ZoneInfo) -> None:
    """Remember the auth number and approved units; refresh an unsubmitted claim."""
    await uow.claims.save_authorization({
        "case_id": event.case_id, "order_id": event.order_id, "payer_id": event.payer_id,
        "auth_number": event.auth_number,
        "approved_units": {line.hcpcs: line.approved_units for line in event.lines},
        "valid_from": event.valid_from, "valid_to": event.valid_to,
        "decided_at": event.decided_at,
    })
    claim = await uow.claims.by_order(event.order_id)
    if claim is not None and claim["status"] in EDITABLE:
        await _rebuild(uow, claim, now=now, tz=tz)


async def rebuild_claim(*, uow: ReimbursementUnitOfWork, claim_id: UUID, now: datetime,
                        tz: ZoneInfo) -> None:
    """Re-run the builder after the catalogue, a contract or the charge master was fixed."""
    async with uow:
        claim = await uow.claims.get(claim_id, for_update=True)
        if claim is None:
            raise NotFound("no such claim")
        if claim["status"] not in EDITABLE:
            raise Conflict(f"a {claim['status']} claim cannot be rebuilt",
                           status_now=claim["status"])
        await _rebuild(uow, claim, now=now, tz=tz)
        await uow.commit()


async def _rebuild(uow: ReimbursementUnitOfWork, claim: dict, *, now: datetime,
                   tz: ZoneInfo) -> ClaimDraft:
    event = contracts.OrderAdministered.model_validate(claim["visit"])
    visit = visit_from_event(event)
    ctx = await billing_context(uow, visit, tz)
    auth = authorization_from_row(await uow.claims.authorization_for(visit.order_id))
    draft = build_claim(visit, ctx, auth)
    # Stock already drawn for a line stays drawn; lines refused or unknown before are retried.
    already = await uow.inventory.consumed_lines(visit.order_id)
    new_costs, warnings = await consume_stock(uow, draft, ctx, now=now, already=already)
    costs = {k: Decimal(v) for k, v in claim["lot_costs"].items()}
    for ndc, cost in new_costs.items():
        costs[ndc] = costs.get(ndc, ZERO) + cost
    draft = _with_inventory(draft, costs, warnings)
    await uow.claims.replace_draft(claim["id"], draft,
                                   lot_costs={k: str(v) for k, v in costs.items()}, now=now)
    return draft


async def submit_claim(*, uow: ReimbursementUnitOfWork, claim_id: UUID, now: datetime) -> None:
    async with uow:
        claim = await uow.claims.get(claim_id, for_update=True)
        if claim is None:
            raise NotFound("no such claim")
        if claim["status"] == "needs_review":
            raise Conflict("the claim needs review before it can be submitted",
                           reasons=claim["reviews"])
        if claim["status"] != "ready":
            raise Conflict(f"the claim is already {claim['status']}", status_now=claim["status"])
        await uow.claims.update(claim_id, status="submitted", submitted_at=now, updated_at=now)
        await emit_claim(uow, "claim.submitted", claim_id, claim["order_id"], now)
        await uow.commit()


async def emit_claim(uow: ReimbursementUnitOfWork, event_type: str, claim_id: UUID,
                     order_id: UUID, now: datetime) -> None:
    row = await uow.claims.get(claim_id)
    assert row is not None
    await uow.emit(event_type, contracts.ClaimChanged(
        claim_id=claim_id, order_id=order_id, practice_id=row["practice_id"],
        payer_id=row["payer_id"], status=row["status"], total_charge=cents(row["total_charge"]),
        expected_payment=None if row["expected_payment"] is None
        else cents(row["expected_payment"]), paid_amount=cents(row["paid_amount"]),
        denial_reasons=list(row["denial_reasons"]), occurred_at=now,
    ), key=str(order_id))
