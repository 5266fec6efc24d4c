"""The demand projection keeps each signed line's next dose per the drug's regimen
(order.signed ``next_dose``): a recall's reorder need is that dose, not the one just given
(ocrelizumab after the second 300 mg: 600 mg). Null for lines signed before it (the
reorder report then counts the line's own dose, as before).

Revision ID: reimbursement_0018_next_dose
Revises: reimbursement_0017_registry
Create Date: 2026-12-19
"""
import sqlalchemy as sa
from alembic import op

from reimbursement.adapters.types import Dec

revision = "reimbursement_0018_next_dose"
down_revision = "reimbursement_0017_registry"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("demand_order_lines") as batch:
        batch.add_column(sa.Column("next_dose", Dec(), nullable=True))
        batch.add_column(sa.Column("next_dose_unit", sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("demand_order_lines") as batch:
        batch.drop_column("next_dose_unit")
        batch.drop_column("next_dose")
