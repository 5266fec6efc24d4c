"""Withholding booking decisions while an order's eligibility is not confirmed, and mapping the
eligibility events to their contracts.

The unit of work calls :func:`withhold_booking_decisions` in ``flush`` (before events become
outbox rows): an authorization.not_required or authorization.approved for an order whose hold
is open (awaiting its 271, or flagged) leaves its aggregate's events and is kept, as the public
event it would have been, in ``eligibility_held_events``. When the hold clears, the
``EligibilityCleared`` event carries those decisions and :func:`to_messages` stages them again,
unchanged, after authorization.eligibility_cleared. This way no code path that decides (order
signing, the payer poller, the API, a later order drawing on an approval) has to know.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any, Protocol
from uuid import UUID

from chairside_shared import contracts as c
from chairside_shared.messaging.outbox import Message, Seen

from ..adapters.eligibility_repository import SqlEligibility
from ..domain.eligibility_check import (
    EligibilityCleared,
    EligibilityFlagged,
    HeldDecision,
    booking_decision,
)


class _Uow(Protocol):
    seen: Seen
    eligibility: SqlEligibility


async def withhold_booking_decisions(
    uow: _Uow, to_messages: Callable[[Any], Iterable[Message]]) -> int:
    """Move the booking decisions of held orders out of the outgoing events; how many."""
    wanted: set[UUID] = set()
    for aggregate in uow.seen:
        wanted |= {o for o in map(booking_decision, aggregate.events) if o is not None}
    held = await uow.eligibility.open_holds(wanted)
    if not held:
        return 0
    now, moved = datetime.now(UTC), 0
    for aggregate in uow.seen:
        keep = []
        for event in aggregate.events:
            order_id = booking_decision(event)
            if order_id not in held:
                keep.append(event)
                continue
            for m in to_messages(event):
                await uow.eligibility.withhold(order_id, HeldDecision(
                    m.event_type, m.payload.model_dump_json(by_alias=True), m.subject), now)
                moved += 1
        aggregate.events[:] = keep
    return moved


def _released(order_id: UUID, held: tuple[HeldDecision, ...]) -> list[Message]:
    out = []
    for h in held:
        contract = c.contract_for(h.event_type)
        if contract is None:  # a type retired since it was held: nothing to publish
            continue
        out.append(Message(event_type=h.event_type,
                           payload=contract.model.model_validate_json(h.payload_json),
                           key=str(order_id), subject=h.subject))
    return out


def to_messages(event: EligibilityFlagged | EligibilityCleared) -> list[Message]:
    if isinstance(event, EligibilityFlagged):
        return [Message(event_type="authorization.eligibility_flagged",
                        payload=c.AuthorizationEligibilityFlagged(
                            order_id=event.order_id, check_id=event.check_id,
                            patient_id=event.patient_id, payer_id=event.payer_id,
                            reason_code=event.reason_code, reason=event.reason,
                            flagged_at=event.flagged_at),
                        key=str(event.order_id), subject=str(event.check_id))]
    cleared = Message(event_type="authorization.eligibility_cleared",
                      payload=c.AuthorizationEligibilityCleared(
                          order_id=event.order_id, check_id=event.check_id, how=event.how,
                          cleared_at=event.cleared_at),
                      key=str(event.order_id), subject=str(event.check_id))
    return [cleared, *_released(event.order_id, event.released)]


def combined(base: Callable[[Any], Iterable[Message]]) -> Callable[[Any], list[Message]]:
    """The service's event mapping with the eligibility events added."""
    def to_all(event: Any) -> list[Message]:
        if isinstance(event, EligibilityFlagged | EligibilityCleared):
            return to_messages(event)
        return list(base(event))
    return to_all
