"""Remittance (835) model and how one claim payment posts.

Balancing lives in domain/balancing.py, netting of reversals in domain/settlement.py.

Posting: CLP02 = 4 is a denial and 22 a reversal; otherwise a line paid $0 with no patient
cost share (PR-1/2/3) is a denied line, some denied lines make the claim partially paid. A claim
paid $0 because everything went to the deductible is ``paid_zero`` (adjudicated, the patient
owes), never denied (payer-exchange.md §4.6, case 25).

Identity (§4.1): a transaction set is known by its RemittanceKey (TRN03, TRN04, TRN02, payee
N1*PE), read from parsed segments, so a re-sent file (new ISA13, other line breaks) is the same
remittance. Crossover (§6): CLP02 19/20/21 with RARC MA18 or MA07 means the payer forwarded
the claim to the next payer itself; no secondary claim is to be sent for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from reimbursement.domain.money import ZERO

# CR (correction and reversal) is valid in the 837's CAS but not in a 5010 835 (§4.4).
GROUPS = {"CO": "contractual obligation", "PR": "patient responsibility", "OA": "other",
          "PI": "payer initiated"}
VERSION = "005010X221A1"
REVERSAL = "22"
CROSSOVER_STATUS = {"19", "20", "21"}  # processed and forwarded to the next payer
CROSSOVER_REMARKS = {"MA18", "MA07"}  # forwarded to the supplemental insurer / Medicaid
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

PostedStatus = Literal["paid", "partially_paid", "paid_zero", "denied", "reversed"]


@dataclass(frozen=True, slots=True, order=True)
class RemittanceKey:
    """§4.1: who paid (TRN03 + TRN04), the check/EFT trace (TRN02) and whom (N1*PE id)."""

    originator: str  # TRN03, '1' + payer EIN
    originator_sub: str  # TRN04, '' when absent
    trace_number: str  # TRN02
    payee: str  # N1*PE N103:N104, e.g. 'XX:1245319599'

    def __str__(self) -> str:
        return f"{self.originator}/{self.originator_sub}/{self.trace_number}/{self.payee}"


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
    remarks: tuple[str, ...] = ()  # MOA claim-level RARCs

    @property
    def crossover(self) -> bool:
        """Forwarded by the payer to the next payer (Medicare COBA): bill no secondary."""
        every = set(self.remarks).union(*(s.remarks for s in self.services))
        return self.status_code in CROSSOVER_STATUS and bool(every & CROSSOVER_REMARKS)

    @property
    def reversal(self) -> bool:
        return self.status_code == REVERSAL

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
    key: RemittanceKey = RemittanceKey("", "", "", "")
    payee_tin: str | None = None  # REF*TJ in the payee loop, or N1*PE*FI
    payee_line: int = 0  # the N1*PE segment


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
        if denied:
            return "partially_paid"
        return "paid_zero" if payment.paid == 0 else "paid"
    cost_share = sum((a.amount for a in payment.adjustments
                      if a.group == "PR" and a.reason in COST_SHARE), ZERO)
    if payment.paid == 0:
        return "paid_zero" if cost_share > 0 else "denied"
    return "paid"
