"""Recalls of recurring drugs (issue 16): the recalls table and the payer quantity limits
learned per order. Revision 0002 builds the tables from the current definitions, so on a new
database they may exist already: created only where missing.

Revision ID: scheduling_0005_recall
Revises: scheduling_0004
Create Date: 2026-12-06
"""
from alembic import op

from scheduling.adapters import recall_orm
from scheduling.adapters.metadata import metadata

revision = "scheduling_0005_recall"
down_revision = "scheduling_0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    metadata.create_all(op.get_bind(), tables=recall_orm.TABLES, checkfirst=True)


def downgrade() -> None:
    metadata.drop_all(op.get_bind(), tables=list(reversed(recall_orm.TABLES)), checkfirst=True)
