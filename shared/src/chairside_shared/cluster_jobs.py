"""Periodic jobs that run once per cluster, not once per replica.

A service with several replicas on one PostgreSQL database elects one of them to run its
periodic jobs (hold expiry, the payer poller, the eligibility run, the claim exchange): the
replica that holds a session advisory lock named after the service. The lock lives on one
connection the leader keeps open, so it ends with that connection: a replica that is killed,
or whose connection breaks, loses it at once and another takes it at its next tick (the
failover time is one tick interval at most, plus the time PostgreSQL takes to notice a dead
client, which is immediate when the process dies and its socket closes).

Jobs that only read into this replica's own memory (the /metrics gauges) run everywhere.
SQLite (`make run`) is one process: it always leads.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import zlib
from collections.abc import Awaitable, Callable

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

log = logging.getLogger("chairside.jobs")


def lock_key(service: str) -> int:
    """A stable 32-bit key per service (the relay uses another prefix, so they never meet)."""
    return zlib.crc32(f"chairside-jobs-{service}".encode())


class JobLeader:
    """Who runs the service's cluster-wide jobs; ``await leads()`` before each tick."""

    def __init__(self, engine: AsyncEngine, *, service: str, is_sqlite: bool) -> None:
        self.engine = engine
        self.service = service
        self.is_sqlite = is_sqlite
        self.key = lock_key(service)
        self._conn: AsyncConnection | None = None
        self._lock = asyncio.Lock()  # several loops of one replica ask at once

    @property
    def leading(self) -> bool:
        return self.is_sqlite or self._conn is not None

    async def leads(self) -> bool:
        """True when this replica holds (or just took) the lead; a broken connection gives it
        up. Never raises: a database that cannot be asked means "not now"."""
        if self.is_sqlite:
            return True
        async with self._lock:
            try:
                if self._conn is not None:
                    await self._conn.execute(text("SELECT 1"))  # still ours?
                    return True
                conn = await self.engine.connect()
                try:
                    took = bool(await conn.scalar(text("SELECT pg_try_advisory_lock(:key)"),
                                                  {"key": self.key}))
                    # a session lock outlives the transaction: leave none open meanwhile
                    await conn.commit()
                except BaseException:
                    await conn.close()
                    raise
                if not took:
                    await conn.close()
                    return False
                self._conn = conn
                log.info("%s: this replica runs the periodic jobs", self.service)
                return True
            except Exception as exc:
                log.warning("%s: job leadership unknown (%s); not running jobs this tick",
                            self.service, type(exc).__name__)
                await self._drop()
                return False

    async def release(self) -> None:
        """Stop leading (shutdown): the lock ends with the connection."""
        async with self._lock:
            await self._drop()

    async def _drop(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            # Discard the connection rather than return it to the pool, where it would keep
            # the session lock (and the lead) for whoever borrows it next.
            with contextlib.suppress(Exception):
                await conn.invalidate()
            with contextlib.suppress(Exception):
                await conn.close()


async def every(interval_s: float | Callable[[], float], step: Callable[[], Awaitable[object]],
                *, what: str, leader: JobLeader | None) -> None:
    """Run ``step`` every ``interval_s`` seconds (a callable: asked after each run, for a
    backoff) for ever; with a ``leader``, only while this replica leads. A failing step is
    logged by its type (no PHI) and tried again at the next tick."""
    while True:
        try:
            if leader is None or await leader.leads():
                await step()
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.error("%s failed: %s", what, type(exc).__name__)
        await asyncio.sleep(interval_s() if callable(interval_s) else interval_s)
