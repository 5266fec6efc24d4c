"""DHE's pediatric doses by age band (clinical.md S30, a hospital parenteral manual) as a
new catalog version.

A database seeded before the seed file carried the bands gets them as the next catalog version
(the catalog is versioned data: orders keep the version they were checked against). A database
seeded from the current file already has them and is left alone.

Revision ID: orders_0004
Revises: orders_0003
Create Date: 2026-12-03
"""
import copy
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "orders_0004"
down_revision = "orders_0003"
branch_labels = None
depends_on = None

JSON_DOC = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
BANDS = [{"min_age": 6, "max_age": 9, "max_dose": "0.1", "severity": "warn"},
         {"min_age": 10, "max_age": 12, "max_dose": "0.15", "severity": "warn"},
         {"min_age": 13, "max_age": 16, "max_dose": "0.2", "severity": "warn"}]
SOURCE = "S30 (warn, not block: S31 and S35 give children up to 1 mg)"
NOTE = "DHE pediatric doses by age band (S30)"

versions = sa.table("catalog_versions", sa.column("version", sa.Integer),
                    sa.column("snapshot", JSON_DOC), sa.column("changed_drug", sa.String),
                    sa.column("note", sa.String), sa.column("created_by", sa.String),
                    sa.column("created_at", sa.DateTime(timezone=True)))


def upgrade() -> None:
    conn = op.get_bind()
    latest = conn.execute(sa.select(versions.c.version, versions.c.snapshot)
                          .order_by(versions.c.version.desc()).limit(1)).first()
    if latest is None:
        return
    snapshot = copy.deepcopy(latest.snapshot)
    dhe = snapshot["drugs"].get("dhe")  # a snapshot is Catalog.model_dump: drugs by code
    if dhe is None or dhe.get("peds_age_caps"):
        return
    dhe["peds_age_caps"] = BANDS
    dhe.setdefault("sources", {})["peds_age_caps"] = SOURCE
    snapshot["version"] = latest.version + 1
    conn.execute(versions.insert().values(
        version=latest.version + 1, snapshot=snapshot, changed_drug="dhe", note=NOTE,
        created_by="migration", created_at=datetime.now(UTC)))


def downgrade() -> None:
    op.execute(versions.delete().where(versions.c.note == NOTE))
