"""Read side of claims: one claim with its payments, lists with cursors, the denials worklist."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from chairside_shared.errors import InvalidInput, NotFound
from reimbursement.adapters.claims_repo import ClaimFilter
from reimbursement.domain.lifecycle import BilledLine, Claim
from reimbursement.domain.posting import PostedPayment
from reimbursement.service.claim_states import deadline_of
from reimbursement.service.uow import ReimbursementUnitOfWork


@dataclass(frozen=True, slots=True)
class ClaimView:
    claim: Claim
    payments: tuple[PostedPayment, ...]
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
        deadline = await deadline_of(uow, claim)
    return ClaimView(claim, tuple(payments.get(claim.id, [])), deadline)


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
