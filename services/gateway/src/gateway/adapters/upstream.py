"""Calls to the services behind the gateway: one pooled httpx client per upstream, a
deadline per call (retries included), retries for idempotent methods only, and a circuit
breaker per upstream so a dead service fails fast instead of holding connections."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

import httpx

from gateway.domain.breaker import BreakerPolicy, CircuitBreaker
from gateway.domain.ratelimit import retry_after_header
from gateway.domain.retry import RetryPolicy, is_failure


@dataclass
class Unavailable(Exception):
    """The upstream cannot answer now (down, timing out, or its breaker is open)."""

    upstream: str
    retry_after: str


class Upstream:
    def __init__(self, name: str, base_url: str, *, timeout: float, connect_timeout: float,
                 retry: RetryPolicy, breaker: BreakerPolicy, max_connections: int = 100,
                 max_keepalive: int = 50, clock=time.monotonic, trace_calls: bool = False) -> None:
        self.name = name
        self.timeout = timeout
        self.connect_timeout = connect_timeout
        self.retry = retry
        self.breaker = CircuitBreaker(breaker)
        self.clock = clock
        self.base_url = base_url.rstrip("/")
        # The pooled httpx transport, called directly: the client layer around it (URL
        # merging, cookies, auth, redirects, hooks) is work a proxy does not need on every
        # call, and costs more than the proxying itself.
        self.transport = httpx.AsyncHTTPTransport(
            limits=httpx.Limits(max_connections=max_connections,
                                max_keepalive_connections=max_keepalive))
        self._send = self.transport.handle_async_request
        if not trace_calls:
            # The gateway injects `traceparent` itself (its server span is the parent the
            # service continues); the httpx instrumentation's client span per call is skipped.
            self._send = _uninstrumented(self.transport)

    def _unavailable(self) -> Unavailable:
        wait = self.breaker.retry_after(self.clock()) or self.breaker.policy.reset_after
        return Unavailable(self.name, retry_after_header(wait))

    async def request(self, method: str, path: str, *, params=None, headers=None,
                      content: bytes | None = None) -> httpx.Response:
        deadline = self.clock() + self.timeout
        attempt = 0
        while True:
            attempt += 1
            if not self.breaker.allow(self.clock()):
                raise self._unavailable()
            remaining = deadline - self.clock()
            if remaining <= 0:
                raise self._unavailable()
            status: int | None = None
            response: httpx.Response | None = None
            request = httpx.Request(
                method, self.base_url + path, params=params, headers=headers, content=content,
                extensions={"timeout": {"connect": min(remaining, self.connect_timeout),
                                        "read": remaining, "write": remaining,
                                        "pool": remaining}})
            try:
                response = await self._send(request)
                try:
                    await response.aread()
                finally:
                    await response.aclose()
                status = response.status_code
            except httpx.TransportError:
                status = None
            if is_failure(status):
                self.breaker.record_failure(self.clock())
            else:
                self.breaker.record_success()
            if self.retry.may_retry(method, attempt, status):
                delay = self.retry.delay(attempt)
                if self.clock() + delay < deadline:
                    await asyncio.sleep(delay)
                    continue
            if response is None:
                raise self._unavailable()
            return response

    async def close(self) -> None:
        await self.transport.aclose()


def _uninstrumented(transport: httpx.AsyncHTTPTransport):
    """The transport's own send method, bypassing a class-level instrumentation wrapper."""
    method = type(transport).handle_async_request
    original = getattr(method, "__wrapped__", method)
    return original.__get__(transport, type(transport))


class Upstreams:
    def __init__(self, upstreams: dict[str, Upstream]) -> None:
        self.by_name = upstreams

    def __getitem__(self, name: str) -> Upstream:
        return self.by_name[name]

    async def close(self) -> None:
        await asyncio.gather(*(u.close() for u in self.by_name.values()))
