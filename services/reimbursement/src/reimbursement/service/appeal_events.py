"""Appeal domain events -> their public contract (``appeal.filed`` / ``appeal.decided`` on the
reimbursement topic, keyed by the order id like the claim's own events; money in cents)."""

from __future__ import annotations

from typing import Any

from chairside_shared import contracts
from chairside_shared.messaging.outbox import Message
from reimbursement.domain.appeals import AppealDecided, AppealEvent, AppealFiled
from reimbursement.domain.money import cents
from reimbursement.service import events as claim_events


def appeal_messages(event: AppealEvent) -> list[Message]:
    common: dict[str, Any] = {
        "appeal_id": event.appeal_id, "claim_id": event.claim_id, "order_id": event.order_id,
        "practice_id": event.practice_id, "payer_id": event.payer_id,
        "payer_type": event.payer_type, "level": event.level, "kind": event.kind,
        "status": event.status, "occurred_at": event.occurred_at}
    if isinstance(event, AppealFiled):
        payload = contracts.ClaimAppealChanged(**common, deadline=event.deadline,
                                               filed_on=event.filed_on)
        kind = "appeal.filed"
    elif isinstance(event, AppealDecided):
        payload = contracts.ClaimAppealChanged(
            **common, outcome=event.outcome, decided_on=event.decided_on,
            amount_awarded=None if event.amount_awarded is None
            else cents(event.amount_awarded),
            reopen_claim=event.reopen_claim, next_level=event.next_level,
            next_deadline=event.next_deadline)
        kind = "appeal.decided"
    else:  # pragma: no cover - every appeal event is one of the two
        raise TypeError(f"no contract for {type(event).__name__}")
    return [Message(kind, payload, key=str(event.order_id), subject=str(event.appeal_id))]


def to_messages(event: Any) -> list[Message]:
    """Every domain event of the service: appeals here, claims in service/events.py."""
    if isinstance(event, AppealEvent):
        return appeal_messages(event)
    return claim_events.to_messages(event)
