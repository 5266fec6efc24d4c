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

from gateway_testkit.fake_services import FakeState, make_service
from gateway_testkit.servers import Running, serve
from gateway_testkit.settings import settings_for
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from chairside_shared import db as shared_db
from chairside_shared.testing.plugin import ADMIN_URL
from gateway.main import create_app
from gateway.service.container import Gateway

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
            s.raw_answers.clear()
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
