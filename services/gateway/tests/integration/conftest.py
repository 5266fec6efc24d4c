"""The webhook tests' partner side: a receiving server and a gateway that delivers to it."""

from __future__ import annotations

import pytest
from gateway_testkit.servers import serve
from gateway_testkit.webhooks import Receiver

from gateway.adapters import repository as repo
from gateway.adapters.orm import utcnow
from gateway.domain.credentials import hash_secret
from gateway.domain.principal import PARTNER_SCOPES, format_scopes


@pytest.fixture
async def receiver():
    r = Receiver()
    running = await serve(r.app(), lifespan="off")
    r.url = running.url
    yield r
    await running.stop()


@pytest.fixture
async def hooks_gateway(start_gateway, fresh_broker):
    async with start_gateway(
            webhooks_enabled=True, webhook_allow_loopback=True,
            kafka_bootstrap_servers=fresh_broker.bootstrap_servers, webhook_max_attempts=3,
            webhook_backoff_base_s=0.05, webhook_backoff_max_s=0.2, webhook_disable_after=100,
            webhook_poll_interval_s=0.05, consumer_retry_backoff_s=0.01) as g:
        async with g.gw.sessions() as s, s.begin():  # a second partner practice
            await repo.add_practice(s, practice_id="other-partner", name="Other partner",
                                    kind="partner", created_at=utcnow())
            await repo.add_client(
                s, client_id="other-partner", secret_hash=hash_secret("other-partner-secret"),
                name="other", scopes=format_scopes(PARTNER_SCOPES), practice_id="other-partner",
                allows_password_grant=False, active=True, created_at=utcnow())
        g.broker = fresh_broker
        yield g
