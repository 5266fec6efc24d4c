"""The orders unit of work: one transaction for state and outbox rows."""

from __future__ import annotations

from typing import Self

from chairside_shared.messaging.outbox import UnitOfWork
from orders.adapters.repository import (
    CatalogRepository,
    DoseRepository,
    OrderRepository,
    PatientRepository,
    ProtocolRepository,
)


class OrdersUnitOfWork(UnitOfWork):
    """Repositories are created on ``self.session`` in ``__aenter__``."""

    patients: PatientRepository
    orders: OrderRepository
    doses: DoseRepository
    catalog: CatalogRepository
    protocols: ProtocolRepository

    async def __aenter__(self) -> Self:
        await super().__aenter__()
        self.patients = PatientRepository(self.session)
        self.orders = OrderRepository(self.session)
        self.doses = DoseRepository(self.session)
        self.catalog = CatalogRepository(self.session)
        self.protocols = ProtocolRepository(self.session)
        return self
