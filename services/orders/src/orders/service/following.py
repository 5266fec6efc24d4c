"""Events of other services -> the order's state, inside the consumer's transaction (the
consumer writes the inbox row and commits; these never commit)."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from orders.service.uow import OrdersUnitOfWork


async def follow_authorization(*, uow: OrdersUnitOfWork, order_id: UUID, event_type: str,
                               decided_at: datetime, reason: str | None) -> None:
    """authorization.* -> authorization_status. Runs inside the consumer's transaction (the
    inbox row is written in it; the consumer commits); an order this service does not know
    is skipped."""
    order = await uow.orders.get(order_id, for_update=True)
    if order is None:
        return
    if order.apply_authorization(event_type, decided_at, reason):
        await uow.orders.save(order)


async def follow_appointment(*, uow: OrdersUnitOfWork, order_id: UUID | None,
                             appointment_status: str, occurred_at: datetime) -> None:
    """appointment.* -> the order's status, inside the consumer's transaction."""
    if order_id is None:
        return
    order = await uow.orders.get(order_id, for_update=True)
    if order is None:
        return
    if order.apply_appointment(appointment_status, occurred_at):
        await uow.orders.save(order)
