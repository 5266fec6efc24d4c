"""The triage migration adds its columns where missing and drops them on downgrade, on
PostgreSQL and SQLite (the embedded `make run`)."""

from __future__ import annotations

import asyncio

import pytest
import sqlalchemy as sa

from chairside_shared import db
from chairside_shared.migrations import alembic_config, upgrade_async
from scheduling.bootstrap import MIGRATIONS

pytestmark = pytest.mark.integration

TRIAGE = {"triage_category", "headache_hours"}


async def _columns(url: str) -> dict[str, set[str]]:
    engine = db.create_engine(url)
    try:
        async with engine.connect() as conn:
            return await conn.run_sync(lambda c: {
                t: {col["name"] for col in sa.inspect(c).get_columns(t)}
                for t in ("order_requests", "appointments")})
    finally:
        await engine.dispose()


@pytest.mark.parametrize("backend", ["postgresql", "sqlite"])
async def test_triage_columns_come_and_go(backend, make_database, tmp_path):
    from alembic import command

    url = (await make_database("sched_mig") if backend == "postgresql"
           else f"sqlite+aiosqlite:///{tmp_path}/scheduling.db")
    await upgrade_async(MIGRATIONS, url)
    assert all(cols >= TRIAGE for cols in (await _columns(url)).values())
    cfg = alembic_config(MIGRATIONS, url)
    await asyncio.to_thread(command.downgrade, cfg, "scheduling_0005_recall")
    assert all(not TRIAGE & cols for cols in (await _columns(url)).values())
    await upgrade_async(MIGRATIONS, url)
    assert all(cols >= TRIAGE for cols in (await _columns(url)).values())
