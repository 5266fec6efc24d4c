"""Coordination of benefits after an 835 (payer-exchange.md §6, cases 26-27).

``after_remittance`` runs once POST /v1/remittances has committed its postings; for each claim
a payment was applied to, ``coordinate`` decides once the primary payer's decision is final:

* crossover (CLP02 19/20/21, MA18/MA07): no secondary claim; the claim awaits the crossover
  payer's 835 (CLP02 2/3/20/21 on the same claim), or a biller's release;
* a secondary coverage in force on the date of service (orders' coverages, purpose payment):
  a secondary claim is built, a claim of its own (payer = the secondary payer, ``ready``) that
  names the primary; its 837P carries the primary's adjudication (render_837_cob.py). A primary
  adjudication that does not balance against our lines refuses the build (``secondary_refused``
  with the reason) instead of sending a wrong claim;
* else the primary was the last payer.

Orders is asked outside any transaction. When it cannot answer, the remittance stays posted
and the decision is left for ``POST /v1/claims/{id}/cob`` (logged by claim id only).
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import replace
from datetime import datetime
from uuid import UUID

from chairside_shared.errors import Conflict, NotFound, ServiceUnavailable
from reimbursement.adapters.clients import (
    CoverageSource,
    IdentityUnavailable,
    PayerIdentitySource,
)
from reimbursement.adapters.cob_repo import CobRecord
from reimbursement.adapters.x12.render_837_cob import PriorPayer
from reimbursement.domain.cob import (
    CobError,
    PriorAdjudication,
    crossover_of,
    final_payment,
    next_coverage,
    prior_adjudication,
)
from reimbursement.domain.lifecycle import Claim
from reimbursement.domain.money import ZERO
from reimbursement.domain.parties import Coverage, PayerIdentity
from reimbursement.service.uow import ReimbursementUnitOfWork

log = logging.getLogger("reimbursement.cob")

AS_PRIMARY = frozenset({"1", "19"})  # processed as primary (19: and forwarded)
AS_NEXT_PAYER = frozenset({"2", "3", "20", "21"})  # processed as secondary / tertiary


async def after_remittance(*, uow: ReimbursementUnitOfWork, source: PayerIdentitySource,
                           claim_ids: list[UUID], now: datetime) -> None:
    """Coordinate every claim an 835 was applied to; an orders outage leaves it for later."""
    for claim_id in dict.fromkeys(claim_ids):
        try:
            await coordinate(uow=uow, source=source, claim_id=claim_id, now=now)
        except ServiceUnavailable:
            log.warning("claim %s: coverages unavailable; coordination of benefits left for "
                        "POST /v1/claims/%s/cob", claim_id, claim_id)


async def coordinate(*, uow: ReimbursementUnitOfWork, source: PayerIdentitySource, claim_id: UUID,
                     now: datetime) -> CobRecord | None:
    """Decide what follows the primary payer's final decision (idempotent: decided once)."""
    async with uow:
        claim = await uow.claims.get(claim_id)
        if claim is None:
            raise NotFound("no such claim")
        record = await uow.cob.get(claim_id)
        secondary_of = await uow.cob.of_secondary(claim_id)
        payments = (await uow.remittances.payments(claim_ids=[claim_id])).get(claim_id, [])
    if secondary_of is not None:
        return secondary_of  # a secondary claim: its primary's record says it all
    final = final_payment(payments)
    if final is None:
        return record
    if record is not None:
        if record.state == "awaiting_crossover" and final.status_code in AS_NEXT_PAYER:
            return await _save(uow, replace(record, state="crossover_received",
                                             updated_at=now))
        return record
    if final.status_code not in AS_PRIMARY:
        return None  # a denial or a next payer's answer: nothing to coordinate automatically
    if (kind := crossover_of(final)) is not None:
        log.info("claim %s: primary forwarded the claim (%s); awaiting the crossover 835",
                 claim_id, kind)
        return await _save(uow, CobRecord(
            claim_id, "awaiting_crossover", now, crossover=kind,
            detail=f"the primary payer forwarded the claim ({kind}, CLP02 "
                   f"{final.status_code}); no secondary claim is sent"))
    nxt = next_coverage(await coverages_of(source, claim.patient_id),
                        primary_payer=claim.coding.payer_id,
                        primary_coverage_id=claim.coding.ids.coverage_id,
                        on=claim.coding.service_date)
    if nxt is None:
        return await _save(uow, CobRecord(claim_id, "last_payer", now))
    return await _build_secondary(uow, claim_id, nxt, now)


async def _build_secondary(uow: ReimbursementUnitOfWork, claim_id: UUID, coverage: Coverage,
                           now: datetime) -> CobRecord:
    async with uow:
        primary = await uow.claims.get(claim_id, for_update=True)
        assert primary is not None
        if (already := await uow.cob.get(claim_id)) is not None:
            return already  # decided meanwhile
        try:
            await primary_adjudication(uow, primary)
        except CobError as exc:
            log.warning("claim %s: secondary claim refused: %s", claim_id, exc)
            record = CobRecord(claim_id, "secondary_refused", now, detail=str(exc))
        else:
            secondary = secondary_claim(primary, coverage, now)
            uow.claims.add(secondary, visit=await uow.claims.visit_event(primary),
                           primary_claim_id=primary.id)
            await uow.claims.flush()  # the row the record names exists first
            record = CobRecord(claim_id, "secondary_built", now,
                               secondary_claim_id=secondary.id)
            log.info("claim %s: secondary claim %s built for payer %s", claim_id,
                     secondary.id, coverage.payer_id)
        await uow.cob.save(record)
        await uow.commit()
    return record


def secondary_claim(primary: Claim, coverage: Coverage, now: datetime) -> Claim:
    """The same services billed to the next payer: a claim of its own, ready to submit.
    Drug costs stay on the primary (one visit's stock is counted once)."""
    draft = replace(
        primary.as_draft(), payer_id=coverage.payer_id, member_id=None, status="ready",
        payment=None, acquisition_cost=ZERO, waste_cost=ZERO, drug_costs=(), holds=(),
        consumptions=(), warnings=(),
        notes=(f"secondary claim after primary claim {primary.id}",),
        ids=replace(primary.coding.ids, coverage_id=coverage.id))
    return Claim.create(claim_id=uuid.uuid4(), draft=draft, lot_costs={}, now=now)


async def primary_adjudication(uow: ReimbursementUnitOfWork,
                               primary: Claim) -> PriorAdjudication:
    """The primary payer's standing decision on our lines (CobError when there is none or it
    does not balance)."""
    payments = (await uow.remittances.payments(claim_ids=[primary.id])).get(primary.id, [])
    final = final_payment(payments)
    if final is None:
        raise CobError("the primary payer has no standing decision on the claim")
    payer = (await uow.cob.remittance_payers([final.remittance_id]))[final.remittance_id]
    return prior_adjudication(primary.coding.payer_id or "", final,
                              [b.line for b in primary.lines],
                              {b.line.number: b.paid for b in primary.lines}, payer.paid_on)


async def prior_payers(*, uow: ReimbursementUnitOfWork, claim: Claim,
                       order_identity: PayerIdentity | None) -> tuple[PriorPayer, ...]:
    """For a secondary claim's 837P (within an open unit of work): the primary payer, whom it
    covered and what it decided. () for a primary claim."""
    link = await uow.cob.of_secondary(claim.id)
    if link is None:
        return ()
    primary = await uow.claims.get(link.claim_id)
    assert primary is not None
    try:
        adjudication = await primary_adjudication(uow, primary)
    except CobError as exc:
        raise Conflict(f"the secondary claim cannot be rendered: {exc}") from None
    contract = await uow.catalog.contract(primary.coding.payer_id)
    if contract is None:
        raise Conflict(f"no contract on file for the primary payer {primary.coding.payer_id}")
    coverage = order_identity.coverage if order_identity else None
    if coverage is None or coverage.payer_id != primary.coding.payer_id:
        raise Conflict("orders has no coverage with the primary payer for the order")
    subscriber = (order_identity.patient if coverage.relationship == "self"
                  else coverage.subscriber) if order_identity else None
    if subscriber is None:
        raise Conflict("the primary coverage's subscriber is not on file")
    return (PriorPayer(contract.name, contract.x12_payer_id, contract.claim_filing, coverage,
                       subscriber, adjudication),)


async def billed_identity(*, uow: ReimbursementUnitOfWork, source: PayerIdentitySource,
                          claim: Claim, identity: PayerIdentity | None) -> PayerIdentity | None:
    """The order's payer identity as ``claim`` bills it: a secondary claim names the
    patient's secondary coverage (None when orders no longer has it: a hold), a primary the
    order's own."""
    async with uow:
        link = await uow.cob.of_secondary(claim.id)
    if link is None or identity is None:
        return identity
    return replace(identity, coverage=await secondary_coverage(source, claim))


async def secondary_coverage(source: PayerIdentitySource, claim: Claim) -> Coverage | None:
    """The coverage a secondary claim bills (by the id recorded when it was built)."""
    wanted = claim.coding.ids.coverage_id
    return next((c for c in await coverages_of(source, claim.patient_id) if c.id == wanted),
                None)


async def coverages_of(source: PayerIdentitySource, patient_id: UUID) -> list[Coverage]:
    if not isinstance(source, CoverageSource):
        return []  # a source that cannot list coverages knows of no other payer
    try:
        return await source.coverages(patient_id=patient_id)
    except IdentityUnavailable as exc:
        raise ServiceUnavailable(f"coverages unavailable: {exc}",
                                 headers={"Retry-After": "30"}) from exc


async def release(*, uow: ReimbursementUnitOfWork, claim_id: UUID, released_by: str,
                  reason: str, now: datetime) -> CobRecord:
    """A biller's override: the claim awaiting a crossover (or whose secondary could not be
    built) is treated as finished with the primary; the patient statement may go out."""
    async with uow:
        record = await uow.cob.get(claim_id, for_update=True)
        if record is None or record.state not in {"awaiting_crossover", "secondary_refused"}:
            raise Conflict("only a claim awaiting a crossover or whose secondary claim was "
                           "refused can be released",
                           cob_state=record.state if record else None)
        record = replace(record, state="released", released_by=released_by,
                         release_reason=reason, updated_at=now)
        await uow.cob.save(record)
        await uow.commit()
    log.info("claim %s: coordination of benefits released by a biller", claim_id)
    return record


async def _save(uow: ReimbursementUnitOfWork, record: CobRecord) -> CobRecord:
    async with uow:
        await uow.cob.save(record)
        await uow.commit()
    return record
