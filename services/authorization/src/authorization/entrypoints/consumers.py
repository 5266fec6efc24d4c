"""Events the authorization service consumes: type -> handler (unit of work, envelope).

The consumer has opened the unit of work and written the inbox row; it commits after the
handler returns, so each handler here only translates the event into a service call.
"""

from __future__ import annotations

from datetime import UTC, datetime

from chairside_shared import contracts
from chairside_shared.messaging.consumer import Handler
from chairside_shared.messaging.envelope import Envelope

from ..service import orders
from ..service.uow import AuthorizationUnitOfWork

SUBSCRIPTIONS: list[str] = [contracts.ORDERS_TOPIC]


async def on_order_signed(uow: AuthorizationUnitOfWork, envelope: Envelope) -> None:
    await orders.order_signed(uow, envelope.payload, now=datetime.now(UTC), tz=uow.config.tz)


async def on_order_cancelled(uow: AuthorizationUnitOfWork, envelope: Envelope) -> None:
    await orders.order_cancelled(uow, envelope.payload, now=datetime.now(UTC))


async def on_order_administered(uow: AuthorizationUnitOfWork, envelope: Envelope) -> None:
    await orders.order_administered(uow, envelope.payload, now=datetime.now(UTC),
                                    tz=uow.config.tz)


HANDLERS: dict[str, Handler] = {
    "order.signed": on_order_signed,  # type: ignore[dict-item]
    "order.cancelled": on_order_cancelled,  # type: ignore[dict-item]
    "order.administered": on_order_administered,  # type: ignore[dict-item]
}
