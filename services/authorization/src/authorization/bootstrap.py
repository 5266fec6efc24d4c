"""Composition root of the authorization service: settings, the payer connector, the unit of
work factory (with the settings it needs) and the payer poller, wired once here."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from authorization.adapters import (  # noqa: F401 - registers the tables
    appeals_orm,
    eligibility_orm,
    orm,
    outcomes_orm,
    renewals_orm,
)
from authorization.adapters.drug_codes import load_drug_codes
from authorization.adapters.eligibility_clients import ClearinghouseClient
from authorization.adapters.metadata import messaging, metadata
from authorization.adapters.orders_client import IdentitySource, OrdersIdentitySource
from authorization.adapters.payer_client import PayerConnector, PayerEndpoint
from authorization.domain.identity import Requestor
from authorization.entrypoints.consumers import HANDLERS, SUBSCRIPTIONS
from authorization.service import eligibility
from authorization.service.pas import PasSources
from authorization.service.payers import seed_payers
from authorization.service.poller import poll_once
from authorization.service.uow import AuthorizationUnitOfWork
from authorization.settings import AuthorizationSettings
from chairside_shared import contracts
from chairside_shared.messaging.outbox import OutboxWriter
from chairside_shared.runtime import ServiceRuntime, ServiceSpec

MIGRATIONS = str(Path(__file__).parent / "migrations")


async def seed_demo(runtime: ServiceRuntime[AuthorizationUnitOfWork]) -> None:
    await seed_payers(uows=runtime.uow, now=datetime.now(UTC))


def build_spec(settings: AuthorizationSettings) -> ServiceSpec[AuthorizationUnitOfWork]:
    def uow_factory(session_factory: async_sessionmaker[AsyncSession],
                    outbox: OutboxWriter) -> AuthorizationUnitOfWork:
        return AuthorizationUnitOfWork(session_factory, outbox, settings=settings)

    return ServiceSpec(
        name="authorization",
        metadata=metadata,
        tables=messaging,
        migrations=MIGRATIONS,
        # Our topic, its DLQ, and the DLQs our consumer writes for orders/scheduling events.
        owned_topics=[contracts.AUTHORIZATION_TOPIC,
                      contracts.dlq_topic(contracts.AUTHORIZATION_TOPIC),
                      contracts.dlq_topic(contracts.ORDERS_TOPIC),
                      contracts.dlq_topic(contracts.SCHEDULING_TOPIC)],
        uow_class=AuthorizationUnitOfWork,
        uow_factory=uow_factory,
        subscriptions=SUBSCRIPTIONS,
        handlers=HANDLERS,
        seed=seed_demo,
    )


def build_connector(settings: AuthorizationSettings) -> PayerConnector:
    endpoints = {
        payer_id: PayerEndpoint(base_url=ep.base_url, token=ep.token,
                                timeout_s=ep.timeout_s or settings.payer_timeout_s)
        for payer_id, ep in settings.payer_endpoints.items()
    }
    default = (PayerEndpoint(base_url=settings.payer_default_base_url,
                             timeout_s=settings.payer_timeout_s)
               if settings.payer_default_base_url else None)
    return PayerConnector(endpoints, default)


def build_identity_source(settings: AuthorizationSettings) -> IdentitySource:
    """The one orders client: PAS requests and eligibility checks both read through it."""
    return OrdersIdentitySource(settings.orders_url, timeout_s=settings.orders_timeout_s)


def build_pas_sources(settings: AuthorizationSettings, identity: IdentitySource) -> PasSources:
    return PasSources(
        identity=identity,
        requestor=Requestor(name=settings.practice_name, npi=settings.practice_npi,
                            ein=settings.practice_ein),
        drug_codes=load_drug_codes(settings.rxnorm_codes))


def build_parties(settings: AuthorizationSettings,
                  identity: IdentitySource) -> eligibility.Parties:
    clearinghouse = (ClearinghouseClient(settings.clearinghouse_url,
                                         token=settings.clearinghouse_token,
                                         timeout_s=settings.clearinghouse_timeout_s)
                     if settings.clearinghouse_url else None)
    return eligibility.Parties(identity=identity, clearinghouse=clearinghouse)


class AuthorizationRuntime(ServiceRuntime[AuthorizationUnitOfWork]):
    """The shared runtime plus the payer connector, the PAS sources, the payer poller, the
    eligibility parties (orders, the clearinghouse) and the eligibility worker."""

    settings: AuthorizationSettings

    def __init__(self, spec: ServiceSpec[AuthorizationUnitOfWork],
                 settings: AuthorizationSettings) -> None:
        super().__init__(spec, settings)
        self.connector = build_connector(settings)
        identity = build_identity_source(settings)
        self.pas = build_pas_sources(settings, identity)
        self.parties = build_parties(settings, identity)

    async def start(self) -> None:
        await super().start()
        # Both change shared cases and talk to payers: one replica runs them (cluster_jobs).
        if self.settings.poller_enabled:
            self.every(self.settings.poll_interval_s, self._poll_once, what="payer poll")
        self.every(self.settings.eligibility_poll_interval_s, self._eligibility_once,
                   what="eligibility run")

    async def stop(self) -> None:
        await super().stop()
        await self.connector.aclose()

    async def _poll_once(self) -> None:
        await poll_once(uows=self.uow, connector=self.connector, pas=self.pas,
                        settings=self.settings, now=datetime.now(UTC))

    async def _eligibility_once(self) -> None:
        """Send the checks that are due (new ones, and retries after their backoff)."""
        await eligibility.run_due(uows=self.uow, parties=self.parties, now=datetime.now(UTC))


def build_runtime(settings: AuthorizationSettings) -> AuthorizationRuntime:
    return AuthorizationRuntime(build_spec(settings), settings)
