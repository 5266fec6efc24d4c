"""What happened to a claim, as plain domain events (service/events.py maps each one to its
public contract). Each carries the claim as it stood right after the change."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from uuid import UUID

from reimbursement.domain.claim import ClaimStatus


@dataclass(frozen=True, slots=True)
class ClaimEvent:
    claim_id: UUID
    order_id: UUID
    practice_id: str
    payer_id: str | None
    status: ClaimStatus
    total_charge: Decimal
    expected_payment: Decimal | None
    paid_amount: Decimal
    denial_reasons: tuple[str, ...]
    occurred_at: datetime


@dataclass(frozen=True, slots=True)
class ClaimCreated(ClaimEvent):
    """Built from an administered visit: ready to submit, or needing review."""


@dataclass(frozen=True, slots=True)
class ClaimSubmitted(ClaimEvent):
    """Sent (or released to be sent) to the payer."""


@dataclass(frozen=True, slots=True)
class ClaimPaid(ClaimEvent):
    """A remittance paid the claim, in full or in part (``status`` says which)."""


@dataclass(frozen=True, slots=True)
class ClaimDenied(ClaimEvent):
    """A remittance denied the claim."""


@dataclass(frozen=True, slots=True)
class ClaimAcknowledged(ClaimEvent):
    """The payer's word on one version (``clm01``) of the claim."""

    clm01: str = ""
    frequency: str = "1"
    payer_claim_number: str | None = None
    rejection_reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ClaimAccepted(ClaimAcknowledged):
    """The payer accepted the claim into adjudication (277CA A2); its ICN is on the claim."""


@dataclass(frozen=True, slots=True)
class ClaimRejected(ClaimAcknowledged):
    """The clearinghouse or payer rejected the claim unprocessed (999 IK5 R or 277CA A3/A6/
    A7/A8), with the reasons. Fix and send again."""
