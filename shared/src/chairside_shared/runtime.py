"""A service's running parts: engine, unit of work factory, outbox relay, consumer.

Start-up never crashes on a missing dependency: it logs one line naming what it could not
reach, keeps retrying, and ``/readyz`` says which dependency is down meanwhile.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from sqlalchemy import MetaData
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from chairside_shared import db
from chairside_shared.cluster_jobs import JobLeader, every
from chairside_shared.idempotency import KeyedResponses
from chairside_shared.messaging.consumer import EventConsumer, Handler
from chairside_shared.messaging.dead_letter_gauge import watch_dead_letters
from chairside_shared.messaging.kafka import probe_broker
from chairside_shared.messaging.outbox import OutboxWriter, UnitOfWork
from chairside_shared.messaging.relay import OutboxRelay
from chairside_shared.messaging.tables import MessagingTables
from chairside_shared.migrations import upgrade_async
from chairside_shared.settings import ServiceSettings
from chairside_shared.status import DependencyStatus

log = logging.getLogger("chairside.runtime")
U = TypeVar("U", bound=UnitOfWork)


@dataclass
class ServiceSpec(Generic[U]):
    """What makes one service: its schema, topics, handlers and seed."""

    name: str
    metadata: MetaData
    tables: MessagingTables
    migrations: str | None  # Alembic script location; None only in tests (create_all)
    owned_topics: list[str]
    uow_class: type[U]
    subscriptions: list[str] = field(default_factory=list)
    handlers: dict[str, Handler] = field(default_factory=dict)
    seed: Callable[[ServiceRuntime], Awaitable[None]] | None = None
    # SQLite only: transactions begin IMMEDIATE (db.create_engine); off for a service whose
    # own locks serialize its writes.
    sqlite_serialized: bool = True
    # How a unit of work is made, when it needs more than the session and the outbox
    # (settings, clients): built in the service's bootstrap.py, the one place that wires them.
    uow_factory: Callable[[async_sessionmaker[AsyncSession], OutboxWriter], U] | None = None


class ServiceRuntime(Generic[U]):
    def __init__(self, spec: ServiceSpec[U], settings: ServiceSettings) -> None:
        self.spec = spec
        self.settings = settings
        self.engine = db.create_engine(str(settings.database_url), pool_size=settings.db_pool_size,
                                       pool_overflow=settings.db_pool_overflow,
                                       sqlite_serialized=spec.sqlite_serialized)
        self.session_factory = db.session_factory(self.engine)
        self.db_status = DependencyStatus("database")
        self.broker_status = DependencyStatus("broker")
        self.outbox = OutboxWriter(
            tables=spec.tables, source=spec.name, is_postgres=not settings.is_sqlite
        )
        self.relay = OutboxRelay(
            settings=settings, engine=self.engine, tables=spec.tables,
            owned_topics=[*spec.owned_topics], broker_status=self.broker_status,
        )
        self.outbox.wake_relay = self.relay.wake
        self.consumer: EventConsumer | None = None
        if spec.handlers:
            self.consumer = EventConsumer(
                settings=settings, uow_factory=self.uow, session_factory=self.session_factory,
                outbox=self.outbox, topics=spec.subscriptions, handlers=spec.handlers,
                broker_status=self.broker_status, group_id=spec.name,
            )
        # One replica per database runs the cluster-wide periodic jobs (cluster_jobs.py).
        self.jobs = JobLeader(self.engine, service=spec.name, is_sqlite=settings.is_sqlite)
        # Keyed writes' answers, for a retry forwarded again by another gateway (idempotency.py).
        self.keyed_responses = KeyedResponses(self.session_factory)
        self.booted = asyncio.Event()
        self._tasks: list[asyncio.Task[Any]] = []
        self.state: dict[str, Any] = {}  # service-specific singletons (clients, caches)

    def uow(self) -> U:
        make = self.spec.uow_factory or self.spec.uow_class
        return make(self.session_factory, self.outbox)

    async def start(self) -> None:
        self.booted.clear()
        self._tasks.append(asyncio.create_task(self._boot(), name=f"{self.spec.name}-boot"))
        self.every(3600, self.keyed_responses.purge, what="idempotency purge")

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.wait(self._tasks, timeout=10) if self._tasks else None
        self._tasks.clear()
        await self.jobs.release()
        try:  # both end in bounded time whatever the broker does (messaging/closing.py)
            await self.relay.stop()
            if self.consumer is not None:
                await self.consumer.stop()
        finally:
            await self.engine.dispose()

    def every(self, interval_s: float | Callable[[], float], step: Callable[[], Awaitable[object]],
              *, what: str, once_per_cluster: bool = True) -> None:
        """Start a periodic job once the service has booted: by default on the one replica
        that leads the jobs (hold expiry, pollers); ``once_per_cluster=False`` for what each
        replica needs for itself (its /metrics gauges)."""
        async def loop() -> None:
            await self.booted.wait()
            await every(interval_s, step, what=what,
                        leader=self.jobs if once_per_cluster else None)
        self._tasks.append(asyncio.create_task(loop(), name=f"{self.spec.name}-{what}"))

    async def _boot(self) -> None:
        await self._wait_for_database()
        if self.settings.auto_migrate:
            await self._retrying("migrations", self._migrate)
        if self.spec.seed is not None and self.settings.seed_demo_data:
            await self._retrying("demo seed", lambda: self.spec.seed(self))  # type: ignore[misc]
        self.booted.set()
        self._tasks.append(asyncio.create_task(self.relay.run(), name=f"{self.spec.name}-relay"))
        if self.consumer is not None:
            self._tasks.append(
                asyncio.create_task(self.consumer.run(), name=f"{self.spec.name}-consumer")
            )
        self._tasks.append(asyncio.create_task(
            watch_dead_letters(self.engine, self.spec.tables.dead_letters, service=self.spec.name),
            name=f"{self.spec.name}-dlq"))

    async def _migrate(self) -> None:
        if self.spec.migrations is None:
            async with self.engine.begin() as conn:
                await conn.run_sync(self.spec.metadata.create_all)
            return
        await upgrade_async(self.spec.migrations, str(self.settings.database_url))

    async def _wait_for_database(self) -> None:
        delay = 0.2
        while True:
            try:
                await db.ping(self.engine)
                self.db_status.up()
                return
            except Exception as exc:
                if self.db_status.down(f"{db.redacted(str(self.settings.database_url))}: "
                                       f"{type(exc).__name__}"):
                    log.error("%s cannot reach its database at %s (%s); retrying",
                              self.spec.name, db.redacted(str(self.settings.database_url)),
                              type(exc).__name__)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)

    async def _retrying(self, what: str, step: Callable[[], Awaitable[Any]]) -> None:
        delay = 0.5
        while True:
            try:
                await step()
                return
            except Exception as exc:
                log.error("%s: %s failed (%s); retrying", self.spec.name, what, exc)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 10.0)

    async def readiness(self) -> dict[str, str]:
        checks: dict[str, str] = {}
        try:
            await asyncio.wait_for(db.ping(self.engine), 2)
            self.db_status.up()
            checks["database"] = "ok"
        except Exception as exc:
            self.db_status.down(type(exc).__name__)
            checks["database"] = f"down: {db.redacted(str(self.settings.database_url))} " \
                                 f"({type(exc).__name__})"
        try:
            await probe_broker(self.settings, timeout_s=2)
            checks["broker"] = "ok"
        except Exception as exc:
            checks["broker"] = f"down: {self.settings.kafka_bootstrap_servers} " \
                               f"({type(exc).__name__})"
        checks["migrations"] = "ok" if self.booted.is_set() else "pending"
        return checks
