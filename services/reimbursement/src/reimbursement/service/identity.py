"""A claim's identities, checked against orders at the moment of disclosure.

When: the claim is built from ids only (``order.administered`` carries no demographics), so
its identities are checked when they are about to be used: ``POST /v1/claims/{id}/check``
(staff see the holds before anything is sent), ``POST /v1/claims/{id}/submit`` (the check runs
first; a held claim is not submitted) and every 837P export (the parties are read again and
rendered; nothing is kept). A check on an unsent claim is recorded on it (``held`` with each
missing item, or ``ready`` again once orders has everything); the orders answer itself is
never stored.

The call to orders happens outside any transaction: a row is locked only to record the result.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from chairside_shared.errors import NotFound, ServiceUnavailable
from reimbursement.adapters.clients import IdentityUnavailable, PayerIdentitySource
from reimbursement.domain.holds import Hold
from reimbursement.domain.lifecycle import Claim
from reimbursement.domain.parties import ClaimFacts, ClaimParties, PayerIdentity, check_parties
from reimbursement.service import cob
from reimbursement.service.claim_states import ensure_timely_filing
from reimbursement.service.uow import ReimbursementUnitOfWork


async def fetch_identity(source: PayerIdentitySource, order_id: UUID) -> PayerIdentity | None:
    try:
        return await source.payer_identity(order_id=order_id)
    except IdentityUnavailable as exc:
        raise ServiceUnavailable(f"payer identity unavailable: {exc}",
                                 headers={"Retry-After": "30"}) from exc


async def parties_of(uow: ReimbursementUnitOfWork, claim: Claim,
                     identity: PayerIdentity | None) -> ClaimParties | list[Hold]:
    """Everything the claim's 837P names, or the holds naming what is missing (in a uow)."""
    return check_parties(ClaimFacts(claim.coding.payer_id, claim.coding.service_date),
                         identity, await uow.practice.billing_identity(),
                         await uow.practice.enrollment(claim.coding.payer_id))


async def check_claim(*, uow: ReimbursementUnitOfWork, claim_id: UUID,
                      source: PayerIdentitySource, now: datetime) -> None:
    """Check an unsent claim's identities and record the result (held / ready)."""
    claim = await _peek(uow, claim_id)
    claim.ensure_editable("checked")  # a sent claim is what the payer has: nothing to record
    identity = await _billed_identity(uow, source, claim)
    async with uow:
        claim = await _locked(uow, claim_id)
        await _record(uow, claim, identity, now)
        await uow.commit()


async def submit_checked(*, uow: ReimbursementUnitOfWork, claim_id: UUID,
                         source: PayerIdentitySource, now: datetime,
                         actor: str = "system:reimbursement") -> None:
    """Check, then submit: a claim found held is recorded held and refused (409 naming each
    missing item); one past its timely filing limit is refused (409 naming the deadline); a
    ready (or rejected and fixed) one is submitted as its next version."""
    claim = await _peek(uow, claim_id)
    fetched = claim.editable
    identity = await _billed_identity(uow, source, claim) if fetched else None
    async with uow:
        claim = await _locked(uow, claim_id)
        if fetched and claim.editable:
            await _record(uow, claim, identity, now)
            if claim.status != "ready":
                await uow.commit()  # staff see the holds even though submit is refused
        if claim.status in {"ready", "rejected"}:
            # rejected claims do not stop the clock (payer-exchange.md §3)
            await ensure_timely_filing(uow, claim, now)
        claim.submit(now=now, actor=actor)  # refuses needs_review / held / already sent
        await uow.commit()


async def record_holds(*, uow: ReimbursementUnitOfWork,
                       held: dict[UUID, list[Hold]], now: datetime) -> None:
    """Record holds an export found on the unsent claims among ``held``."""
    async with uow:
        for claim_id, holds in held.items():
            claim = await _locked(uow, claim_id)
            if claim.editable:
                claim.record_check(tuple(holds), now=now)
        await uow.commit()


async def _record(uow: ReimbursementUnitOfWork, claim: Claim,
                  identity: PayerIdentity | None, now: datetime) -> None:
    found = await parties_of(uow, claim, identity)
    claim.record_check(tuple(found) if isinstance(found, list) else (), now=now)


async def _billed_identity(uow: ReimbursementUnitOfWork, source: PayerIdentitySource,
                           claim: Claim) -> PayerIdentity | None:
    """The order's parties as the claim bills them (a secondary claim: its coverage)."""
    return await cob.billed_identity(uow=uow, source=source, claim=claim,
                                     identity=await fetch_identity(source, claim.order_id))


async def _peek(uow: ReimbursementUnitOfWork, claim_id: UUID) -> Claim:
    async with uow:
        claim = await uow.claims.get(claim_id)
    if claim is None:
        raise NotFound("no such claim")
    return claim


async def _locked(uow: ReimbursementUnitOfWork, claim_id: UUID) -> Claim:
    claim = await uow.claims.get(claim_id, for_update=True)
    if claim is None:
        raise NotFound("no such claim")
    return claim
