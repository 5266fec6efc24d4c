"""A client of the public API for the demo day and the load bench: OAuth2 client credentials,
JSON calls, per-route timings, and the payer's side of billing (an 835 for a claim)."""

from __future__ import annotations

import asyncio
import os
import time
import uuid
from collections import defaultdict
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import httpx

DEMO_SECRETS = {"demo-admin": "demo-admin-secret", "demo-partner": "demo-partner-secret"}
CENT = Decimal("0.01")


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
            except httpx.HTTPError:
                self.errors[label] += 1
                raise
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


def payer_terms() -> dict[str, tuple[Decimal, Decimal]]:
    """Coinsurance and sequestration per payer, from the demo contracts (the payer's side)."""
    from reimbursement.adapters.data_files import demo_seed

    return {c["payer_id"]: (Decimal(c["coinsurance"]), Decimal(c["sequestration"]))
            for c in demo_seed()["contracts"]}


def remittance(claims: list[dict], *, deny: dict[str, str] | None = None,
               payee: str = "1245319599") -> str:
    """One payer's 835 for ``claims``: lines paid at their allowed amount less coinsurance
    (PR-2) and sequestration (CO-253); a claim in ``deny`` (id -> CARC) denied whole.
    ``payee``: the practice's billing NPI (an 835 paid to anyone else is refused)."""
    from reimbursement.adapters.x12.write_835 import ClpSpec, RemitSpec, SvcSpec, write_835

    terms = payer_terms()
    clps = []
    for claim in claims:
        coins_rate, seq_rate = terms.get(claim["payer_id"], (Decimal("0.2"), Decimal(0)))
        carc = (deny or {}).get(claim["id"])
        services = []
        for ln in claim["lines"]:
            charge, allowed = Decimal(ln["charge"]), Decimal(ln["allowed"] or 0)
            if carc:
                services.append(SvcSpec(ln["code"], charge, Decimal(0), [("CO", carc, charge)],
                                        tuple(ln["modifiers"]), ln["units"]))
                continue
            coins = (allowed * coins_rate).quantize(CENT)
            seq = ((allowed - coins) * seq_rate).quantize(CENT)
            adj = [("CO", "45", charge - allowed), ("PR", "2", coins)]
            if seq:
                adj.append(("CO", "253", seq))
            services.append(SvcSpec(ln["code"], charge, allowed - coins - seq, adj,
                                    tuple(ln["modifiers"]), ln["units"], allowed))
        clps.append(ClpSpec(claim["account_number"], "4" if carc else "1", services,
                            service_date=date.fromisoformat(claim["service_date"])))
    payer = claims[0]["payer_id"]
    spec = RemitSpec(f"PAYER {payer.upper()}"[:60], "PAYER1", "CHAIRSIDE", payee,
                     f"EFT{uuid.uuid4().hex[:12].upper()}", datetime.now(UTC).date(), clps)
    return write_835(spec, control_number=uuid.uuid4().int % 900_000_000 + 1,
                     created_at=datetime.now(UTC))
