"""Neurology infusions (issue 18 point 5): chairs say whether they take a high-acuity first
dose; scheduling's record of an order keeps the course its dose starts (``order.signed``
series) and its lines' molecule and dose number; appointments keep whether they need a
high-acuity chair (so a move keeps it); recalls know their molecule (biosimilars share one).

Revision 0002 builds the tables from the current table definitions, so on a new database the
columns are already there: they are added only where missing.

Revision ID: scheduling_0006_neuro
Revises: scheduling_0005_pabook
Create Date: 2026-12-06
"""
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "scheduling_0006_neuro"
down_revision = "scheduling_0005_pabook"
branch_labels = None
depends_on = None


def _columns() -> dict[str, list[sa.Column[Any]]]:
    return {
        "chairs": [sa.Column("high_acuity_capable", sa.Boolean(), nullable=False,
                             server_default=sa.false())],
        "order_requests": [sa.Column("series", sa.JSON(), nullable=True),
                           sa.Column("course", sa.JSON(), nullable=True),
                           sa.Column("high_acuity_chair", sa.Boolean(), nullable=True)],
        "appointments": [sa.Column("high_acuity_chair", sa.Boolean(), nullable=False,
                                   server_default=sa.false())],
        "recalls": [sa.Column("molecule", sa.String(length=80), nullable=True)],
    }


def _present(table: str) -> set[str]:
    return {c["name"] for c in sa.inspect(op.get_bind()).get_columns(table)}


def upgrade() -> None:
    for table, columns in _columns().items():
        missing = [c for c in columns if c.name not in _present(table)]
        if missing:
            with op.batch_alter_table(table) as batch:
                for column in missing:
                    batch.add_column(column)


def downgrade() -> None:
    for table, columns in _columns().items():
        present = [c.name for c in columns if c.name in _present(table)]
        if present:
            with op.batch_alter_table(table) as batch:
                for name in present:
                    batch.drop_column(name)
