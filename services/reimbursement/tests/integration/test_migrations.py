"""The migrations build exactly the tables the code declares, on PostgreSQL and SQLite, after
the newest one (billing identity, payer enrollments, held claims) went down and up again."""

from __future__ import annotations

import asyncio

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import create_async_engine

from chairside_shared.migrations import alembic_config, upgrade
from reimbursement.adapters import orm  # noqa: F401 - the tables on the metadata
from reimbursement.adapters.metadata import metadata
from reimbursement.bootstrap import MIGRATIONS

pytestmark = pytest.mark.integration


async def check_schema(url: str) -> None:
    def migrate() -> None:
        upgrade(MIGRATIONS, url)
        config = alembic_config(MIGRATIONS, url)
        command.downgrade(config, "reimbursement_0003")
        command.upgrade(config, "head")

    await asyncio.to_thread(migrate)
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            diffs = await conn.run_sync(lambda c: compare_metadata(
                MigrationContext.configure(c), metadata))
            assert diffs == []
            with pytest.raises(IntegrityError, match="ck_billing_identity_one_practice"):
                await conn.execute(text(
                    "INSERT INTO billing_identity (id, name, npi, ein, taxonomy, npi_taxonomies,"
                    " address, updated_at, version) VALUES (2, 'x', '1245319599', '049990001',"
                    " '261QI0500X', '[]', '{}', '2026-01-01', 1)"))
    finally:
        await engine.dispose()


async def test_postgresql_schema_matches_the_code(make_database):
    await check_schema(await make_database("reimb_schema"))


async def test_sqlite_schema_matches_the_code(tmp_path):
    await check_schema(f"sqlite+aiosqlite:///{tmp_path}/reimbursement.db")
