"""Settings fail fast naming the variable; a service with unreachable dependencies says which."""

from __future__ import annotations

import logging

import httpx
import pytest

from chairside_shared.db import make_metadata
from chairside_shared.messaging.outbox import UnitOfWork
from chairside_shared.messaging.tables import add_messaging_tables
from chairside_shared.runtime import ServiceRuntime, ServiceSpec
from chairside_shared.settings import (
    ServiceSettings,
    load_settings,
    normalize_database_url,
    service_config,
)
from chairside_shared.web import create_service_app


class DemoSettings(ServiceSettings):
    model_config = service_config("DEMO_")
    service_name: str = "demo"
    port: int = 8009


def test_invalid_setting_exits_naming_the_variable(monkeypatch, capsys):
    monkeypatch.setenv("DEMO_PORT", "not-a-port")
    with pytest.raises(SystemExit) as exit_info:
        load_settings(DemoSettings)
    assert exit_info.value.code == 2
    assert "invalid setting DEMO_PORT" in capsys.readouterr().err


def test_unprefixed_kafka_variable_points_every_service_at_one_cluster(monkeypatch):
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092")
    monkeypatch.setenv("DEMO_DATA_DIR", "/var/lib/chairside")
    s = load_settings(DemoSettings)
    assert s.kafka_bootstrap_servers == "kafka-1:9092,kafka-2:9092"
    assert s.database_url == "sqlite+aiosqlite:////var/lib/chairside/demo.db"
    assert s.kafka_enable_idempotence is False  # the embedded broker refuses it


def test_production_refuses_sqlite_and_demo_data(monkeypatch, capsys):
    monkeypatch.setenv("DEMO_ENVIRONMENT", "production")
    with pytest.raises(SystemExit):
        load_settings(DemoSettings)
    assert "production needs PostgreSQL" in capsys.readouterr().err
    monkeypatch.setenv("DEMO_DATABASE_URL", "postgresql://db/demo")
    with pytest.raises(SystemExit):
        load_settings(DemoSettings)
    assert "demo data is refused" in capsys.readouterr().err
    monkeypatch.setenv("DEMO_SEED_DEMO_DATA", "false")
    assert load_settings(DemoSettings).database_url == "postgresql+asyncpg://db/demo"


@pytest.mark.parametrize(("given", "expected"), [
    ("postgres://u@h/db", "postgresql+asyncpg://u@h/db"),
    ("postgresql://u@h/db", "postgresql+asyncpg://u@h/db"),
    ("postgresql+asyncpg://u@h/db", "postgresql+asyncpg://u@h/db"),
    ("sqlite:///data/x.db", "sqlite+aiosqlite:///data/x.db"),
])
def test_database_urls_get_the_async_driver(given, expected):
    assert normalize_database_url(given) == expected


async def test_unreachable_database_and_broker_are_named_by_readyz_and_logged_once(caplog):
    metadata = make_metadata()
    spec = ServiceSpec(name="demo", metadata=metadata, tables=add_messaging_tables(metadata),
                       migrations=None, owned_topics=["demo.events"], uow_class=UnitOfWork)
    settings = DemoSettings(database_url="postgresql://postgres@127.0.0.1:1/nowhere",
                            seed_demo_data=False)
    settings.kafka_bootstrap_servers = "127.0.0.1:1"
    runtime = ServiceRuntime(spec, settings)
    app = create_service_app(runtime, title="demo")
    caplog.set_level(logging.ERROR, logger="chairside.runtime")
    await runtime.start()
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                     base_url="http://demo") as client:
            assert (await client.get("/healthz")).status_code == 200
            import asyncio

            await asyncio.sleep(1.5)  # several connection attempts
            r = await client.get("/readyz")
        assert r.status_code == 503
        checks = r.json()["checks"]
        assert checks["database"].startswith("down: postgresql+asyncpg://postgres@127.0.0.1:1")
        assert checks["broker"].startswith("down: 127.0.0.1:1")
        assert checks["migrations"] == "pending"
        lines = [r.getMessage() for r in caplog.records if "cannot reach its database" in
                 r.getMessage()]
        assert len(lines) == 1, lines  # one clear line, not one per retry
    finally:
        await runtime.stop()


@pytest.mark.parametrize(("env", "size", "overflow"), [
    ({}, 10, 10),  # the overflow defaults to the pool's size
    ({"DEMO_DB_POOL_SIZE": "2", "DEMO_DB_POOL_OVERFLOW": "8"}, 2, 8),
    ({"DEMO_DB_POOL_SIZE": "4", "DEMO_DB_POOL_OVERFLOW": "0"}, 4, 0),
])
def test_the_database_pool_is_sized_by_settings(monkeypatch, env, size, overflow):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    settings = DemoSettings(database_url="postgresql://postgres@127.0.0.1:5432/unused")
    metadata = make_metadata()
    spec = ServiceSpec(name="demo", metadata=metadata, tables=add_messaging_tables(metadata),
                       migrations=None, owned_topics=[], uow_class=UnitOfWork)
    pool = ServiceRuntime(spec, settings).engine.sync_engine.pool
    assert (pool.size(), pool._max_overflow) == (size, overflow)  # type: ignore[attr-defined]
