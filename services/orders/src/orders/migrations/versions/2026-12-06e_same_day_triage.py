"""Orders keep the same-day triage the clinician gave (category, the attack's length in
hours) and send it with order.signed; scheduling orders its same-day queue by it.

Revision ID: orders_0011_triage
Revises: orders_0010_visit
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op

revision = "orders_0011_triage"
down_revision = "orders_0010_visit"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        batch.add_column(sa.Column("triage_category", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("headache_hours", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        batch.drop_column("headache_hours")
        batch.drop_column("triage_category")
