"""Outcomes: pain scores of a visit, 24/48/72 h follow-ups, preventive assessments.

Revision ID: orders_0008_outcomes
Revises: orders_0007_reactions
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from chairside_shared.db import UTCDateTime

revision = "orders_0008_outcomes"
down_revision = "orders_0007_reactions"
branch_labels = None
depends_on = None

JSON_DOC = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
HOURS = sa.Numeric(6, 2)


def upgrade() -> None:
    op.create_table(
        "pain_scores",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pain_scores")),
        sa.Column("order_id", sa.Uuid(), sa.ForeignKey("orders.id", name=op.f("fk_pain_scores_order_id_orders")), nullable=False),
        sa.Column("patient_id", sa.Uuid(), sa.ForeignKey("patients.id", name=op.f("fk_pain_scores_patient_id_patients")), nullable=False),
        sa.Column("point", sa.String(16), nullable=False),
        sa.Column("nrs", sa.Integer(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(128)),
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
        sa.UniqueConstraint("order_id", "point", name="uq_pain_scores_order_point"),
        sa.CheckConstraint("nrs BETWEEN 0 AND 10", name=op.f("ck_pain_scores_nrs_range")),
    )
    op.create_table(
        "follow_ups",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_ups")),
        sa.Column("order_id", sa.Uuid(), sa.ForeignKey("orders.id", name=op.f("fk_follow_ups_order_id_orders")), nullable=False),
        sa.Column("patient_id", sa.Uuid(), sa.ForeignKey("patients.id", name=op.f("fk_follow_ups_patient_id_patients")), nullable=False),
        sa.Column("checkpoint_hours", sa.Integer(), nullable=False),
        sa.Column("rescue_used", sa.Boolean(), nullable=False),
        sa.Column("rescue_hours", HOURS),
        sa.Column("recurrence", sa.Boolean(), nullable=False),
        sa.Column("recurrence_hours", HOURS),
        sa.Column("ed_visit", sa.Boolean(), nullable=False),
        sa.Column("ed_hours", HOURS),
        sa.Column("recorded_by", sa.String(128)),
        sa.Column("client_id", sa.String(128)),
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
        sa.UniqueConstraint("order_id", "checkpoint_hours",
                            name="uq_follow_ups_order_checkpoint"),
    )
    op.create_table(
        "assessments",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessments")),
        sa.Column("patient_id", sa.Uuid(), sa.ForeignKey("patients.id", name=op.f("fk_assessments_patient_id_patients")), nullable=False),
        sa.Column("practice_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("drug_code", sa.String(64)),
        sa.Column("taken_on", sa.Date(), nullable=False),
        sa.Column("period_start", sa.Date()),
        sa.Column("migraine_days", sa.Integer()),
        sa.Column("headache_days", sa.Integer()),
        sa.Column("items", JSON_DOC, nullable=False),
        sa.Column("total", sa.Integer()),
        sa.Column("recorded_by", sa.String(128)),
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint("kind IN ('diary', 'midas', 'hit6')", name=op.f("ck_assessments_kind")),
    )
    op.create_index("ix_assessments_patient_kind", "assessments",
                    ["patient_id", "kind", "taken_on"])


def downgrade() -> None:
    op.drop_index("ix_assessments_patient_kind", table_name="assessments")
    op.drop_table("assessments")
    op.drop_table("follow_ups")
    op.drop_table("pain_scores")
