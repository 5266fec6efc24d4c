"""Payers, policy sets, order facts, PA cases (lines, orders, history) and unit usages.

Revision ID: authorization_0002
Revises: authorization_0001
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

revision = "authorization_0002"
down_revision = "authorization_0001"
branch_labels = None
depends_on = None

STATUSES = "'draft', 'submitted', 'pended', 'approved', 'denied', 'expired', 'withdrawn'"
TS = sa.DateTime(timezone=True)
# Check constraints take the short name: the MetaData naming convention adds "ck_<table>_".


def upgrade() -> None:
    op.create_table(
        "payers",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("payer_type", sa.String(40), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("policy_version", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_payers"),
    )
    op.create_table(
        "policy_sets",
        sa.Column("payer_id", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("policies", sa.JSON(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.CheckConstraint("version >= 1", name="version_positive"),
        sa.ForeignKeyConstraint(["payer_id"], ["payers.id"],
                                name="fk_policy_sets_payer_id_payers"),
        sa.PrimaryKeyConstraint("payer_id", "version", name="pk_policy_sets"),
    )
    op.create_table(
        "order_facts",
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.Column("practice_id", sa.String(100), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("payer_id", sa.String(64)),
        sa.Column("plan_id", sa.String(64)),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("policy_version", sa.Integer()),
        sa.Column("lines", sa.JSON(), nullable=False),
        sa.Column("decision", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("decided_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("order_id", name="pk_order_facts"),
    )
    op.create_index("ix_order_facts_patient_id", "order_facts", ["patient_id"])
    op.create_table(
        "pa_cases",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.Column("practice_id", sa.String(100), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("payer_id", sa.String(64), nullable=False),
        sa.Column("plan_id", sa.String(64)),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("expedited", sa.Boolean(), nullable=False),
        sa.Column("request_identifier", sa.String(64), nullable=False),
        sa.Column("due_at", TS),
        sa.Column("submitted_at", TS),
        sa.Column("decided_at", TS),
        sa.Column("auth_number", sa.String(100)),
        sa.Column("valid_from", sa.Date()),
        sa.Column("valid_to", sa.Date()),
        sa.Column("last_polled_at", TS),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.CheckConstraint(f"status IN ({STATUSES})", name="status_known"),
        sa.CheckConstraint("valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from",
                           name="valid_period"),
        sa.CheckConstraint("status <> 'approved' OR (auth_number IS NOT NULL AND valid_from IS "
                           "NOT NULL AND valid_to IS NOT NULL)",
                           name="approved_complete"),
        sa.PrimaryKeyConstraint("id", name="pk_pa_cases"),
        sa.UniqueConstraint("request_identifier", name="uq_pa_cases_request_identifier"),
    )
    op.create_index("ix_pa_cases_order_id", "pa_cases", ["order_id"])
    op.create_index("ix_pa_cases_practice_id", "pa_cases", ["practice_id"])
    op.create_index("ix_pa_cases_status_due", "pa_cases", ["status", "due_at"])
    op.create_index("ix_pa_cases_patient_payer", "pa_cases", ["patient_id", "payer_id"])
    op.create_table(
        "pa_case_lines",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("hcpcs", sa.String(10), nullable=False),
        sa.Column("requested_units", sa.Integer()),
        sa.Column("approved_units", sa.Integer()),
        sa.Column("used_units", sa.Integer(), nullable=False),
        sa.CheckConstraint("requested_units IS NULL OR requested_units >= 0",
                           name="requested_nonneg"),
        sa.CheckConstraint("approved_units IS NULL OR approved_units >= 0",
                           name="approved_nonneg"),
        sa.CheckConstraint("used_units >= 0", name="used_nonneg"),
        sa.ForeignKeyConstraint(["case_id"], ["pa_cases.id"], ondelete="CASCADE",
                                name="fk_pa_case_lines_case_id_pa_cases"),
        sa.PrimaryKeyConstraint("case_id", "hcpcs", name="pk_pa_case_lines"),
    )
    op.create_table(
        "pa_case_orders",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["pa_cases.id"], ondelete="CASCADE",
                                name="fk_pa_case_orders_case_id_pa_cases"),
        sa.PrimaryKeyConstraint("case_id", "order_id", name="pk_pa_case_orders"),
    )
    op.create_index("ix_pa_case_orders_order_id", "pa_case_orders", ["order_id"])
    op.create_table(
        "pa_case_history",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", TS, nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("from_status", sa.String(20)),
        sa.Column("to_status", sa.String(20)),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("payer_response", sa.Text()),
        sa.ForeignKeyConstraint(["case_id"], ["pa_cases.id"], ondelete="CASCADE",
                                name="fk_pa_case_history_case_id_pa_cases"),
        sa.PrimaryKeyConstraint("case_id", "seq", name="pk_pa_case_history"),
    )
    op.create_table(
        "unit_usages",
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.Column("line_sequence", sa.Integer(), nullable=False),
        sa.Column("hcpcs", sa.String(10), nullable=False),
        sa.Column("case_id", sa.Uuid()),
        sa.Column("units", sa.Integer(), nullable=False),
        sa.Column("administered_on", sa.Date(), nullable=False),
        sa.Column("findings", sa.JSON(), nullable=False),
        sa.Column("recorded_at", TS, nullable=False),
        sa.CheckConstraint("units >= 0", name="units_nonneg"),
        sa.PrimaryKeyConstraint("order_id", "line_sequence", name="pk_unit_usages"),
    )


def downgrade() -> None:
    for table in ("unit_usages", "pa_case_history", "pa_case_orders", "pa_case_lines",
                  "pa_cases", "order_facts", "policy_sets", "payers"):
        op.drop_table(table)
