"""Timeouts, retries for idempotent calls only, the circuit breaker, and a service process
that dies: its routes answer 503 + Retry-After, every other route keeps working."""

import time
import uuid

import pytest
from gateway_testkit.servers import ChildProcess, free_port
from gateway_testkit.walk import seed_practice

pytestmark = pytest.mark.integration


async def test_get_is_retried_after_a_503_and_succeeds(g, fakes):
    fakes["orders"].fail_with = [503]
    r = await g.client.get("/v1/drugs", headers=await g.auth())
    assert r.status_code == 200
    assert len(fakes["orders"].calls("GET", "/v1/drugs")) == 2


async def test_post_is_never_retried(g, fakes):
    fakes["orders"].fail_with, fakes["orders"].fail_method = [503, 503], "POST"
    r = await g.client.post("/v1/protocols", headers=await g.auth(),
                            json={"name": "A", "lines": [{
                                "sequence": 1, "drug_code": "ketorolac", "mode": "push",
                                "minutes": 2, "dose_rule": {"kind": "fixed", "dose": "30"}}]})
    assert r.status_code == 503 and int(r.headers["retry-after"]) >= 1
    assert r.headers["content-type"] == "application/problem+json"
    assert len(fakes["orders"].calls("POST", "/v1/protocols")) == 1


async def test_slow_service_answers_503_within_the_timeout(start_gateway, fakes):
    async with start_gateway(upstream_timeout_s=5, upstream_timeouts={"scheduling": 0.5}) as gt:
        headers = await gt.auth()
        fakes["scheduling"].delay_s = 3
        start = time.monotonic()
        r = await gt.client.get("/v1/slots", params={"minutes": "60"}, headers=headers)
        elapsed = time.monotonic() - start
        assert r.status_code == 503 and "retry-after" in r.headers
        assert r.json()["service"] == "scheduling"
        assert elapsed < 1.5  # the deadline covers the retries too
        assert (await gt.client.get("/v1/drugs", headers=headers)).status_code == 200


async def test_breaker_opens_and_fails_fast_then_recovers(start_gateway, fakes):
    async with start_gateway(breaker_failure_threshold=2, breaker_reset_s=0.5,
                             retry_attempts=1) as gt:
        headers = await gt.auth()
        fakes["orders"].fail_with = [503] * 50
        for _ in range(2):
            assert (await gt.client.get("/v1/drugs", headers=headers)).status_code == 503
        reached = len(fakes["orders"].seen)
        r = await gt.client.get("/v1/drugs", headers=headers)
        assert r.status_code == 503 and r.headers["retry-after"] == "1"
        assert len(fakes["orders"].seen) == reached  # open: not even tried
        # Other upstreams have their own breakers.
        assert (await gt.client.get("/v1/payers", headers=headers)).status_code == 200
        fakes["orders"].fail_with.clear()
        import asyncio

        await asyncio.sleep(0.6)
        assert (await gt.client.get("/v1/drugs", headers=headers)).status_code == 200


async def test_stopping_a_real_service_process(start_gateway, fakes):
    """The orders service as its own OS process, killed mid-run and started again."""
    port = free_port()
    orders = ChildProcess("gateway_testkit.fake_services:orders_app", port)
    await orders.start()
    try:
        async with start_gateway(orders_url=orders.url, upstream_timeout_s=1.0,
                                 breaker_reset_s=1.0) as gt:
            headers = await gt.auth()
            assert (await gt.client.get("/v1/drugs", headers=headers)).status_code == 200
            appt = fakes["scheduling"].put("appointments", {"order_id": str(uuid.uuid4())})
            orders.kill()
            for _ in range(3):
                start = time.monotonic()
                r = await gt.client.get("/v1/drugs", headers=headers)
                assert time.monotonic() - start < 1.5
                assert r.status_code == 503 and int(r.headers["retry-after"]) >= 1
                assert r.json()["service"] == "orders"
                assert r.headers["content-type"] == "application/problem+json"
            ok = await gt.client.get(f"/v1/appointments/{appt['id']}", headers=headers)
            assert ok.status_code == 200
            assert (await gt.client.get("/v1/claims", headers=headers)).status_code == 200
            assert (await gt.client.get("/healthz")).status_code == 200
            await orders.start()
            import asyncio

            await asyncio.sleep(1.1)  # breaker lets a probe through after its reset time
            assert (await gt.client.get("/v1/drugs", headers=headers)).status_code == 200
    finally:
        orders.kill()


async def test_visit_marks_a_down_service_unavailable_and_keeps_the_rest(g, fakes):
    data = seed_practice(fakes, "demo-clinic", "MRN-V-1")
    headers = await g.auth()
    fakes["reimbursement"].fail_with = [503] * 10
    r = await g.client.get(f"/v1/visits/{data.order['id']}", headers=headers)
    assert r.status_code == 200
    body = r.json()
    assert body["order"]["id"] == data.order["id"]
    assert body["appointment"]["id"] == data.appointment["id"]
    assert body["authorization"]["id"] == data.authorization["id"]
    assert body["claim"] == {"unavailable": True, "service": "reimbursement"}
