"""The reimbursement service against the clearinghouse sandbox (a real HTTP server): the
service with its exchange pointed at the sandbox, a billed claim, one exchange poll."""

from __future__ import annotations

from contextlib import asynccontextmanager
from types import SimpleNamespace

import httpx
from reimb_it import EPTI, KETO, T0, administered, administration, bill, identities, setup_catalog

from chairside_shared.migrations import upgrade_async
from chairside_shared.testing.plugin import settings_for_test
from clearinghouse_sandbox.config import SandboxConfig
from reimbursement.bootstrap import MIGRATIONS
from reimbursement.entrypoints.api.deps import get_identities, get_now
from reimbursement.main import create_app
from reimbursement.service import exchange
from reimbursement.settings import ReimbursementSettings

USER = {"x-chairside-user-id": "u-42", "x-chairside-client-id": "console"}


@asynccontextmanager
async def exchange_service(make_database, broker, sandbox, **overrides):
    sandbox.set_config(SandboxConfig())
    url = await make_database("reimb_exchange", MIGRATIONS)
    settings = settings_for_test(ReimbursementSettings, database_url=url, broker=broker,
                                 clearinghouse_url=sandbox.base_url, **overrides)
    app = create_app(settings)
    clock = SimpleNamespace(now=T0)
    app.dependency_overrides[get_now] = lambda: clock.now
    source = identities()
    app.dependency_overrides[get_identities] = lambda: source
    runtime = app.state.runtime
    await upgrade_async(MIGRATIONS, url)
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                     base_url="http://reimbursement") as c:
            await setup_catalog(c)
            yield SimpleNamespace(app=app, runtime=runtime, client=c, clock=clock,
                                  identities=source, sandbox=sandbox,
                                  clearinghouse=runtime.state["clearinghouse"])
    finally:
        await runtime.engine.dispose()


async def new_claim(svc, drug: str = EPTI) -> dict:
    given = (administration(1, "eptinezumab", EPTI, "100", 0, 35) if drug == EPTI
             else administration(1, "ketorolac", KETO, "30", 0, 1, mode="push"))
    claim_id = await bill(svc, administered(given))
    return (await svc.client.get(f"/v1/claims/{claim_id}")).json()


async def poll(svc) -> list[exchange.Received]:
    return await exchange.poll_once(uow=svc.runtime.uow(), clearinghouse=svc.clearinghouse,
                                    now=svc.clock.now)


async def get(svc, claim_id: str) -> dict:
    r = await svc.client.get(f"/v1/claims/{claim_id}")
    assert r.status_code == 200, r.text
    return r.json()


