"""A connection pool for one upstream whose cost per request does not grow with the
requests in flight.

httpcore 1.0's pool (what httpx.AsyncHTTPTransport uses) reassigns every queued request to
every connection on each request and each response close: with 16 requests in flight that is
hundreds of `is_idle` / `has_expired` checks per request (a socket poll each), and the
gateway's throughput fell as concurrency rose (encode/httpx#3215; bench/cost.py measures it).
This pool keeps the idle connections on a stack: a request takes the most recently used one
(checking that one alone: expired, or closed by the service), or opens a new one under
`max_connections`, or waits (bounded by the `pool` timeout) for one to come back.

It keeps what the gateway relies on from httpcore: the connections keep httpcore's contract
(h1.py: HTTP/1.1, connect/read/write timeouts from the request's `timeout` extension, the
`trace` extension, httpcore's errors, which httpx still maps to ConnectError, ReadError,
RemoteProtocolError, PoolTimeout...), and a connection goes back to the stack only once its
response was read and closed, idle and reusable.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from collections.abc import AsyncIterator

import httpcore
import httpx

from gateway.adapters.h1 import H1Connection


class _Stream:
    """The response body; hands the connection back once it is closed."""

    def __init__(self, stream: httpcore.AsyncConnectionInterface, body: object,
                 pool: LifoPool) -> None:
        self._conn, self._body, self._pool = stream, body, pool
        self._closed = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for part in self._body:  # type: ignore[attr-defined]
                yield part
        except BaseException:
            await self.aclose()
            raise

    async def aclose(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            if hasattr(self._body, "aclose"):
                await self._body.aclose()
        finally:
            await self._pool._release(self._conn)


class LifoPool:
    """httpcore's request interface over a stack of idle HTTP/1.1 connections to one origin."""

    def __init__(self, *, max_connections: int, max_keepalive: int,
                 keepalive_expiry: float) -> None:
        self.max_connections = max_connections
        self.max_keepalive = max_keepalive
        self.keepalive_expiry = keepalive_expiry
        self._idle: list[httpcore.AsyncConnectionInterface] = []
        self._open = 0  # idle + busy
        self._waiters: deque[asyncio.Future[None]] = deque()

    async def handle_async_request(self, request: httpcore.Request) -> httpcore.Response:
        conn = await self._acquire(request)
        try:
            response = await conn.handle_async_request(request)
        except BaseException:
            await self._release(conn)
            raise
        return httpcore.Response(status=response.status, headers=response.headers,
                                 content=_Stream(conn, response.stream, self),
                                 extensions=response.extensions)

    async def _acquire(self, request: httpcore.Request) -> httpcore.AsyncConnectionInterface:
        timeouts = request.extensions.get("timeout", {})
        deadline = None if timeouts.get("pool") is None else \
            asyncio.get_running_loop().time() + timeouts["pool"]
        while True:
            while self._idle:
                conn = self._idle.pop()
                if conn.has_expired() or not conn.is_available():
                    await self._discard(conn)
                    continue
                return conn
            if self._open < self.max_connections:
                self._open += 1
                return H1Connection(  # type: ignore[return-value]
                    request.url.origin, keepalive_expiry=self.keepalive_expiry)
            waiter = asyncio.get_running_loop().create_future()
            self._waiters.append(waiter)
            try:
                remaining = None if deadline is None else \
                    deadline - asyncio.get_running_loop().time()
                if remaining is not None and remaining <= 0:
                    raise httpcore.PoolTimeout("no connection came free within the deadline")
                try:
                    await asyncio.wait_for(waiter, remaining)
                except TimeoutError:
                    raise httpcore.PoolTimeout(
                        "no connection came free within the deadline") from None
            except BaseException:
                if waiter.done() and not waiter.cancelled():
                    self._wake_one()  # woken, then cancelled: the turn goes to the next
                raise
            finally:
                if not waiter.done():
                    waiter.cancel()
                with contextlib.suppress(ValueError):
                    self._waiters.remove(waiter)

    async def _release(self, conn: httpcore.AsyncConnectionInterface) -> None:
        if conn.is_idle() and not conn.is_closed() and len(self._idle) < self.max_keepalive:
            self._idle.append(conn)
        else:
            await self._discard(conn)
        self._wake_one()

    async def _discard(self, conn: httpcore.AsyncConnectionInterface) -> None:
        self._open -= 1
        with contextlib.suppress(Exception):
            await conn.aclose()
        self._wake_one()

    def _wake_one(self) -> None:
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return

    async def aclose(self) -> None:
        idle, self._idle = self._idle, []
        for conn in idle:
            await self._discard(conn)


def lifo_transport(*, max_connections: int, max_keepalive: int,
                   keepalive_expiry: float) -> httpx.AsyncHTTPTransport:
    """httpx's transport (its request/response mapping and error mapping) over a LifoPool."""
    transport = httpx.AsyncHTTPTransport()
    transport._pool = LifoPool(  # type: ignore[assignment]  # httpx 0.28 keeps it here
        max_connections=max_connections, max_keepalive=max_keepalive,
        keepalive_expiry=keepalive_expiry)
    return transport
