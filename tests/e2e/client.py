"""The end-to-end tests' client of the public API, as the center's front end and a partner
practice use it: OAuth2 client credentials, problem+json on failure.

`Api.call` / `Api.wire` go through the typed client generated from the gateway's OpenAPI
(clients/python/chairside_client, via bench/api.py): the end-to-end tests use them, so they
exercise the published contract. The raw calls (`get`, `post`, `request`...) stay only for
what the typed client cannot send on purpose (bad input, a text upload, a process's own
probe); test_raw_calls.py holds their count per module. Both share the trace and the retry
policy.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections.abc import Awaitable, Callable
from typing import Any, ParamSpec, TypeVar, cast

import httpx
from chairside_client import AuthenticatedClient
from chairside_client.api.gateway import post_oauth_token
from chairside_client.models.token_request import TokenRequest
from chairside_client.models.token_request_grant_type import TokenRequestGrantType
from chairside_client.models.token_response import TokenResponse
from chairside_client.types import Response
from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor

from bench import api as typed

P = ParamSpec("P")
T = TypeVar("T")

DEMO_SECRETS = {"demo-admin": "demo-admin-secret", "demo-partner": "demo-partner-secret"}


class ApiError(AssertionError):
    def __init__(self, response: httpx.Response, operation: str | None = None) -> None:
        self.response = response
        self.status = response.status_code
        try:
            self.body: Any = response.json()
        except ValueError:
            self.body = response.text
        where = operation or f"{response.request.method} {response.request.url.path}"
        super().__init__(f"{where} -> {self.status}: {str(self.body)[:800]}")

    @classmethod
    def of(cls, operation: str, response: Response[Any]) -> ApiError:
        """A typed call's refusal, with the same status, body and (an httpx) response."""
        return cls(httpx.Response(int(response.status_code), headers=response.headers,
                                  content=response.content), operation)


class Api:
    """One HTTP client for the gateway; ``who`` picks the demo client a call is made as."""

    def __init__(self, base_url: str, *, timeout_s: float = 30) -> None:
        self.http = httpx.AsyncClient(base_url=base_url, timeout=timeout_s)
        # The test process has the httpx instrumentation on (the shared pytest plugin): it
        # would replace our traceparent with its own span's.
        HTTPXClientInstrumentor.uninstrument_client(self.http)
        self._tokens: dict[str, tuple[str, float]] = {}
        self.typed = typed.Gateway(base_url, timeout_s=timeout_s, secrets=DEMO_SECRETS)
        self.typed.on_client = HTTPXClientInstrumentor.uninstrument_client
        HTTPXClientInstrumentor.uninstrument_client(
            self.typed.anonymous.get_async_httpx_client())
        self.traceparent = None  # sent on every call when set (one visit's trace)
        # Fault tests: retry for this long on 5xx / transport errors / a key still in flight,
        # with the same Idempotency-Key, as a careful client does while a service recovers.
        self.retry_s = 0.0
        self.retried: list[str] = self.typed.transient  # one record for both paths

    @property
    def traceparent(self) -> str | None:
        return self.typed.traceparent

    @traceparent.setter
    def traceparent(self, value: str | None) -> None:
        self.typed.traceparent = value

    @property
    def retry_s(self) -> float:
        return self.typed.retry_s

    @retry_s.setter
    def retry_s(self, value: float) -> None:
        self.typed.retry_s = value

    async def aclose(self) -> None:
        await self.http.aclose()
        await self.typed.aclose()

    async def as_(self, who: str = "demo-admin") -> AuthenticatedClient:
        """The typed client of a demo client id (logged in on first use)."""
        if who not in self.typed.clients:
            await self.typed.login(who)
        return self.typed.as_(who)

    async def call(self, want: type[T], op: Callable[P, Awaitable[Response[Any]]],
                   *args: P.args, **kwargs: P.kwargs) -> T:
        """A generated operation's parsed answer, which must be a `want` (else ApiError)."""
        r = await self.typed.send(op, *args, **kwargs)
        if r.status_code >= 300 or not isinstance(r.parsed, want):
            raise ApiError.of(typed.operation_name(op), r)
        return r.parsed

    async def wire(self, want: type[Any], op: Callable[P, Awaitable[Response[Any]]],
                   *args: P.args, **kwargs: P.kwargs) -> Any:
        """The answer's JSON as it came (after it parsed as a `want`): for the helpers whose
        tests compare what they return with what raw calls return, byte for byte."""
        r = await self.typed.send(op, *args, **kwargs)
        if r.status_code >= 300 or not isinstance(r.parsed, want):
            raise ApiError.of(typed.operation_name(op), r)
        return json.loads(r.content)

    async def every(self, want: type[Any], op: Callable[P, Awaitable[Response[Any]]],
                    *args: P.args, **kwargs: P.kwargs) -> list[dict]:
        """Every item of a paginated list operation (its `cursor` followed), as JSON."""
        items: list[dict] = []
        query = cast(dict[str, Any], kwargs)
        query["limit"] = 200
        while True:
            page = await self.wire(want, op, *args, **kwargs)
            items += page["items"]
            if not page.get("next_cursor"):
                return items
            query["cursor"] = page["next_cursor"]

    async def content(self, op: Callable[P, Awaitable[Response[Any]]], *args: P.args,
                      **kwargs: P.kwargs) -> bytes:
        """A download's bytes through a generated operation (200, else ApiError)."""
        r = await self.typed.send(op, *args, **kwargs)
        if r.status_code != 200:
            raise ApiError.of(typed.operation_name(op), r)
        return r.content

    async def token(self, client_id: str) -> str:
        """A bearer token of a demo client id, through the typed `post_oauth_token` (so the
        token request is the published one too), kept until 30 s before it expires. Sent with
        no traceparent (the anonymous client stamps none: a sign-in is no visit's step) and
        retried like any typed call for `retry_s` (a gateway restarting)."""
        cached = self._tokens.get(client_id)
        if cached and cached[1] > time.monotonic() + 30:
            return cached[0]
        token = await self.call(TokenResponse, post_oauth_token.asyncio_detailed,
                                client=self.typed.anonymous, body=TokenRequest(
                                    grant_type=TokenRequestGrantType.CLIENT_CREDENTIALS,
                                    client_id=client_id,
                                    client_secret=DEMO_SECRETS[client_id]))
        self._tokens[client_id] = (token.access_token, time.monotonic() + token.expires_in)
        return token.access_token

    async def request(self, method: str, path: str, *, who: str = "demo-admin",
                      expect: int | tuple[int, ...] = (200, 201), headers: dict | None = None,
                      **kw: Any) -> httpx.Response:
        h = {**(headers or {})}
        if self.traceparent:
            h["traceparent"] = self.traceparent
        if method == "POST" and "idempotency-key" not in {k.lower() for k in h}:
            h["idempotency-key"] = os.urandom(12).hex()
        wanted = (expect,) if isinstance(expect, int) else expect
        deadline = time.monotonic() + self.retry_s
        while True:
            h["authorization"] = f"Bearer {await self.token(who)}"
            try:
                r = await self.http.request(method, path, headers=h, **kw)
                transient = r.status_code in (502, 503, 504) or (
                    r.status_code == 409 and "in-flight" in r.text)
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                r, transient = None, True
            if r is not None and (r.status_code in wanted or not transient):
                break
            if time.monotonic() > deadline:
                break
            self.retried.append(f"{method} {path} -> {r.status_code if r else 'no answer'}")
            await asyncio.sleep(0.3)
        if r is None:
            raise httpx.ConnectError(f"{method} {path}: no answer within {self.retry_s} s")
        if r.status_code not in wanted:
            raise ApiError(r)
        return r

    async def get(self, path: str, **kw: Any) -> Any:
        return (await self.request("GET", path, **kw)).json()

    async def post(self, path: str, json: Any = None, **kw: Any) -> Any:
        r = await self.request("POST", path, json=json, **kw)
        return r.json() if r.content else None

    async def patch(self, path: str, json: Any, **kw: Any) -> Any:
        return (await self.request("PATCH", path, json=json, **kw)).json()

    async def put(self, path: str, json: Any, **kw: Any) -> Any:
        return (await self.request("PUT", path, json=json, **kw)).json()

    async def pages(self, path: str, params: dict | None = None, **kw: Any) -> list[dict]:
        """Every item of a paginated list (``{items, next_cursor}``)."""
        items: list[dict] = []
        cursor = None
        while True:
            q = {**(params or {}), "limit": 200, **({"cursor": cursor} if cursor else {})}
            page = await self.get(path, params=q, **kw)
            items += page["items"]
            cursor = page.get("next_cursor")
            if not cursor:
                return items


async def until(check: Callable[[], Awaitable[Any]], *, timeout_s: float = 30,
                interval_s: float = 0.2, what: str = "condition") -> Any:
    """Poll ``check`` until it returns something truthy; fail with the last value."""
    deadline = time.monotonic() + timeout_s
    last: Any = None
    while time.monotonic() < deadline:
        try:
            last = await check()
        except ApiError as exc:  # a service restarting answers 503 for a moment
            last = exc
        if last and not isinstance(last, ApiError):
            return last
        await asyncio.sleep(interval_s)
    raise AssertionError(f"{what} not reached within {timeout_s}s (last: {last!r})"[:3000])
