"""The orders migrations run on PostgreSQL (tests, production) and SQLite (embedded `make run`),
seed catalog version 1 and the protocol templates, and downgrade cleanly."""

from __future__ import annotations

import asyncio

import pytest
import sqlalchemy as sa

from chairside_shared import db
from chairside_shared.migrations import alembic_config, upgrade_async

from orders.bootstrap import MIGRATIONS
from orders.seed import seed_catalog

pytestmark = pytest.mark.integration


async def _facts(url: str) -> tuple:
    engine = db.create_engine(url)
    try:
        async with engine.connect() as conn:
            versions = (await conn.execute(sa.text(
                "SELECT version FROM catalog_versions"))).scalars().all()
            protocols = (await conn.execute(sa.text(
                "SELECT key FROM protocols ORDER BY key"))).scalars().all()
            tables = await conn.run_sync(lambda c: sorted(sa.inspect(c).get_table_names()))
    finally:
        await engine.dispose()
    return versions, protocols, tables


@pytest.mark.parametrize("backend", ["postgresql", "sqlite"])
async def test_upgrade_seeds_the_catalog(backend, make_database, tmp_path):
    url = (await make_database("orders_mig") if backend == "postgresql"
           else f"sqlite+aiosqlite:///{tmp_path}/orders.db")
    await upgrade_async(MIGRATIONS, url)
    versions, protocols, tables = await _facts(url)
    assert versions == [seed_catalog().version]
    assert protocols == ["dhe-antiemetic", "ed-style-cocktail", "eptinezumab-100",
                         "pediatric-cocktail"]
    assert {"patients", "orders", "administrations", "outside_doses", "catalog_versions",
            "protocols", "outbox", "inbox", "dead_letters"} <= set(tables)


async def test_downgrade_and_upgrade_again(make_database):
    from alembic import command

    url = await make_database("orders_mig")
    await upgrade_async(MIGRATIONS, url)
    cfg = alembic_config(MIGRATIONS, url)
    await asyncio.to_thread(command.downgrade, cfg, "orders_0001")
    _, _, tables = await _facts_safe(url)
    assert "orders" not in tables and "outbox" in tables
    await upgrade_async(MIGRATIONS, url)
    versions, _, _ = await _facts(url)
    assert versions == [1]


async def _facts_safe(url):
    engine = db.create_engine(url)
    try:
        async with engine.connect() as conn:
            tables = await conn.run_sync(lambda c: sorted(sa.inspect(c).get_table_names()))
    finally:
        await engine.dispose()
    return None, None, tables
