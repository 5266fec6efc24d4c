"""The reimbursement unit of work: one transaction for state and outbox rows."""

from __future__ import annotations

from typing import Self

from chairside_shared.messaging.outbox import UnitOfWork
from reimbursement.adapters.catalog_repo import CatalogRepository
from reimbursement.adapters.claims_repo import ClaimRepository
from reimbursement.adapters.inventory_repo import InventoryRepository


class ReimbursementUnitOfWork(UnitOfWork):
    """Repositories share ``self.session``; handlers commit, repositories never do."""

    catalog: CatalogRepository
    inventory: InventoryRepository
    claims: ClaimRepository

    async def __aenter__(self) -> Self:
        await super().__aenter__()
        self.catalog = CatalogRepository(self.session)
        self.inventory = InventoryRepository(self.session)
        self.claims = ClaimRepository(self.session)
        return self
