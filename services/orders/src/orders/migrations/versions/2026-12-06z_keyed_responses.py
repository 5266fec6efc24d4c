"""The answers of keyed writes, for a retry another gateway forwards again.

Revision ID: orders_0013_keyed
Revises: orders_0012_neuro
Create Date: 2026-12-06
"""
from alembic import op

from chairside_shared.idempotency import create_idempotency_table, drop_idempotency_table

revision = "orders_0013_keyed"
down_revision = "orders_0012_neuro"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_idempotency_table(op.get_bind())


def downgrade() -> None:
    drop_idempotency_table(op.get_bind())
