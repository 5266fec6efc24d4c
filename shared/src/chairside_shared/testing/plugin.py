"""pytest plugin for the whole repository (loaded by pyproject.toml ``addopts``).

Real parts only: PostgreSQL at 127.0.0.1:5432 (``CHAIRSIDE_TEST_PG`` overrides), the embedded
broker on a free port, one in-memory span exporter for trace assertions. If PostgreSQL cannot
be reached the run stops with a clear message and a failing exit code: it never skips.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager
from typing import Any, TypeVar

import pytest
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from chairside_shared import db
from chairside_shared.broker import EmbeddedBroker
from chairside_shared.runtime import ServiceRuntime
from chairside_shared.settings import ServiceSettings
from chairside_shared.telemetry import setup_telemetry
from chairside_shared.testing import templates

ADMIN_URL = os.environ.get(
    "CHAIRSIDE_TEST_PG", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
)
_EXPORTER = InMemorySpanExporter()
S = TypeVar("S", bound=ServiceSettings)


def pytest_configure(config: pytest.Config) -> None:
    # One tracer provider per process: install the collecting exporter before anything else.
    setup_telemetry("chairside-tests", extra_processor=SimpleSpanProcessor(_EXPORTER))
    # A SIGTERM (a CI timeout, a kill) interrupts like Ctrl-C, so fixtures are torn down: the
    # platforms the end-to-end modules started are stopped, not left running (their services
    # sit in process groups of their own, which the default SIGTERM death never reached).
    if threading.current_thread() is threading.main_thread():  # where signals can be set
        signal.signal(signal.SIGTERM, signal.default_int_handler)


def pytest_sessionstart(session: pytest.Session) -> None:
    async def _check() -> None:
        engine = db.create_engine(ADMIN_URL)
        try:
            await asyncio.wait_for(db.ping(engine), 5)
        finally:
            await engine.dispose()

    try:
        asyncio.run(_check())
    except Exception as exc:
        pytest.exit(
            f"PostgreSQL is unreachable at {db.redacted(ADMIN_URL)} ({type(exc).__name__}: "
            f"{exc}). The suite needs it: start PostgreSQL or set CHAIRSIDE_TEST_PG.",
            returncode=3,
        )


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    asyncio.run(templates.drop_templates(ADMIN_URL))


@pytest.fixture(scope="session")
def broker() -> Iterator[EmbeddedBroker]:
    """The embedded broker on a free port, for the whole session."""
    with EmbeddedBroker() as b:
        yield b


@pytest.fixture
def fresh_broker() -> Iterator[EmbeddedBroker]:
    """A broker of the test's own, for tests that stop or restart it."""
    with EmbeddedBroker() as b:
        yield b


@pytest.fixture
def span_exporter() -> InMemorySpanExporter:
    _EXPORTER.clear()
    return _EXPORTER


@pytest.fixture
async def make_database() -> AsyncIterator[Callable[..., Awaitable[str]]]:
    """``url = await make_database("orders", MIGRATIONS)``: a throwaway PostgreSQL database,
    dropped after."""
    created: list[str] = []

    async def _make(prefix: str = "t", migrations: str | None = None) -> str:
        """Empty, or with ``migrations`` (a service's folder) already at head: a copy of the
        session's migrated template, so Alembic runs once per service, not once per test."""
        name = f"cs_{prefix}_{uuid.uuid4().hex[:10]}".lower()
        created.append(name)
        if migrations is not None:
            return await templates.migrated_database(ADMIN_URL, name, migrations)
        return await db.create_database(ADMIN_URL, name)

    yield _make
    for name in created:
        await db.drop_database(ADMIN_URL, name)


def settings_for_test(settings_cls: type[S], *, database_url: str, broker: EmbeddedBroker,
                  **overrides: Any) -> S:
    """Settings for a service under test: PostgreSQL, the test broker, fast polling, no seed."""
    values: dict[str, Any] = {
        "environment": "test",
        "database_url": database_url,
        "seed_demo_data": False,
        "outbox_poll_interval_s": 0.2,
        "outbox_idle_poll_s": 0.2,
        "broker_check_interval_s": 0.5,
        "consumer_retry_backoff_s": 0.01,
    }
    values.update(overrides)
    settings = settings_cls(**values)
    settings.kafka_bootstrap_servers = broker.bootstrap_servers
    return settings


@asynccontextmanager
async def running(runtime: ServiceRuntime, timeout_s: float = 60) -> AsyncIterator[ServiceRuntime]:
    """Start a runtime (migrations, relay, consumer) and wait until it has booted."""
    await runtime.start()
    try:
        await asyncio.wait_for(runtime.booted.wait(), timeout_s)
        yield runtime
    finally:
        await runtime.stop()


async def eventually(
    check: Callable[[], Awaitable[Any]], *, timeout_s: float = 20, interval_s: float = 0.05
) -> Any:
    """Poll ``check`` until it returns a truthy value; fail with the last value otherwise."""
    deadline = asyncio.get_running_loop().time() + timeout_s
    last: Any = None
    while asyncio.get_running_loop().time() < deadline:
        last = await check()
        if last:
            return last
        await asyncio.sleep(interval_s)
    raise AssertionError(f"condition not met within {timeout_s}s (last: {last!r})")
