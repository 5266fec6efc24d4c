"""The referral projection (referral analytics, issue 17): per signed order its practice,
signing, protocol, first chair time, administration and latest PA decision; per appointment
its latest status (no-shows). Fed by order.*, appointment.* and authorization.* events.

Revision ID: reimbursement_0013_referrals
Revises: reimbursement_0012_fluids
Create Date: 2026-12-15
"""
import sqlalchemy as sa
from alembic import op

from chairside_shared.db import UTCDateTime

revision = "reimbursement_0013_referrals"
down_revision = "reimbursement_0012_fluids"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "referrals",
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.Column("practice_id", sa.String(length=64), nullable=True),
        sa.Column("signed_at", UTCDateTime(), nullable=True),
        sa.Column("protocol_id", sa.String(length=64), nullable=True),
        sa.Column("administered_at", UTCDateTime(), nullable=True),
        sa.Column("first_chair_at", UTCDateTime(), nullable=True),
        sa.Column("pa_decision", sa.String(length=16), nullable=True),
        sa.Column("pa_decided_at", UTCDateTime(), nullable=True),
        sa.CheckConstraint("pa_decision IS NULL OR pa_decision IN ('approved', 'denied')",
                           name=op.f("ck_referrals_pa_decision")),
        sa.PrimaryKeyConstraint("order_id", name=op.f("pk_referrals")),
    )
    op.create_index(op.f("ix_referrals_practice_id"), "referrals", ["practice_id"])
    op.create_index(op.f("ix_referrals_signed_at"), "referrals", ["signed_at"])
    op.create_table(
        "referral_appointments",
        sa.Column("appointment_id", sa.Uuid(), nullable=False),
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("changed_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("appointment_id", name=op.f("pk_referral_appointments")),
    )
    op.create_index(op.f("ix_referral_appointments_order_id"), "referral_appointments",
                    ["order_id"])


def downgrade() -> None:
    op.drop_table("referral_appointments")
    op.drop_table("referrals")
