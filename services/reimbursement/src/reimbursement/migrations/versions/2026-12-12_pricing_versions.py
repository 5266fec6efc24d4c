"""Payer contracts, named fee schedules and the charge master as effective-dated versions
(issue 14: contract variance and underpayments). One table, ``pricing_versions``; the
unversioned ``payer_contracts`` and ``charge_master`` stay as the fallback for dates no
version covers.

Revision ID: reimbursement_0008_contracts
Revises: reimbursement_0007_claim_states
Create Date: 2026-12-12
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from chairside_shared.db import UTCDateTime

revision = "reimbursement_0008_contracts"
down_revision = "reimbursement_0007_claim_states"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "pricing_versions",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("owner", sa.String(length=64), nullable=False),
        sa.Column("plan", sa.String(length=64), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("effective_to", sa.Date(), nullable=True),
        sa.Column("body", JSON, nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("created_by", sa.String(length=120), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("closed_by", sa.Integer(), nullable=True),
        sa.CheckConstraint("kind IN ('contract', 'fee_schedule', 'charge_master')",
                           name=op.f("ck_pricing_versions_kind_known")),
        sa.CheckConstraint("effective_to IS NULL OR effective_to >= effective_from",
                           name=op.f("ck_pricing_versions_dates_ordered")),
        sa.CheckConstraint("number > 0", name=op.f("ck_pricing_versions_number_positive")),
        sa.PrimaryKeyConstraint("kind", "owner", "plan", "number",
                                name=op.f("pk_pricing_versions")),
    )


def downgrade() -> None:
    op.drop_table("pricing_versions")
