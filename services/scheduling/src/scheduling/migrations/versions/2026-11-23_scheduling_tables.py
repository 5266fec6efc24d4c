"""Scheduling tables: clinic hours, chairs, nurse shifts, ratio policy, orders, appointments.

On PostgreSQL the btree_gist extension backs the exclusion constraints (no two live
appointments on one chair at once; no overlapping shifts for one nurse).

Revision ID: scheduling_0002
Revises: scheduling_0001
Create Date: 2026-11-23
"""
from alembic import op

from scheduling.adapters import orm
from scheduling.adapters.metadata import metadata

revision = "scheduling_0002"
down_revision = "scheduling_0001"
branch_labels = None
depends_on = None

TABLES = [orm.clinic_settings, orm.closed_dates, orm.chairs, orm.nurse_shifts, orm.ratio_policy,
          orm.order_requests, orm.appointments]


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    metadata.create_all(bind, tables=TABLES)


def downgrade() -> None:
    metadata.drop_all(op.get_bind(), tables=list(reversed(TABLES)))
