"""Composition root of the scheduling service: the settings become the units of work's options
here, once; nothing below reads settings or the environment."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from chairside_shared import contracts
from chairside_shared.messaging.outbox import OutboxWriter
from chairside_shared.runtime import ServiceRuntime, ServiceSpec
from scheduling.adapters import orm, recall_orm, series_orm  # noqa: F401 - registers the tables
from scheduling.adapters.metadata import messaging, metadata
from scheduling.entrypoints.consumers import HANDLERS, SUBSCRIPTIONS
from scheduling.optimizer.problem import SolveOptions
from scheduling.seed import seed_demo
from scheduling.service import handlers, queries
from scheduling.service.locks import DayQueues
from scheduling.service.metrics import record_day
from scheduling.service.recall_jobs import SweepResult, sweep_recalls
from scheduling.service.shared_reads import SharedReads
from scheduling.service.uow import SchedulingOptions, SchedulingUnitOfWork
from scheduling.settings import SchedulingSettings

MIGRATIONS = str(Path(__file__).parent / "migrations")
log = logging.getLogger("scheduling.holds")
UnitOfWorkFactory = Callable[[async_sessionmaker[AsyncSession], OutboxWriter],
                             SchedulingUnitOfWork]


def options_from(settings: SchedulingSettings) -> SchedulingOptions:
    return SchedulingOptions(
        policy=settings.booking_policy(), default_hours=settings.default_hours(),
        ratio_overrides=settings.ratio_overrides_by_state,
        max_search_days=settings.max_search_days,
        solve=SolveOptions(time_limit_s=settings.optimizer_time_limit_s,
                           workers=settings.optimizer_workers),
        request_wait_s=settings.request_lock_wait_s, windows=settings.visit_windows(),
        auth_mismatch=settings.auth_mismatch, staffing=settings.staffing())


def uow_factory(settings: SchedulingSettings) -> UnitOfWorkFactory:
    """Units of work sharing one runtime's options, shared reads and day queues."""
    options, shared_reads, day_queues = options_from(settings), SharedReads(), DayQueues()

    def make(session_factory: async_sessionmaker[AsyncSession],
             outbox: OutboxWriter) -> SchedulingUnitOfWork:
        return SchedulingUnitOfWork(session_factory, outbox, options=options,
                                    shared_reads=shared_reads, day_queues=day_queues)
    return make


def build_spec(settings: SchedulingSettings) -> ServiceSpec[SchedulingUnitOfWork]:
    return ServiceSpec(
        name="scheduling",
        metadata=metadata,
        tables=messaging,
        migrations=MIGRATIONS,
        owned_topics=[contracts.SCHEDULING_TOPIC, contracts.dlq_topic(contracts.SCHEDULING_TOPIC)],
        uow_class=SchedulingUnitOfWork,
        uow_factory=uow_factory(settings),
        subscriptions=SUBSCRIPTIONS,
        handlers=HANDLERS,
        seed=seed_demo,
        # Its day and order locks (service/locks.py) serialize capacity decisions on SQLite
        # too, with bounded waits; board and slot reads run beside them.
        sqlite_serialized=False,
    )


Runtime = ServiceRuntime[SchedulingUnitOfWork]


class SchedulingRuntime(Runtime):
    """The shared runtime plus two background loops: hold expiry, and today's figures for
    /metrics."""

    def __init__(self, settings: SchedulingSettings) -> None:
        super().__init__(build_spec(settings), settings)
        self.hold_sweep_interval_s = settings.hold_sweep_interval_s
        self.figures_refresh_interval_s = settings.figures_refresh_interval_s
        self.recall_sweep_interval_s = settings.recall_sweep_interval_s
        self.recall_offer_days_before = settings.recall_offer_days_before
        self.recall_slots_offered = settings.recall_slots_offered
        self.preload_models = settings.preload_models

    async def start(self) -> None:
        await super().start()
        # Hold expiry and recall offers change shared state: one replica runs them. The
        # figures fill this replica's own /metrics gauges: every replica refreshes its own.
        self.every(self.hold_sweep_interval_s, lambda: sweep_once(self), what="hold sweep")
        self.every(self.figures_refresh_interval_s, lambda: refresh_figures_once(self),
                   what="figures refresh", once_per_cluster=False)
        self.every(self.recall_sweep_interval_s, lambda: recall_sweep_once(self),
                   what="recall sweep")
        if self.preload_models:
            self._tasks.append(asyncio.create_task(self._preload(), name="scheduling-preload"))

    async def _preload(self) -> None:
        await self.booted.wait()
        await asyncio.to_thread(preload_models)


def preload_models() -> None:
    """The optimizer's and the forecast's libraries, imported ahead of the first request."""
    import scheduling.optimizer.cpsat  # noqa: F401
    from scheduling.forecasting.daily import preload

    preload()


async def refresh_figures_once(runtime: Runtime, now: datetime | None = None) -> None:
    """Today's utilization and queue into the /metrics gauges (what GET /v1/board shows)."""
    today = await queries.todays_board(uow=runtime.uow(), now=now or datetime.now(UTC))
    used = today.utilization
    record_day(used.booked_chair_minutes if used else 0,
               used.available_chair_minutes if used else 0,
               used.ratio if used else 0.0, len(today.queue))


async def sweep_once(runtime: Runtime) -> int:
    return await handlers.expire_holds(uow=runtime.uow(), now=datetime.now(UTC))


async def recall_sweep_once(runtime: Runtime, now: datetime | None = None) -> SweepResult:
    """Recalls due for an offer get slots offered; those past their latest are overdue."""
    if not isinstance(runtime, SchedulingRuntime):
        raise TypeError("the recall sweep runs in the scheduling runtime")
    return await sweep_recalls(uow=runtime.uow(), now=now or datetime.now(UTC),
                               offer_days_before=runtime.recall_offer_days_before,
                               slots_offered=runtime.recall_slots_offered)


def build_runtime(settings: SchedulingSettings) -> SchedulingRuntime:
    return SchedulingRuntime(settings)
