"""Eligibility checks remember the trace they were opened in, so the worker's 270/271 and the
events it releases continue the visit's trace.

Revision ID: authorization_0005_elig_trace
Revises: authorization_0004_no_member_id
Create Date: 2026-12-05
"""
import sqlalchemy as sa
from alembic import op

revision = "authorization_0005_elig_trace"
down_revision = "authorization_0004_no_member_id"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("eligibility_checks") as batch:
        batch.add_column(sa.Column("traceparent", sa.String(55), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("eligibility_checks") as batch:
        batch.drop_column("traceparent")
