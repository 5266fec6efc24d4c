"""The renewal worklist: visits outside their order's approval (scheduling's
``appointment.renewal_needed``), each due in time for the payer to decide before the visit.

Revision ID: authorization_0008_pabook
Revises: authorization_0007_outcomes
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op

from chairside_shared.db import UTCDateTime

revision = "authorization_0008_pabook"
down_revision = "authorization_0007_outcomes"
branch_labels = None
depends_on = None

TABLE = "pa_renewal_needs"


def upgrade() -> None:
    if sa.inspect(op.get_bind()).has_table(TABLE):
        return
    op.create_table(
        TABLE,
        sa.Column("order_id", sa.Uuid(), primary_key=True),
        sa.Column("case_id", sa.Uuid()),
        sa.Column("payer_id", sa.String(80)),
        sa.Column("practice_id", sa.String(80)),
        sa.Column("appointment_id", sa.Uuid()),
        sa.Column("auth_number", sa.String(80), nullable=False),
        sa.Column("visit_date", sa.Date(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("noted_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_pa_renewal_needs_due_on", TABLE, ["due_on"])


def downgrade() -> None:
    if sa.inspect(op.get_bind()).has_table(TABLE):
        op.drop_index("ix_pa_renewal_needs_due_on", table_name=TABLE)
        op.drop_table(TABLE)
