"""What posting an 835 leaves behind: one PostedPayment per CLP, kept whether it was applied
to a claim, held for a claim that was never submitted, or matched no claim at all; and one
PostedProviderAdjustment per PLB amount, tied to the claim its reference names when known.

A payment's identity (§4.1 posting key) is its remittance (the RemittanceKey, unique per
remittance row), CLP01, CLP07, CLP02 and ``ordinal``: how many CLPs with those same three came
before it in that remittance. The database holds it unique."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Literal
from uuid import UUID

from reimbursement.domain.remittance import ClaimPayment, PostedStatus
from reimbursement.domain.settlement import Entry

# A held payment's outcome: "unsubmitted" (stored on the claim) or "unmatched" (stored as None).
HeldOutcome = Literal["unsubmitted", "unmatched"]
# What a payment row stores: the claim's new status when applied, "unsubmitted" or None when held.
StoredOutcome = PostedStatus | Literal["unsubmitted"] | None


@dataclass(frozen=True, slots=True)
class PostedAdjustment:
    line: str | None  # the service line, e.g. "J3032-JZ"; None for a claim-level CAS
    group: str
    reason: str
    amount: Decimal


@dataclass(frozen=True, slots=True)
class PostedPayment:
    remittance_id: UUID
    position: int  # CLP order in the file
    claim_id: UUID | None
    account_number: str
    status_code: str
    payer_claim_number: str | None
    charge: Decimal
    paid: Decimal
    patient_responsibility: Decimal
    contractual: Decimal
    outcome: StoredOutcome
    denial_reasons: tuple[str, ...]
    adjustments: tuple[PostedAdjustment, ...]
    unmatched_lines: tuple[str, ...]
    posted_at: datetime
    ordinal: int = 0
    crossover: bool = False
    remarks: tuple[str, ...] = ()  # RARCs: the claim's (MOA), then its lines' (LQ*HE)

    @property
    def applied(self) -> bool:
        """Applied to its claim's balance (not held)."""
        return self.claim_id is not None and self.outcome not in (None, "unsubmitted")

    def entry(self) -> Entry:
        return Entry(self.status_code, self.outcome, self.charge, self.paid,
                     self.patient_responsibility, self.crossover, self.denial_reasons)


@dataclass(frozen=True, slots=True)
class PostedProviderAdjustment:
    """One PLB amount: ``reference`` is what the payer wrote (CLP01, CLP07 or a TRN02);
    ``claim_id`` the claim it names, when one does."""

    remittance_id: UUID
    position: int
    reason: str
    reference: str | None
    amount: Decimal
    claim_id: UUID | None
    posted_at: datetime


def posted_adjustments(payment: ClaimPayment) -> tuple[PostedAdjustment, ...]:
    """Claim-level CAS first, then each service line's, as the payer sent them."""
    rows = [PostedAdjustment(None, a.group, a.reason, a.amount) for a in payment.adjustments]
    for service in payment.services:
        code = service.code + "".join(f"-{m}" for m in service.modifiers)
        rows += [PostedAdjustment(code, a.group, a.reason, a.amount)
                 for a in service.adjustments]
    return tuple(rows)
