"""Idempotency-Key handling around one POST: claim the key, run, store the final answer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from gateway.adapters import repository as repo
from gateway.adapters.orm import utcnow
from gateway.domain.idempotency import REPLAYED_HEADERS, Outcome, Record, Status, decide, storable


@dataclass(frozen=True)
class Begun:
    outcome: Outcome
    record: Record | None


class IdempotencyStore:
    """On the engine's connections, not ORM sessions: two short transactions per keyed write
    (claim, answer), and a session's identity map and snapshots were most of their CPU."""

    def __init__(self, engine: AsyncEngine, ttl: timedelta,
                 lease: timedelta | None = None) -> None:
        self.engine = engine
        self.ttl = ttl
        self.lease = lease  # see domain.idempotency.decide

    async def begin(self, *, client_id: str, key: str, fingerprint: str, method: str,
                    path: str) -> Begun:
        for _ in range(3):
            now = utcnow()
            claim = {"client_id": client_id, "key": key, "fingerprint": fingerprint,
                     "status": Status.IN_PROGRESS.value, "method": method, "path": path,
                     "created_at": now, "expires_at": now + self.ttl}
            async with self.engine.begin() as c:
                if await repo.claim_idempotency(c, **claim):  # a new key: the usual case
                    return Begun(Outcome.PROCEED, None)
                existing = await repo.get_idempotency(c, client_id, key)
                outcome = decide(existing, fingerprint, now, self.lease)
                if outcome is not Outcome.PROCEED:
                    return Begun(outcome, existing)
                if existing is not None:  # expired or abandoned: the key is free again
                    await repo.delete_idempotency(c, client_id, key, existing.created_at)
                if await repo.claim_idempotency(c, **claim):
                    return Begun(Outcome.PROCEED, None)
            # Lost a race with a concurrent request: read what it wrote and decide again.
        return Begun(Outcome.IN_FLIGHT, None)

    async def finish(self, *, client_id: str, key: str, status: int, headers: dict[str, str],
                     body: bytes) -> None:
        async with self.engine.begin() as c:
            if storable(status):
                kept = {k: v for k, v in headers.items() if k.lower() in REPLAYED_HEADERS}
                await repo.complete_idempotency(c, client_id, key, status=status,
                                                headers=kept, body=body)
            else:
                await repo.delete_idempotency(c, client_id, key)

    async def purge(self) -> int:
        async with self.engine.begin() as c:
            return await repo.purge_idempotency(c, utcnow())
