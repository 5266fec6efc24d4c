"""The public API through the typed client (clients/python/chairside_client, generated from
the gateway's OpenAPI by `make client`), as a partner uses it: the demo day and the
end-to-end tests call each operation by its generated function, with generated models in and
out, so the published contract is what they exercise.

    gw = Gateway("http://127.0.0.1:8000")
    await gw.login()
    order = await gw.call(OrdersOrderOut, get_orders_order_id.asyncio_detailed,
                          client=gw.as_("demo-partner"), order_id=order_id)

What this adds to the generated functions is what a careful client does around them: a token
per client id (OAuth2 client credentials), an Idempotency-Key on every POST that takes one
(unless the caller sends its own), a 429 waited out (Retry-After) and a 409 "changed
meanwhile" retried with the same arguments (so the same key), for `retry_s` seconds a 5xx, a
transport error or a key still in flight retried too (the fault tests), the `traceparent` to
send when set, each call's time by operation, and a refusal raised as ApiError.
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import json
import os
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable
from typing import Any, ParamSpec, TypeVar, cast

import httpx
from chairside_client import AuthenticatedClient, Client
from chairside_client.api.gateway import post_oauth_token
from chairside_client.models.token_request import TokenRequest
from chairside_client.models.token_request_grant_type import TokenRequestGrantType
from chairside_client.models.token_response import TokenResponse
from chairside_client.types import Response

from bench import clinic

P = ParamSpec("P")
T = TypeVar("T")
DEMO_SECRETS = clinic.DEMO_SECRETS


def operation_name(op: Callable[..., Any]) -> str:
    """`post_orders_order_id_sign` for chairside_client.api.orders.post_orders_order_id_sign."""
    return op.__module__.rsplit(".", 1)[-1]


@functools.cache
def _takes_idempotency_key(op: Callable[..., Any]) -> bool:
    return "idempotency_key" in inspect.signature(op).parameters


class ApiError(clinic.ApiError):
    """A call the gateway refused: its status and body (problem+json, parsed when JSON). A
    bench.clinic.ApiError, so that clinic.poll and the demo's handlers treat both alike."""

    def __init__(self, operation: str, response: Response[Any]) -> None:
        self.status = int(response.status_code)
        self.response = response
        try:
            self.body: Any = json.loads(response.content)
        except ValueError:
            self.body = response.content.decode(errors="replace")
        detail = self.body.get("detail") if isinstance(self.body, dict) else self.body
        Exception.__init__(self, f"{operation}: {self.status} {str(detail)[:800]}")


class Gateway:
    """One AuthenticatedClient per demo client id; calls timed by operation."""

    def __init__(self, base_url: str, *, timeout_s: float = 30, max_connections: int = 50,
                 secrets: dict[str, str] | None = None) -> None:
        self.base_url = base_url
        self.secrets = {**DEMO_SECRETS, **(secrets or {})}
        self._httpx_args: dict[str, Any] = {
            "limits": httpx.Limits(max_connections=max_connections),
            "event_hooks": {"request": [self._stamp]}}
        self._timeout = httpx.Timeout(timeout_s)
        self.anonymous = Client(base_url=base_url, timeout=self._timeout)  # tokens: no trace
        self.traceparent: str | None = None  # sent on every call when set (one visit's trace)
        self.retry_s = 0.0  # how long 5xx, transport errors and keys in flight are retried
        self.transient: list[str] = []  # what was retried for that
        self.clients: dict[str, AuthenticatedClient] = {}
        self.timings: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.retried = 0
        self.throttled = 0  # 429s waited out (Retry-After), as a well-behaved client does
        self.on_client: Callable[[httpx.AsyncClient], None] | None = None  # e.g. uninstrument

    async def _stamp(self, request: httpx.Request) -> None:
        if self.traceparent:
            request.headers["traceparent"] = self.traceparent

    async def aclose(self) -> None:
        await self.anonymous.get_async_httpx_client().aclose()
        for client in self.clients.values():
            await client.get_async_httpx_client().aclose()

    async def token(self, client_id: str) -> TokenResponse:
        return await self.call(TokenResponse, post_oauth_token.asyncio_detailed,
                               client=self.anonymous, body=TokenRequest(
                                   grant_type=TokenRequestGrantType.CLIENT_CREDENTIALS,
                                   client_id=client_id,
                                   client_secret=self.secrets[client_id]))

    async def login(self, *client_ids: str) -> None:
        """A token for each client id (every known one by default); a demo or a test is
        shorter than a token's life."""
        for client_id in client_ids or tuple(self.secrets):
            token = await self.token(client_id)
            client = AuthenticatedClient(base_url=self.base_url, token=token.access_token,
                                         timeout=self._timeout, httpx_args=self._httpx_args)
            if self.on_client is not None:
                self.on_client(client.get_async_httpx_client())
            self.clients[client_id] = client

    def as_(self, client_id: str = "demo-admin") -> AuthenticatedClient:
        return self.clients[client_id]

    async def send(self, op: Callable[P, Awaitable[Response[Any]]], *args: P.args,
                   **kwargs: P.kwargs) -> Response[Any]:
        """The operation's answer, whatever its status (429s waited out, "changed
        meanwhile" conflicts retried: both change nothing, so the retry is safe)."""
        label = operation_name(op)
        if _takes_idempotency_key(op) and "idempotency_key" not in kwargs:
            cast(dict[str, Any], kwargs)["idempotency_key"] = os.urandom(12).hex()
        conflicts = throttled = 0
        deadline = time.monotonic() + self.retry_s
        while True:
            started = time.perf_counter()
            try:
                r = await op(*args, **kwargs)
            except httpx.TransportError:
                self.errors[label] += 1
                if time.monotonic() > deadline:
                    raise
                self.transient.append(f"{label} -> no answer")
                await asyncio.sleep(0.3)
                continue
            self.timings[label].append(time.perf_counter() - started)
            if r.status_code == 429 and throttled < 5:
                throttled += 1
                self.throttled += 1
                await asyncio.sleep(min(float(r.headers.get("retry-after", "1")), 5.0))
                continue
            if r.status_code == 409 and b"meanwhile" in r.content and conflicts < 3:
                # a concurrent update won the optimistic check (SQLite has no row locks)
                conflicts += 1
                self.retried += 1
                await asyncio.sleep(0.1 * conflicts)
                continue
            transient = r.status_code in (502, 503, 504) or (
                r.status_code == 409 and b"in-flight" in r.content)
            if transient and time.monotonic() <= deadline:
                self.transient.append(f"{label} -> {int(r.status_code)}")
                await asyncio.sleep(0.3)
                continue
            break
        if r.status_code >= 400:
            self.errors[label] += 1
        return r

    async def call(self, want: type[T], op: Callable[P, Awaitable[Response[Any]]],
                   *args: P.args, **kwargs: P.kwargs) -> T:
        """The operation's parsed answer, which must be a `want` (else ApiError)."""
        r = await self.send(op, *args, **kwargs)
        if r.status_code >= 300 or not isinstance(r.parsed, want):
            raise ApiError(operation_name(op), r)
        return r.parsed

    async def content(self, op: Callable[P, Awaitable[Response[Any]]], *args: P.args,
                      **kwargs: P.kwargs) -> bytes:
        """A download's bytes (an X12 file, a chart, a PDF): the answer must be a 200."""
        r = await self.send(op, *args, **kwargs)
        if r.status_code != 200:
            raise ApiError(operation_name(op), r)
        return r.content
