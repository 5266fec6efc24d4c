"""Same-day triage: scheduling's record of an order and its appointments learn the triage
category and the attack's length (``order.signed`` triage_category, headache_hours), so the
same-day queue orders by clinical urgency, pediatric and waited time (domain/triage.py).

Revision 0002 builds the tables from the current table definitions, so on a new database the
columns are already there: they are added only where missing.

Revision ID: scheduling_0005_triage
Revises: scheduling_0005_recall
Create Date: 2026-12-06
"""
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "scheduling_0005_triage"
down_revision = "scheduling_0005_recall"
branch_labels = None
depends_on = None

TABLES = ("order_requests", "appointments")


def _columns() -> list[sa.Column[Any]]:
    return [sa.Column("triage_category", sa.String(length=40), nullable=True),
            sa.Column("headache_hours", sa.Integer(), nullable=True)]


def _present(table: str) -> set[str]:
    return {c["name"] for c in sa.inspect(op.get_bind()).get_columns(table)}


def upgrade() -> None:
    for table in TABLES:
        missing = [c for c in _columns() if c.name not in _present(table)]
        if missing:
            with op.batch_alter_table(table) as batch:
                for column in missing:
                    batch.add_column(column)


def downgrade() -> None:
    for table in TABLES:
        present = [c.name for c in _columns() if c.name in _present(table)]
        if present:
            with op.batch_alter_table(table) as batch:
                for name in present:
                    batch.drop_column(name)
