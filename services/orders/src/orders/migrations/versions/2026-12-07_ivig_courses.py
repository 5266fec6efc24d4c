"""Dosing courses (domain/courses.py): a database whose catalog carries a drug's regimen as
single doses, where the seed file now doses it in courses (IVIG in CIDP: loading 2 g/kg over
2-5 days, maintenance 1 g/kg over 1-2 days), gets the seed's regimen as the next catalog
version (orders keep the version they were checked against). A catalog already in courses, or
one an admin edited to have none of those drugs, is left alone. Which drugs is read from the
seed data, never named here.

Revision ID: orders_0014_courses
Revises: orders_0013_keyed
Create Date: 2026-12-07
"""
import copy
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "orders_0014_courses"
down_revision = "orders_0013_keyed"
branch_labels = None
depends_on = None

JSON_DOC = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
NOTE = "Dosing courses: regimen steps as a total per kg over N days (domain/courses.py)"

versions = sa.table("catalog_versions", sa.column("version", sa.Integer),
                    sa.column("snapshot", JSON_DOC), sa.column("changed_drug", sa.String),
                    sa.column("note", sa.String), sa.column("created_by", sa.String),
                    sa.column("created_at", sa.DateTime(timezone=True)))


def _in_courses(drug: dict) -> bool:
    steps = (drug.get("regimen") or {}).get("steps") or []
    return any(s.get("course") for s in steps)


def upgrade() -> None:
    from orders.seed import seed_catalog

    conn = op.get_bind()
    latest = conn.execute(sa.select(versions.c.version, versions.c.snapshot)
                          .order_by(versions.c.version.desc()).limit(1)).first()
    if latest is None:
        return
    seed = seed_catalog().model_dump(mode="json")
    snapshot = copy.deepcopy(latest.snapshot)
    changed = [code for code, d in seed["drugs"].items()
               if _in_courses(d) and code in snapshot["drugs"]
               and not _in_courses(snapshot["drugs"][code])]
    if not changed:
        return
    for code in changed:
        snapshot["drugs"][code]["regimen"] = seed["drugs"][code]["regimen"]
    snapshot["version"] = latest.version + 1
    conn.execute(versions.insert().values(
        version=latest.version + 1, snapshot=snapshot,
        changed_drug=changed[0] if len(changed) == 1 else None, note=NOTE,
        created_by="migration", created_at=datetime.now(UTC)))


def downgrade() -> None:
    op.execute(versions.delete().where(versions.c.note == NOTE))
