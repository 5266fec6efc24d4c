"""Composition root of the scheduling service."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from pathlib import Path

from chairside_shared import contracts
from chairside_shared.runtime import ServiceRuntime, ServiceSpec
from scheduling.adapters import orm  # noqa: F401 - registers the tables on the metadata
from scheduling.adapters.metadata import messaging, metadata
from scheduling.entrypoints.consumers import HANDLERS, SUBSCRIPTIONS
from scheduling.seed import seed_demo
from scheduling.service.booking import expire_holds
from scheduling.service.days import load_clinic
from scheduling.service.metrics import record_day
from scheduling.service.planning import board
from scheduling.service.uow import SchedulingUnitOfWork
from scheduling.settings import SchedulingSettings

MIGRATIONS = str(Path(__file__).parent / "migrations")
log = logging.getLogger("scheduling.holds")


def build_spec(settings: SchedulingSettings) -> ServiceSpec[SchedulingUnitOfWork]:
    return ServiceSpec(
        name="scheduling",
        metadata=metadata,
        tables=messaging,
        migrations=MIGRATIONS,
        owned_topics=[contracts.SCHEDULING_TOPIC, contracts.dlq_topic(contracts.SCHEDULING_TOPIC)],
        uow_class=SchedulingUnitOfWork.bound(settings),
        subscriptions=SUBSCRIPTIONS,
        handlers=HANDLERS,
        seed=seed_demo,
        # Its day and order locks (service/locks.py) serialize capacity decisions on SQLite
        # too, with bounded waits; board and slot reads run beside them.
        sqlite_serialized=False,
    )


class SchedulingRuntime(ServiceRuntime[SchedulingUnitOfWork]):
    """The shared runtime plus two background loops: hold expiry, and today's figures for
    /metrics."""

    async def start(self) -> None:
        await super().start()
        settings: SchedulingSettings = self.settings  # type: ignore[assignment]
        self._tasks.append(asyncio.create_task(
            self._every(settings.hold_sweep_interval_s, sweep_once, "hold sweep"),
            name="scheduling-holds"))
        self._tasks.append(asyncio.create_task(
            self._every(settings.figures_refresh_interval_s, refresh_figures_once,
                        "figures refresh"), name="scheduling-figures"))

    async def _every(self, interval_s: float, step, what: str) -> None:
        await self.booted.wait()
        while True:
            try:
                await step(self, self.settings)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.error("%s failed: %s", what, type(exc).__name__)
            await asyncio.sleep(interval_s)


async def refresh_figures_once(runtime: ServiceRuntime, settings: SchedulingSettings,
                               now: datetime | None = None) -> None:
    """Today's utilization and queue into the /metrics gauges (what GET /v1/board shows)."""
    now = now or datetime.now(UTC)
    policy = settings.booking_policy()
    async with runtime.uow() as uow:
        clinic = await load_clinic(uow, policy)
        today = await board(uow, clinic.hours.local_date(now), now, policy)
    used = today.utilization
    record_day(used.booked_chair_minutes if used else 0,
               used.available_chair_minutes if used else 0,
               used.ratio if used else 0.0, len(today.queue))


async def sweep_once(runtime: ServiceRuntime, settings: SchedulingSettings) -> int:
    async with runtime.uow() as uow:
        count = await expire_holds(uow, datetime.now(UTC), settings.booking_policy())
        await uow.commit()
    return count


def build_runtime(settings: SchedulingSettings) -> SchedulingRuntime:
    return SchedulingRuntime(build_spec(settings), settings)
