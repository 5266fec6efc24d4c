"""The audit trail of patient-data access, written in batches off the request path.

Entries queue in memory and a background task writes them within `interval` seconds of the
first one (or as soon as `batch` are waiting); shutdown flushes what is left. A crash can lose
at most one interval's entries, the price of not adding a database commit to every read. With
nothing queued the task sleeps until an entry arrives: an idle gateway is not woken five times
a second for nothing (issue 19's idle cost).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.adapters import repository as repo
from gateway.domain.audit import AuditEntry

log = logging.getLogger("gateway.audit")


class AuditWriter:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], *, interval: float,
                 batch: int) -> None:
        self.sessions = sessions
        self.interval = interval
        self.batch = batch
        self._pending: list[AuditEntry] = []
        self._wake = asyncio.Event()  # a batch is waiting
        self._arrived = asyncio.Event()  # something is waiting
        self._task: asyncio.Task[None] | None = None
        self.written = 0

    def record(self, entry: AuditEntry) -> None:
        self._pending.append(entry)
        self._arrived.set()
        if len(self._pending) >= self.batch:
            self._wake.set()

    async def flush(self) -> None:
        while self._pending:
            chunk, self._pending = self._pending[: self.batch], self._pending[self.batch:]
            try:
                async with self.sessions() as s, s.begin():
                    await repo.add_audit(s, chunk)
                self.written += len(chunk)
            except Exception:
                # Keep the entries for the next round rather than dropping the trail.
                self._pending[:0] = chunk
                log.exception("audit flush failed; %d entries kept", len(self._pending))
                raise

    async def _run(self) -> None:
        while True:
            if not self._pending:
                await self._arrived.wait()
            self._arrived.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.interval)
            self._wake.clear()
            try:
                await self.flush()
            except Exception:
                await asyncio.sleep(self.interval)

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="audit-writer")

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await self.flush()
