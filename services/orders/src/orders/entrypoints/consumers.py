"""Events the orders service consumes: type -> handler (unit of work, envelope).

Each handler translates one event into one service call. It runs inside the consumer's
transaction, which also writes the inbox row and commits after it, so a redelivered event has
one effect.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from chairside_shared import contracts
from chairside_shared.messaging.consumer import Handler
from chairside_shared.messaging.envelope import Envelope
from chairside_shared.messaging.outbox import UnitOfWork
from orders.service import following
from orders.service.uow import OrdersUnitOfWork

OrdersHandler = Callable[[OrdersUnitOfWork, Envelope], Awaitable[None]]


def _field(payload: object, name: str) -> Any:
    """A field every payload this handler is registered for carries (the contracts differ in
    class, not in these names); a payload without it fails like any bad event."""
    return getattr(payload, name)


async def on_authorization_event(uow: OrdersUnitOfWork, envelope: Envelope) -> None:
    """authorization.* -> the order's authorization status (and the payer's reason)."""
    payload = envelope.payload
    # the payloads differ per decision: the time it was made is named after what happened
    decided: datetime = getattr(payload, "decided_at", None) \
        or getattr(payload, "occurred_at", None) or getattr(payload, "requested_at", None) \
        or envelope.time
    await following.follow_authorization(uow=uow, order_id=_field(payload, "order_id"),
                                 event_type=envelope.type, decided_at=decided,
                                 reason=getattr(payload, "reason", None))


async def on_appointment_event(uow: OrdersUnitOfWork, envelope: Envelope) -> None:
    """appointment.* -> the order's status (scheduled, in progress, back to signed)."""
    payload = envelope.payload
    await following.follow_appointment(uow=uow, order_id=_field(payload, "order_id"),
                               appointment_status=_field(payload, "status"),
                               occurred_at=_field(payload, "occurred_at"))


def _in_orders_uow(handler: OrdersHandler) -> Handler:
    """The consumer opens runtime.uow(), an OrdersUnitOfWork (bootstrap.py); the shared
    Handler type names only the base class, so the handler is given it once checked."""

    async def run(uow: UnitOfWork, envelope: Envelope) -> None:
        if not isinstance(uow, OrdersUnitOfWork):
            raise TypeError(f"orders handlers run in an OrdersUnitOfWork, not {type(uow)}")
        await handler(uow, envelope)

    return run


SUBSCRIPTIONS: list[str] = [contracts.AUTHORIZATION_TOPIC, contracts.SCHEDULING_TOPIC]
HANDLERS: dict[str, Handler] = {
    **dict.fromkeys(("authorization.not_required", "authorization.not_covered",
                     "authorization.requested", "authorization.approved",
                     "authorization.denied", "authorization.expired",
                     "authorization.withdrawn"), _in_orders_uow(on_authorization_event)),
    **{t: _in_orders_uow(on_appointment_event)
       for t in contracts.CONTRACTS if t.startswith("appointment.")},
}
