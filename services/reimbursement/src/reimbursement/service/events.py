"""Domain events -> the public contracts they are published as (decides nothing).

Every claim event is a ``claim.*`` ClaimChanged on the reimbursement topic, keyed by the order
id so one visit's events stay in order; money in cents as the contract has always carried it.
"""

from __future__ import annotations

from chairside_shared import contracts
from chairside_shared.messaging.outbox import Message
from reimbursement.domain.events import (
    ClaimAccepted,
    ClaimAcknowledged,
    ClaimCreated,
    ClaimDenied,
    ClaimEvent,
    ClaimPaid,
    ClaimRejected,
    ClaimSubmitted,
)
from reimbursement.domain.money import cents

EVENT_TYPES: dict[type[ClaimEvent], str] = {
    ClaimCreated: "claim.created",
    ClaimSubmitted: "claim.submitted",
    ClaimPaid: "claim.paid",
    ClaimDenied: "claim.denied",
    ClaimAccepted: "claim.accepted",
    ClaimRejected: "claim.rejected",
}


def to_messages(event: ClaimEvent) -> list[Message]:
    fields = {
        "claim_id": event.claim_id, "order_id": event.order_id,
        "practice_id": event.practice_id, "payer_id": event.payer_id, "status": event.status,
        "total_charge": cents(event.total_charge),
        "expected_payment": None if event.expected_payment is None
        else cents(event.expected_payment),
        "paid_amount": cents(event.paid_amount), "denial_reasons": list(event.denial_reasons),
        "occurred_at": event.occurred_at,
    }
    payload: contracts.ClaimChanged
    if isinstance(event, ClaimAcknowledged):
        payload = contracts.ClaimAcknowledged(
            **fields, clm01=event.clm01, frequency=event.frequency,
            payer_claim_number=event.payer_claim_number,
            rejection_reasons=list(event.rejection_reasons))
    else:
        payload = contracts.ClaimChanged(**fields)
    return [Message(EVENT_TYPES[type(event)], payload, key=str(event.order_id))]
