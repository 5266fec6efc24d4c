"""Database plumbing: engines, sessions, metadata naming, throwaway databases for tests."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime
from typing import Any

import sqlalchemy.ext.asyncio as sa_asyncio
from sqlalchemy import DateTime, MetaData, event, text
from sqlalchemy.engine import Dialect, make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def make_metadata() -> MetaData:
    return MetaData(naming_convention=NAMING_CONVENTION)


class UTCDateTime(TypeDecorator[datetime]):
    """A point in time, stored as UTC and read back timezone-aware, on PostgreSQL and SQLite.

    SQLite keeps no offset: a plain ``DateTime(timezone=True)`` would store 09:00-05:00 as
    09:00 and read it back as 09:00 UTC, five hours off. Naive datetimes are refused, since
    nothing can tell which zone they meant.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column: times must carry an offset")
        return value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


PING_AFTER_IDLE_S = 5.0
_RETURNED = "chairside_returned_at"


def create_engine(url: str, *, pool_size: int = 10, pool_overflow: int | None = None,
                  sqlite_serialized: bool = True,
                  ping_after_idle_s: float = PING_AFTER_IDLE_S) -> AsyncEngine:
    """An engine whose errors never carry the statement's parameters (``hide_parameters``):
    they are patients' values, and an error's text reaches logs and dead letters.

    On SQLite, ``sqlite_serialized`` makes every transaction begin IMMEDIATE (see
    ``_sqlite_begin_immediate``): what row locks do on PostgreSQL. A service that serializes
    its writes with locks of its own (scheduling's day and order locks, whose waits are
    bounded) turns it off: its readers then run beside the writer (WAL)."""
    if url.startswith("sqlite"):
        path = make_url(url).database
        if path and path != ":memory:":
            from pathlib import Path

            Path(path).parent.mkdir(parents=True, exist_ok=True)
        # Through the module attribute, so the OpenTelemetry wrapper installed at start-up sees it.
        engine = sa_asyncio.create_async_engine(url, connect_args={"timeout": 30},
                                                hide_parameters=True)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        if sqlite_serialized:
            event.listen(engine.sync_engine, "connect", _sqlite_own_begin)
            event.listen(engine.sync_engine, "begin", _sqlite_begin_immediate)
        return engine
    engine = sa_asyncio.create_async_engine(
        url, pool_size=pool_size,
        max_overflow=pool_size if pool_overflow is None else pool_overflow,
        pool_use_lifo=True, pool_recycle=1800,
        hide_parameters=True,
    )
    _ping_after_idle(engine, ping_after_idle_s)
    return engine


def _ping_after_idle(engine: AsyncEngine, idle_s: float) -> None:
    """Check a pooled connection before use only when it sat in the pool ``idle_s`` or more.

    ``pool_pre_ping`` checked it before every use: on asyncpg that is BEGIN, a statement and
    ROLLBACK, three round trips before each request's own queries (under load as much of the
    services' database time as the queries: bench/network_load.py's profile). A connection
    that went back to the pool moments ago was alive moments ago; a PostgreSQL restart or an
    idle timeout shows on those that waited. One the server closed (its socket's close already
    seen by the event loop) is dropped at checkout whatever its age, at no cost. Only a
    connection that dies unseen within ``idle_s`` (a half-open socket), or during its use,
    fails its one request (the pool then drops it, and every older one: SQLAlchemy's
    invalidation).
    LIFO keeps the busy few hot and lets the rest age into the check (and the server's idle
    timeouts) instead of rotating through them all."""
    pool = engine.sync_engine.pool

    def returned(_dbapi_conn: Any, record: Any) -> None:
        if record is not None:
            record.info[_RETURNED] = time.monotonic()

    def checkout(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        if dbapi_conn.driver_connection.is_closed():
            # The server closed it while it sat in the pool (a terminated backend, a restart):
            # the event loop saw the socket close, so this costs no round trip. Without it, a
            # pool whose connections are killed faster than its users come back fails every
            # use: each user meets the connection the previous one left, dead meanwhile.
            raise DisconnectionError("a pooled connection was closed by the server")
        at = record.info.get(_RETURNED)
        if at is None or time.monotonic() - at < idle_s:
            return  # a new connection, or one in use moments ago
        try:
            dbapi_conn.ping()
        except Exception as exc:  # whatever the driver raises for a dead connection
            # the pool drops this connection and checks out another (a new one if need be)
            raise DisconnectionError("a pooled connection failed its check") from exc

    event.listen(pool, "checkin", returned)
    event.listen(pool, "checkout", checkout)


def _sqlite_own_begin(dbapi_conn, _record) -> None:
    # The driver's own implicit BEGIN (before the first write only) is off: the "begin"
    # event emits ours, before the first statement.
    dbapi_conn.isolation_level = None


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    # WAL lets readers run beside the single writer; busy_timeout waits instead of failing.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _sqlite_begin_immediate(conn) -> None:
    """Every SQLite transaction takes the write lock when it begins (waiting up to the busy
    timeout), so transactions serialize the way row locks make them on PostgreSQL. With the
    driver's deferred BEGIN, two transactions read the same row, and the later writer lost
    (a spurious 409 "changed meanwhile") or failed on a stale snapshot. SQLAlchemy's
    documented recipe for SQLite; it also makes SAVEPOINTs work."""
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)


async def ping(engine: AsyncEngine) -> None:
    async with engine.connect() as conn:
        await conn.execute(text("SELECT 1"))


def is_postgres(engine_or_url: AsyncEngine | str) -> bool:
    url = engine_or_url if isinstance(engine_or_url, str) else str(engine_or_url.url)
    return url.startswith("postgresql")


def redacted(url: str) -> str:
    """The URL with any password hidden, for log lines and readiness answers."""
    return make_url(url).render_as_string(hide_password=True)


# --- throwaway PostgreSQL databases (tests, benchmarks) -----------------------------------
_SAFE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


async def create_database(admin_url: str, name: str, *, template: str | None = None) -> str:
    """Create database ``name`` on the server of ``admin_url`` (a copy of ``template`` when
    given); return its async URL."""
    for n in (name, template or name):
        if not _SAFE_NAME.match(n):
            raise ValueError(f"unsafe database name {n!r}")
    copy_of = f' TEMPLATE "{template}"' if template else ""
    engine = create_async_engine(admin_url, isolation_level="AUTOCOMMIT", hide_parameters=True)
    try:
        async with engine.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            await conn.execute(text(f'CREATE DATABASE "{name}"{copy_of}'))
    finally:
        await engine.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


async def drop_database(admin_url: str, name: str) -> None:
    if not _SAFE_NAME.match(name):
        raise ValueError(f"unsafe database name {name!r}")
    engine = create_async_engine(admin_url, isolation_level="AUTOCOMMIT", hide_parameters=True)
    try:
        async with engine.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        await engine.dispose()

