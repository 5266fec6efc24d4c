"""A scheduling service on a throwaway PostgreSQL database and the test broker, with a fixed
clock for the HTTP API."""

from __future__ import annotations

from types import SimpleNamespace

import httpx
import pytest
from sched_it import local

from chairside_shared.migrations import upgrade_async
from chairside_shared.testing.plugin import running, settings_for_test
from scheduling.bootstrap import MIGRATIONS, build_runtime
from scheduling.entrypoints.api.deps import get_now
from scheduling.main import create_app
from scheduling.settings import SchedulingSettings


@pytest.fixture
async def svc(make_database, broker):
    url = await make_database("sched", MIGRATIONS)
    settings = settings_for_test(SchedulingSettings, database_url=url, broker=broker,
                                 hold_sweep_interval_s=3600, optimizer_time_limit_s=2,
                                 db_pool_size=10)
    app = create_app(settings)
    clock = SimpleNamespace(now=local(7, 0))
    app.dependency_overrides[get_now] = lambda: clock.now
    runtime = app.state.runtime
    # The API needs only the migrated database; relay and consumer get their own test.
    await upgrade_async(MIGRATIONS, url)
    try:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://scheduling") as client:
            yield SimpleNamespace(app=app, runtime=runtime, client=client, settings=settings,
                                  clock=clock)
    finally:
        await runtime.engine.dispose()


@pytest.fixture
async def live(make_database, broker):
    """The whole service running: migrations, outbox relay, consumer, hold sweeper."""
    url = await make_database("schedlive", MIGRATIONS)
    settings = settings_for_test(SchedulingSettings, database_url=url, broker=broker,
                                 hold_sweep_interval_s=0.5)
    runtime = build_runtime(settings)
    async with running(runtime):
        yield SimpleNamespace(runtime=runtime, settings=settings, broker=broker)


