"""Neurology expansion drugs (clinical-loop.md §5) and patient observations.

The observations table holds the results the regimen gates read (HBV/TB screens, anti-JCV,
TOUCH checklists, brain MRIs, ApoE). A database seeded before the seed file carried the
expansion drugs gets them, copied from the seed file, as the next catalog version (orders keep
the version they were checked against); one seeded from the current file is left alone.

Revision ID: orders_0012_neuro
Revises: orders_0011_triage
Create Date: 2026-12-06
"""
import copy
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from chairside_shared.db import UTCDateTime

revision = "orders_0012_neuro"
down_revision = "orders_0011_triage"
branch_labels = None
depends_on = None

JSON_DOC = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
NEURO_PROTOCOLS = ("ocrelizumab-maintenance-600", "lecanemab-10-mg-kg", "infliximab-5-mg-kg",
                   "ivig-gamunex-c-1-g-kg")
NOTE = "Neurology expansion drugs: regimens, gates, premedication (clinical-loop.md §5)"

versions = sa.table("catalog_versions", sa.column("version", sa.Integer),
                    sa.column("snapshot", JSON_DOC), sa.column("changed_drug", sa.String),
                    sa.column("note", sa.String), sa.column("created_by", sa.String),
                    sa.column("created_at", sa.DateTime(timezone=True)))


def upgrade() -> None:
    op.create_table(
        "patient_observations",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("result", sa.String(length=32), nullable=False),
        sa.Column("observed_on", sa.Date(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("order_id", sa.Uuid(), nullable=True),
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=128), nullable=True),
        sa.ForeignKeyConstraint(["patient_id"], ["patients.id"],
                                name=op.f("fk_patient_observations_patient_id_patients")),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"],
                                name=op.f("fk_patient_observations_order_id_orders")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patient_observations")),
    )
    op.create_index("ix_patient_observations_patient_observed", "patient_observations",
                    ["patient_id", "observed_on"])
    _add_drugs()
    _add_protocols()


def _add_drugs() -> None:
    from orders.seed import seed_catalog

    conn = op.get_bind()
    latest = conn.execute(sa.select(versions.c.version, versions.c.snapshot)
                          .order_by(versions.c.version.desc()).limit(1)).first()
    if latest is None:
        return
    seed = seed_catalog().model_dump(mode="json")
    neuro = {code: d for code, d in seed["drugs"].items() if d.get("regimen")}
    snapshot = copy.deepcopy(latest.snapshot)
    missing = {code: d for code, d in neuro.items() if code not in snapshot["drugs"]}
    if not missing:
        return
    snapshot["drugs"].update(missing)
    refs = snapshot.setdefault("references", {})
    for key, value in seed["references"].items():
        refs.setdefault(key, value)
    snapshot["version"] = latest.version + 1
    conn.execute(versions.insert().values(
        version=latest.version + 1, snapshot=snapshot, changed_drug=None, note=NOTE,
        created_by="migration", created_at=datetime.now(UTC)))


def _add_protocols() -> None:
    """The neuro protocol templates a database seeded before them lacks (by key)."""
    from orders.adapters.codec import protocol_row
    from orders.seed import seed_protocols

    protocols = sa.table(
        "protocols", sa.column("id", sa.Uuid), sa.column("active", sa.Boolean),
        sa.column("created_at", sa.DateTime(timezone=True)), sa.column("lines", JSON_DOC),
        *(sa.column(c, sa.String) for c in ("practice_id", "key", "name", "population",
                                             "description", "created_by")))
    conn = op.get_bind()
    have = set(conn.execute(sa.select(protocols.c.key)).scalars())
    now = datetime.now(UTC)
    rows = [protocol_row(p) | {"created_by": "migration", "created_at": now}
            for p in seed_protocols() if p.key in NEURO_PROTOCOLS and p.key not in have]
    if rows:
        op.bulk_insert(protocols, rows)


def downgrade() -> None:
    op.execute(versions.delete().where(versions.c.note == NOTE))
    # the protocol templates stay: orders may name them, and they are harmless data
    op.drop_index("ix_patient_observations_patient_observed", table_name="patient_observations")
    op.drop_table("patient_observations")
