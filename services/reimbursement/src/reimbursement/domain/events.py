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
