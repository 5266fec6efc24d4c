"""Composition root of the orders service."""

from __future__ import annotations

from pathlib import Path

from chairside_shared import contracts
from chairside_shared.runtime import ServiceRuntime, ServiceSpec
from orders.adapters.metadata import messaging, metadata
from orders.entrypoints.consumers import HANDLERS, SUBSCRIPTIONS
from orders.seed.demo import seed_demo
from orders.service.uow import OrdersUnitOfWork
from orders.settings import OrdersSettings

MIGRATIONS = str(Path(__file__).parent / "migrations")


def build_spec() -> ServiceSpec[OrdersUnitOfWork]:
    return ServiceSpec(
        name="orders",
        metadata=metadata,
        tables=messaging,
        migrations=MIGRATIONS,
        # our topic, plus the dead-letter topics of the topics we consume
        owned_topics=[contracts.ORDERS_TOPIC, contracts.dlq_topic(contracts.ORDERS_TOPIC),
                      *(contracts.dlq_topic(t) for t in SUBSCRIPTIONS)],
        uow_class=OrdersUnitOfWork,
        subscriptions=SUBSCRIPTIONS,
        handlers=HANDLERS,
        seed=seed_demo,
    )


def build_runtime(settings: OrdersSettings) -> ServiceRuntime[OrdersUnitOfWork]:
    return ServiceRuntime(build_spec(), settings)
