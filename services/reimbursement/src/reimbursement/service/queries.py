"""Read side of claims: one claim with its payments, lists with cursors, the denials worklist."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

from chairside_shared.errors import InvalidInput, NotFound
from reimbursement.adapters.claims_repo import ClaimFilter
from reimbursement.adapters.cob_repo import CobRecord
from reimbursement.domain.lifecycle import BilledLine, Claim
from reimbursement.domain.posting import PostedPayment, PostedProviderAdjustment
from reimbursement.service.claim_states import deadline_of
from reimbursement.service.uow import ReimbursementUnitOfWork


@dataclass(frozen=True, slots=True)
class ClaimView:
    claim: Claim
    payments: tuple[PostedPayment, ...]
    cob: CobRecord | None = None  # coordination of benefits, on the primary or its secondary
    provider_adjustments: tuple[PostedProviderAdjustment, ...] = ()
    filing_deadline: date | None = None


@dataclass(frozen=True, slots=True)
class Denial:
    """A denied or partially paid claim on the worklist."""

    claim: Claim
    age_days: int  # since the date of service, in the clinic's time zone
    denied_lines: tuple[BilledLine, ...]


def encode_cursor(claim: Claim) -> str:
    return base64.urlsafe_b64encode(f"{claim.created_at.isoformat()}|{claim.id}".encode()
                                    ).decode()


def decode_cursor(cursor: str) -> tuple[datetime, UUID]:
    try:
        created, claim_id = base64.urlsafe_b64decode(cursor.encode()).decode().split("|")
        return datetime.fromisoformat(created), UUID(claim_id)
    except (ValueError, UnicodeDecodeError) as exc:
        raise InvalidInput("cursor", "not a cursor this API issued") from exc


async def claim_view(*, uow: ReimbursementUnitOfWork, claim_id: UUID) -> ClaimView:
    async with uow:
        claim = await uow.claims.get(claim_id)
        if claim is None:
            raise NotFound("no such claim")
        payments = await uow.remittances.payments(claim_ids=[claim.id])
        links = await uow.cob.links([claim.id])
        adjustments = await uow.remittances.provider_adjustments(claim_id=claim.id)
        deadline = await deadline_of(uow, claim)
    return ClaimView(claim, tuple(payments.get(claim.id, [])), links[0] if links else None,
                     tuple(adjustments), deadline)


async def cob_links(*, uow: ReimbursementUnitOfWork,
                    claim_ids: list[UUID]) -> dict[UUID, CobRecord]:
    """Each claim's coordination-of-benefits record (as primary or as secondary)."""
    async with uow:
        links = await uow.cob.links(claim_ids)
    out: dict[UUID, CobRecord] = {}
    for record in links:
        out[record.claim_id] = record
        if record.secondary_claim_id is not None:
            out[record.secondary_claim_id] = record
    return out


async def quarantined_remittances(*, uow: ReimbursementUnitOfWork, limit: int,
                                  cursor: str | None) -> tuple[list[dict[str, Any]], str | None]:
    """835s refused whole, newest first, ``limit`` per page."""
    after = decode_cursor(cursor) if cursor else None
    async with uow:
        rows = await uow.remittances.quarantined(limit=limit + 1, after=after)
    page = rows[:limit]
    nxt = None
    if len(rows) > limit and page:
        last = page[-1]
        nxt = base64.urlsafe_b64encode(f"{last['received_at'].isoformat()}|{last['id']}"
                                       .encode()).decode()
    return page, nxt


async def list_claims(*, uow: ReimbursementUnitOfWork, order_id: UUID | None,
                      statuses: list[str], practice_id: str | None, limit: int,
                      cursor: str | None) -> tuple[list[Claim], str | None]:
    """Newest first, ``limit`` per page; the cursor continues after the page's last claim."""
    after = decode_cursor(cursor) if cursor else None
    where = ClaimFilter(order_id=order_id, statuses=statuses, practice_id=practice_id)
    async with uow:
        claims = await uow.claims.search(where, after=after, limit=limit + 1)
    page = claims[:limit]
    return page, encode_cursor(page[-1]) if len(claims) > limit and page else None


async def denials(*, uow: ReimbursementUnitOfWork, now: datetime) -> list[Denial]:
    """Denied and partially paid claims, oldest first, with reasons and the lines denied."""
    today = now.astimezone(uow.config.clinic_tz).date()
    async with uow:
        claims = await uow.claims.search(ClaimFilter(statuses=["denied", "partially_paid"]))
    worklist = [Denial(claim, (today - claim.coding.service_date).days,
                       tuple(b for b in claim.lines if b.denied)) for claim in claims]
    return sorted(worklist, key=lambda d: (d.claim.coding.service_date, d.claim.id))
