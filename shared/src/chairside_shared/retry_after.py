"""Reads between the clinic's own services wait out a short 503 instead of failing on it.

A service answers 503 with ``Retry-After: 1`` when one request met a database connection that
died under it (guards.ErrorBoundary): the next request is served. Without a retry the caller's
own recovery is far slower: an eligibility check waits a minute for its next attempt, a claim
check fails. So a GET (safe to repeat) that meets a 503 asking for at most ``max_wait_s`` is
sent again after that wait, up to ``attempts`` sends in all; anything else (another status, a
write, a longer or missing Retry-After, the last attempt) goes back to the caller as it came.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import httpx

_SAFE = frozenset({"GET", "HEAD"})


def retry_after_s(response: httpx.Response) -> float | None:
    """Retry-After in seconds when the server gave it as a number (the services always do)."""
    value = response.headers.get("retry-after", "").strip()
    try:
        seconds = float(value)
    except ValueError:
        return None
    return seconds if seconds >= 0 else None


class RetryAfterTransport(httpx.AsyncBaseTransport):
    def __init__(self, inner: httpx.AsyncBaseTransport | None = None, *, attempts: int = 3,
                 max_wait_s: float = 2.0,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        if attempts < 1:
            raise ValueError("attempts must be at least 1")
        self.inner = inner or httpx.AsyncHTTPTransport()
        self.attempts, self.max_wait_s, self._sleep = attempts, max_wait_s, sleep

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        for attempt in range(1, self.attempts + 1):
            response = await self.inner.handle_async_request(request)
            if (attempt == self.attempts or request.method not in _SAFE
                    or response.status_code != 503):
                return response
            wait = retry_after_s(response)
            if wait is None or wait > self.max_wait_s:
                return response
            await response.aclose()
            await self._sleep(wait)
        raise AssertionError("unreachable: the last attempt returns")

    async def aclose(self) -> None:
        await self.inner.aclose()
