"""Orders keep the payer's reason for a denial, non-coverage, expiry or withdrawal.

Revision ID: orders_0003
Revises: orders_0002
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op

revision = "orders_0003"
down_revision = "orders_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        batch.add_column(sa.Column("authorization_reason", sa.String(length=1000), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        batch.drop_column("authorization_reason")
