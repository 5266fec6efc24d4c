"""Alembic per service, driven from code: applied at start-up in the embedded default and by the
``migrate`` command in production. A service's ``migrations/env.py`` is two lines::

    from chairside_shared.migrations import run_env
    from orders.adapters.orm import metadata
    run_env(metadata)

Alembic is imported only when a migration command runs: a serving process that does not
migrate (production: ``auto_migrate`` is off and an init step runs ``migrate``) never loads it,
about 10 MB of resident memory per process (issue 19, bench/cost.py).
"""

from __future__ import annotations

import asyncio
from functools import lru_cache
from typing import TYPE_CHECKING

from sqlalchemy import Connection, MetaData, pool, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import create_async_engine

if TYPE_CHECKING:
    from alembic.config import Config


def alembic_config(script_location: str, database_url: str) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", script_location)
    cfg.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    cfg.set_main_option("file_template", "%%(year)d-%%(month).2d-%%(day).2d_%%(slug)s")
    return cfg


def upgrade(script_location: str, database_url: str, revision: str = "head") -> None:
    from alembic import command

    cfg = alembic_config(script_location, database_url)
    # A database already at head (a restart, a replica, a test's copy of a migrated template)
    # skips Alembic's environment run: one query instead of loading every revision again.
    if revision == "head" and _applied(database_url) == _heads(script_location):
        return
    command.upgrade(cfg, revision)


@lru_cache
def _heads(script_location: str) -> frozenset[str]:
    from alembic.script import ScriptDirectory

    return frozenset(ScriptDirectory.from_config(alembic_config(script_location, "")).get_heads())


def _applied(database_url: str) -> frozenset[str]:
    """The revisions recorded in ``alembic_version``; empty when there is none yet."""

    async def _read() -> frozenset[str]:
        engine = create_async_engine(database_url, poolclass=pool.NullPool,
                                     hide_parameters=True)
        try:
            async with engine.connect() as conn:
                rows = await conn.execute(text("SELECT version_num FROM alembic_version"))
                return frozenset(r[0] for r in rows)
        except DBAPIError:
            return frozenset()  # no table yet: a new database
        finally:
            await engine.dispose()

    return asyncio.run(_read())


async def upgrade_async(script_location: str, database_url: str) -> None:
    # env.py runs its own event loop: keep it off the service's loop.
    await asyncio.to_thread(upgrade, script_location, database_url)


def run_env(target_metadata: MetaData) -> None:
    from alembic import context

    url = context.config.get_main_option("sqlalchemy.url")
    if url is None:
        raise RuntimeError("alembic: sqlalchemy.url is not set")
    batch = url.startswith("sqlite")  # SQLite alters tables by copy
    if context.is_offline_mode():
        context.configure(url=url, literal_binds=True, target_metadata=target_metadata,
                          render_as_batch=batch, compare_type=True)
        with context.begin_transaction():
            context.run_migrations()
        return

    def _run(connection: Connection) -> None:
        context.configure(connection=connection, target_metadata=target_metadata,
                          render_as_batch=batch, compare_type=True)
        with context.begin_transaction():
            context.run_migrations()

    async def _main() -> None:
        engine = create_async_engine(url, poolclass=pool.NullPool, hide_parameters=True)
        try:
            async with engine.connect() as conn:
                await conn.run_sync(_run)
                await conn.commit()
        finally:
            await engine.dispose()

    asyncio.run(_main())
