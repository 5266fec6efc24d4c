"""Idempotency-Key handling around one POST: claim the key, run, store the final answer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.adapters import repository as repo
from gateway.adapters.orm import utcnow
from gateway.domain.idempotency import REPLAYED_HEADERS, Outcome, Record, Status, decide, storable


@dataclass(frozen=True)
class Begun:
    outcome: Outcome
    record: Record | None


class IdempotencyStore:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], ttl: timedelta,
                 lease: timedelta | None = None) -> None:
        self.sessions = sessions
        self.ttl = ttl
        self.lease = lease  # see domain.idempotency.decide

    async def begin(self, *, client_id: str, key: str, fingerprint: str, method: str,
                    path: str) -> Begun:
        for _ in range(3):
            now = utcnow()
            async with self.sessions() as s, s.begin():
                existing = await repo.get_idempotency(s, client_id, key)
                outcome = decide(existing, fingerprint, now, self.lease)
                if outcome is not Outcome.PROCEED:
                    return Begun(outcome, existing)
                if existing is not None:  # expired or abandoned: the key is free again
                    await repo.delete_idempotency(s, client_id, key, existing.created_at)
                claimed = await repo.claim_idempotency(
                    s, client_id=client_id, key=key, fingerprint=fingerprint,
                    status=Status.IN_PROGRESS.value, method=method, path=path,
                    created_at=now, expires_at=now + self.ttl)
                if claimed:
                    return Begun(Outcome.PROCEED, None)
            # Lost a race with a concurrent first request: read what it wrote and decide again.
        return Begun(Outcome.IN_FLIGHT, None)

    async def finish(self, *, client_id: str, key: str, status: int, headers: dict[str, str],
                     body: bytes) -> None:
        async with self.sessions() as s, s.begin():
            if storable(status):
                kept = {k: v for k, v in headers.items() if k.lower() in REPLAYED_HEADERS}
                await repo.complete_idempotency(s, client_id, key, status=status,
                                                headers=kept, body=body)
            else:
                await repo.delete_idempotency(s, client_id, key)

    async def purge(self) -> int:
        async with self.sessions() as s, s.begin():
            return await repo.purge_idempotency(s, utcnow())
