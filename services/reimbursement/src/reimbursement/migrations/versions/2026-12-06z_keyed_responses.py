"""The answers of keyed writes, for a retry another gateway forwards again.

Revision ID: reimbursement_0016_keyed
Revises: reimbursement_0015_gpo
Create Date: 2026-12-06
"""
from alembic import op

from chairside_shared.idempotency import create_idempotency_table, drop_idempotency_table

revision = "reimbursement_0016_keyed"
down_revision = "reimbursement_0015_gpo"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_idempotency_table(op.get_bind())


def downgrade() -> None:
    drop_idempotency_table(op.get_bind())
