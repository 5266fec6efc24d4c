"""The answers of keyed writes, for a retry another gateway forwards again.

Revision ID: authorization_0009_keyed
Revises: authorization_0008_pabook
Create Date: 2026-12-06
"""
from alembic import op

from chairside_shared.idempotency import create_idempotency_table, drop_idempotency_table

revision = "authorization_0009_keyed"
down_revision = "authorization_0008_pabook"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_idempotency_table(op.get_bind())


def downgrade() -> None:
    drop_idempotency_table(op.get_bind())
