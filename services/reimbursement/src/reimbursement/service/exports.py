"""837P (one claim, or a batch of submitted claims) and the FHIR Claim view.

An export reads every claim's parties from orders at that moment (purpose=payment) and keeps
nothing. A claim that needs review or is held, or whose identities the check finds missing, is
refused with a 409 naming each missing item per claim; the holds found on an unsent claim are
recorded on it. Nothing is ever rendered with a stand-in.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from uuid import UUID

from fhir.resources.R4B.claim import Claim as FhirClaim

from chairside_shared.errors import Conflict, NotFound
from reimbursement.adapters.claims_repo import ClaimFilter
from reimbursement.adapters.clients import PayerIdentitySource
from reimbursement.adapters.fhir_claim import claim_resource
from reimbursement.adapters.x12.render_837 import ClaimToRender, PayerParty, render_837p
from reimbursement.domain.errors import ClaimHeld
from reimbursement.domain.fees import PayerContract
from reimbursement.domain.holds import Hold
from reimbursement.domain.lifecycle import Claim
from reimbursement.domain.parties import ClaimParties, PayerIdentity
from reimbursement.domain.transitions import IN_FLIGHT
from reimbursement.service import cob
from reimbursement.service.identity import fetch_identity, parties_of, record_holds
from reimbursement.service.uow import ReimbursementUnitOfWork


async def claim_x12(*, uow: ReimbursementUnitOfWork, claim_ids: list[UUID] | None,
                    source: PayerIdentitySource, now: datetime,
                    submitted_from: datetime | None = None,
                    submitted_to: datetime | None = None,
                    control_number: int | None = None) -> str:
    """One claim (``claim_ids=[id]``) or every submitted claim in a window, as one interchange
    (ISA13 ``control_number`` when the exchange already took one for it)."""
    async with uow:
        claims = await _claims(uow, claim_ids, submitted_from, submitted_to)
        for claim in claims:
            claim.ensure_exportable()
        # every refusal that needs no PHI first: orders is asked only for what will be sent
        contracts = {claim.id: await _contract(uow, claim) for claim in claims}
    claims.sort(key=lambda c: c.account_number)
    identities: dict[UUID, PayerIdentity | None] = {
        claim.id: await fetch_identity(source, claim.order_id) for claim in claims}
    billed = {claim.id: await cob.billed_identity(uow=uow, source=source, claim=claim,
                                                  identity=identities[claim.id])
              for claim in claims}  # a secondary claim bills the secondary coverage
    held: dict[UUID, list[Hold]] = {}
    items: list[ClaimToRender] = []
    async with uow:
        for claim in claims:
            found = await parties_of(uow, claim, billed[claim.id])
            if isinstance(found, list):
                held[claim.id] = found
            else:
                prior = await cob.prior_payers(uow=uow, claim=claim,
                                               order_identity=identities[claim.id])
                items.append(replace(_to_render(claim, contracts[claim.id], found),
                                     prior_payers=prior))
    if held:
        await record_holds(uow=uow, held=held, now=now)
        if len(held) == 1 and len(claims) == 1:
            raise ClaimHeld.of(claims[0].id, held[claims[0].id], "exported")
        raise ClaimHeld.batch(held)
    control = control_number
    if control is None:
        async with uow:
            control = await uow.claims.next_control_number([c.id for c in claims], now)
            await uow.commit()
    parties = uow.config.parties
    return render_837p(
        items, submitter=parties.submitter, receiver_name=parties.receiver_name,
        receiver_id=parties.receiver_id, control_number=control, created_at=now,
        usage=parties.usage)


async def claim_fhir(*, uow: ReimbursementUnitOfWork, claim_id: UUID) -> FhirClaim:
    async with uow:
        claim = await uow.claims.get(claim_id)
        if claim is None:
            raise NotFound("no such claim")
        billing = await uow.practice.billing_identity()
    return claim_resource(claim.as_draft(), claim_id=claim.id, created=claim.created_at,
                          billing_npi=billing.npi if billing else None)


async def _claims(uow: ReimbursementUnitOfWork, claim_ids: list[UUID] | None,
                  submitted_from: datetime | None, submitted_to: datetime | None,
                  ) -> list[Claim]:
    if claim_ids is not None:
        claims = [claim for i in claim_ids if (claim := await uow.claims.get(i)) is not None]
        if len(claims) != len(claim_ids):
            raise NotFound("no such claim")
        return claims
    claims = await uow.claims.search(ClaimFilter(
        statuses=sorted(IN_FLIGHT), submitted_from=submitted_from, submitted_to=submitted_to))
    if not claims:
        raise NotFound("no submitted claims in that window")
    return claims


async def _contract(uow: ReimbursementUnitOfWork, claim: Claim) -> PayerContract:
    contract = await uow.catalog.contract(claim.coding.payer_id)
    if contract is None:
        raise Conflict(f"no contract on file for payer {claim.coding.payer_id}")
    return contract


def _to_render(claim: Claim, contract: PayerContract, parties: ClaimParties) -> ClaimToRender:
    sent = claim.current
    return ClaimToRender(claim.as_draft(), claim.clm01, parties,
                         PayerParty(contract.name, contract.x12_payer_id, contract.claim_filing),
                         frequency=sent.frequency if sent else "1",
                         original_icn=sent.original_icn if sent else None)
