"""The reimbursement unit of work: one transaction for state and outbox rows."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, ClassVar, Self

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from chairside_shared.messaging.outbox import Message, OutboxWriter, UnitOfWork
from reimbursement.adapters.appeals_repo import AppealRepository
from reimbursement.adapters.authorization_repo import AuthorizationRepository
from reimbursement.adapters.catalog_repo import CatalogRepository
from reimbursement.adapters.claim_rules_repo import ClaimRulesRepository
from reimbursement.adapters.claims_repo import ClaimRepository
from reimbursement.adapters.cob_repo import CobRepository
from reimbursement.adapters.exchange_repo import ExchangeRepository
from reimbursement.adapters.inventory_repo import InventoryRepository
from reimbursement.adapters.practice_repo import PracticeRepository
from reimbursement.adapters.pricing_repo import PricingRepository
from reimbursement.adapters.purchasing_repo import PurchasingRepository
from reimbursement.adapters.referral_repo import ReferralRepository
from reimbursement.adapters.remittance_repo import RemittanceRepository
from reimbursement.service import appeal_events
from reimbursement.service.config import BillingConfig


class ReimbursementUnitOfWork(UnitOfWork):
    """Repositories share ``self.session``; handlers commit, repositories never do.

    On commit the claims the repository tracks are written (``flush``), then their domain
    events become outbox rows through ``service/events.py`` (claims) and
    ``service/appeal_events.py`` (appeals; it dispatches both).
    """

    # (the base's annotation repeated: mypy reads an unannotated Callable class attribute as a
    # method, which a plain function of one argument does not match)
    to_messages: ClassVar[Callable[[Any], Iterable[Message]] | None] = staticmethod(
        appeal_events.to_messages)
    catalog: CatalogRepository
    inventory: InventoryRepository
    claims: ClaimRepository
    remittances: RemittanceRepository
    authorizations: AuthorizationRepository
    practice: PracticeRepository
    pricing: PricingRepository
    cob: CobRepository
    appeals: AppealRepository
    claim_rules: ClaimRulesRepository
    exchange: ExchangeRepository
    referrals: ReferralRepository
    purchasing: PurchasingRepository

    def __init__(self, session_factory: async_sessionmaker[AsyncSession], outbox: OutboxWriter,
                 *, config: BillingConfig) -> None:
        super().__init__(session_factory, outbox)
        self.config = config

    async def __aenter__(self) -> Self:
        await super().__aenter__()
        self.catalog = CatalogRepository(self.session)
        self.inventory = InventoryRepository(self.session)
        self.claims = ClaimRepository(self.session, self.seen)
        self.remittances = RemittanceRepository(self.session)
        self.authorizations = AuthorizationRepository(self.session)
        self.practice = PracticeRepository(self.session)
        self.pricing = PricingRepository(self.session)
        self.cob = CobRepository(self.session)
        self.appeals = AppealRepository(self.session, self.seen)
        self.claim_rules = ClaimRulesRepository(self.session)
        self.exchange = ExchangeRepository(self.session)
        self.referrals = ReferralRepository(self.session)
        self.purchasing = PurchasingRepository(self.session)
        return self

    async def flush(self) -> None:
        await self.claims.flush()
        await self.appeals.flush()
