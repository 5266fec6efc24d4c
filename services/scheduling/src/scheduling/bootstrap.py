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
    )


class SchedulingRuntime(ServiceRuntime[SchedulingUnitOfWork]):
    """The shared runtime plus the hold-expiry sweeper."""

    async def start(self) -> None:
        await super().start()
        self._tasks.append(asyncio.create_task(self._sweep_holds(), name="scheduling-holds"))

    async def _sweep_holds(self) -> None:
        await self.booted.wait()
        settings: SchedulingSettings = self.settings  # type: ignore[assignment]
        while True:
            try:
                await sweep_once(self, settings)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # noqa: BLE001 - retried on the next tick
                log.error("hold sweep failed: %s", type(exc).__name__)
            await asyncio.sleep(settings.hold_sweep_interval_s)


async def sweep_once(runtime: ServiceRuntime, settings: SchedulingSettings) -> int:
    async with runtime.uow() as uow:
        count = await expire_holds(uow, datetime.now(UTC), settings.booking_policy())
        await uow.commit()
    return count


def build_runtime(settings: SchedulingSettings) -> SchedulingRuntime:
    return SchedulingRuntime(build_spec(settings), settings)
