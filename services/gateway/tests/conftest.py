"""Fixtures: the four fake services on real sockets, and gateways started against them."""

from __future__ import annotations

import asyncio
import sys
import uuid
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from chairside_shared import db as shared_db
from chairside_shared.testing.plugin import ADMIN_URL
from gateway.bootstrap import Gateway
from gateway.main import create_app
from gateway.settings import GatewaySettings
from gateway_testkit.fake_services import FakeState, make_service
from gateway_testkit.servers import Running, serve
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

SERVICES = ("orders", "scheduling", "authorization", "reimbursement")


@dataclass
class Fakes:
    states: dict[str, FakeState]
    urls: dict[str, str]

    def __getitem__(self, name: str) -> FakeState:
        return self.states[name]

    def reset(self) -> None:
        for s in self.states.values():
            s.docs.clear()
            s.seen.clear()
            s.fail_with.clear()
            s.fail_method = None
            s.singletons.clear()
            s.delay_s = 0.0


@pytest.fixture(scope="session")
async def fake_servers():
    running: list[Running] = []
    states, urls = {}, {}
    for name in SERVICES:
        app, state = make_service(name)
        r = await serve(app, lifespan="off")
        running.append(r)
        states[name], urls[name] = state, r.url
    yield Fakes(states, urls)
    for r in running:
        await r.stop()


@pytest.fixture
def fakes(fake_servers: Fakes) -> Fakes:
    fake_servers.reset()
    yield fake_servers
    fake_servers.reset()


@dataclass
class GatewayUnderTest:
    url: str
    gw: Gateway
    client: httpx.AsyncClient

    async def token(self, client_id: str = "demo-admin", secret: str | None = None,
                    scope: str | None = None) -> str:
        form = {"grant_type": "client_credentials", "client_id": client_id,
                "client_secret": secret or f"{client_id}-secret"}
        if scope:
            form["scope"] = scope
        r = await self.client.post("/v1/oauth/token", data=form)
        assert r.status_code == 200, r.text
        return r.json()["access_token"]

    async def auth(self, client_id: str = "demo-admin", **kw: Any) -> dict[str, str]:
        return {"Authorization": f"Bearer {await self.token(client_id, **kw)}"}


def settings_for(fakes: Fakes, database_url: str, **overrides: Any) -> GatewaySettings:
    values: dict[str, Any] = dict(
        environment="test",
        database_url=database_url,
        seed_demo_data=True,  # the demo clients of api.md are what the tests sign in with
        orders_url=fakes.urls["orders"], scheduling_url=fakes.urls["scheduling"],
        authorization_url=fakes.urls["authorization"],
        reimbursement_url=fakes.urls["reimbursement"],
        rate_limit_capacity=100_000, rate_limit_per_s=100_000,
        token_rate_limit_capacity=1000, token_rate_limit_per_s=1000,
        token_ip_rate_limit_capacity=10_000, token_ip_rate_limit_per_s=10_000,
        upstream_timeout_s=2.0, breaker_reset_s=1.0, audit_flush_interval_s=0.05,
        redis_url=None,
    )
    values.update(overrides)
    return GatewaySettings(**values)


async def start_app(app) -> Running:
    running = await serve(app)
    await asyncio.wait_for(app.state.gateway.booted.wait(), 60)
    return running


@pytest.fixture(scope="session")
async def template_db(fake_servers: Fakes):
    """A PostgreSQL gateway database migrated and seeded once (the demo clients hashed with
    the real KDF, a signing key); each test gets a copy made with CREATE DATABASE TEMPLATE."""
    name = f"cs_gwtpl_{uuid.uuid4().hex[:10]}"
    url = await shared_db.create_database(ADMIN_URL, name)
    app = create_app(settings_for(fake_servers, url))
    running = await start_app(app)
    await running.stop()
    yield name
    await shared_db.drop_database(ADMIN_URL, name)


@pytest.fixture
async def gateway_db(template_db: str):
    name = f"cs_gw_{uuid.uuid4().hex[:10]}"
    engine = create_async_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            await conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template_db}"'))
    finally:
        await engine.dispose()
    from sqlalchemy.engine import make_url

    yield make_url(ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    await shared_db.drop_database(ADMIN_URL, name)


@pytest.fixture
def start_gateway(fakes: Fakes, gateway_db: str):
    """`async with start_gateway(**settings) as g:` a gateway on a real socket, on its own
    PostgreSQL database."""

    @asynccontextmanager
    async def start(**overrides: Any):
        overrides.setdefault("database_url", gateway_db)
        app = create_app(settings_for(fakes, **overrides))
        running = await start_app(app)
        client = httpx.AsyncClient(base_url=running.url, timeout=10)
        try:
            yield GatewayUnderTest(running.url, app.state.gateway, client)
        finally:
            await client.aclose()
            await running.stop()

    return start


@pytest.fixture
async def g(start_gateway) -> GatewayUnderTest:
    async with start_gateway() as running:
        yield running
