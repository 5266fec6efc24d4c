"""Coordination of benefits: what the next payer is told about the one before it, and when.

After the primary payer's 835 is final (payer-exchange.md §6):
* the payer forwarded the claim itself (CLP02 19/20/21, RARC MA18 Medigap / MA07 Medicaid:
  a crossover) -> no secondary claim is built; the claim waits for the crossover payer's 835;
* the patient has a secondary coverage -> a secondary claim is built from the primary's
  adjudication (``PriorAdjudication``): its 2320/2430 loops carry the primary's CAS verbatim,
  never netted, and each line must balance: SV102 = SVD02 + sum(2430 CAS); the claim-level paid
  (AMT*D) = sum(SVD02) - sum(2320 CAS). A claim that does not balance is refused, not sent.
* else the primary was the last payer.

Pure rules, no I/O. The primary's 835 arrives as the stored posting (``PostedPayment``): its
CAS rows name their service line by code and modifiers, which is mapped back to our lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal
from uuid import UUID

from reimbursement.domain.claim import ClaimLine
from reimbursement.domain.money import ZERO
from reimbursement.domain.parties import Coverage
from reimbursement.domain.posting import PostedAdjustment, PostedPayment

FORWARDED = frozenset({"19", "20", "21"})  # processed as primary/secondary/tertiary + forwarded
REVERSAL = "22"
CROSSOVER_REMARKS = {"MA18": "medigap", "MA07": "medicaid"}
# CARCs that say the service is not covered at all (AMT*A8 non-covered charges).
NON_COVERED = frozenset({"96", "204"})
CobState = Literal["secondary_built", "secondary_refused", "awaiting_crossover",
                   "crossover_received", "released", "last_payer"]
Crossover = Literal["medigap", "medicaid", "forwarded"]


class CobError(ValueError):
    """The secondary claim cannot be built from what the primary's 835 says (the reason)."""


@dataclass(frozen=True, slots=True)
class Cas:
    group: str
    reason: str
    amount: Decimal


@dataclass(frozen=True, slots=True)
class PriorLine:
    """One of our lines as the prior payer adjudicated it (2430)."""

    number: int  # our line number (LX)
    code: str
    modifiers: tuple[str, ...]
    units: int
    charge: Decimal  # SV102 as billed
    paid: Decimal  # SVD02
    adjustments: tuple[Cas, ...]  # 2430 CAS, as the payer sent them


@dataclass(frozen=True, slots=True)
class PriorAdjudication:
    """What the prior payer decided on the claim: the source of 2320, 2330B and 2430."""

    payer_id: str  # the payer's key in this practice (its contract)
    payer_claim_number: str  # CLP07, the ICN (2330B REF*F8)
    status_code: str
    charge: Decimal
    paid: Decimal  # CLP04 -> AMT*D
    adjudicated_on: date  # DTP*573
    adjustments: tuple[Cas, ...]  # claim-level CAS (2320)
    lines: tuple[PriorLine, ...]

    def all_adjustments(self) -> tuple[Cas, ...]:
        return self.adjustments + tuple(a for ln in self.lines for a in ln.adjustments)

    @property
    def patient_liability(self) -> Decimal:
        """AMT*EAF: what this payer left to the patient (PR only, never CO/PI/OA)."""
        return sum((a.amount for a in self.all_adjustments() if a.group == "PR"), ZERO)

    @property
    def non_covered(self) -> Decimal:
        """AMT*A8: charges this payer found not covered (CARC 96 / 204)."""
        return sum((a.amount for a in self.all_adjustments() if a.reason in NON_COVERED),
                   ZERO)


def balance_problems(prior: PriorAdjudication) -> list[str]:
    """Every way the secondary's COB loops would not balance (empty: they do)."""
    problems = []
    for ln in prior.lines:
        adjusted = ln.paid + sum((a.amount for a in ln.adjustments), ZERO)
        if adjusted != ln.charge:
            problems.append(f"line {ln.number}: SV102 {ln.charge} != SVD02 {ln.paid} + CAS "
                            f"{adjusted - ln.paid}")
    if prior.lines:
        lines_paid = sum((ln.paid for ln in prior.lines), ZERO)
        claim_cas = sum((a.amount for a in prior.adjustments), ZERO)
        if lines_paid - claim_cas != prior.paid:
            problems.append(f"AMT*D {prior.paid} != sum(SVD02) {lines_paid} - claim CAS "
                            f"{claim_cas}")
    return problems


def line_label(code: str, modifiers: Sequence[str]) -> str:
    """How a posting names a service line (``posted_adjustments``)."""
    return code + "".join(f"-{m}" for m in modifiers)


def final_payment(payments: Sequence[PostedPayment]) -> PostedPayment | None:
    """The payer's standing decision: its last applied posting that is not a reversal."""
    applied = [p for p in payments if p.outcome not in (None, "unsubmitted")]
    decisions = [p for p in applied if p.status_code != REVERSAL]
    if not decisions or applied[-1].status_code == REVERSAL:
        return None  # reversed and not yet corrected: nothing is final
    return decisions[-1]


def crossover_of(payment: PostedPayment) -> Crossover | None:
    """Did the payer forward the claim to the next payer itself (case 26)?

    CLP02 19/20/21 already says "forwarded to another payer": billing that payer too would be a
    duplicate claim, whether or not the payer named it with MA18 (Medigap) or MA07 (Medicaid);
    the remark only says which. (The posting's ``crossover`` flag is the narrower MA18/MA07
    reading shown on the payment.)"""
    if payment.status_code not in FORWARDED:
        return None
    remarks = payment.remarks
    for remark in remarks:
        if remark.upper() in CROSSOVER_REMARKS:
            return "medigap" if remark.upper() == "MA18" else "medicaid"
    return "forwarded"


def prior_adjudication(payer_id: str, payment: PostedPayment, lines: Sequence[ClaimLine],
                       line_paid: dict[int, Decimal], adjudicated_on: date,
                       ) -> PriorAdjudication:
    """Our claim's lines as ``payment`` adjudicated them; raises CobError when it cannot say
    which of our lines a CAS belongs to, or what it reports does not match what was posted."""
    if not payment.payer_claim_number:
        raise CobError("the primary's 835 carries no payer claim control number (CLP07), "
                       "which the secondary claim must quote (REF*F8)")
    by_label: dict[str, list[ClaimLine]] = {}
    for ln in lines:
        by_label.setdefault(line_label(ln.code, ln.modifiers), []).append(ln)
    claim_cas: list[Cas] = []
    line_cas: dict[int, list[Cas]] = {ln.number: [] for ln in lines}
    for adj in payment.adjustments:
        if adj.line is None:
            claim_cas.append(_cas(adj))
            continue
        owners = by_label.get(adj.line) or _by_code(lines, adj.line)
        if len(owners) != 1:
            raise CobError(f"the primary's adjustment {adj.group}-{adj.reason} names service "
                           f"{adj.line}, which is {len(owners)} of our lines")
        line_cas[owners[0].number].append(_cas(adj))
    prior_lines = []
    for ln in lines:
        cas = tuple(line_cas[ln.number])
        paid = line_paid.get(ln.number, ZERO)
        prior_lines.append(PriorLine(ln.number, ln.code, ln.modifiers, ln.units, ln.charge,
                                     paid, cas))
    prior = PriorAdjudication(payer_id, payment.payer_claim_number, payment.status_code,
                              payment.charge, payment.paid, adjudicated_on, tuple(claim_cas),
                              tuple(prior_lines))
    if problems := balance_problems(prior):
        raise CobError("the primary's adjudication does not balance against our lines: "
                       + "; ".join(problems))
    return prior


def _by_code(lines: Sequence[ClaimLine], label: str) -> list[ClaimLine]:
    code = label.split("-", 1)[0]
    return [ln for ln in lines if ln.code == code]


def _cas(adj: PostedAdjustment) -> Cas:
    return Cas(adj.group, adj.reason, adj.amount)


def patient_responsibility(payment: PostedPayment) -> Decimal:
    """What the patient owes after this payer: its PR adjustments only (never CO/PI/OA)."""
    return sum((a.amount for a in payment.adjustments if a.group == "PR"), ZERO)


@dataclass(frozen=True, slots=True)
class CreditBalance:
    claim_id: str
    payer_id: str | None
    paid: Decimal  # net of every applied posting
    due: Decimal  # what the payers' standing decisions say
    credit: Decimal  # to refund
    reason: str


def credit_balance(claim_id: str, payer_id: str | None, charge: Decimal,
                   payers: Sequence[Sequence[PostedPayment]]) -> CreditBalance | None:
    """Money held on a claim beyond what the payers' standing decisions say it should be.

    ``payers``: each payer's applied postings on the claim (a crossover payer's answer posts
    on the same claim). Per payer, the should-be figure is its final (non-reversed)
    decision's paid amount; the held figure is the net of its postings. A payer that paid,
    then paid a corrected amount without reversing the first (or whose reversal was never
    recouped) leaves a credit; so do payments adding up to more than the charge."""
    paid = due = ZERO
    for payments in payers:
        final = final_payment(payments)
        paid += sum((p.paid for p in payments), ZERO)
        due += ZERO if final is None else final.paid
    due = min(due, charge)
    if paid <= due:
        return None
    reason = ("payments exceed the charge" if paid > charge else
              "paid more than the payer's standing decision (a payment was not reversed)")
    return CreditBalance(claim_id, payer_id, paid, due, paid - due, reason)


def next_coverage(coverages: Sequence[Coverage], *, primary_payer: str | None,
                  primary_coverage_id: UUID | None, on: date) -> Coverage | None:
    """The patient's secondary coverage in force on the date of service (not the primary's
    payer, not the primary's own coverage): the payer a secondary claim goes to."""
    found = [c for c in coverages
             if c.priority == "secondary" and c.payer_id != primary_payer
             and c.id != primary_coverage_id and _in_force(c, on)]
    return found[0] if found else None


def _in_force(c: Coverage, on: date) -> bool:
    if c.effective_from is not None and on < c.effective_from:
        return False
    if c.effective_to is not None:
        return on <= c.effective_to
    return c.status == "active"
