"""A reimbursement service on a throwaway PostgreSQL database: the HTTP API in-process with a
fixed clock and a fixed payer-identity answer in place of orders (Chairside stores no names)."""

from __future__ import annotations

from types import SimpleNamespace

import httpx
import pytest
from reimb_it import T0, identities

from chairside_shared.migrations import upgrade_async
from chairside_shared.testing.plugin import settings_for_test
from reimbursement.bootstrap import MIGRATIONS
from reimbursement.entrypoints.api.deps import get_identities, get_now
from reimbursement.main import create_app
from reimbursement.settings import ReimbursementSettings


@pytest.fixture
async def svc(make_database, broker):
    url = await make_database("reimb", MIGRATIONS)
    settings = settings_for_test(ReimbursementSettings, database_url=url, broker=broker)
    app = create_app(settings)
    clock = SimpleNamespace(now=T0)
    app.dependency_overrides[get_now] = lambda: clock.now
    source = identities()
    app.dependency_overrides[get_identities] = lambda: source
    runtime = app.state.runtime
    await upgrade_async(MIGRATIONS, url)  # the API needs only the migrated database
    try:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://reimbursement") as c:
            yield SimpleNamespace(app=app, runtime=runtime, client=c, settings=settings,
                                  clock=clock, identities=source)
    finally:
        await runtime.engine.dispose()
