"""A staff booking's first look at its order, before any lock: is it bookable, already booked,
too early for its recall, and what does it ask for.

Read in batches (service/shared_reads.py): under contention, every request about its own order
would otherwise pay a transaction of its own (a connection checkout and four round trips) only
to learn that the slot is taken. The look decides nothing that lasts: a booking that goes on
reads the order again under its lock (service/commands.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from scheduling.adapters.recall_repository import SqlRecalls
from scheduling.domain.orders import OrderRequest
from scheduling.domain.recall import Recall
from scheduling.service.uow import SchedulingUnitOfWork


@dataclass(frozen=True)
class OrderLook:
    """What the look found (shared by the requests about the same order: never modify)."""

    order: OrderRequest | None  # None: no order.signed recorded for that id
    occupying: bool  # an appointment of the order holds chair time
    recall: Recall | None  # the recall whose next dose the order is


async def look_at_order(uow: SchedulingUnitOfWork, order_id: UUID) -> OrderLook:
    """The order as it is now, read with the other orders asked about at the same moment.
    Between transactions (see SchedulingUnitOfWork.read_batched)."""
    return await uow.read_batched("order-look", order_id, _read)


async def _read(reader: SchedulingUnitOfWork, order_ids: list[UUID]) -> dict[UUID, OrderLook]:
    orders = await reader.orders.get_many(order_ids)
    occupying = await reader.appointments.orders_occupying(order_ids)
    recalls = await SqlRecalls(reader.session).of_next_orders(order_ids)
    return {i: OrderLook(orders.get(i), i in occupying, recalls.get(i)) for i in order_ids}
