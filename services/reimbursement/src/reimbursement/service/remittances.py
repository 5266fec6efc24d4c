"""Post an 835: every claim payment in one transaction, or nothing.

The file is parsed and balanced before the transaction opens; a malformed file never reaches
the database. The same file posted twice is recognised by its digest and posts once. A payment
for a claim that was never submitted, or for no claim at all, is held: recorded, not applied.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from uuid import UUID

from reimbursement.adapters.x12.parse_835 import RemittanceFileError, parse_835
from reimbursement.domain.errors import RejectedRemittance
from reimbursement.domain.lifecycle import Claim
from reimbursement.domain.money import ZERO
from reimbursement.domain.posting import (
    HeldOutcome,
    PostedPayment,
    StoredOutcome,
    posted_adjustments,
)
from reimbursement.domain.remittance import ClaimPayment, post_claim_payment
from reimbursement.metrics import CLAIMS_POSTED
from reimbursement.service.uow import ReimbursementUnitOfWork

log = logging.getLogger("reimbursement.remittances")


@dataclass(frozen=True, slots=True)
class PostedRemittance:
    id: UUID
    trace_number: str
    payment_amount: Decimal
    claims: int


@dataclass(frozen=True, slots=True)
class ClaimPosting:
    """What became of one CLP; ``applied`` is None when the payment was held."""

    account_number: str
    claim_id: UUID | None
    outcome: str
    paid: Decimal
    applied: AppliedPayment | None = None


@dataclass(frozen=True, slots=True)
class AppliedPayment:
    patient_responsibility: Decimal
    denial_reasons: tuple[str, ...]
    unmatched_lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RemittanceImport:
    duplicate: bool
    remittances: tuple[PostedRemittance, ...] = ()
    claims: tuple[ClaimPosting, ...] = ()


async def import_remittance(*, uow: ReimbursementUnitOfWork, text: str, now: datetime,
                            ) -> RemittanceImport:
    try:
        remittances = parse_835(text)
    except RemittanceFileError as exc:
        raise RejectedRemittance(
            f"{len(exc.errors)} problem(s); nothing was posted. First: {exc.errors[0]}",
            errors=[{"field": f"line {e.line}", "message": e.reason} for e in exc.errors],
        ) from exc
    digest = hashlib.sha256(text.strip().encode()).hexdigest()
    async with uow:
        if await uow.remittances.exists(f"{digest}:0"):
            return RemittanceImport(duplicate=True)
        posted: list[PostedRemittance] = []
        claims: list[ClaimPosting] = []
        for index, remittance in enumerate(remittances):
            remittance_id = await uow.remittances.add(remittance, digest=f"{digest}:{index}",
                                                      received_at=now)
            posted.append(PostedRemittance(remittance_id, remittance.trace_number,
                                           remittance.payment_amount, len(remittance.claims)))
            for position, payment in enumerate(remittance.claims):
                claims.append(await _post(uow, _Clp(remittance_id, position, payment, now)))
        await uow.commit()
    return RemittanceImport(False, tuple(posted), tuple(claims))


@dataclass(frozen=True, slots=True)
class _Clp:
    remittance_id: UUID
    position: int
    payment: ClaimPayment
    now: datetime

    def record(self, claim_id: UUID | None, *, patient_responsibility: Decimal,
               contractual: Decimal, outcome: StoredOutcome,
               denial_reasons: tuple[str, ...] = (),
               unmatched_lines: tuple[str, ...] = ()) -> PostedPayment:
        p = self.payment
        return PostedPayment(
            remittance_id=self.remittance_id, position=self.position, claim_id=claim_id,
            account_number=p.account_number, status_code=p.status_code,
            payer_claim_number=p.payer_claim_number, charge=p.charge, paid=p.paid,
            patient_responsibility=patient_responsibility, contractual=contractual,
            outcome=outcome, denial_reasons=denial_reasons,
            adjustments=posted_adjustments(p), unmatched_lines=unmatched_lines,
            posted_at=self.now)


async def _post(uow: ReimbursementUnitOfWork, clp: _Clp) -> ClaimPosting:
    account = clp.payment.account_number
    claim = await uow.claims.by_account(account)
    if claim is None:
        log.warning("remittance %s: no claim for account %s", clp.remittance_id, account)
        return await _hold(uow, clp, None, "unmatched")
    if not claim.accepts_remittance:
        # Money for a claim we never sent: keep the payment on the claim for a biller to
        # reconcile, but leave the claim's status and amounts alone.
        log.warning("remittance %s: claim %s is %s, not submitted; payment held",
                    clp.remittance_id, claim.id, claim.status)
        return await _hold(uow, clp, claim, "unsubmitted")
    outcome = post_claim_payment([(b.line.number, b.line.code, b.line.modifiers)
                                  for b in claim.lines], clp.payment)
    claim.post(outcome, now=clp.now)
    await uow.remittances.add_payment(clp.record(
        claim.id, patient_responsibility=outcome.patient_responsibility,
        contractual=outcome.contractual, outcome=outcome.status,
        denial_reasons=claim.denial_reasons, unmatched_lines=outcome.unmatched))
    CLAIMS_POSTED.labels(outcome.status).inc()
    return ClaimPosting(account, claim.id, outcome.status, outcome.paid, AppliedPayment(
        outcome.patient_responsibility, claim.denial_reasons, outcome.unmatched))


async def _hold(uow: ReimbursementUnitOfWork, clp: _Clp, claim: Claim | None,
                outcome: HeldOutcome) -> ClaimPosting:
    """Record a payment without applying it to any claim's amounts."""
    claim_id = claim.id if claim is not None else None
    await uow.remittances.add_payment(clp.record(
        claim_id, patient_responsibility=clp.payment.patient_responsibility or ZERO,
        contractual=ZERO, outcome="unsubmitted" if claim is not None else None))
    CLAIMS_POSTED.labels(outcome).inc()
    return ClaimPosting(clp.payment.account_number, claim_id, outcome, clp.payment.paid)
