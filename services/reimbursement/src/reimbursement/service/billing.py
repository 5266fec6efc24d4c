"""Claim handlers: bill a completed visit (draw stock + build the claim), remember approvals,
rebuild a claim after the catalogue was fixed, record a missing NDC. (Submitting checks the
claim's identities first: service/identity.py.)

``bill_visit`` and ``record_authorization`` run inside the consumer's unit of work (it
commits); the API handlers open and commit their own. The claim's own methods decide every
status change; its events reach the outbox when the unit of work commits.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import replace
from datetime import date, datetime, tzinfo
from decimal import Decimal
from uuid import UUID

from chairside_shared import contracts
from chairside_shared.errors import Conflict, InvalidInput, NotFound
from reimbursement.adapters.codec import approval_from_event, visit_from_event
from reimbursement.adapters.data_files import evidence_rules
from reimbursement.domain.claim import BillingContext, ClaimDraft, build_claim, with_lot_costs
from reimbursement.domain.fees import ChargeMaster, PayerContract
from reimbursement.domain.lifecycle import Claim
from reimbursement.domain.money import ZERO
from reimbursement.domain.ndc import NdcError, normalize_ndc
from reimbursement.domain.pricing import PRACTICE, effective, priced_by
from reimbursement.domain.visit import Visit
from reimbursement.metrics import CLAIMS_BUILT, EXPECTED_MARGIN
from reimbursement.service.stock import consume_stock
from reimbursement.service.uow import ReimbursementUnitOfWork

log = logging.getLogger("reimbursement.billing")


async def bill_visit(*, uow: ReimbursementUnitOfWork, event: contracts.OrderAdministered,
                     now: datetime) -> UUID | None:
    """order.administered -> stock drawn + claim (ready, held or needs_review) + claim.created."""
    if await uow.claims.by_order(event.order_id) is not None:
        log.info("order %s already has a claim; administration event ignored", event.order_id)
        return None
    visit = visit_from_event(event)
    ctx = await _billing_context(uow, visit)
    draft = build_claim(visit, ctx, await uow.authorizations.for_order(visit.order_id))
    lot_costs, warnings = await consume_stock(uow=uow, draft=draft, ctx=ctx, now=now,
                                              already=set())
    draft = _with_inventory(draft, lot_costs, warnings)
    claim = Claim.create(claim_id=uuid.uuid4(), draft=draft, lot_costs=lot_costs, now=now)
    uow.claims.add(claim, visit=event)
    CLAIMS_BUILT.labels(draft.status).inc()
    if draft.expected_margin is not None:
        EXPECTED_MARGIN.observe(float(draft.expected_margin))  # metrics only, never money math
    log.info("claim %s for order %s built: %s, %d lines", claim.id, draft.order_id,
             draft.status, len(draft.lines))
    return claim.id


async def record_authorization(*, uow: ReimbursementUnitOfWork,
                               event: contracts.AuthorizationApproved, now: datetime) -> None:
    """Remember the auth number and approved units; refresh an unsubmitted claim."""
    await uow.authorizations.save(approval_from_event(event))
    claim = await uow.claims.by_order(event.order_id)
    if claim is not None and claim.editable:
        await _rebuild(uow, claim, now=now)


async def rebuild_claim(*, uow: ReimbursementUnitOfWork, claim_id: UUID, now: datetime) -> None:
    """Re-run the builder after the catalogue, a contract or the charge master was fixed."""
    async with uow:
        claim = await uow.claims.get(claim_id, for_update=True)
        if claim is None:
            raise NotFound("no such claim")
        claim.ensure_editable()  # refuse before drawing any stock
        await _rebuild(uow, claim, now=now)
        await uow.commit()


async def record_ndc(*, uow: ReimbursementUnitOfWork, claim_id: UUID, line_sequence: int,
                     ndc: str, lot: str | None, now: datetime) -> None:
    """Record the NDC of a drug given without one (the MAR line ``line_sequence`` of the
    claim's visit), then rebuild: the line gets its product, stock is drawn, the hold lifts."""
    try:
        billing_ndc = normalize_ndc(ndc)
    except NdcError as exc:
        raise InvalidInput("ndc", str(exc)) from None
    async with uow:
        claim = await uow.claims.get(claim_id, for_update=True)
        if claim is None:
            raise NotFound("no such claim")
        claim.ensure_editable("corrected")
        event = await uow.claims.visit_event(claim)
        given = [a for a in event.administrations if a.line_sequence == line_sequence]
        if not given:
            raise NotFound(f"the claim's visit has no administration line {line_sequence}")
        if given[0].ndc is not None:
            raise Conflict(f"line {line_sequence} already has an NDC; stock was drawn for it")
        changed = [a.model_copy(update={"ndc": billing_ndc, "lot": lot or a.lot})
                   if a.line_sequence == line_sequence else a for a in event.administrations]
        await uow.claims.replace_visit(claim, event.model_copy(
            update={"administrations": changed}))
        await _rebuild(uow, claim, now=now)
        await uow.commit()


async def _billing_context(uow: ReimbursementUnitOfWork, visit: Visit) -> BillingContext:
    tz = uow.config.clinic_tz
    day = _service_day(visit, tz)
    return BillingContext(
        products=await uow.catalog.products(), descriptors=await uow.catalog.descriptors(),
        charges=await _charge_master(uow, day),
        contract=await _contract(uow, visit.payer_id, day), asp=await uow.catalog.asp_for(day),
        awp=await uow.catalog.awp(), clinic_tz=tz, evidence_rules=evidence_rules(),
    )


async def _contract(uow: ReimbursementUnitOfWork, payer_id: str | None,
                    day: date) -> PayerContract | None:
    """The payer's contract, priced by its (payer-wide) version effective on the date of
    service when there is one; the unversioned terms otherwise."""
    contract = await uow.catalog.contract(payer_id)
    if contract is None or payer_id is None:
        return contract
    version = effective(await uow.pricing.contracts(payer_id, ""), day)
    if version is None:
        return contract
    schedule: dict[str, Decimal] = {}
    if version.body.fee_schedule_id:
        found = effective(await uow.pricing.rate_tables("fee_schedule",
                                                        version.body.fee_schedule_id), day)
        schedule = dict(found.body.rates) if found else {}
    return priced_by(contract, version.body, schedule)


async def _charge_master(uow: ReimbursementUnitOfWork, day: date) -> ChargeMaster:
    """The charge master version effective on the date of service; the unversioned one when
    no version covers that day."""
    found = effective(await uow.pricing.rate_tables("charge_master", PRACTICE), day)
    if found is None:
        return await uow.catalog.charge_master()
    return ChargeMaster(dict(found.body.rates), version=f"v{found.number}")


def _service_day(visit: Visit, tz: tzinfo) -> date:
    first = min((g.started_at for g in visit.administrations), default=visit.completed_at)
    return first.astimezone(tz).date()


async def _rebuild(uow: ReimbursementUnitOfWork, claim: Claim, *, now: datetime) -> None:
    visit = await uow.claims.visit(claim)
    ctx = await _billing_context(uow, visit)
    draft = build_claim(visit, ctx, await uow.authorizations.for_order(visit.order_id))
    # Stock already drawn for a line stays drawn; lines refused or unknown before are retried.
    already = await uow.inventory.consumed_lines(visit.order_id)
    new_costs, warnings = await consume_stock(uow=uow, draft=draft, ctx=ctx, now=now,
                                              already=already)
    costs = dict(claim.lot_costs)
    for ndc, cost in new_costs.items():
        costs[ndc] = costs.get(ndc, ZERO) + cost
    claim.rebuild(_with_inventory(draft, costs, warnings), lot_costs=costs, now=now)


def _with_inventory(draft: ClaimDraft, costs: dict[str, Decimal], warnings: list[str],
                    ) -> ClaimDraft:
    draft = with_lot_costs(draft, costs) if costs else draft
    return replace(draft, warnings=draft.warnings + tuple(warnings)) if warnings else draft
