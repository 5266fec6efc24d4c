"""PA appeal events -> their public contract (authorization.appeal_filed / _scheduled /
_decided, keyed by the order id, the appeal id as subject). A won appeal's approval leaves
as authorization.approved through the case's own events (service/events.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from chairside_shared import contracts as c
from chairside_shared.messaging.outbox import Message

from ..domain.appeals import PaAppealEvent

_TYPES = {"requested": "authorization.appeal_filed", "scheduled": "authorization.appeal_scheduled",
          "decided": "authorization.appeal_decided"}
_STATUS = {"requested": "filed", "scheduled": "scheduled", "decided": "decided"}


def appeal_messages(e: PaAppealEvent) -> list[Message]:
    payload = c.AuthorizationAppealChanged(
        appeal_id=e.appeal_id, case_id=e.case_id, order_id=e.order_id, payer_id=e.payer_id,
        payer_type=e.payer_type, level=e.level, status=_STATUS[e.status],
        deadline=e.deadline, scheduled_at=e.scheduled_at, outcome=e.outcome,
        next_level=e.next_level, next_deadline=e.next_deadline, occurred_at=e.occurred_at)
    return [Message(event_type=_TYPES[e.status], payload=payload, key=str(e.order_id),
                    subject=str(e.appeal_id))]


def with_appeals(base: Callable[[Any], Iterable[Message]]) -> Callable[[Any], list[Message]]:
    """The service's event mapping with the appeal events added."""
    def to_all(event: Any) -> list[Message]:
        if isinstance(event, PaAppealEvent):
            return appeal_messages(event)
        return list(base(event))
    return to_all
