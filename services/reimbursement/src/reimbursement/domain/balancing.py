"""§4.3 balancing: an 835 whose money does not add up is quarantined whole, nothing posted.

* service line: SVC02 charge - sum(line CAS) = SVC03 paid;
* claim: CLP03 charge - sum(claim CAS) - sum(line CAS) = CLP04 paid, and when lines are
  present sum(SVC02) = CLP03;
* transaction: BPR02 = sum(CLP04) - sum(PLB amounts) (a positive PLB amount reduces the
  payment, a negative one increases it).

AMT*B6 (allowed) is informational and not checked [RFI 2601].
"""

from __future__ import annotations

from dataclasses import dataclass

from reimbursement.domain.money import ZERO
from reimbursement.domain.remittance import CLAIM_STATUS_CODES, Remittance


@dataclass(frozen=True, slots=True)
class Imbalance:
    line: int
    segment: str  # the segment that does not balance: SVC, CLP or BPR
    reason: str


def balancing_errors(remittance: Remittance) -> list[Imbalance]:
    errors: list[Imbalance] = []
    for clp in remittance.claims:
        if clp.status_code not in CLAIM_STATUS_CODES:
            errors.append(Imbalance(clp.line, "CLP",
                                    f"CLP02 {clp.status_code!r} is not a claim status"))
        for svc in clp.services:
            adjusted = svc.charge - sum((a.amount for a in svc.adjustments), ZERO)
            if adjusted != svc.paid:
                errors.append(Imbalance(svc.line, "SVC", f"service {svc.code}: charge "
                                        f"{svc.charge} - adjustments = {adjusted}, but paid "
                                        f"{svc.paid}"))
        adjusted = clp.charge - sum((a.amount for a in clp.all_adjustments()), ZERO)
        if adjusted != clp.paid:
            errors.append(Imbalance(clp.line, "CLP", f"claim {clp.account_number}: charge "
                                    f"{clp.charge} - adjustments = {adjusted}, but paid "
                                    f"{clp.paid}"))
        if clp.services:
            lines_charge = sum((s.charge for s in clp.services), ZERO)
            if lines_charge != clp.charge:
                errors.append(Imbalance(clp.line, "CLP", f"claim {clp.account_number}: service "
                                        f"charges add to {lines_charge}, claim charge is "
                                        f"{clp.charge}"))
    expected = (sum((c.paid for c in remittance.claims), ZERO)
                - sum((p.amount for p in remittance.provider_adjustments), ZERO))
    if expected != remittance.payment_amount:
        errors.append(Imbalance(remittance.line, "BPR", f"BPR02 {remittance.payment_amount} but "
                                f"claims less provider adjustments come to {expected}"))
    return errors
