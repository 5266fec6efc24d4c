"""The authorization service on a throwaway PostgreSQL database, the test broker and the payer
sandbox running as a real HTTP server; a settable clock for the API."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

import httpx
import pytest

from authorization.bootstrap import MIGRATIONS
from authorization.entrypoints import consumers
from authorization.entrypoints.api.deps import get_now
from authorization.main import create_app
from authorization.service import orders as order_service
from authorization.service.payers import seed_payers
from authorization.settings import AuthorizationSettings
from chairside_shared.migrations import upgrade_async
from chairside_shared.testing.plugin import settings_for_test
from payer_sandbox.config import demo_config
from payer_sandbox.testing import running_sandbox

from ..pas_fixtures import TEST_CODES, identity_of, sources

# Monday 2 March 2026, 10:00 in New York.
T0 = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def sandbox():
    with running_sandbox(demo_config()) as sb:
        yield sb


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now


@pytest.fixture
async def svc(make_database, broker, sandbox):
    sandbox.set_config(demo_config())
    url = await make_database("authz", MIGRATIONS)
    settings = settings_for_test(
        AuthorizationSettings, database_url=url, broker=broker, poller_enabled=False,
        payer_default_base_url=sandbox.fhir_base, inquire_every_s=0, db_pool_size=20,
        rxnorm_codes=TEST_CODES,
        eligibility_on_sign=False)  # cases alone here; test_eligibility_* turn it on
    app = create_app(settings)
    clock = Clock(T0)
    app.dependency_overrides[get_now] = lambda: clock.now
    runtime = app.state.runtime
    # orders' payer identity, as orders would answer for the orders the tests sign
    identities: dict = {}
    runtime.pas = sources(by_order=identities)
    await upgrade_async(MIGRATIONS, url)  # the API needs only the migrated database
    await seed_payers(uows=runtime.uow, now=T0)
    try:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://authz") as client:
            yield SimpleNamespace(app=app, runtime=runtime, client=client, settings=settings,
                                  clock=clock, sandbox=sandbox, uows=runtime.uow,
                                  identities=identities)
    finally:
        await runtime.connector.aclose()
        await runtime.engine.dispose()


async def feed(svc, handler: str, payload, now: datetime | None = None):
    """Run a consumer-side handler in its own transaction, as the consumer would (the event's
    contract translated as the consumer does)."""
    now = now or svc.clock.now
    if handler == "order_signed":
        kwargs = {"order": consumers.signed_order(payload)}
        svc.identities.setdefault(payload.order_id, identity_of(payload))
    elif handler == "order_administered":
        kwargs = {"order": consumers.administered_order(payload)}
    else:
        kwargs = {"order_id": payload.order_id, "reason": payload.reason}
    async with svc.uows() as uow:
        result = await getattr(order_service, handler)(uow=uow, now=now, **kwargs)
        await uow.commit()
    return result


async def outbox_events(svc) -> list:
    from sqlalchemy import select
    outbox = svc.runtime.spec.tables.outbox
    async with svc.runtime.session_factory() as session:
        return (await session.execute(select(outbox).order_by(outbox.c.id))).all()
