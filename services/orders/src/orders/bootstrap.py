"""Composition root of the orders service: settings, the unit-of-work factory and what it
shares across units of work (the parsed catalog versions), built once per runtime."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from chairside_shared import contracts
from chairside_shared.messaging.outbox import OutboxWriter
from chairside_shared.runtime import ServiceRuntime, ServiceSpec
from chairside_shared.settings import ServiceSettings, load_settings
from orders.adapters.metadata import messaging, metadata
from orders.adapters.repository import CatalogCache
from orders.entrypoints.consumers import HANDLERS, SUBSCRIPTIONS
from orders.seed.demo import seed_demo
from orders.service.uow import OrdersUnitOfWork
from orders.settings import OrdersSettings

MIGRATIONS = str(Path(__file__).parent / "migrations")


def settings_from_env() -> OrdersSettings:
    """ORDERS_* (and the unprefixed Kafka/OTel variables); exits naming a bad variable."""
    return load_settings(OrdersSettings)


def orders_settings(settings: ServiceSettings) -> OrdersSettings:
    """The shared CLI hands settings over as the base type; it built them from OrdersSettings."""
    if not isinstance(settings, OrdersSettings):
        raise TypeError(f"the orders service needs OrdersSettings, not {type(settings).__name__}")
    return settings


def build_spec() -> ServiceSpec[OrdersUnitOfWork]:
    catalogs: CatalogCache = {}  # one per runtime: every unit of work reads the same versions

    def uow_factory(session_factory: async_sessionmaker[AsyncSession],
                    outbox: OutboxWriter) -> OrdersUnitOfWork:
        return OrdersUnitOfWork(session_factory, outbox, catalogs=catalogs)

    return ServiceSpec(
        name="orders",
        metadata=metadata,
        tables=messaging,
        migrations=MIGRATIONS,
        # our topic, plus the dead-letter topics of the topics we consume
        owned_topics=[contracts.ORDERS_TOPIC, contracts.dlq_topic(contracts.ORDERS_TOPIC),
                      *(contracts.dlq_topic(t) for t in SUBSCRIPTIONS)],
        uow_class=OrdersUnitOfWork,
        uow_factory=uow_factory,
        subscriptions=SUBSCRIPTIONS,
        handlers=HANDLERS,
        seed=seed_demo,
    )


def build_runtime(settings: OrdersSettings) -> ServiceRuntime[OrdersUnitOfWork]:
    return ServiceRuntime(build_spec(), settings)
