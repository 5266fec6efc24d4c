"""Patient statements and credit balances (payer-exchange.md §6).

The statement names the patient: orders' payer identity for the claim's order is read at that
moment with purpose ``payment`` (billing a patient is a payment activity; orders audits the
read) and kept nowhere; the PDF is answered and forgotten. Logs carry claim ids only.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from chairside_shared.errors import Conflict, NotFound
from reimbursement.adapters.clients import PayerIdentitySource
from reimbursement.adapters.cob_repo import CobRecord
from reimbursement.domain.cob import CreditBalance, credit_balance, final_payment
from reimbursement.domain.lifecycle import Claim
from reimbursement.domain.posting import PostedPayment
from reimbursement.domain.statement import (
    PayerPostings,
    Statement,
    StatementLine,
    amount_due,
    payer_part,
    statement_hold,
)
from reimbursement.service.cob import AS_NEXT_PAYER
from reimbursement.service.identity import fetch_identity
from reimbursement.service.uow import ReimbursementUnitOfWork

log = logging.getLogger("reimbursement.statements")


class StatementHeld(Conflict):
    """No statement yet (409): ``reason`` says why (a payer pending, nothing owed)."""

    title, code = "Statement not available", "statement-held"


@dataclass(frozen=True, slots=True)
class _Facts:
    primary: Claim
    record: CobRecord | None
    payers: tuple[PayerPostings, ...]  # in the order they paid
    last: tuple[PostedPayment, ...]  # the last payer's postings
    hold: str | None


async def statement(*, uow: ReimbursementUnitOfWork, source: PayerIdentitySource,
                    claim_id: UUID, now: datetime) -> Statement:
    """The statement of a claim (primary or its secondary) once the last payer is final."""
    facts = await _facts(uow, claim_id)
    if facts.hold is not None:
        raise StatementHeld(facts.hold, reason=facts.hold, claim_id=str(claim_id))
    due = amount_due(facts.last)
    if due <= 0:
        raise StatementHeld("nothing is owed by the patient", reason="nothing owed",
                            claim_id=str(claim_id))
    async with uow:
        practice = await uow.practice.billing_identity()
    if practice is None:
        raise Conflict("the practice's billing identity is not recorded")
    primary = facts.primary
    identity = await fetch_identity(source, primary.order_id)
    if identity is None or identity.patient is None:
        raise Conflict("orders has no demographics for the claim's patient")
    log.info("statement for claim %s", primary.id)
    return Statement(
        practice=practice, patient=identity.patient, account_number=primary.account_number,
        statement_date=now.astimezone(uow.config.clinic_tz).date(),
        service_date=primary.coding.service_date,
        lines=tuple(StatementLine(b.line.code, b.line.modifiers, b.line.units, b.line.charge,
                                  b.line.description) for b in primary.lines),
        total_charge=primary.coding.total_charge,
        payers=tuple(payer_part(p) for p in facts.payers), amount_due=due)


async def _facts(uow: ReimbursementUnitOfWork, claim_id: UUID) -> _Facts:
    async with uow:
        claim = await uow.claims.get(claim_id)
        if claim is None:
            raise NotFound("no such claim")
        record = await uow.cob.of_secondary(claim.id)
        primary = claim
        if record is not None:
            found = await uow.claims.get(record.claim_id)
            assert found is not None
            primary = found
        else:
            record = await uow.cob.get(claim.id)
        secondary_id = record.secondary_claim_id if record else None
        ids = [primary.id] + ([secondary_id] if secondary_id else [])
        payments = await uow.remittances.payments(claim_ids=ids)
        on_primary = _applied(payments.get(primary.id, []))
        on_secondary = _applied(payments.get(secondary_id, [])) if secondary_id else []
        names = await uow.cob.remittance_payers(
            [p.remittance_id for p in on_primary + on_secondary])
        secondary = await uow.claims.get(secondary_id) if secondary_id else None
        contracts = {"first": await uow.catalog.contract(primary.coding.payer_id),
                     "secondary": await uow.catalog.contract(
                         secondary.coding.payer_id if secondary else None)}
    # A crossover payer's answer posts on the primary claim (it quotes our CLM01): told apart
    # by its CLP02 (processed as secondary/tertiary).
    first = [p for p in on_primary if p.status_code not in AS_NEXT_PAYER]
    crossover = [p for p in on_primary if p.status_code in AS_NEXT_PAYER]
    groups = [(k, g) for k, g in (("first", first), ("crossover", crossover),
                                  ("secondary", on_secondary)) if g]

    def name(kind: str, group: list[PostedPayment]) -> str:
        """Our contract's name for the payer; a crossover payer as its 835 names itself."""
        if (contract := contracts.get(kind)) is not None:
            return contract.name
        payer = names[group[-1].remittance_id]
        return payer.payer_name or payer.payer_id or "payer"

    payers = tuple(PayerPostings(name(k, g), tuple(g)) for k, g in groups)
    hold = statement_hold(record.state if record else None,
                          primary_final=final_payment(first) is not None,
                          secondary_final=final_payment(on_secondary) is not None
                          if secondary_id else None)
    state = record.state if record else None
    if state == "awaiting_crossover" and crossover:
        hold = None  # the crossover payer answered before coordination was re-run
    last = tuple(groups[-1][1]) if groups else ()
    if state == "released":
        last = tuple(first)
    return _Facts(primary, record, payers, last, hold)


def _applied(payments: list[PostedPayment]) -> list[PostedPayment]:
    return [p for p in payments if p.outcome not in (None, "unsubmitted")]


async def credit_balances(*, uow: ReimbursementUnitOfWork) -> list[CreditBalance]:
    """Claims holding more than the payers' standing decisions say, to refund (oldest
    claim first). Patient payments are not recorded by this service: payer credits only."""
    async with uow:
        ids = await uow.cob.paid_claim_ids()
        payments = await uow.remittances.payments(claim_ids=ids)
        claims = [c for i in ids if (c := await uow.claims.get(i)) is not None]
    out = []
    for claim in sorted(claims, key=lambda c: (c.created_at, c.id)):
        applied = _applied(payments.get(claim.id, []))
        by_payer = [[p for p in applied if p.status_code not in AS_NEXT_PAYER],
                    [p for p in applied if p.status_code in AS_NEXT_PAYER]]
        found = credit_balance(str(claim.id), claim.coding.payer_id,
                               claim.coding.total_charge, [g for g in by_payer if g])
        if found is not None:
            out.append(found)
    return out
