"""Business reports over claim facts: margin (visit/drug/payer/practice/protocol), days in A/R,
denials, waste.

Margin uses what was actually paid once a claim is adjudicated (payer payment plus the
patient's share), and the expected payment before that; acquisition cost includes waste.
Days in A/R = open receivables / average expected revenue per day over the period.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal
from uuid import UUID

from reimbursement.domain.lifecycle import Claim
from reimbursement.domain.money import ZERO, cents

# paid_zero: adjudicated, the payer paid $0 (all to the deductible): revenue is what the
# patient owes, not a denial.
ADJUDICATED = {"paid", "partially_paid", "paid_zero", "denied"}
# Sent and still owed: in flight, accepted, rejected (to be sent again), replaced, appealed.
OPEN = {"submitted", "accepted", "rejected", "corrected", "appealed", "partially_paid"}
AGING_BUCKETS = ((0, 30), (31, 60), (61, 90), (91, 120), (121, None))


@dataclass(frozen=True, slots=True)
class DrugFacts:
    hcpcs: str
    units: int
    allowed: Decimal  # expected allowed for the drug lines (JW included)
    acquisition_cost: Decimal
    waste_cost: Decimal


@dataclass(frozen=True, slots=True)
class ClaimFacts:
    claim_id: UUID
    order_id: UUID
    payer_id: str | None
    service_date: date
    status: str
    total_charge: Decimal
    allowed: Decimal  # expected allowed, whole claim
    expected_payment: Decimal | None
    paid: Decimal  # posted payer payments (reversals net out)
    patient_responsibility: Decimal
    acquisition_cost: Decimal
    waste_cost: Decimal
    submitted_on: date | None
    drugs: tuple[DrugFacts, ...] = ()
    practice_id: str = ""
    protocol_id: str | None = None  # the order's protocol (from order.signed), None: ad hoc

    @property
    def revenue(self) -> Decimal:
        if self.status in ADJUDICATED:
            return self.paid + self.patient_responsibility
        return self.expected_payment or ZERO


def claim_facts(claim: Claim) -> ClaimFacts:
    c = claim.coding
    return ClaimFacts(
        claim_id=claim.id, order_id=claim.order_id, payer_id=c.payer_id,
        service_date=c.service_date, status=claim.status, total_charge=c.total_charge,
        allowed=c.allowed or ZERO, expected_payment=c.expected_payment,
        paid=claim.paid_amount, patient_responsibility=claim.patient_responsibility,
        acquisition_cost=c.acquisition_cost, waste_cost=c.waste_cost,
        submitted_on=claim.submitted_at.date() if claim.submitted_at else None,
        drugs=_drug_facts(claim), practice_id=claim.practice_id,
    )


def _drug_facts(claim: Claim) -> tuple[DrugFacts, ...]:
    """Per HCPCS (or NDC when it has none): units and allowed billed, cost and waste."""
    units: dict[str, int] = {}
    allowed: dict[str, Decimal] = {}
    cost: dict[str, Decimal] = {}
    waste: dict[str, Decimal] = {}
    for billed in claim.lines:
        line = billed.line
        if line.kind == "drug":
            units[line.code] = units.get(line.code, 0) + line.units
            allowed[line.code] = allowed.get(line.code, ZERO) + (line.allowed or ZERO)
    for d in claim.coding.drug_costs:
        key = d.hcpcs or d.ndc
        cost[key] = cost.get(key, ZERO) + d.acquisition_cost
        waste[key] = waste.get(key, ZERO) + d.waste_cost
    codes = sorted(set(units) | set(cost))
    return tuple(DrugFacts(code, units.get(code, 0), allowed.get(code, ZERO),
                           cost.get(code, ZERO), waste.get(code, ZERO)) for code in codes)


@dataclass(frozen=True, slots=True)
class MarginRow:
    key: str
    claims: int
    charges: Decimal
    revenue: Decimal
    acquisition_cost: Decimal
    waste_cost: Decimal
    margin: Decimal


MarginBy = Literal["visit", "drug", "payer", "practice", "protocol"]
NO_PROTOCOL = "no-protocol"  # orders written line by line, not from a protocol


def margin(facts: Iterable[ClaimFacts], by: MarginBy) -> list[MarginRow]:
    rows: dict[str, list[Decimal]] = {}
    counts: dict[str, set[UUID]] = {}
    for f in facts:
        if by == "drug":
            parts = _drug_parts(f)
        else:
            key = _margin_key(f, by)
            parts = [(key, f.total_charge, f.revenue, f.acquisition_cost, f.waste_cost)]
        for key, charge, revenue, cost, waste in parts:
            acc = rows.setdefault(key, [ZERO, ZERO, ZERO, ZERO])
            for i, value in enumerate((charge, revenue, cost, waste)):
                acc[i] += value
            counts.setdefault(key, set()).add(f.claim_id)
    return sorted(
        (MarginRow(k, len(counts[k]), cents(v[0]), cents(v[1]), cents(v[2]), cents(v[3]),
                   cents(v[1] - v[2])) for k, v in rows.items()),
        key=lambda r: (r.margin, r.key))


def _margin_key(f: ClaimFacts, by: MarginBy) -> str:
    if by == "visit":
        return str(f.order_id)
    if by == "practice":
        return f.practice_id
    if by == "protocol":
        return f.protocol_id or NO_PROTOCOL
    return f.payer_id or "self-pay"


def _drug_parts(f: ClaimFacts) -> list[tuple[str, Decimal, Decimal, Decimal, Decimal]]:
    """Drug revenue is the claim's revenue shared out by each drug's part of the allowed."""
    ratio = f.revenue / f.allowed if f.allowed else ZERO
    return [(d.hcpcs, ZERO, d.allowed * ratio, d.acquisition_cost, d.waste_cost) for d in f.drugs]


@dataclass(frozen=True, slots=True)
class ArReport:
    open_claims: int
    outstanding: Decimal
    average_daily_revenue: Decimal
    days_in_ar: Decimal | None
    aging: tuple[tuple[str, int, Decimal], ...]  # bucket label, claims, outstanding
    denial_rate: Decimal | None  # fully denied / adjudicated
    any_denial_rate: Decimal | None  # denied or partially paid / adjudicated
    denied_charge_rate: Decimal | None
    waste_cost: Decimal


def accounts_receivable(facts: Sequence[ClaimFacts], *, start: date, end: date) -> ArReport:
    """A/R as of ``end`` with revenue and denials over [start, end] by service date."""
    period = [f for f in facts if start <= f.service_date <= end]
    days = (end - start).days + 1
    daily = sum((f.expected_payment or ZERO for f in period), ZERO) / days
    open_ = [f for f in facts if f.status in OPEN and f.service_date <= end]
    outstanding = sum((max((f.expected_payment or ZERO) - f.paid - f.patient_responsibility,
                           ZERO) for f in open_), ZERO)
    aging = []
    for low, high in AGING_BUCKETS:
        bucket = [f for f in open_ if _in_bucket((end - (f.submitted_on or f.service_date)).days,
                                                 low, high)]
        label = f"{low}-{high}" if high is not None else f"{low}+"
        aging.append((label, len(bucket), cents(sum(
            (max((f.expected_payment or ZERO) - f.paid - f.patient_responsibility, ZERO)
             for f in bucket), ZERO))))
    adjudicated = [f for f in period if f.status in ADJUDICATED]
    denied = [f for f in adjudicated if f.status == "denied"]
    partial = [f for f in adjudicated if f.status == "partially_paid"]
    charges = sum((f.total_charge for f in adjudicated), ZERO)
    return ArReport(
        open_claims=len(open_), outstanding=cents(outstanding), average_daily_revenue=cents(daily),
        days_in_ar=(outstanding / daily).quantize(Decimal("0.1")) if daily else None,
        aging=tuple(aging),
        denial_rate=_rate(len(denied), len(adjudicated)),
        any_denial_rate=_rate(len(denied) + len(partial), len(adjudicated)),
        denied_charge_rate=_rate(sum((f.total_charge for f in denied), ZERO), charges),
        waste_cost=cents(sum((f.waste_cost for f in period), ZERO)),
    )


def _in_bucket(age: int, low: int, high: int | None) -> bool:
    return age >= low and (high is None or age <= high)


def _rate(part: Decimal | int, whole: Decimal | int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) / Decimal(whole)).quantize(Decimal("0.0001"))
