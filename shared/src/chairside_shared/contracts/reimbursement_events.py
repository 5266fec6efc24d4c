"""Payloads the reimbursement service publishes on ``reimbursement.events``."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Literal
from uuid import UUID

from chairside_shared.contracts.base import EventPayload


# --------------------------------------------------------------------------- reimbursement.events
class ClaimChanged(EventPayload):
    claim_id: UUID
    order_id: UUID
    practice_id: str | None = None
    payer_id: str | None = None
    status: str
    total_charge: Decimal
    expected_payment: Decimal | None = None
    paid_amount: Decimal | None = None
    denial_reasons: list[str] = []
    occurred_at: datetime


# --------------------------------------------------------------------------- appeals
class ClaimAppealChanged(EventPayload):
    """A claim appeal was filed or decided (reimbursement.events, keyed by order id). A decision
    won in full or in part carries ``reopen_claim``: the claim goes back for payment."""

    appeal_id: UUID
    claim_id: UUID
    order_id: UUID
    practice_id: str
    payer_id: str | None = None
    payer_type: str
    level: str  # redetermination, reconsideration, ..., reopening, plan_reconsideration...
    kind: Literal["appeal", "reopening"]
    status: Literal["filed", "decided"]
    deadline: date | None = None
    filed_on: date | None = None
    outcome: Literal["won", "partially_won", "lost"] | None = None
    decided_on: date | None = None
    amount_awarded: Decimal | None = None  # cents, as ClaimChanged carries money
    reopen_claim: bool = False
    next_level: str | None = None
    next_deadline: date | None = None
    occurred_at: datetime



class ClaimAcknowledged(ClaimChanged):
    """claim.accepted / claim.rejected: the clearinghouse's or payer's word on one version."""

    clm01: str
    frequency: str  # CLM05-3: 1 original, 7 replacement, 8 void
    payer_claim_number: str | None = None  # ICN (277CA REF*1K), accepted only
    rejection_reasons: list[str] = []  # 999 IK3/IK4 or 277CA STC, rejected only
