"""Post an 835: every claim payment in one transaction, or nothing (payer-exchange.md §4).

The file is parsed and balanced before the transaction opens. A remittance is known by its
key (TRN03, TRN04, TRN02, payee) read from the parsed segments: a re-sent file, whatever its
envelope numbers or line breaks, posts nothing; the database's unique key makes a concurrent
second post of it a duplicate too. A file that does not parse or balance, is not a 5010 835,
is not paid to this practice, or reverses a payment never posted is refused whole: nothing is
posted, the refusal (reasons, keys read) is kept in the quarantine for billers, and the caller
gets a 422 naming each segment's line and reason.

A payment for a claim that was never submitted, or for no claim at all, is held: recorded,
not applied. An applied payment settles its claim over the claim's whole payment history
(domain/settlement.py). PLB amounts are kept, tied to the claim their reference names.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import NoReturn
from uuid import UUID

from reimbursement.adapters.remittance_repo import DuplicateRemittance
from reimbursement.adapters.x12.parse_835 import RemittanceFileError, parse_835
from reimbursement.domain.errors import RejectedRemittance
from reimbursement.domain.lifecycle import Claim
from reimbursement.domain.money import ZERO
from reimbursement.domain.posting import (
    PostedPayment,
    PostedProviderAdjustment,
    StoredOutcome,
    posted_adjustments,
)
from reimbursement.domain.remittance import (
    ClaimPayment,
    Remittance,
    RemittanceKey,
    post_claim_payment,
)
from reimbursement.domain.remittance_checks import Refusal, payee_refusals, reversal_refusals
from reimbursement.domain.settlement import settle
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
    claim_status: str = ""  # the claim's status once settled over its history
    crossover: bool = False


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
        await _refuse(uow, exc.keys, [Refusal(e.line, e.reason) for e in exc.errors], now)
    result = await _post(uow, remittances, now)
    if isinstance(result, RemittanceImport):
        return result
    await _refuse(uow, [r.key for r in remittances], result, now)


async def _refuse(uow: ReimbursementUnitOfWork, keys: Sequence[RemittanceKey],
                  refusals: Sequence[Refusal], now: datetime) -> NoReturn:
    """Keep the refusal for billers, then answer it (nothing of the file was posted)."""
    reasons = [{"field": f"line {r.line}", "message": r.reason} for r in refusals]
    async with uow:
        quarantine_id = await uow.remittances.quarantine(keys=keys, reasons=reasons,
                                                         received_at=now)
        await uow.commit()
    log.warning("835 quarantined %s: %d problem(s)", quarantine_id, len(refusals))
    first = refusals[0]
    raise RejectedRemittance(
        f"{len(refusals)} problem(s); nothing was posted. First: line {first.line}: "
        f"{first.reason}", errors=reasons, quarantine_id=str(quarantine_id))


async def _post(uow: ReimbursementUnitOfWork, remittances: list[Remittance],
                now: datetime) -> RemittanceImport | list[Refusal]:
    async with uow:
        billing = await uow.practice.billing_identity()
        refusals = [x for r in remittances for x in payee_refusals(r, billing)]
        if refusals:
            return refusals
        known = await uow.remittances.known([r.key for r in remittances])
        firsts = {r.key: r for r in reversed(remittances)}  # a set repeated in one file
        fresh = [r for r in remittances if r.key not in known and firsts[r.key] is r]
        if not fresh:
            return RemittanceImport(duplicate=True)
        try:  # first: a concurrent post of the same key waits here, then is a duplicate
            ids = [await uow.remittances.add(r, received_at=now) for r in fresh]
        except DuplicateRemittance:
            return RemittanceImport(duplicate=True)
        accounts = [c.account_number for r in fresh for c in r.claims]
        claims = await uow.claims.by_accounts(accounts)
        history = await uow.remittances.payments_by_account(accounts)
        refusals = reversal_refusals(fresh, {a: [p.entry() for p in ps]
                                             for a, ps in history.items()})
        if refusals:
            return refusals
        posting = _Posting(claims, history, now)
        for remittance_id, remittance in zip(ids, fresh, strict=True):
            posting.remittance(remittance_id, remittance)
        await uow.remittances.add_payments(posting.payments)
        await uow.remittances.add_provider_adjustments(await _provider_adjustments(
            uow, ids, fresh, posting, now))
        await uow.commit()
    return RemittanceImport(False, tuple(
        PostedRemittance(i, r.trace_number, r.payment_amount, len(r.claims))
        for i, r in zip(ids, fresh, strict=True)), tuple(posting.postings))


class _Posting:
    """Applies each CLP of the file to its claim, in file order, keeping what it posted."""

    def __init__(self, claims: dict[str, Claim], history: dict[str, list[PostedPayment]],
                 now: datetime) -> None:
        self.claims = claims
        self.history = history
        self.now = now
        self.payments: list[PostedPayment] = []
        self.postings: list[ClaimPosting] = []
        self.by_payer_number: dict[str, UUID] = {}

    def remittance(self, remittance_id: UUID, remittance: Remittance) -> None:
        ordinals: Counter[tuple[str, str, str]] = Counter()
        for position, clp in enumerate(remittance.claims):
            key = (clp.account_number, clp.payer_claim_number or "", clp.status_code)
            self._one(_Clp(remittance_id, position, ordinals[key], clp, self.now))
            ordinals[key] += 1

    def _one(self, clp: _Clp) -> None:
        account = clp.payment.account_number
        claim = self.claims.get(account)
        if claim is None:
            log.warning("remittance %s: no claim for account %s", clp.remittance_id, account)
            self._hold(clp, None)
            return
        if clp.payment.payer_claim_number:
            self.by_payer_number.setdefault(clp.payment.payer_claim_number, claim.id)
        if not claim.accepts_remittance:
            # Money for a claim we never sent: keep the payment on the claim for a biller to
            # reconcile, but leave the claim's status and amounts alone.
            log.warning("remittance %s: claim %s is %s, not submitted; payment held",
                        clp.remittance_id, claim.id, claim.status)
            self._hold(clp, claim)
            return
        outcome = post_claim_payment([(b.line.number, b.line.code, b.line.modifiers)
                                      for b in claim.lines], clp.payment)
        record = clp.record(claim.id, patient_responsibility=outcome.patient_responsibility,
                            contractual=outcome.contractual, outcome=outcome.status,
                            denial_reasons=outcome.denial_reasons,
                            unmatched_lines=outcome.unmatched)
        past = self.history.setdefault(account, [])
        past.append(record)
        settled = settle([p.entry() for p in past if p.applied])
        claim.post(outcome, now=self.now, settled=settled)
        self.payments.append(record)
        CLAIMS_POSTED.labels(outcome.status).inc()
        self.postings.append(ClaimPosting(account, claim.id, outcome.status, outcome.paid,
                                          AppliedPayment(outcome.patient_responsibility,
                                                         claim.denial_reasons,
                                                         outcome.unmatched, claim.status,
                                                         clp.payment.crossover)))

    def _hold(self, clp: _Clp, claim: Claim | None) -> None:
        """Record a payment without applying it to any claim's amounts."""
        claim_id = claim.id if claim is not None else None
        record = clp.record(claim_id, patient_responsibility=clp.payment.patient_responsibility
                            or ZERO, contractual=ZERO,
                            outcome="unsubmitted" if claim is not None else None)
        self.history.setdefault(clp.payment.account_number, []).append(record)
        self.payments.append(record)
        held = "unsubmitted" if claim is not None else "unmatched"
        CLAIMS_POSTED.labels(held).inc()
        self.postings.append(ClaimPosting(clp.payment.account_number, claim_id, held,
                                          clp.payment.paid))


async def _provider_adjustments(uow: ReimbursementUnitOfWork, ids: list[UUID],
                                remittances: list[Remittance], posting: _Posting,
                                now: datetime) -> list[PostedProviderAdjustment]:
    """PLB amounts, each tied to the claim its reference names: a CLP01 (account number) or
    a CLP07 (payer claim number) of this file or of a payment posted before."""
    refs = [p.reference for r in remittances for p in r.provider_adjustments if p.reference]
    accounts = {a: c.id for a, c in (await uow.claims.by_accounts(
        [x for x in refs if x not in posting.claims])).items()} if refs else {}
    accounts |= {a: c.id for a, c in posting.claims.items()}
    earlier = await uow.remittances.claims_by_payer_claim_number(
        [x for x in refs if x not in accounts and x not in posting.by_payer_number])
    out: list[PostedProviderAdjustment] = []
    for remittance_id, r in zip(ids, remittances, strict=True):
        for position, p in enumerate(r.provider_adjustments):
            ref = p.reference or ""
            claim_id = (accounts.get(ref) or posting.by_payer_number.get(ref)
                        or earlier.get(ref))
            out.append(PostedProviderAdjustment(remittance_id, position, p.reason,
                                                p.reference, p.amount, claim_id, now))
    return out


@dataclass(frozen=True, slots=True)
class _Clp:
    remittance_id: UUID
    position: int
    ordinal: int
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
            posted_at=self.now, ordinal=self.ordinal, crossover=p.crossover,
            remarks=tuple(dict.fromkeys((*p.remarks, *(r for s in p.services
                                                       for r in s.remarks)))))
