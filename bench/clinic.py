"""A client of the public API for the demo day and the load bench: OAuth2 client credentials,
JSON calls, per-route timings, and the payer's side of billing (an 835 for a claim)."""

from __future__ import annotations

import asyncio
import os
import time
from collections import Counter, defaultdict
from typing import Any

import httpx

DEMO_SECRETS = {"demo-admin": "demo-admin-secret", "demo-partner": "demo-partner-secret"}


class ApiError(Exception):
    def __init__(self, response: httpx.Response) -> None:
        self.status = response.status_code
        try:
            self.body: Any = response.json()
        except ValueError:
            self.body = response.text
        detail = self.body.get("detail") if isinstance(self.body, dict) else self.body
        super().__init__(f"{response.request.method} {response.request.url.path}: "
                         f"{self.status} {str(detail)[:300]}")


class Gateway:
    """Calls the gateway as one of the demo clients; records (route, status, seconds)."""

    def __init__(self, base_url: str, *, timeout_s: float = 30, max_connections: int = 50,
                 secrets: dict[str, str] | None = None) -> None:
        self.http = httpx.AsyncClient(base_url=base_url, timeout=timeout_s,
                                      limits=httpx.Limits(max_connections=max_connections))
        self.secrets = {**DEMO_SECRETS, **(secrets or {})}
        self._tokens: dict[str, tuple[str, float]] = {}
        self._token_lock = asyncio.Lock()
        self.timings: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        # every answer by route and status (or the transport error's name)
        self.statuses: dict[str, Counter[str]] = defaultdict(Counter)
        self.retried = 0
        self.throttled = 0  # 429s waited out (Retry-After), as a well-behaved client does

    async def aclose(self) -> None:
        await self.http.aclose()

    async def token(self, client_id: str) -> str:
        async with self._token_lock:
            cached = self._tokens.get(client_id)
            if cached and cached[1] > time.monotonic() + 30:
                return cached[0]
            r = await self.http.post("/v1/oauth/token", data={
                "grant_type": "client_credentials", "client_id": client_id,
                "client_secret": self.secrets[client_id]})
            if r.status_code != 200:
                raise ApiError(r)
            body = r.json()
            self._tokens[client_id] = (body["access_token"],
                                       time.monotonic() + body["expires_in"])
            return body["access_token"]

    async def call(self, method: str, path: str, *, route: str | None = None,
                   who: str = "demo-admin", ok: tuple[int, ...] = (200, 201),
                   **kw: Any) -> httpx.Response:
        headers = {"authorization": f"Bearer {await self.token(who)}", **kw.pop("headers", {})}
        if method == "POST":
            headers.setdefault("idempotency-key", os.urandom(12).hex())
        label = f"{method} {route or path}"
        for attempt in range(6):
            started = time.perf_counter()
            try:
                r = await self.http.request(method, path, headers=headers, **kw)
            except httpx.HTTPError as exc:
                self.errors[label] += 1
                self.statuses[label][type(exc).__name__] += 1
                raise
            self.statuses[label][str(r.status_code)] += 1
            self.timings[label].append(time.perf_counter() - started)
            if r.status_code != 429 or attempt == 5:
                break
            # Same Idempotency-Key on the retry: a POST that did land is not done twice.
            self.throttled += 1
            await asyncio.sleep(min(float(r.headers.get("retry-after", "1")), 5.0))
        if r.status_code not in ok:
            self.errors[label] += 1
            raise ApiError(r)
        return r

    async def get(self, path: str, **kw: Any) -> Any:
        return (await self.call("GET", path, **kw)).json()

    async def post(self, path: str, json: Any = None, *, retry_conflict: int = 3,
                   **kw: Any) -> Any:
        """A 409 "changed meanwhile" (a concurrent update won the optimistic check, e.g. an
        event handled at the same moment on SQLite, which has no row locks) is retried, as
        the answer asks."""
        for attempt in range(retry_conflict + 1):
            try:
                r = await self.call("POST", path, json=json, **kw)
                return r.json() if r.content else None
            except ApiError as exc:
                if exc.status != 409 or "meanwhile" not in str(exc) or attempt == retry_conflict:
                    raise
                self.retried += 1
                await asyncio.sleep(0.1 * (attempt + 1))
        raise AssertionError("unreachable")

    async def pages(self, path: str, params: dict | None = None, **kw: Any) -> list[dict]:
        items, cursor = [], None
        while True:
            q = {**(params or {}), "limit": 200, **({"cursor": cursor} if cursor else {})}
            page = await self.get(path, params=q, **kw)
            items += page["items"]
            if not (cursor := page.get("next_cursor")):
                return items


async def poll(check, *, timeout_s: float = 30, interval_s: float = 0.25):
    """``check()`` until truthy; None on timeout (the caller decides what that means)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if result := await check():
                return result
        except ApiError:
            pass
        await asyncio.sleep(interval_s)
    return None


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    k = max(0, min(len(s) - 1, round(p / 100 * (len(s) - 1))))
    return s[k]
