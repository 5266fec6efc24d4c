"""Claims billed under coverage with evidence development (NCD 200.3, anti-amyloid
antibodies) keep the study's registry number the 837P sends in 2300 REF*P4; null for every
other claim, so existing rows need nothing.

Revision ID: reimbursement_0017_registry
Revises: reimbursement_0016_keyed
Create Date: 2026-12-18
"""
import sqlalchemy as sa
from alembic import op

revision = "reimbursement_0017_registry"
down_revision = "reimbursement_0016_keyed"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("registry_number", sa.String(length=50), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("registry_number")
