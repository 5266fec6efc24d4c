"""Claim state handlers beyond building and submitting: replace (7) or void (8) a processed
claim, appeal / write off / close, per payer claim rules, the timely filing worklist.

The claim decides every status change (domain/transitions.py); these handlers load it, read
the payer's rules, and commit. ``actor`` is who asked (the API's principal) or
``system:<component>``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from chairside_shared.errors import NotFound
from reimbursement.adapters.claim_rules_repo import StoredRules
from reimbursement.adapters.claims_repo import ClaimFilter
from reimbursement.domain.claim import ClaimStatus
from reimbursement.domain.lifecycle import Claim
from reimbursement.domain.submissions import (
    Frequency,
    accepts_replacement,
    ensure_timely,
    filing_deadline,
)
from reimbursement.domain.transitions import Action
from reimbursement.service.uow import ReimbursementUnitOfWork

_TARGET: dict[str, ClaimStatus] = {"appeal": "appealed", "write_off": "written_off",
                                   "close": "closed"}
# Claims the timely filing clock still matters for: not yet accepted by the payer.
NOT_FILED: tuple[ClaimStatus, ...] = ("needs_review", "held", "ready", "rejected")


@dataclass(frozen=True, slots=True)
class FilingDue:
    claim: Claim
    deadline: date
    days_left: int


async def deadline_of(uow: ReimbursementUnitOfWork, claim: Claim) -> date:
    rules = await uow.claim_rules.rules(claim.coding.payer_id)
    return filing_deadline(claim.coding.service_date, rules.rule,
                           default_days=uow.config.timely_filing_default_days)


async def ensure_timely_filing(uow: ReimbursementUnitOfWork, claim: Claim,
                               now: datetime) -> None:
    """Refuse (409 naming the deadline) a claim past its payer's filing limit."""
    today = now.astimezone(uow.config.clinic_tz).date()
    ensure_timely(claim.coding.service_date, today, await deadline_of(uow, claim))


async def replace_or_void(*, uow: ReimbursementUnitOfWork, claim_id: UUID,
                          frequency: Frequency, reason: str, actor: str,
                          now: datetime) -> None:
    """Record a replacement (7) or void (8) of a processed claim as its next version; the
    exchange sends it (service/exchange.py)."""
    async with uow:
        claim = await _locked(uow, claim_id)
        rules = await uow.claim_rules.rules(claim.coding.payer_id)
        if frequency == "7":
            await ensure_timely_filing(uow, claim, now)  # a corrected claim is bound too
        payments = (await uow.remittances.payments(claim_ids=[claim.id])).get(claim.id, [])
        remitted = next((p.payer_claim_number for p in reversed(payments)
                         if p.payer_claim_number), None)
        claim.replace_or_void(frequency, now=now, actor=actor, reason=reason,
                              accepts_replacement=accepts_replacement(rules.rule),
                              remitted_icn=remitted)
        await uow.commit()


async def change_status(*, uow: ReimbursementUnitOfWork, claim_id: UUID, action: Action,
                        reason: str, actor: str, now: datetime) -> None:
    async with uow:
        claim = await _locked(uow, claim_id)
        claim.move(action, _TARGET[action], now=now, actor=actor, reason=reason)
        await uow.commit()


async def rules_of(*, uow: ReimbursementUnitOfWork, payer_id: str) -> StoredRules:
    async with uow:
        return await uow.claim_rules.rules(payer_id)


async def save_rules(*, uow: ReimbursementUnitOfWork, payer_id: str, days: int | None,
                     accepts: bool | None, now: datetime) -> StoredRules:
    async with uow:
        await uow.claim_rules.save(payer_id, days=days, accepts=accepts, now=now)
        rules = await uow.claim_rules.rules(payer_id)
        await uow.commit()
    return rules


async def timely_filing(*, uow: ReimbursementUnitOfWork, within_days: int,
                        now: datetime) -> list[FilingDue]:
    """Claims not yet filed whose deadline falls within ``within_days`` (or has passed),
    nearest deadline first."""
    today = now.astimezone(uow.config.clinic_tz).date()
    async with uow:
        claims = await uow.claims.search(ClaimFilter(statuses=NOT_FILED))
        due = []
        rules: dict[str | None, StoredRules] = {}
        for claim in claims:
            payer = claim.coding.payer_id
            if payer not in rules:
                rules[payer] = await uow.claim_rules.rules(payer)
            deadline = filing_deadline(claim.coding.service_date, rules[payer].rule,
                                       default_days=uow.config.timely_filing_default_days)
            if (deadline - today).days <= within_days:
                due.append(FilingDue(claim, deadline, (deadline - today).days))
    return sorted(due, key=lambda d: (d.deadline, d.claim.id))


async def _locked(uow: ReimbursementUnitOfWork, claim_id: UUID) -> Claim:
    claim = await uow.claims.get(claim_id, for_update=True)
    if claim is None:
        raise NotFound("no such claim")
    return claim
