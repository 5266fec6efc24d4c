"""Order queries: read through the unit of work, scoped to the caller's practice."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from orders.domain.order import Order
from orders.service.handlers import Scope, _order
from orders.service.uow import OrdersUnitOfWork


async def get_order(*, uow: OrdersUnitOfWork, order_id: UUID, scope: Scope) -> Order:
    async with uow:
        return await _order(uow, order_id, scope, for_update=False)


async def list_orders(*, uow: OrdersUnitOfWork, scope: Scope, practice_id: str | None,
                      status: str | None, patient_id: UUID | None, limit: int,
                      cursor: str | None, ids: Sequence[UUID] = ()
                      ) -> tuple[list[Order], str | None]:
    if scope.practice_id:
        if practice_id not in (None, scope.practice_id):
            return [], None
        practice_id = scope.practice_id
    async with uow:
        return await uow.orders.list(practice_id=practice_id, status=status,
                                     patient_id=patient_id, limit=limit, cursor=cursor,
                                     ids=ids)
