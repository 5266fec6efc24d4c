"""The patient statement: when it may go out, and what it says (payer-exchange.md §6, §4.6).

A statement goes out only once the last payer is final: while a secondary claim is unsent or
undecided, or a crossover payer has not answered, it is held (a biller may release a crossover
or a refused secondary). The amount due is the last payer's PR adjustments (deductible,
coinsurance, copay, ...), never CO / PI / OA, from that payer's standing decision.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from reimbursement.domain.cob import CobState, final_payment, patient_responsibility
from reimbursement.domain.money import ZERO
from reimbursement.domain.parties import Person
from reimbursement.domain.posting import PostedPayment
from reimbursement.domain.practice import BillingIdentity


@dataclass(frozen=True, slots=True)
class StatementLine:
    code: str
    modifiers: tuple[str, ...]
    units: int
    charge: Decimal
    description: str | None = None


@dataclass(frozen=True, slots=True)
class PayerPart:
    """What one payer did: paid, and adjusted per group (CO/PR/OA/PI)."""

    name: str
    paid: Decimal
    adjusted: tuple[tuple[str, Decimal], ...]


@dataclass(frozen=True, slots=True)
class Statement:
    practice: BillingIdentity
    patient: Person
    account_number: str
    statement_date: date
    service_date: date
    lines: tuple[StatementLine, ...]
    total_charge: Decimal
    payers: tuple[PayerPart, ...]
    amount_due: Decimal


@dataclass(frozen=True, slots=True)
class PayerPostings:
    """One payer's applied postings on the claim(s), oldest first."""

    name: str
    payments: tuple[PostedPayment, ...]


def statement_hold(state: CobState | None, *, primary_final: bool,
                   secondary_final: bool | None) -> str | None:
    """Why no statement may go out yet (None: it may)."""
    if not primary_final:
        return "the primary payer has not decided the claim"
    if state is None:
        return ("coordination of benefits is not decided yet (POST /v1/claims/{id}/cob runs "
                "it)")
    if state == "awaiting_crossover":
        return ("awaiting the crossover payer's 835 (the primary payer forwarded the claim); "
                "a biller may release it")
    if state == "secondary_refused":
        return "the secondary claim could not be built; a biller must resolve or release it"
    if state == "secondary_built" and not secondary_final:
        return "the secondary claim is pending with the secondary payer"
    return None


def payer_part(postings: PayerPostings) -> PayerPart:
    """A payer's net part (a reversal nets against what it reverses)."""
    adjusted: dict[str, Decimal] = {}
    for p in postings.payments:
        for a in p.adjustments:
            adjusted[a.group] = adjusted.get(a.group, ZERO) + a.amount
    return PayerPart(postings.name, sum((p.paid for p in postings.payments), ZERO),
                     tuple((g, v) for g, v in sorted(adjusted.items()) if v))


def amount_due(last_payer: Sequence[PostedPayment]) -> Decimal:
    """The last payer's PR on its standing decision."""
    final = final_payment(last_payer)
    return ZERO if final is None else patient_responsibility(final)
