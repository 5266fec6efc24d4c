"""Token-bucket rate limits per client: in memory, and shared through Redis."""

import uuid

import httpx
import pytest
import redis.asyncio as aioredis

pytestmark = pytest.mark.integration
REDIS_URL = "redis://127.0.0.1:6379/0"


async def _burst(gt, headers, n):
    return [await gt.client.get("/v1/drugs", headers=headers) for _ in range(n)]


async def test_memory_bucket_allows_the_burst_then_429_with_retry_after(start_gateway, fakes):
    async with start_gateway(rate_limit_capacity=5, rate_limit_per_s=0.5) as gt:
        partner, admin = await gt.auth("demo-partner"), await gt.auth("demo-admin")
        results = await _burst(gt, partner, 7)
        assert [r.status_code for r in results] == [200] * 5 + [429] * 2
        limited = results[-1]
        assert limited.headers["content-type"] == "application/problem+json"
        assert int(limited.headers["retry-after"]) >= 1
        # Per client: another client still has its own bucket.
        assert (await gt.client.get("/v1/drugs", headers=admin)).status_code == 200
    assert len(fakes["orders"].calls("GET", "/v1/drugs")) == 6  # refused calls never forwarded


async def test_redis_bucket_is_shared_by_two_gateway_replicas(start_gateway, gateway_db):
    # A prefix of this run's own: other runs (a cluster, another test session) share Redis.
    prefix = f"chairside:test-{uuid.uuid4().hex[:8]}:"
    key = f"{prefix}bucket:client:demo-partner"
    settings = {"redis_url": REDIS_URL, "redis_prefix": prefix, "rate_limit_capacity": 4,
                "rate_limit_per_s": 0.2}
    r = aioredis.from_url(REDIS_URL)
    try:
        async with start_gateway(**settings) as one, start_gateway(**settings) as two:
            assert type(one.gw.buckets).__name__ == "RedisBuckets"
            headers = await one.auth("demo-partner")
            codes = []
            for i in range(6):
                gt = one if i % 2 == 0 else two
                codes.append((await gt.client.get("/v1/drugs", headers=headers)).status_code)
            assert codes == [200, 200, 200, 200, 429, 429]
            stored = await r.hgetall(key)
            assert float(stored[b"tokens"]) < 1
            assert await r.pttl(key) > 0
            ready = await one.client.get("/readyz")
            assert ready.json()["checks"]["redis"] == "ok"
    finally:
        await r.delete(key)
        await r.aclose()


async def test_unreachable_redis_fails_open_and_readiness_says_so(start_gateway):
    async with start_gateway(redis_url="redis://127.0.0.1:1/0", rate_limit_capacity=1,
                             rate_limit_per_s=0.01) as gt:
        headers = await gt.auth("demo-partner")
        codes = [(await gt.client.get("/v1/drugs", headers=headers)).status_code
                 for _ in range(3)]
        assert codes == [200, 200, 200]
        assert gt.gw.buckets.failures >= 3
        ready = await gt.client.get("/readyz")
        assert ready.status_code == 503 and ready.json()["checks"]["redis"].startswith("down")


def from_address(gt, address: str) -> httpx.AsyncClient:
    """A client whose connections come from another loopback address (127.0.0.0/8 is all
    local on Linux): another caller, as the gateway sees it."""
    return httpx.AsyncClient(base_url=gt.url, timeout=10,
                             transport=httpx.AsyncHTTPTransport(local_address=address))


GOOD = {"grant_type": "client_credentials", "client_id": "demo-partner",
        "client_secret": "demo-partner-secret"}
BAD = {**GOOD, "client_secret": "wrong"}


async def test_wrong_secrets_for_a_client_id_do_not_lock_the_client_out(start_gateway):
    """Issue 11: 11 wrong secrets for a client id made the right one 429 from anywhere."""
    async with start_gateway(token_rate_limit_capacity=2, token_rate_limit_per_s=0.1) as gt:
        # Successful sign-ins do not drain any bucket.
        assert [(await gt.client.post("/v1/oauth/token", data=GOOD)).status_code
                for _ in range(4)] == [200] * 4
        # An attacker at 127.0.0.1 who knows the client id guesses its secret.
        codes = [(await gt.client.post("/v1/oauth/token", data=BAD)).status_code
                 for _ in range(12)]
        assert codes == [401, 401] + [429] * 10
        # The client, from its own address, signs in at once.
        async with from_address(gt, "127.0.0.2") as client:
            r = await client.post("/v1/oauth/token", data=GOOD)
            assert r.status_code == 200, r.text
        # From the guesser's address the right secret waits one refill (1 / 0.1 s), no more.
        r = await gt.client.post("/v1/oauth/token", data=GOOD)
        assert r.status_code == 429 and 1 <= int(r.headers["retry-after"]) <= 10
        assert r.headers["content-type"] == "application/problem+json"


async def test_guessing_is_throttled_per_address_and_client_pair(start_gateway):
    async with start_gateway(token_rate_limit_capacity=2, token_rate_limit_per_s=0.01) as gt:
        codes = [(await gt.client.post("/v1/oauth/token", data=BAD)).status_code
                 for _ in range(3)]
        assert codes == [401, 401, 429]
        # Another client id from the same address has its own pair bucket ...
        other = {**BAD, "client_id": "demo-admin"}
        assert (await gt.client.post("/v1/oauth/token", data=other)).status_code == 401
        # ... and the same guess from another address has its own too.
        async with from_address(gt, "127.0.0.3") as client:
            assert (await client.post("/v1/oauth/token", data=BAD)).status_code == 401


async def test_a_clients_own_bucket_overrides_the_default(start_gateway):
    from sqlalchemy import update

    from gateway.adapters.orm import api_clients
    from gateway.main import load_client_limits

    async with start_gateway(rate_limit_capacity=100, rate_limit_per_s=1) as gt:
        async with gt.gw.sessions() as s, s.begin():
            await s.execute(update(api_clients).where(api_clients.c.client_id == "demo-partner")
                            .values(rate_capacity=2, rate_per_s=0.1))
        await load_client_limits(gt.gw)
        partner, admin = await gt.auth("demo-partner"), await gt.auth("demo-admin")
        codes = [(await gt.client.get("/v1/drugs", headers=partner)).status_code
                 for _ in range(3)]
        assert codes == [200, 200, 429]
        admin_codes = [(await gt.client.get("/v1/drugs", headers=admin)).status_code
                       for _ in range(5)]
        assert admin_codes == [200] * 5


async def test_token_endpoint_is_throttled_per_caller_address_across_client_ids(start_gateway):
    async with start_gateway(token_ip_rate_limit_capacity=3, token_ip_rate_limit_per_s=0.01) as gt:
        codes = []
        for i in range(4):
            r = await gt.client.post("/v1/oauth/token", data={
                "grant_type": "client_credentials", "client_id": f"guess-{i}",
                "client_secret": "x"})
            codes.append(r.status_code)
        assert codes == [401, 401, 401, 429]
