"""The delivery worker: a background task in every gateway process.

It claims due deliveries (``SELECT … FOR UPDATE SKIP LOCKED`` on PostgreSQL, so with several
replicas each row is taken by one; SQLite serialises writers, so the same statement is a plain
claim there), stamps a lease, POSTs each signed body, then records the outcome: delivered,
retried later with exponential backoff, or dead after the last attempt. A subscription that fails
``disable_after`` attempts in a row is disabled with the reason its owner reads on it.
A crashed worker's claims come back when their lease ends (at-least-once).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass
from datetime import UTC, timedelta
from typing import Any

import httpx
from sqlalchemy import case, func, select, update

from gateway.adapters.orm import utcnow
from gateway.adapters.webhook_secrets import SecretBox
from gateway.adapters.webhook_tables import WebhookTables
from gateway.domain import webhooks as rules
from gateway.service.webhooks.subscriptions import resolve_and_check

log = logging.getLogger("gateway.webhooks")
# With nothing due the worker sleeps at most this many poll intervals (below).
IDLE_ROUNDS = 10


@dataclass(frozen=True)
class DeliveryPolicy:
    max_attempts: int
    backoff_base_s: float
    backoff_max_s: float
    disable_after: int
    timeout_s: float
    poll_interval_s: float
    batch_size: int
    lease_s: float


class DeliveryWorker:
    def __init__(self, sessions: Any, tables: WebhookTables, box: SecretBox,
                 url_policy: rules.UrlPolicy, policy: DeliveryPolicy) -> None:
        self.sessions, self.t, self.box = sessions, tables, box
        self.url_policy, self.policy = url_policy, policy
        self._wake = asyncio.Event()
        # No redirects: a 3xx to another host would step around the URL checks.
        self.http = httpx.AsyncClient(timeout=policy.timeout_s, follow_redirects=False)

    def wake(self) -> None:
        self._wake.set()

    async def run(self) -> None:
        while True:
            self._wake.clear()  # before the claim: a wake during the round is not lost
            try:
                sent = await self.run_once()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.error("webhook delivery round failed: %s", type(exc).__name__)
                sent = 0
            if sent:
                continue  # there may be more due
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), await self._idle_wait_s())

    async def close(self) -> None:
        await self.http.aclose()

    async def _idle_wait_s(self) -> float:
        """How long to sleep with nothing due: until the earliest pending delivery is due (a
        retry, or a lease that ends), at most ``IDLE_ROUNDS`` polls. New deliveries and
        replays wake the worker at once, so an idle gateway looks at the table every 10 s
        (default), not every second; the cap is how late a delivery staged by a replica
        that died meanwhile is found after its lease."""
        cap = self.policy.poll_interval_s * IDLE_ROUNDS
        d = self.t.deliveries
        due_at = case((d.c.claimed_until > d.c.next_attempt_at, d.c.claimed_until),
                      else_=d.c.next_attempt_at)
        try:
            async with self.sessions() as s:
                first = (await s.execute(select(func.min(due_at))
                                         .where(d.c.status == "pending"))).scalar_one()
        except Exception as exc:  # the next round's claim reports the database
            log.debug("webhook next-due look failed: %s", type(exc).__name__)
            return self.policy.poll_interval_s
        if first is None:
            return cap
        if first.tzinfo is None:  # SQLite hands back naive UTC
            first = first.replace(tzinfo=UTC)
        return min(cap, max(self.policy.poll_interval_s,
                            (first - utcnow()).total_seconds()))

    async def claim(self) -> list[Any]:
        d, s_ = self.t.deliveries, self.t.subscriptions
        now = utcnow()
        async with self.sessions() as s:
            ids = (await s.execute(
                select(d.c.id).where(d.c.status == "pending", d.c.next_attempt_at <= now,
                                     (d.c.claimed_until.is_(None)) | (d.c.claimed_until < now))
                .order_by(d.c.next_attempt_at).limit(self.policy.batch_size)
                .with_for_update(skip_locked=True))).scalars().all()
            if not ids:
                return []
            await s.execute(update(d).where(d.c.id.in_(ids)).values(
                claimed_until=now + timedelta(seconds=self.policy.lease_s)))
            rows = (await s.execute(
                select(d.c.id, d.c.subscription_id, d.c.body, d.c.attempts, s_.c.url,
                       s_.c.secret_sealed, s_.c.status.label("sub_status"))
                .join(s_, s_.c.id == d.c.subscription_id).where(d.c.id.in_(ids)))).all()
            await s.commit()
        return list(rows)

    async def run_once(self) -> int:
        rows = await self.claim()
        await asyncio.gather(*(self._deliver(r) for r in rows))
        return len(rows)

    async def _deliver(self, row: Any) -> None:
        if row.sub_status != "active":  # disabled since: wait, the owner may re-enable it
            await self._release(row.id)
            return
        ok, code, error = await self._post(row)
        await self._record(row, ok=ok, code=code, error=error)

    async def _post(self, row: Any) -> tuple[bool, int | None, str | None]:
        body = row.body.encode()
        try:
            await resolve_and_check(row.url, self.url_policy)  # DNS may have changed
            headers = rules.signed_headers(self.box.open(row.secret_sealed), row.id,
                                           int(time.time()), body)
            resp = await self.http.post(row.url, content=body, headers=headers)
        except rules.WebhookRuleError as exc:
            return False, None, f"url refused: {exc}"
        except httpx.HTTPError as exc:
            return False, None, type(exc).__name__
        if 200 <= resp.status_code < 300:
            return True, resp.status_code, None
        return False, resp.status_code, f"HTTP {resp.status_code}"

    async def _release(self, delivery_id: str) -> None:
        d = self.t.deliveries
        async with self.sessions() as s:
            await s.execute(update(d).where(d.c.id == delivery_id).values(
                claimed_until=None, next_attempt_at=utcnow() + timedelta(
                    seconds=self.policy.poll_interval_s * IDLE_ROUNDS)))
            await s.commit()

    async def _record(self, row: Any, *, ok: bool, code: int | None, error: str | None) -> None:
        d, t, p = self.t.deliveries, self.t.subscriptions, self.policy
        attempts, now = row.attempts + 1, utcnow()
        async with self.sessions() as s:
            failures = 0
            if ok:
                await s.execute(update(t).where(t.c.id == row.subscription_id)
                                .values(consecutive_failures=0))
            else:
                failures = (await s.execute(
                    update(t).where(t.c.id == row.subscription_id)
                    .values(consecutive_failures=t.c.consecutive_failures + 1)
                    .returning(t.c.consecutive_failures))).scalar_one()
            out = rules.after_attempt(ok=ok, attempts=attempts, max_attempts=p.max_attempts,
                                      consecutive_failures=failures,
                                      disable_after=p.disable_after)
            delay = rules.backoff_s(attempts, p.backoff_base_s, p.backoff_max_s)
            await s.execute(update(d).where(d.c.id == row.id).values(
                status=out.status, attempts=attempts, last_status_code=code, last_error=error,
                claimed_until=None, updated_at=now,
                next_attempt_at=now + timedelta(seconds=delay),
                delivered_at=now if ok else None))
            if out.disable:
                await s.execute(update(t).where(t.c.id == row.subscription_id,
                                                t.c.status == "active").values(
                    status="disabled", updated_at=now,
                    disabled_reason=f"{failures} consecutive failed deliveries; last: {error}"))
                log.warning("webhook subscription %s disabled", row.subscription_id)
            await s.commit()
