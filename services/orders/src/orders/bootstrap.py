"""Composition root of the orders service: settings, the unit-of-work factory and what it
shares across units of work (the parsed catalog versions), built once per runtime."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from chairside_shared import contracts
from chairside_shared.messaging.outbox import OutboxWriter
from chairside_shared.runtime import ServiceRuntime, ServiceSpec
from chairside_shared.settings import ServiceSettings, load_settings
from orders.adapters.catalog_head import CATALOG_HEAD, CatalogHead
from orders.adapters.metadata import messaging, metadata
from orders.adapters.phi_crypto import PhiCipher
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


def build_cipher(settings: OrdersSettings) -> PhiCipher:
    """The PHI keyring, the current key-encryption key and the blind-index key."""
    return PhiCipher(settings.phi_keyring, settings.phi_current_key_id,
                     settings.phi_index_key_bytes)


def build_spec(settings: OrdersSettings) -> ServiceSpec[OrdersUnitOfWork]:
    catalogs: CatalogCache = {}  # one per runtime: every unit of work reads the same versions
    cipher = build_cipher(settings)

    def uow_factory(session_factory: async_sessionmaker[AsyncSession],
                    outbox: OutboxWriter) -> OrdersUnitOfWork:
        return OrdersUnitOfWork(session_factory, outbox, catalogs=catalogs, cipher=cipher)

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
    runtime = ServiceRuntime(build_spec(settings), settings)
    runtime.state[CATALOG_HEAD] = CatalogHead(runtime.engine)
    return runtime


def rotate_phi_keys_main(argv: list[str]) -> None:
    """``python -m orders rotate-phi-keys [--batch-size N]``: prints a JSON report; exits 1 if
    rows are left on an old key (held by running requests: run it again)."""
    import argparse
    import asyncio
    import json

    from orders.service.keys import rotate_phi_keys

    parser = argparse.ArgumentParser(prog="python -m orders rotate-phi-keys")
    parser.add_argument("--batch-size", type=int, default=None)
    args = parser.parse_args(argv)
    settings = settings_from_env()
    runtime = build_runtime(settings)

    async def run() -> int:
        try:
            report = await rotate_phi_keys(
                uow_factory=runtime.uow, current_key_id=settings.phi_current_key_id,
                batch_size=args.batch_size or settings.phi_rotate_batch_size)
        finally:
            await runtime.engine.dispose()
        print(json.dumps({"current_key_id": settings.phi_current_key_id,
                          "rewrapped": report.rewrapped, "before": report.before,
                          "after": report.after, "stale": report.stale}))
        return 1 if report.stale else 0

    raise SystemExit(asyncio.run(run()))
