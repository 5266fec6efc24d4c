"""The underpayment worklist: adjudicated claims' lines against the contract effective on the
date of service, computed on read from what posting stored: the claim's lines (charge, paid,
denied) and the payment of record's CAS rows (the primary payer's latest applied CLP; see
domain/variance.py). Nothing here writes; posting is untouched.

The contract is the payer's versioned one effective on the date of service (payer-wide: a
claim carries no plan), else the unversioned contract the claim was priced with. A claim whose
payer has neither is left out: there is nothing to compare it against.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from uuid import UUID

from reimbursement.adapters.claims_repo import ClaimFilter
from reimbursement.domain.fees import AspQuarter
from reimbursement.domain.lifecycle import Claim
from reimbursement.domain.posting import PostedPayment
from reimbursement.domain.pricing import (
    ContractTerms,
    RateTable,
    Version,
    effective,
    from_legacy,
)
from reimbursement.domain.variance import (
    BilledFacts,
    LineVariance,
    Pricing,
    VarianceStatus,
    claim_variances,
    payment_of_record,
)
from reimbursement.service.uow import ReimbursementUnitOfWork

# Claims a payer has adjudicated with money or a patient share on some line. "paid_zero"
# (issue 14: everything went to the deductible) is listed for when the lifecycle records it.
ADJUDICATED = ("paid", "partially_paid", "paid_zero")


@dataclass(frozen=True, slots=True)
class ContractRef:
    payer_id: str
    plan: str
    version: int | None  # None: the unversioned contract
    name: str


@dataclass(frozen=True, slots=True)
class VarianceRow:
    claim_id: UUID
    account_number: str
    payer_id: str
    service_date: date
    contract: ContractRef
    line: LineVariance


async def variances(
    *, uow: ReimbursementUnitOfWork, statuses: Collection[VarianceStatus],
    payer_id: str | None = None, service_from: date | None = None,
    service_to: date | None = None,
) -> list[VarianceRow]:
    """Lines whose variance status is in ``statuses``, largest shortfall first."""
    async with uow:
        claims = [c for c in await uow.claims.search(ClaimFilter(
            statuses=ADJUDICATED, service_from=service_from, service_to=service_to))
            if c.coding.payer_id and (payer_id is None or c.coding.payer_id == payer_id)]
        payments = await uow.remittances.payments(claim_ids=[c.id for c in claims])
        book = _Book(await uow.pricing.contracts(),
                     await uow.pricing.rate_tables("fee_schedule"), await uow.catalog.awp())
        for claim in claims:
            day = claim.coding.service_date
            if day not in book.asp:
                book.asp[day] = await uow.catalog.asp_for(day)
            payer = claim.coding.payer_id or ""
            if payer not in book.legacy and book.versioned(payer, day) is None:
                legacy = await uow.catalog.contract(payer)
                book.legacy[payer] = from_legacy(legacy) if legacy else None
    rows = []
    for claim in claims:
        for line in _claim_lines(claim, payments.get(claim.id, []), book):
            if line[1].status in statuses:
                rows.append(VarianceRow(claim.id, claim.account_number,
                                        claim.coding.payer_id or "", claim.coding.service_date,
                                        line[0], line[1]))
    return sorted(rows, key=lambda r: (r.line.variance or Decimal(0), r.service_date,
                                       r.account_number))


@dataclass
class _Book:
    """The pricing data one worklist read needs, loaded once."""

    contracts: list[Version[ContractTerms]]
    schedules: list[Version[RateTable]]
    awp: dict[str, Decimal]
    asp: dict[date, AspQuarter | None] = field(default_factory=dict)
    legacy: dict[str, ContractTerms | None] = field(default_factory=dict)

    def versioned(self, payer_id: str, day: date) -> Version[ContractTerms] | None:
        return effective([v for v in self.contracts
                          if v.owner == payer_id and v.plan == ""], day)

    def pricing(self, payer_id: str, day: date) -> tuple[ContractRef, Pricing] | None:
        version = self.versioned(payer_id, day)
        if version is not None:
            ref = ContractRef(payer_id, "", version.number, version.body.name)
            terms = version.body
        else:
            legacy = self.legacy.get(payer_id)
            if legacy is None:
                return None
            ref, terms = ContractRef(payer_id, "", None, legacy.name), legacy
        schedule: dict[str, Decimal] = {}
        if terms.fee_schedule_id:
            found = effective([s for s in self.schedules if s.owner == terms.fee_schedule_id],
                              day)
            schedule = dict(found.body.rates) if found else {}
        return ref, Pricing(terms, schedule, self.asp.get(day), self.awp)


def _claim_lines(claim: Claim, payments: Sequence[PostedPayment], book: _Book,
                 ) -> list[tuple[ContractRef, LineVariance]]:
    found = book.pricing(claim.coding.payer_id or "", claim.coding.service_date)
    payment = payment_of_record(payments)
    if found is None or payment is None:
        return []
    ref, pricing = found
    lines = [BilledFacts(b.line.number, b.line.code, b.line.modifiers, b.line.units,
                         b.line.charge, b.paid, b.denied) for b in claim.lines]
    return [(ref, v) for v in claim_variances(pricing, lines, payment)]
