"""Idempotency-Key on POST, end to end through the gateway's PostgreSQL store."""

import asyncio
import json
from datetime import timedelta

import pytest
from gateway_testkit.walk import seed_practice
from sqlalchemy import insert

from gateway.adapters.orm import idempotency_records, utcnow
from gateway.domain import idempotency as idem

pytestmark = pytest.mark.integration


async def _order_body(fakes):
    data = seed_practice(fakes, "demo-partner", "MRN-I-1")
    return data, {"patient_id": data.patient["id"], "urgency": "same_day",
                  "diagnosis": ["G43.711"], "payer": {"payer_id": "p1", "member_id": "m1"}}


async def test_same_key_same_body_replays_the_stored_response(g, fakes):
    _, body = await _order_body(fakes)
    headers = {**await g.auth("demo-partner"), "Idempotency-Key": "order-1"}
    raw = json.dumps(body).encode()
    first = await g.client.post("/v1/orders", content=raw,
                                headers={**headers, "content-type": "application/json"})
    again = await g.client.post("/v1/orders", content=raw,
                                headers={**headers, "content-type": "application/json"})
    assert first.status_code == again.status_code == 201
    assert first.content == again.content
    assert again.headers["idempotent-replayed"] == "true"
    assert "idempotent-replayed" not in first.headers
    assert len(fakes["orders"].calls("POST", "/v1/orders")) == 1  # created once
    assert first.headers["traceparent"] != again.headers["traceparent"]


async def test_same_key_different_body_is_422_and_not_forwarded(g, fakes):
    _, body = await _order_body(fakes)
    headers = {**await g.auth("demo-partner"), "Idempotency-Key": "order-2"}
    assert (await g.client.post("/v1/orders", json=body, headers=headers)).status_code == 201
    r = await g.client.post("/v1/orders", json={**body, "urgency": "planned"}, headers=headers)
    assert r.status_code == 422 and "different request" in r.json()["detail"]
    assert len(fakes["orders"].calls("POST", "/v1/orders")) == 1


async def test_keys_are_per_client(g, fakes):
    _, body = await _order_body(fakes)
    for client in ("demo-partner", "demo-admin"):
        headers = {**await g.auth(client), "Idempotency-Key": "shared-key"}
        assert (await g.client.post("/v1/orders", json=body, headers=headers)).status_code == 201
    assert len(fakes["orders"].calls("POST", "/v1/orders")) == 2


async def test_a_5xx_is_not_stored_so_the_retry_really_runs(g, fakes):
    _, body = await _order_body(fakes)
    headers = {**await g.auth("demo-partner"), "Idempotency-Key": "order-3"}
    fakes["orders"].fail_with, fakes["orders"].fail_method = [503], "POST"
    r = await g.client.post("/v1/orders", json=body, headers=headers)
    assert r.status_code == 503 and "retry-after" in r.headers
    r = await g.client.post("/v1/orders", json=body, headers=headers)
    assert r.status_code == 201 and "idempotent-replayed" not in r.headers


async def test_a_4xx_is_stored_and_replayed(g, fakes):
    _, body = await _order_body(fakes)
    fakes["orders"].docs["patients"].clear()  # the service will answer 422 unknown patient
    headers = {**await g.auth("demo-admin"), "Idempotency-Key": "order-4"}
    first = await g.client.post("/v1/orders", json=body, headers=headers)
    again = await g.client.post("/v1/orders", json=body, headers=headers)
    assert first.status_code == again.status_code == 422
    assert again.headers["idempotent-replayed"] == "true"
    assert len(fakes["orders"].calls("POST", "/v1/orders")) == 1


async def test_concurrent_first_requests_run_once(g, fakes):
    _, body = await _order_body(fakes)
    fakes["orders"].delay_s = 0.3
    headers = {**await g.auth("demo-admin"), "Idempotency-Key": "order-5"}
    results = await asyncio.gather(*(g.client.post("/v1/orders", json=body, headers=headers)
                                     for _ in range(4)))
    statuses = sorted(r.status_code for r in results)
    assert statuses.count(201) == 1 and set(statuses) <= {201, 409}
    assert all(r.headers.get("retry-after") == "1" for r in results if r.status_code == 409)
    assert len(fakes["orders"].calls("POST", "/v1/orders")) == 1


async def _left_in_progress(g, client_id: str, key: str, raw: bytes, age_s: float) -> None:
    """The record a gateway replica leaves when it is killed while its request runs."""
    created = utcnow() - timedelta(seconds=age_s)
    async with g.gw.sessions() as s, s.begin():
        await s.execute(insert(idempotency_records).values(
            client_id=client_id, key=key, status=idem.Status.IN_PROGRESS.value,
            fingerprint=idem.fingerprint("POST", "/v1/orders", "", "application/json", raw),
            method="POST", path="/v1/orders", created_at=created,
            expires_at=created + timedelta(hours=24)))


async def test_a_key_abandoned_by_a_dead_replica_is_taken_over_once(g, fakes):
    _, body = await _order_body(fakes)
    raw = json.dumps(body).encode()
    headers = {**await g.auth("demo-admin"), "Idempotency-Key": "order-6",
               "content-type": "application/json"}
    lease = g.gw.settings.idempotency_lease_s
    # still within its lease: the first request may be running on the other replica
    await _left_in_progress(g, "demo-admin", "order-6", raw, age_s=lease - 5)
    r = await g.client.post("/v1/orders", content=raw, headers=headers)
    assert r.status_code == 409 and r.json()["type"].endswith("idempotency-in-flight")
    assert fakes["orders"].calls("POST", "/v1/orders") == []

    # past it: the replica died; two retries at once take the key over, one runs the request
    headers["Idempotency-Key"] = "order-7"
    await _left_in_progress(g, "demo-admin", "order-7", raw, age_s=lease + 1)
    fakes["orders"].delay_s = 0.3
    results = await asyncio.gather(*(g.client.post("/v1/orders", content=raw, headers=headers)
                                     for _ in range(3)))
    statuses = sorted(r.status_code for r in results)
    assert statuses.count(201) == 1 and set(statuses) <= {201, 409}, statuses
    assert len(fakes["orders"].calls("POST", "/v1/orders")) == 1
    again = await g.client.post("/v1/orders", content=raw, headers=headers)
    assert again.status_code == 201 and again.headers["idempotent-replayed"] == "true"


@pytest.mark.parametrize("key", ["", "has space", "x" * 256])
async def test_malformed_key_is_400(g, fakes, key):
    _, body = await _order_body(fakes)
    r = await g.client.post("/v1/orders", json=body,
                            headers={**await g.auth(), "Idempotency-Key": key})
    assert r.status_code == 400 and r.headers["content-type"] == "application/problem+json"
    assert fakes["orders"].calls("POST", "/v1/orders") == []
