"""Order approvals: each order's prior authorization (auth number, valid dates, approved units
per HCPCS and what one visit draws), from ``authorization.approved``, so booking can refuse or
hold a visit outside it (issue 16).

Revision 0002 builds the tables from the current table definitions, so on a new database the
table is already there: it is created only where missing.

Revision ID: scheduling_0005_pabook
Revises: scheduling_0005_series
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op

from chairside_shared.db import UTCDateTime

revision = "scheduling_0005_pabook"
down_revision = "scheduling_0005_series"
branch_labels = None
depends_on = None

TABLE = "order_approvals"


def upgrade() -> None:
    if sa.inspect(op.get_bind()).has_table(TABLE):
        return
    op.create_table(
        TABLE,
        sa.Column("order_id", sa.Uuid(), primary_key=True),
        sa.Column("case_id", sa.Uuid()),
        sa.Column("payer_id", sa.String(80)),
        sa.Column("auth_number", sa.String(80), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=False),
        sa.Column("lines", sa.JSON(), nullable=False),
        sa.Column("decided_at", UTCDateTime()),
    )
    op.create_index("ix_order_approvals_auth_number", TABLE, ["auth_number"])


def downgrade() -> None:
    if sa.inspect(op.get_bind()).has_table(TABLE):
        op.drop_index("ix_order_approvals_auth_number", table_name=TABLE)
        op.drop_table(TABLE)
