"""service/events.py: each claim domain event becomes its claim.* contract, keyed by order."""

from __future__ import annotations

import uuid
from decimal import Decimal as D

import pytest

from chairside_shared import contracts
from reimbursement.domain.events import (
    ClaimCreated,
    ClaimDenied,
    ClaimEvent,
    ClaimPaid,
    ClaimSubmitted,
)
from reimbursement.service.events import to_messages
from reimbursement.testing import T0

ORDER = uuid.UUID("00000000-0000-4000-8000-0000000000aa")
CLAIM = uuid.UUID("00000000-0000-4000-8000-0000000000bb")


@pytest.mark.parametrize(("kind", "event_type"), [
    (ClaimCreated, "claim.created"), (ClaimSubmitted, "claim.submitted"),
    (ClaimPaid, "claim.paid"), (ClaimDenied, "claim.denied"),
])
def test_each_claim_event_is_one_claim_changed(kind: type[ClaimEvent], event_type: str) -> None:
    event = kind(claim_id=CLAIM, order_id=ORDER, practice_id="demo-clinic", payer_id="medicare",
                 status="paid", total_charge=D("7927"), expected_payment=D("3217.8400"),
                 paid_amount=D("70.69"), denial_reasons=("CO-197 x",), occurred_at=T0)
    [message] = to_messages(event)
    assert (message.event_type, message.key, message.subject) == (event_type, str(ORDER), None)
    assert message.payload == contracts.ClaimChanged(
        claim_id=CLAIM, order_id=ORDER, practice_id="demo-clinic", payer_id="medicare",
        status="paid", total_charge=D("7927.00"), expected_payment=D("3217.84"),
        paid_amount=D("70.69"), denial_reasons=["CO-197 x"], occurred_at=T0)
    assert str(message.payload.total_charge) == "7927.00"  # cents, as always published


def test_no_expected_payment_stays_none() -> None:
    event = ClaimCreated(claim_id=CLAIM, order_id=ORDER, practice_id="p", payer_id=None,
                         status="needs_review", total_charge=D("1"), expected_payment=None,
                         paid_amount=D(0), denial_reasons=(), occurred_at=T0)
    [message] = to_messages(event)
    assert isinstance(message.payload, contracts.ClaimChanged)
    assert message.payload.expected_payment is None and message.payload.paid_amount == D("0.00")
