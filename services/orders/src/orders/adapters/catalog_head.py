"""The number of the newest catalog version, read fresh for every catalog read, cheaply.

A catalog version never changes once written; only its number moves, when an admin PUT (on any
replica) writes the next one. So a read needs one fact from the database, the newest number,
and the rest (the parsed catalog, its rendered list) is cached per version in the process.

Fresh for every caller, so a change is seen by the very next read on every replica, with no
notification to miss: a caller is answered by a query that *started after it arrived*. Callers
that arrive while a query runs share the next one, so under load one query serves many reads
(at one request in flight, one query per read).

On PostgreSQL the query runs on a connection of its own, straight on asyncpg: through a
session it was BEGIN, the SELECT and a ROLLBACK (0.5 ms of CPU), through a pooled connection
0.1 ms, on its own connection 0.03 ms. That connection is opened on first use, opened again
after a failure, and closed with the engine (runtime.stop disposes it).
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from typing import Any

import asyncpg
import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from orders.adapters.orm import catalog_versions

_LATEST = sa.select(sa.func.max(catalog_versions.c.version))
_LATEST_SQL = "SELECT max(version) FROM catalog_versions"
RENDERED_KEPT = 8  # versions whose rendered answers are kept (a version is never edited)
CONNECT_TIMEOUT_S = 10.0
CATALOG_HEAD = "catalog_head"  # its key in the runtime's state (bootstrap.py)


class CatalogHead:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self._own = engine.dialect.name == "postgresql"
        self._conn: Any = None  # asyncpg.Connection, once opened
        self._next: asyncio.Future[int | None] | None = None  # the query not yet started
        self._reader: asyncio.Task[None] | None = None
        # An answer rendered from one version, by (what, version): the API's drug list. Per
        # runtime, so two databases in one process (tests) never share an answer.
        self._rendered: OrderedDict[tuple[str, int], bytes] = OrderedDict()
        if self._own:
            event.listen(engine.sync_engine, "engine_disposed", lambda _engine: self.close())

    def rendered(self, what: str, version: int) -> bytes | None:
        return self._rendered.get((what, version))

    def keep_rendered(self, what: str, version: int, body: bytes) -> None:
        self._rendered[(what, version)] = body
        while len(self._rendered) > RENDERED_KEPT:
            self._rendered.popitem(last=False)

    async def latest(self) -> int | None:
        """The newest version committed no earlier than this call (None: none at all)."""
        if self._next is None:
            self._next = asyncio.get_running_loop().create_future()
        waiting = self._next
        if self._reader is None or self._reader.done():
            self._reader = asyncio.create_task(self._read_while_asked(),
                                               name="orders-catalog-head")
        # shielded: a caller that goes away does not cancel the others' answer
        return await asyncio.shield(waiting)

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.terminate()  # synchronous: the engine's dispose event cannot await

    async def _read_while_asked(self) -> None:
        while self._next is not None:
            answering, self._next = self._next, None
            try:
                version = await self._query()
            except BaseException as exc:
                if not answering.done():
                    answering.set_exception(exc)
                if isinstance(exc, asyncio.CancelledError):
                    raise
                continue
            if not answering.done():
                answering.set_result(version)

    async def _query(self) -> int | None:
        if not self._own:
            async with self.engine.connect() as conn:
                return (await conn.execute(_LATEST)).scalar_one()
        for attempt in (1, 2):
            try:
                if self._conn is None or self._conn.is_closed():
                    self._conn = await asyncpg.connect(self._dsn(), timeout=CONNECT_TIMEOUT_S)
                return await self._conn.fetchval(_LATEST_SQL)
            except Exception:
                # a connection that died since its last query (asyncpg names that several
                # ways, depending on when it learnt of it): one more try on a new one
                self.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def _dsn(self) -> str:
        return self.engine.url.set(drivername="postgresql").render_as_string(
            hide_password=False)
