"""837P (one claim, or a batch of submitted claims) and the FHIR Claim view."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from fhir.resources.R4B.claim import Claim as FhirClaim

from chairside_shared.errors import Conflict, NotFound, ServiceUnavailable
from reimbursement.adapters.claims_repo import ClaimFilter
from reimbursement.adapters.clients import DemographicsUnavailable, SubscriberSource
from reimbursement.adapters.fhir_claim import claim_resource
from reimbursement.adapters.x12.render_837 import (
    ClaimToRender,
    PayerParty,
    Provider,
    render_837p,
)
from reimbursement.domain.fees import PayerContract
from reimbursement.domain.lifecycle import Claim
from reimbursement.service.uow import ReimbursementUnitOfWork


async def claim_x12(*, uow: ReimbursementUnitOfWork, claim_ids: list[UUID] | None,
                    source: SubscriberSource, now: datetime,
                    submitted_from: datetime | None = None,
                    submitted_to: datetime | None = None) -> str:
    """One claim (``claim_ids=[id]``) or every submitted claim in a window, as one interchange."""
    async with uow:
        claims = await _claims(uow, claim_ids, submitted_from, submitted_to)
        for claim in claims:
            claim.ensure_exportable()
        items = [(claim, await _contract(uow, claim))
                 for claim in sorted(claims, key=lambda c: c.account_number)]
        control = await uow.claims.next_control_number([c.id for c, _ in items], now)
        await uow.commit()
    rendered = [await _to_render(claim, contract, source) for claim, contract in items]
    parties = uow.config.parties
    return render_837p(
        rendered, submitter=parties.submitter, receiver_name=parties.receiver_name,
        receiver_id=parties.receiver_id, billing=parties.billing, control_number=control,
        created_at=now, usage=parties.usage)


async def claim_fhir(*, uow: ReimbursementUnitOfWork, claim_id: UUID) -> FhirClaim:
    async with uow:
        claim = await uow.claims.get(claim_id)
        if claim is None:
            raise NotFound("no such claim")
    return claim_resource(claim.as_draft(), claim_id=claim.id, created=claim.created_at,
                          billing_npi=uow.config.parties.billing.npi)


async def _claims(uow: ReimbursementUnitOfWork, claim_ids: list[UUID] | None,
                  submitted_from: datetime | None, submitted_to: datetime | None,
                  ) -> list[Claim]:
    if claim_ids is not None:
        claims = [claim for i in claim_ids if (claim := await uow.claims.get(i)) is not None]
        if len(claims) != len(claim_ids):
            raise NotFound("no such claim")
        return claims
    claims = await uow.claims.search(ClaimFilter(
        statuses=["submitted"], submitted_from=submitted_from, submitted_to=submitted_to))
    if not claims:
        raise NotFound("no submitted claims in that window")
    return claims


async def _contract(uow: ReimbursementUnitOfWork, claim: Claim) -> PayerContract:
    contract = await uow.catalog.contract(claim.coding.payer_id)
    if contract is None:
        raise Conflict(f"no contract on file for payer {claim.coding.payer_id}")
    return contract


async def _to_render(claim: Claim, contract: PayerContract, source: SubscriberSource,
                     ) -> ClaimToRender:
    try:
        subscriber = await source.subscriber(patient_id=claim.patient_id,
                                             member_id=claim.coding.member_id or "")
    except DemographicsUnavailable as exc:
        raise ServiceUnavailable(f"subscriber demographics unavailable: {exc}",
                                 headers={"Retry-After": "30"}) from exc
    return ClaimToRender(
        claim.as_draft(), claim.account_number, subscriber,
        PayerParty(contract.name, contract.x12_payer_id, contract.claim_filing),
        # segment() writes None and "" alike: an absent NPI stays an empty element
        Provider(claim.coding.rendering_npi or "", "RENDERING", "PROVIDER"))
