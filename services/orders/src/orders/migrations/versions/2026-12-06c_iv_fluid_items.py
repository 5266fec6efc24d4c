"""IV fluids as orderable items (clinical-loop.md §6): NS 1000/500/250 mL and LR 1000 mL bags,
and the clinic's hydration rate floor, as a new catalog version.

A database seeded before the seed file carried the fluids gets them, copied from the seed file,
as the next catalog version (orders keep the version they were checked against). A database
seeded from the current file already has them and is left alone. Order lines keep their
fluid purpose, rate and indication in the lines document: no column changes.

Revision ID: orders_0009_iv_fluids
Revises: orders_0008_outcomes
Create Date: 2026-12-06
"""
import copy
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "orders_0009_iv_fluids"
down_revision = "orders_0008_outcomes"
branch_labels = None
depends_on = None

JSON_DOC = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
NOTE = "IV fluids as orderable items (clinical-loop.md §6)"

versions = sa.table("catalog_versions", sa.column("version", sa.Integer),
                    sa.column("snapshot", JSON_DOC), sa.column("changed_drug", sa.String),
                    sa.column("note", sa.String), sa.column("created_by", sa.String),
                    sa.column("created_at", sa.DateTime(timezone=True)))


def upgrade() -> None:
    from orders.seed import seed_catalog

    conn = op.get_bind()
    latest = conn.execute(sa.select(versions.c.version, versions.c.snapshot)
                          .order_by(versions.c.version.desc()).limit(1)).first()
    if latest is None:
        return
    seed = seed_catalog().model_dump(mode="json")
    fluids = {code: d for code, d in seed["drugs"].items() if d.get("fluid")}
    snapshot = copy.deepcopy(latest.snapshot)
    missing = {code: d for code, d in fluids.items() if code not in snapshot["drugs"]}
    if not missing and snapshot["rules"].get("fluids"):
        return
    snapshot["drugs"].update(missing)
    snapshot["rules"].setdefault("fluids", seed["rules"]["fluids"])
    snapshot["rules"].setdefault("sources", {}).setdefault(
        "fluids", seed["rules"]["sources"]["fluids"])
    for key in ("HCPCS-FLUIDS", "R27"):
        snapshot.setdefault("references", {}).setdefault(key, seed["references"][key])
    snapshot["version"] = latest.version + 1
    conn.execute(versions.insert().values(
        version=latest.version + 1, snapshot=snapshot, changed_drug=None, note=NOTE,
        created_by="migration", created_at=datetime.now(UTC)))


def downgrade() -> None:
    op.execute(versions.delete().where(versions.c.note == NOTE))
