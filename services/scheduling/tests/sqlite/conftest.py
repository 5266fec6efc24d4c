"""The scheduling service on a SQLite file of the test's own (the embedded `make run` default),
with a fixed clock for the HTTP API."""

from __future__ import annotations

from types import SimpleNamespace

import httpx
import pytest
from sched_it import local

from chairside_shared.migrations import upgrade_async
from scheduling.bootstrap import MIGRATIONS
from scheduling.entrypoints.api.deps import get_now
from scheduling.main import create_app
from scheduling.settings import SchedulingSettings


@pytest.fixture
async def embedded(tmp_path):
    url = f"sqlite+aiosqlite:///{tmp_path}/scheduling.db"
    settings = SchedulingSettings(database_url=url, environment="test", seed_demo_data=False)
    app = create_app(settings)
    app.dependency_overrides[get_now] = lambda: local(7)
    await upgrade_async(MIGRATIONS, url)
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                     base_url="http://s") as client:
            yield SimpleNamespace(client=client, runtime=app.state.runtime, settings=settings)
    finally:
        await app.state.runtime.engine.dispose()
