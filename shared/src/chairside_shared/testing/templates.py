"""Migrated template databases for tests and benchmarks.

Alembic runs once per service per run (seconds per service on PostgreSQL); every database after
that is a copy of the migrated one (``CREATE DATABASE … TEMPLATE``, a fraction of a second).
Whoever starts using them drops them at the end with :func:`drop_templates` (the pytest plugin
does so when the session finishes).
"""

from __future__ import annotations

import uuid

from chairside_shared import db
from chairside_shared.migrations import upgrade_async

_templates: dict[str, str] = {}  # migrations folder -> template database name
_created: list[str] = []


async def migrated_database(admin_url: str, name: str, migrations: str) -> str:
    """Database ``name`` at the head of ``migrations``, copied from this run's template."""
    template = _templates.get(migrations)
    if template is None:
        template = f"cs_tpl_{uuid.uuid4().hex[:12]}"
        _created.append(template)
        await upgrade_async(migrations, await db.create_database(admin_url, template))
        _templates[migrations] = template
    return await db.create_database(admin_url, name, template=template)


async def drop_templates(admin_url: str) -> None:
    while _created:
        await db.drop_database(admin_url, _created.pop())
    _templates.clear()
