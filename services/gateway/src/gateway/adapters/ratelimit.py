"""Token-bucket stores: in process memory, or Redis (shared by every gateway replica).

Both apply domain/ratelimit.py's rule; the Redis store runs it as one Lua script so the read,
refill and spend are atomic across replicas, with Redis's own clock as the time source.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Protocol

from gateway.domain.ratelimit import BucketPolicy, BucketState, Decision, take

log = logging.getLogger("gateway.ratelimit")


class BucketStore(Protocol):
    async def take(self, key: str, policy: BucketPolicy, cost: float = 1.0) -> Decision: ...

    async def close(self) -> None: ...


class MemoryBuckets:
    """Per-process buckets; the oldest idle buckets are dropped past `max_keys`."""

    def __init__(self, max_keys: int = 100_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._state: OrderedDict[str, BucketState] = OrderedDict()
        self.max_keys = max_keys
        self.clock = clock

    async def take(self, key: str, policy: BucketPolicy, cost: float = 1.0) -> Decision:
        decision, state = take(policy, self._state.get(key), self.clock(), cost)
        self._state[key] = state
        self._state.move_to_end(key)
        while len(self._state) > self.max_keys:
            self._state.popitem(last=False)
        return decision

    async def close(self) -> None:
        self._state.clear()


# The same arithmetic as domain.ratelimit.take. Values go back as strings because Redis
# truncates Lua numbers to integers on return.
_LUA = """
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local s = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(s[1])
local ts = tonumber(s[2])
if tokens == nil or ts == nil then tokens = capacity; ts = now end
local elapsed = now - ts
if elapsed < 0 then elapsed = 0 end
tokens = math.min(capacity, tokens + elapsed * rate)
if now > ts then ts = now end
local allowed = 0
local wait = 0
if cost <= tokens then
  tokens = tokens - cost
  allowed = 1
else
  wait = (cost - tokens) / rate
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(ts))
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / rate * 1000) + 1000)
return {allowed, tostring(tokens), tostring(wait)}
"""


class RedisBuckets:
    """Redis-backed buckets. If Redis cannot be reached the request is let through and a
    warning is logged: rate limiting protects capacity, it is not an access control, and an
    outage of the limiter must not take the whole API down with it."""

    def __init__(self, url: str, prefix: str = "chairside:gateway:bucket:") -> None:
        import redis.asyncio as aioredis

        self.client = aioredis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)
        self.script = self.client.register_script(_LUA)
        self.prefix = prefix
        self.failures = 0

    async def take(self, key: str, policy: BucketPolicy, cost: float = 1.0) -> Decision:
        from redis.exceptions import RedisError

        try:
            allowed, tokens, wait = await self.script(
                keys=[self.prefix + key], args=[policy.capacity, policy.rate, cost])
        except (RedisError, OSError) as exc:
            self.failures += 1
            log.warning("rate limiter store unreachable, request allowed: %s",
                        type(exc).__name__)
            return Decision(True, 0, 0.0, float("inf"))
        return Decision(bool(int(allowed)), int(float(tokens)), float(wait), float(tokens))

    async def ping(self) -> bool:
        try:
            return bool(await self.client.ping())
        except Exception:
            return False

    async def close(self) -> None:
        await self.client.aclose()
