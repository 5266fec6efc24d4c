"""Migrated template databases (tests' copies) and the at-head shortcut of ``upgrade``, on real
PostgreSQL."""

from __future__ import annotations

import asyncio
import shutil

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from chairside_shared.migrations import alembic_config, upgrade
from chairside_shared.testing import templates
from orders.bootstrap import MIGRATIONS

pytestmark = pytest.mark.integration


async def _scalar(url: str, sql: str) -> object:
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            return (await conn.execute(text(sql))).scalar()
    finally:
        await engine.dispose()


async def _execute(url: str, sql: str) -> None:
    engine = create_async_engine(url)
    try:
        async with engine.begin() as conn:
            await conn.execute(text(sql))
    finally:
        await engine.dispose()


def _head() -> str:
    head = ScriptDirectory.from_config(alembic_config(MIGRATIONS, "")).get_current_head()
    assert head is not None
    return head


async def test_copies_are_at_head_made_from_one_template_and_independent(make_database):
    first = await make_database("tpl_a", MIGRATIONS)
    template = templates._templates[MIGRATIONS]
    second = await make_database("tpl_b", MIGRATIONS)
    assert templates._templates[MIGRATIONS] == template  # Alembic ran once
    for url in (first, second):
        assert await _scalar(url, "SELECT version_num FROM alembic_version") == _head()
    await _execute(first, "INSERT INTO inbox (consumer, event_id, event_type, topic, partition, "
                          "\"offset\", processed_at) VALUES ('copy-check', 'e-1', 'x.y', 't', "
                          "0, 0, now())")
    assert await _scalar(first, "SELECT count(*) FROM inbox") == 1
    assert await _scalar(second, "SELECT count(*) FROM inbox") == 0


async def test_upgrade_skips_a_database_at_head_and_migrates_one_behind(make_database,
                                                                         tmp_path):
    # The same revisions with an environment that fails if Alembic runs it at all.
    tripwire = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, tripwire)
    (tripwire / "env.py").write_text("raise RuntimeError('the Alembic environment ran')\n")

    at_head = await make_database("skip", MIGRATIONS)
    await asyncio.to_thread(upgrade, str(tripwire), at_head)  # skipped: no error

    behind = await make_database("behind")
    first_revision = list(ScriptDirectory.from_config(
        alembic_config(MIGRATIONS, behind)).walk_revisions())[-1].revision
    await asyncio.to_thread(command.upgrade, alembic_config(MIGRATIONS, behind), first_revision)
    with pytest.raises(RuntimeError, match="environment ran"):
        await asyncio.to_thread(upgrade, str(tripwire), behind)
    await asyncio.to_thread(upgrade, MIGRATIONS, behind)
    assert await _scalar(behind, "SELECT version_num FROM alembic_version") == _head()
