"""The orders unit of work: one transaction for state and outbox rows."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, Self

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from chairside_shared.messaging.outbox import Message, OutboxWriter, UnitOfWork
from orders.adapters.identity_repository import (
    AccessLogRepository,
    CoverageRepository,
    DemographicsRepository,
    PractitionerRepository,
)
from orders.adapters.observation_repository import ObservationRepository
from orders.adapters.outcome_repository import OutcomeRepository
from orders.adapters.phi_crypto import PhiCipher
from orders.adapters.phi_keys import PhiKeyRepository
from orders.adapters.reaction_repository import ReactionRepository
from orders.adapters.repository import (
    CatalogCache,
    CatalogRepository,
    DoseRepository,
    OrderRepository,
    PatientRepository,
    ProtocolRepository,
)
from orders.adapters.visit_repository import VisitRepository
from orders.domain.events import DomainEvent
from orders.service import events


class OrdersUnitOfWork(UnitOfWork):
    """Repositories are created on ``self.session`` in ``__aenter__``; the order repository
    adds every order it loads or adds to ``seen``, and ``commit()`` turns their domain events
    into outbox rows through ``service/events.py``. The PHI repositories seal and open
    records with the runtime's cipher (keys from the settings, built in bootstrap.py)."""

    # Annotated: without it mypy reads the base's callable ClassVar as a method taking self.
    to_messages: ClassVar[Callable[[DomainEvent], list[Message]]] = staticmethod(
        events.to_messages)

    patients: PatientRepository
    orders: OrderRepository
    doses: DoseRepository
    catalog: CatalogRepository
    protocols: ProtocolRepository
    demographics: DemographicsRepository
    coverages: CoverageRepository
    practitioners: PractitionerRepository
    access_log: AccessLogRepository
    phi_keys: PhiKeyRepository
    reactions: ReactionRepository
    outcomes: OutcomeRepository
    visits: VisitRepository
    observations: ObservationRepository

    def __init__(self, session_factory: async_sessionmaker[AsyncSession], outbox: OutboxWriter,
                 *, catalogs: CatalogCache, cipher: PhiCipher) -> None:
        super().__init__(session_factory, outbox)
        self._catalogs = catalogs
        self._cipher = cipher

    async def __aenter__(self) -> Self:
        await super().__aenter__()
        self.patients = PatientRepository(self.session)
        self.orders = OrderRepository(self.session, self.seen, self._cipher)
        self.doses = DoseRepository(self.session)
        self.catalog = CatalogRepository(self.session, self._catalogs)
        self.protocols = ProtocolRepository(self.session)
        self.demographics = DemographicsRepository(self.session, self._cipher)
        self.coverages = CoverageRepository(self.session, self._cipher)
        self.practitioners = PractitionerRepository(self.session)
        self.access_log = AccessLogRepository(self.session)
        self.phi_keys = PhiKeyRepository(self.session, self._cipher)
        self.reactions = ReactionRepository(self.session)
        self.outcomes = OutcomeRepository(self.session)
        self.visits = VisitRepository(self.session, self._cipher)
        self.observations = ObservationRepository(self.session)
        return self
