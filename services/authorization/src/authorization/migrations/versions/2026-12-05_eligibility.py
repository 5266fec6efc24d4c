"""Eligibility checks (270/271 answers, no names or member ids), order holds and the booking
decisions withheld while an order is held.

Revision ID: authorization_0003_eligibility
Revises: authorization_0002
Create Date: 2026-12-05
"""
import sqlalchemy as sa
from alembic import op

revision = "authorization_0003_eligibility"
down_revision = "authorization_0002"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)
STATUSES = "'pending', 'active', 'inactive', 'rejected', 'error', 'cancelled'"
STATES = "'awaiting', 'flagged', 'cleared', 'cancelled'"


def upgrade() -> None:
    op.create_table(
        "eligibility_checks",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("payer_id", sa.String(64), nullable=False),
        sa.Column("order_id", sa.Uuid(), nullable=True),
        sa.Column("trigger", sa.String(20), nullable=False),
        sa.Column("service_date", sa.Date(), nullable=False),
        sa.Column("requested_at", TS, nullable=False),
        sa.Column("requested_by", sa.String(200), nullable=False),
        sa.Column("expected_allowed", sa.Numeric(12, 2), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", TS, nullable=True),
        sa.Column("coverage_id", sa.Uuid(), nullable=True),
        sa.Column("member_ref", sa.String(64), nullable=True),
        sa.Column("reason_code", sa.String(40), nullable=True),
        sa.Column("reason", sa.String(500), nullable=True),
        sa.Column("rejections", sa.JSON(), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=True),
        sa.Column("estimate", sa.JSON(), nullable=True),
        sa.Column("answered_at", TS, nullable=True),
        sa.Column("resolved_at", TS, nullable=True),
        sa.Column("resolved_by", sa.String(200), nullable=True),
        sa.Column("resolution", sa.Text(), nullable=True),
        sa.CheckConstraint(f"status IN ({STATUSES})", name="status_known"),
        sa.CheckConstraint("trigger IN ('order_signed', 'on_demand')", name="trigger_known"),
        sa.CheckConstraint("attempts >= 0", name="attempts_not_negative"),
        sa.PrimaryKeyConstraint("id", name="pk_eligibility_checks"),
    )
    op.create_index("ix_eligibility_checks_patient", "eligibility_checks",
                    ["patient_id", "requested_at"])
    op.create_index("ix_eligibility_checks_due", "eligibility_checks",
                    ["status", "next_attempt_at"])
    op.create_index("ix_eligibility_checks_order", "eligibility_checks", ["order_id"])
    op.create_table(
        "eligibility_holds",
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("payer_id", sa.String(64), nullable=False),
        sa.Column("check_id", sa.Uuid(), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("reason_code", sa.String(40), nullable=True),
        sa.Column("updated_at", TS, nullable=False),
        sa.CheckConstraint(f"state IN ({STATES})", name="state_known"),
        sa.PrimaryKeyConstraint("order_id", name="pk_eligibility_holds"),
    )
    op.create_table(
        "eligibility_held_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.Column("event_type", sa.String(100), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("subject", sa.String(100), nullable=True),
        sa.Column("held_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_eligibility_held_events"),
    )
    op.create_index("ix_eligibility_held_events_order", "eligibility_held_events",
                    ["order_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_eligibility_held_events_order", table_name="eligibility_held_events")
    op.drop_table("eligibility_held_events")
    op.drop_table("eligibility_holds")
    op.drop_index("ix_eligibility_checks_order", table_name="eligibility_checks")
    op.drop_index("ix_eligibility_checks_due", table_name="eligibility_checks")
    op.drop_index("ix_eligibility_checks_patient", table_name="eligibility_checks")
    op.drop_table("eligibility_checks")
