"""Observation kinds as catalog data, numeric observations, and the issue-18 regimen audit.

* ``patient_observations`` gains ``value`` and ``unit`` (a numeric kind: a lab value read as
  low / normal / high against the kind's limits).
* The latest catalog gets the seed's ``observation_kinds`` (the six kinds the gates read
  before they were data) as the next version, unless it has them.
* Regimens still exactly as seeded before the audit (their hashes below) take the seed's
  (lecanemab's minimum interval, rituximab's repeating courses, ublituximab's observation after
  a prior reaction); a drug the seed gives recall or series data it lacks gets them. An entry
  an admin edited is left alone. Which drugs is read from the seed data, never named here.

Revision ID: orders_0015_obs_kinds
Revises: orders_0014_courses
Create Date: 2026-12-07
"""
import copy
import hashlib
import json
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "orders_0015_obs_kinds"
down_revision = "orders_0014_courses"
branch_labels = None
depends_on = None

JSON_DOC = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
NOTE = "Observation kinds as data; regimen audit of issue 18 (intervals, courses, observation)"
# sha256 (first 16 hex) of the canonical JSON of the regimens the audit changed, as seeded
AS_SEEDED_BEFORE = {"2f8a6176312f3098", "b4000c35c293e9c7", "c25a11e7c32bc3c7"}

versions = sa.table("catalog_versions", sa.column("version", sa.Integer),
                    sa.column("snapshot", JSON_DOC), sa.column("changed_drug", sa.String),
                    sa.column("note", sa.String), sa.column("created_by", sa.String),
                    sa.column("created_at", sa.DateTime(timezone=True)))


def _hash(value: object) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest()[:16]


def upgrade() -> None:
    op.add_column("patient_observations", sa.Column("value", sa.Numeric(14, 4), nullable=True))
    op.add_column("patient_observations", sa.Column("unit", sa.String(16), nullable=True))
    from orders.seed import seed_catalog

    conn = op.get_bind()
    latest = conn.execute(sa.select(versions.c.version, versions.c.snapshot)
                          .order_by(versions.c.version.desc()).limit(1)).first()
    if latest is None:
        return
    seed = seed_catalog().model_dump(mode="json")
    snapshot = copy.deepcopy(latest.snapshot)
    changed = False
    if not snapshot.get("observation_kinds"):
        snapshot["observation_kinds"] = seed["observation_kinds"]
        changed = True
    for code, new in seed["drugs"].items():
        old = snapshot["drugs"].get(code)
        if old is None:
            continue
        if old.get("regimen") and _hash(old["regimen"]) in AS_SEEDED_BEFORE:
            old["regimen"] = new["regimen"]
            changed = True
        for key in ("recall", "series"):
            if old.get(key) is None and new.get(key) is not None:
                old[key] = new[key]
                changed = True
    if not changed:
        return
    refs = snapshot.setdefault("references", {})
    for key, value in seed["references"].items():
        refs.setdefault(key, value)
    snapshot["version"] = latest.version + 1
    conn.execute(versions.insert().values(
        version=latest.version + 1, snapshot=snapshot, changed_drug=None, note=NOTE,
        created_by="migration", created_at=datetime.now(UTC)))


def downgrade() -> None:
    op.execute(versions.delete().where(versions.c.note == NOTE))
    op.drop_column("patient_observations", "unit")
    op.drop_column("patient_observations", "value")
