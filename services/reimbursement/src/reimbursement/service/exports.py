"""837P (one claim, or a batch of submitted claims) and the FHIR Claim view."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from fhir.resources.R4B.claim import Claim

from chairside_shared.errors import Conflict, NotFound, ServiceUnavailable
from reimbursement.adapters.clients import DemographicsUnavailable, SubscriberSource
from reimbursement.adapters.codec import draft_from_rows
from reimbursement.adapters.fhir_claim import claim_resource
from reimbursement.adapters.x12.render_837 import (
    Address,
    BillingProvider,
    ClaimToRender,
    PayerParty,
    Provider,
    Submitter,
    render_837p,
)
from reimbursement.service.uow import ReimbursementUnitOfWork
from reimbursement.settings import ReimbursementSettings


def billing_provider(settings: ReimbursementSettings) -> BillingProvider:
    return BillingProvider(settings.billing_name, settings.billing_npi, settings.billing_tax_id,
                           practice_address(settings), settings.billing_taxonomy or None)


def practice_address(settings: ReimbursementSettings) -> Address:
    return Address(settings.billing_address, settings.billing_city, settings.billing_state,
                   settings.billing_zip)


async def claim_x12(*, uow: ReimbursementUnitOfWork, claim_ids: list[UUID] | None,
                    source: SubscriberSource, settings: ReimbursementSettings, now: datetime,
                    submitted_from: datetime | None = None,
                    submitted_to: datetime | None = None) -> str:
    """One claim (``claim_ids=[id]``) or every submitted claim in a window, as one interchange."""
    async with uow:
        if claim_ids is not None:
            rows = [row for i in claim_ids if (row := await uow.claims.get(i)) is not None]
            if len(rows) != len(claim_ids):
                raise NotFound("no such claim")
        else:
            rows = await uow.claims.search(status=["submitted"], submitted_from=submitted_from,
                                           submitted_to=submitted_to)
            if not rows:
                raise NotFound("no submitted claims in that window")
        blocked = [r for r in rows if r["status"] == "needs_review"]
        if blocked:
            raise Conflict("the claim needs review before it can be exported",
                           reasons=blocked[0]["reviews"])
        items: list[tuple[dict, list[dict], Any]] = []
        for row in sorted(rows, key=lambda r: r["account_number"]):
            contract = await uow.catalog.contract(row["payer_id"])
            if contract is None:
                raise Conflict(f"no contract on file for payer {row['payer_id']}")
            items.append((row, await uow.claims.lines(row["id"]), contract))
        control = await uow.claims.next_control_number([r["id"] for r, _, _ in items], now)
        await uow.commit()
    rendered = []
    for row, lines, contract in items:
        try:
            subscriber = await source.subscriber(patient_id=row["patient_id"],
                                                 member_id=row["member_id"])
        except DemographicsUnavailable as exc:
            raise ServiceUnavailable(f"subscriber demographics unavailable: {exc}",
                                     headers={"Retry-After": "30"}) from exc
        rendered.append(ClaimToRender(
            draft_from_rows(row, lines), row["account_number"], subscriber,
            PayerParty(contract.name, contract.x12_payer_id, contract.claim_filing),
            Provider(row["rendering_npi"], "RENDERING", "PROVIDER")))
    return render_837p(
        rendered, submitter=Submitter(settings.billing_name, settings.submitter_id,
                                      settings.submitter_contact, settings.submitter_phone),
        receiver_name=settings.receiver_name, receiver_id=settings.receiver_id,
        billing=billing_provider(settings), control_number=control, created_at=now,
        usage=settings.x12_usage)


async def claim_fhir(*, uow: ReimbursementUnitOfWork, claim_id: UUID, now: datetime,
                     settings: ReimbursementSettings) -> Claim:
    async with uow:
        row = await uow.claims.get(claim_id)
        if row is None:
            raise NotFound("no such claim")
        lines = await uow.claims.lines(claim_id)
    return claim_resource(draft_from_rows(row, lines), claim_id=claim_id,
                          created=row["created_at"], billing_npi=settings.billing_npi)
