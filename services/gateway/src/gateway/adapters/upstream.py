"""Calls to the services behind the gateway: one pooled httpx client per upstream, a
deadline per call (retries included), retries for idempotent methods only (plus one retry of
a request that was never sent, whatever its method), and a circuit breaker per upstream so a
dead service fails fast instead of holding connections.

What httpx 0.28 / httpcore 1.0 raise when a service drops a connection (checked against a
real misbehaving server, gateway_testkit/rude_server.py):
- an idle pooled connection the service closed (FIN or RST) before we reuse it: nothing;
  the pool sees the socket readable while idle (`has_expired()`) and opens another;
- the service closes after our request was written, before answering (a crash, a reset
  after a handled error, the keep-alive race where its idle close crosses our request):
  RemoteProtocolError("Server disconnected without sending a response.") on FIN, ReadError
  on RST. The request may have been read and acted on;
- a write that fails (the connection reset before or while we write the request): httpcore
  swallows the WriteError and reads on, in case the server answered early, so this too
  surfaces as ReadError or RemoteProtocolError. Only its `trace` extension tells the two
  apart: `http11.send_request_headers|body.failed` instead of `.complete`;
- nothing listening: ConnectError; no accept within the connect timeout: ConnectTimeout;
  every pooled connection busy past the deadline: PoolTimeout.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx
from prometheus_client import Counter

from chairside_shared.telemetry import uninstrumented
from gateway.adapters.pool import lifo_transport
from gateway.adapters.wire import Wire
from gateway.domain.breaker import BreakerPolicy, CircuitBreaker
from gateway.domain.ratelimit import retry_after_header
from gateway.domain.retry import RetryPolicy, is_failure

# How deeply a document the gateway reads from a service (or an identity provider's keys) may
# nest: their own answers are richer than what clients send (a FHIR Claim is about 8 levels).
MAX_UPSTREAM_DEPTH = 64
RETRIES = Counter("gateway_upstream_retries_total", "Upstream requests sent again",
                  ["upstream", "reason"])  # reason: unsent | idempotent
# Failures that happen before any byte of the request can have reached the service.
_BEFORE_SENDING = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


class Progress:
    """httpcore's `trace` extension for one request: how far the request got on the wire."""

    def __init__(self) -> None:
        self.headers_sent = self.body_sent = False

    async def __call__(self, event: str, info: dict[str, Any]) -> None:
        if event.endswith("send_request_headers.started"):  # a new try on some connection
            self.headers_sent = self.body_sent = False
        elif event.endswith("send_request_headers.complete"):
            self.headers_sent = True
        elif event.endswith("send_request_body.complete"):
            self.body_sent = True

    def never_sent(self, exc: httpx.TransportError, has_body: bool) -> bool:
        """Whether the service cannot have received the whole request, so sending it again,
        POST included, cannot do anything twice. A bodiless request whose head was written
        may have been read in full, so it counts as sent."""
        if isinstance(exc, _BEFORE_SENDING):
            return True
        return not self.headers_sent or (has_body and not self.body_sent)


@dataclass
class Unavailable(Exception):
    """The upstream cannot answer now (down, timing out, or its breaker is open)."""

    upstream: str
    retry_after: str


class Upstream:
    def __init__(self, name: str, base_url: str, *, timeout: float, connect_timeout: float,
                 retry: RetryPolicy, breaker: BreakerPolicy, max_connections: int = 100,
                 max_keepalive: int = 50, keepalive_expiry: float = 30.0,
                 clock: Callable[[], float] = time.monotonic, trace_calls: bool = False) -> None:
        self.name = name
        self.timeout = timeout
        self.connect_timeout = connect_timeout
        self.retry = retry
        self.breaker = CircuitBreaker(breaker)
        self.clock = clock
        self.base_url = base_url.rstrip("/")
        # The pooled httpx transport, called directly: the client layer around it (URL
        # merging, cookies, auth, redirects, hooks) is work a proxy does not need on every
        # call, and costs more than the proxying itself. Its pool is a LIFO stack
        # (adapters/pool.py): httpcore's own pool rescans every connection per request, and
        # its cost grew with the requests in flight.
        # Idle connections expire well before the services' keep-alive timeout would close
        # them, so the pool does not reuse a connection just as the service drops it.
        self.transport = lifo_transport(max_connections=max_connections,
                                        max_keepalive=max_keepalive,
                                        keepalive_expiry=keepalive_expiry)
        # A request that was never sent is retried once here: a new connection every time, so
        # the retry cannot land on another stale connection of the pool.
        self.fresh = lifo_transport(max_connections=max_connections, max_keepalive=0,
                                    keepalive_expiry=keepalive_expiry)
        self._send = self.transport.handle_async_request
        self._send_fresh = self.fresh.handle_async_request
        self._direct = not trace_calls
        if not trace_calls:
            # The gateway injects `traceparent` itself (its server span is the parent the
            # service continues); the httpx instrumentation's client span per call is skipped,
            # and so is httpx's request and response plumbing (wire.py).
            self._send = uninstrumented(self.transport, "handle_async_request")
            self._send_fresh = uninstrumented(self.fresh, "handle_async_request")
        self.wire = Wire(self.base_url)

    def _unavailable(self) -> Unavailable:
        wait = self.breaker.retry_after(self.clock()) or self.breaker.policy.reset_after
        return Unavailable(self.name, retry_after_header(wait))

    async def request(self, method: str, path: str, *,
                      params: Mapping[str, str | list[str]] | None = None,
                      headers: dict[str, str] | None = None,
                      content: bytes | None = None) -> httpx.Response:
        deadline = self.clock() + self.timeout
        attempt = 0
        resent = False  # the one retry of a never-sent request is spent
        fresh = False  # this try goes out on a new connection (that retry)
        while True:
            if not fresh:  # the never-sent retry does not use up an attempt
                attempt += 1
            if not self.breaker.allow(self.clock()):
                raise self._unavailable()
            remaining = deadline - self.clock()
            if remaining <= 0:
                raise self._unavailable()
            status: int | None = None
            response: httpx.Response | None = None
            progress = Progress()
            extensions = {"timeout": {"connect": min(remaining, self.connect_timeout),
                                      "read": remaining, "write": remaining,
                                      "pool": remaining}, "trace": progress}
            unsent = False
            try:
                if self._direct:
                    pool = (self.fresh if fresh else self.transport)._pool
                    response = await self.wire.exchange(pool, method, path, params, headers,
                                                        content, extensions)
                else:
                    request = httpx.Request(method, self.base_url + path, params=params,
                                            headers=headers, content=content,
                                            extensions=extensions)
                    response = await (self._send_fresh if fresh else self._send)(request)
                    try:
                        await response.aread()
                    finally:
                        await response.aclose()
                status = response.status_code
            except httpx.TransportError as exc:
                status = None
                unsent = progress.never_sent(exc, bool(content))
            if is_failure(status):
                self.breaker.record_failure(self.clock())
            else:
                self.breaker.record_success()
            fresh = False
            if unsent and not resent:
                resent = fresh = True
                RETRIES.labels(self.name, "unsent").inc()
                continue
            if self.retry.may_retry(method, attempt, status):
                delay = self.retry.delay(attempt)
                if self.clock() + delay < deadline:
                    RETRIES.labels(self.name, "idempotent").inc()
                    await asyncio.sleep(delay)
                    continue
            if response is None:
                raise self._unavailable()
            return response

    async def close(self) -> None:
        await asyncio.gather(self.transport.aclose(), self.fresh.aclose())


class Upstreams:
    def __init__(self, upstreams: dict[str, Upstream]) -> None:
        self.by_name = upstreams

    def __getitem__(self, name: str) -> Upstream:
        return self.by_name[name]

    async def close(self) -> None:
        await asyncio.gather(*(u.close() for u in self.by_name.values()))
