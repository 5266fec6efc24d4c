"""Remittance (835) model, balancing rules, and how a claim payment posts.

Balancing (checked before anything posts; one failure rejects the file):
* service line: SVC02 charge - sum(line CAS) = SVC03 paid;
* claim: CLP03 charge - sum(claim CAS) - sum(line CAS) = CLP04 paid, and when lines are
  present sum(SVC02) = CLP03;
* transaction: BPR02 = sum(CLP04) - sum(PLB amounts).

Posting: CLP02 = 4 is a denial and 22 a reversal; otherwise a line paid $0 with no patient
cost share (PR-1/2/3) is a denied line, some denied lines make the claim partially paid. A claim
paid $0 because everything went to the deductible is *paid* (adjudicated), not denied.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from reimbursement.domain.money import ZERO

GROUPS = {"CO": "contractual obligation", "PR": "patient responsibility", "OA": "other",
          "PI": "payer initiated", "CR": "correction and reversal"}
CLAIM_STATUS_CODES = {"1", "2", "3", "4", "19", "20", "21", "22", "23", "25"}
COST_SHARE = {"1", "2", "3"}  # deductible, coinsurance, copay (PR)
# Short descriptions for the denial worklist; the full CARC list is published by X12.
CARC = {
    "1": "deductible", "2": "coinsurance", "3": "copayment",
    "4": "procedure code inconsistent with modifier, or a required modifier is missing",
    "15": "authorization number missing or invalid", "16": "claim lacks information",
    "18": "duplicate claim or service", "22": "may be covered by another payer",
    "29": "timely filing limit expired", "45": "charge exceeds fee schedule / contracted amount",
    "50": "not medically necessary", "96": "non-covered charge",
    "97": "included in another service", "119": "benefit maximum reached",
    "151": "frequency not supported", "181": "code invalid on date",
    "182": "modifier invalid on date", "197": "precertification/authorization absent",
    "204": "not covered under the patient's benefit plan", "253": "sequestration",
}

PostedStatus = Literal["paid", "partially_paid", "denied", "reversed"]


@dataclass(frozen=True, slots=True)
class Adjustment:
    group: str
    reason: str
    amount: Decimal
    quantity: Decimal | None = None

    @property
    def label(self) -> str:
        return f"{self.group}-{self.reason}"

    @property
    def description(self) -> str:
        return f"{self.label} {CARC.get(self.reason, 'see the CARC list')}"


@dataclass(frozen=True, slots=True)
class ServicePayment:
    code: str
    modifiers: tuple[str, ...]
    charge: Decimal
    paid: Decimal
    units: Decimal | None
    adjustments: tuple[Adjustment, ...]
    allowed: Decimal | None = None
    remarks: tuple[str, ...] = ()
    line: int = 0

    @property
    def cost_share(self) -> Decimal:
        return sum((a.amount for a in self.adjustments
                    if a.group == "PR" and a.reason in COST_SHARE), ZERO)

    @property
    def denied(self) -> bool:
        return self.paid == 0 and self.cost_share == 0 and self.charge != 0


@dataclass(frozen=True, slots=True)
class ClaimPayment:
    account_number: str
    status_code: str
    charge: Decimal
    paid: Decimal
    patient_responsibility: Decimal | None
    payer_claim_number: str | None
    adjustments: tuple[Adjustment, ...]
    services: tuple[ServicePayment, ...]
    line: int = 0

    def all_adjustments(self) -> tuple[Adjustment, ...]:
        return self.adjustments + tuple(a for s in self.services for a in s.adjustments)


@dataclass(frozen=True, slots=True)
class ProviderAdjustment:
    reason: str
    reference: str | None
    amount: Decimal
    line: int = 0


@dataclass(frozen=True, slots=True)
class Remittance:
    payer_name: str | None
    payer_id: str | None
    payee_npi: str | None
    trace_number: str
    payment_amount: Decimal
    payment_method: str | None
    payment_date: date | None
    claims: tuple[ClaimPayment, ...]
    provider_adjustments: tuple[ProviderAdjustment, ...] = ()
    line: int = 0  # the BPR segment


@dataclass(frozen=True, slots=True)
class Imbalance:
    line: int
    reason: str


def balancing_errors(remittance: Remittance) -> list[Imbalance]:
    errors: list[Imbalance] = []
    for clp in remittance.claims:
        if clp.status_code not in CLAIM_STATUS_CODES:
            errors.append(Imbalance(clp.line, f"CLP02 {clp.status_code!r} is not a claim status"))
        for svc in clp.services:
            adjusted = svc.charge - sum((a.amount for a in svc.adjustments), ZERO)
            if adjusted != svc.paid:
                errors.append(Imbalance(svc.line, f"service {svc.code}: charge {svc.charge} - "
                                        f"adjustments = {adjusted}, but paid {svc.paid}"))
        adjusted = clp.charge - sum((a.amount for a in clp.all_adjustments()), ZERO)
        if adjusted != clp.paid:
            errors.append(Imbalance(clp.line, f"claim {clp.account_number}: charge {clp.charge}"
                                    f" - adjustments = {adjusted}, but paid {clp.paid}"))
        if clp.services:
            lines_charge = sum((s.charge for s in clp.services), ZERO)
            if lines_charge != clp.charge:
                errors.append(Imbalance(clp.line, f"claim {clp.account_number}: service charges "
                                        f"add to {lines_charge}, claim charge is {clp.charge}"))
    expected = (sum((c.paid for c in remittance.claims), ZERO)
                - sum((p.amount for p in remittance.provider_adjustments), ZERO))
    if expected != remittance.payment_amount:
        errors.append(Imbalance(remittance.line, f"BPR02 {remittance.payment_amount} but claims "
                                f"less provider adjustments come to {expected}"))
    return errors


@dataclass(frozen=True, slots=True)
class LineResult:
    code: str
    modifiers: tuple[str, ...]
    charge: Decimal
    paid: Decimal
    allowed: Decimal | None
    denied: bool
    reasons: tuple[str, ...]
    matched_line: int | None  # our claim line number


@dataclass(frozen=True, slots=True)
class PostingOutcome:
    status: PostedStatus
    paid: Decimal
    patient_responsibility: Decimal
    contractual: Decimal
    denial_reasons: tuple[str, ...]
    lines: tuple[LineResult, ...]
    unmatched: tuple[str, ...]


def post_claim_payment(
    claim_lines: Sequence[tuple[int, str, tuple[str, ...]]], payment: ClaimPayment,
) -> PostingOutcome:
    """Post one CLP against our lines ``(number, code, modifiers)``; pure, no side effects."""
    results, unmatched = _match_lines(claim_lines, payment)
    adjustments = payment.all_adjustments()
    patient = payment.patient_responsibility
    if patient is None:
        patient = sum((a.amount for a in adjustments if a.group == "PR"), ZERO)
    contractual = sum((a.amount for a in adjustments if a.group == "CO"), ZERO)
    status = _status(payment, results)
    reasons: tuple[str, ...] = ()
    if status == "denied":
        reasons = tuple(dict.fromkeys(
            a.description for a in adjustments if not (a.group == "PR" and a.reason in COST_SHARE)))
    elif status == "partially_paid":
        reasons = tuple(dict.fromkeys(r for res in results for r in res.reasons))
    return PostingOutcome(status, payment.paid, patient, contractual, reasons, tuple(results),
                          tuple(unmatched))


def _match_lines(
    claim_lines: Sequence[tuple[int, str, tuple[str, ...]]], payment: ClaimPayment,
) -> tuple[list[LineResult], list[str]]:
    """Each SVC against the first free line of the same code (same modifiers preferred)."""
    free = list(claim_lines)
    results: list[LineResult] = []
    unmatched: list[str] = []
    for svc in payment.services:
        match = next((ln for ln in free if ln[1] == svc.code and ln[2] == svc.modifiers), None)
        match = match or next((ln for ln in free if ln[1] == svc.code), None)
        if match is None:
            unmatched.append(svc.code + "".join(f"-{m}" for m in svc.modifiers))
        else:
            free.remove(match)
        line_reasons = tuple(a.description for a in svc.adjustments
                             if svc.denied and not (a.group == "PR" and a.reason in COST_SHARE))
        results.append(LineResult(svc.code, svc.modifiers, svc.charge, svc.paid, svc.allowed,
                                  svc.denied, line_reasons, match[0] if match else None))
    return results, unmatched


def _status(payment: ClaimPayment, lines: list[LineResult]) -> PostedStatus:
    if payment.status_code == "22":
        return "reversed"
    if payment.status_code == "4":
        return "denied"
    if lines:
        denied = sum(1 for ln in lines if ln.denied)
        if denied == len(lines):
            return "denied"
        return "partially_paid" if denied else "paid"
    cost_share = sum((a.amount for a in payment.adjustments
                      if a.group == "PR" and a.reason in COST_SHARE), ZERO)
    return "denied" if payment.paid == 0 and cost_share == 0 else "paid"
