"""A claim version remembers the trace it was sent in, so the clearinghouse's answers (999,
277CA) and the events they release continue the visit's trace.

Revision ID: reimbursement_0011_sub_trace
Revises: reimbursement_0010_cob
Create Date: 2026-12-13
"""
import sqlalchemy as sa
from alembic import op

revision = "reimbursement_0011_sub_trace"
down_revision = "reimbursement_0010_cob"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claim_submissions") as batch:
        batch.add_column(sa.Column("traceparent", sa.String(55), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("claim_submissions") as batch:
        batch.drop_column("traceparent")
