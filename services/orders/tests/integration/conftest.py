"""An orders service on a throwaway PostgreSQL database and the test broker, driven in-process."""

from __future__ import annotations

from types import SimpleNamespace

import httpx
import pytest
import sqlalchemy as sa

from chairside_shared import contracts
from chairside_shared.messaging.kafka import ensure_topics
from chairside_shared.testing.plugin import running, settings_for_test
from orders.bootstrap import MIGRATIONS
from orders.main import create_app
from orders.settings import OrdersSettings

ALL_SCOPES = ("patients:read patients:write orders:read orders:write orders:sign admin "
              "schedule:read")
STAFF = {"x-chairside-client-id": "demo-admin", "x-chairside-user-id": "dr-house",
         "x-chairside-scopes": ALL_SCOPES}
CLERK = {"x-chairside-client-id": "front-desk",
         "x-chairside-scopes": "patients:read patients:write orders:read orders:write"}
PARTNER = {"x-chairside-client-id": "demo-partner", "x-chairside-practice-id": "demo-partner",
           "x-chairside-scopes": "patients:read patients:write orders:read orders:write"}


async def _service(make_database, broker):
    url = await make_database("orders", MIGRATIONS)
    settings = settings_for_test(OrdersSettings, database_url=url, broker=broker)
    # the topics we consume belong to other services; create them so our consumer can join
    await ensure_topics(settings, [contracts.AUTHORIZATION_TOPIC, contracts.SCHEDULING_TOPIC],
                        client_id="orders-test")
    return create_app(settings)


@pytest.fixture
async def svc(make_database, broker):
    app = await _service(make_database, broker)
    runtime = app.state.runtime
    async with running(runtime):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                     base_url="http://orders", headers=STAFF) as client:
            yield SimpleNamespace(client=client, runtime=runtime, app=app,
                                  count=lambda table, *where: count(runtime, table, *where))


async def count(runtime, table, *where) -> int:
    async with runtime.session_factory() as session:
        return (await session.execute(
            sa.select(sa.func.count()).select_from(table).where(*where))).scalar_one()
