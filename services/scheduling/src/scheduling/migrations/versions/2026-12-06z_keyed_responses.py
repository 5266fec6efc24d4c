"""The answers of keyed writes, for a retry another gateway forwards again.

Revision ID: scheduling_0007_keyed
Revises: scheduling_0006_neuro
Create Date: 2026-12-06
"""
from alembic import op

from chairside_shared.idempotency import create_idempotency_table, drop_idempotency_table

revision = "scheduling_0007_keyed"
down_revision = "scheduling_0006_neuro"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_idempotency_table(op.get_bind())


def downgrade() -> None:
    drop_idempotency_table(op.get_bind())
