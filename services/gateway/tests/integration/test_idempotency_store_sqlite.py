"""The idempotency store on the embedded default (SQLite, as `make run` uses): the claim is one
INSERT .. ON CONFLICT DO NOTHING on both databases (the PostgreSQL paths run through the gateway
in test_idempotency.py)."""

from datetime import timedelta

import pytest
from sqlalchemy import update

from chairside_shared import db
from gateway.adapters.orm import idempotency_records, metadata, utcnow
from gateway.domain.idempotency import Outcome
from gateway.service.idempotency import IdempotencyStore

pytestmark = pytest.mark.integration
KEY = {"client_id": "demo-partner", "key": "k-1", "method": "POST", "path": "/v1/orders"}


@pytest.fixture
async def store(tmp_path):
    engine = db.create_engine(f"sqlite+aiosqlite:///{tmp_path / 'gateway.db'}")
    async with engine.begin() as c:
        await c.run_sync(metadata.create_all)
    yield IdempotencyStore(engine, timedelta(hours=24), timedelta(seconds=60))
    await engine.dispose()


async def test_a_key_is_claimed_once_then_replayed_or_refused(store):
    first = await store.begin(**KEY, fingerprint="f1")
    again = await store.begin(**KEY, fingerprint="f1")
    assert (first.outcome, again.outcome) == (Outcome.PROCEED, Outcome.IN_FLIGHT)
    await store.finish(client_id="demo-partner", key="k-1", status=201,
                       headers={"content-type": "application/json", "x-other": "no"},
                       body=b'{"id": "o-1"}')
    replay = await store.begin(**KEY, fingerprint="f1")
    assert replay.outcome is Outcome.REPLAY
    assert (replay.record.response_status, replay.record.response_body) == (201, b'{"id": "o-1"}')
    assert "x-other" not in replay.record.response_headers
    assert (await store.begin(**KEY, fingerprint="f2")).outcome is Outcome.MISMATCH


async def test_an_abandoned_or_failed_key_is_free_again(store):
    assert (await store.begin(**KEY, fingerprint="f1")).outcome is Outcome.PROCEED
    # the replica that claimed it died: past the lease, the next request takes it over
    async with store.engine.begin() as c:
        await c.execute(update(idempotency_records).values(
            created_at=utcnow() - timedelta(minutes=5)))
    assert (await store.begin(**KEY, fingerprint="f1")).outcome is Outcome.PROCEED
    # a 5xx is not kept: the retry runs for real
    await store.finish(client_id="demo-partner", key="k-1", status=503, headers={}, body=b"")
    assert (await store.begin(**KEY, fingerprint="f1")).outcome is Outcome.PROCEED
