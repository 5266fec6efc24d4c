"""A keyed write reaching the service twice (the gateway that ran it died before storing the
answer; the client's retry came through another gateway) runs once: the second answer is the
first one, replayed. On the real PostgreSQL database (shared/idempotency.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from chairside_shared.idempotency import TABLE
from orders.adapters.orm import patients

from .conftest import PARTNER, STAFF

pytestmark = pytest.mark.integration
BODY = {"practice_id": "demo-clinic", "mrn": "KEYED-1", "birth_date": "1984-06-02",
        "sex": "female", "weight_kg": "70"}


def keyed(key: str, who: dict[str, str] = STAFF) -> dict[str, str]:
    return {**who, "idempotency-key": key}


async def _outbox_rows(svc) -> int:
    return await svc.count(svc.runtime.spec.tables.outbox)


async def test_a_retried_keyed_write_is_answered_as_the_first_time_and_runs_once(svc):
    c = svc.client
    first = await c.post("/v1/patients", json=BODY, headers=keyed("retry-1"))
    assert first.status_code == 201 and "idempotent-replayed" not in first.headers
    outbox_after_first = await _outbox_rows(svc)
    again = await c.post("/v1/patients", json=BODY, headers=keyed("retry-1"))
    assert again.status_code == 201 and again.headers["idempotent-replayed"] == "true"
    assert again.json() == first.json()
    assert again.headers["content-type"] == first.headers["content-type"]
    assert await svc.count(patients, patients.c.mrn == "KEYED-1") == 1
    assert await _outbox_rows(svc) == outbox_after_first  # no second event either
    # without the key the same write is refused by the service's own rule
    dup = await c.post("/v1/patients", json=BODY)
    assert dup.status_code == 409


async def test_the_same_key_with_another_request_is_422_and_changes_nothing(svc):
    c = svc.client
    await c.post("/v1/patients", json=BODY, headers=keyed("retry-2"))
    other = await c.post("/v1/patients", json={**BODY, "mrn": "KEYED-2"},
                         headers=keyed("retry-2"))
    assert other.status_code == 422
    problem = other.json()
    assert problem["type"].endswith("idempotency-key-reused")
    assert problem["errors"] == [{"field": "Idempotency-Key",
                                  "message": "already used with a different request"}]
    assert await svc.count(patients, patients.c.mrn == "KEYED-2") == 0


async def test_keys_are_the_callers_own(svc):
    """Another client's key of the same name is another request: it runs (and here meets the
    duplicate-MRN rule), it is not handed the first client's answer."""
    c = svc.client
    await c.post("/v1/patients", json=BODY, headers=keyed("shared-name"))
    theirs = await c.post("/v1/patients", json={**BODY, "practice_id": "demo-partner"},
                          headers=keyed("shared-name", PARTNER))
    assert theirs.status_code in (201, 409)
    assert "idempotent-replayed" not in theirs.headers


async def test_a_refused_write_is_not_kept_so_the_corrected_retry_runs(svc):
    c = svc.client
    bad = await c.post("/v1/patients", json={**BODY, "weight_kg": "-3"}, headers=keyed("fix-1"))
    assert bad.status_code == 422
    good = await c.post("/v1/patients", json=BODY, headers=keyed("fix-1"))
    assert good.status_code == 201 and "idempotent-replayed" not in good.headers
    assert await svc.count(patients, patients.c.mrn == "KEYED-1") == 1


async def test_an_expired_answer_is_not_replayed_and_the_purge_removes_it(svc):
    c = svc.client
    await c.post("/v1/patients", json=BODY, headers=keyed("old-1"))
    table = sa.table(TABLE, sa.column("key"), sa.column("expires_at"))
    async with svc.runtime.session_factory() as s, s.begin():
        await s.execute(sa.update(table).where(table.c.key == "old-1").values(
            expires_at=datetime.now(UTC) - timedelta(seconds=1)))
    again = await c.post("/v1/patients", json=BODY, headers=keyed("old-1"))
    assert again.status_code == 409  # ran again: the service's own rule answered
    assert await svc.runtime.keyed_responses.purge() == 1
    assert await svc.count(table, table.c.key == "old-1") == 0
