"""Outcome figures per patient and drug (from orders' outcome.assessed), for renewal answers.

Revision ID: authorization_0007_outcomes
Revises: authorization_0006_pa_appeals
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op

from chairside_shared.db import UTCDateTime

revision = "authorization_0007_outcomes"
down_revision = "authorization_0006_pa_appeals"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "patient_outcomes",
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("drug_code", sa.String(64), nullable=False),
        sa.Column("assessment_id", sa.Uuid(), nullable=False),
        sa.Column("assessed_at", UTCDateTime(), nullable=False),
        sa.Column("baseline_migraine_days", sa.Float()),
        sa.Column("current_migraine_days", sa.Float()),
        sa.Column("migraine_days_change_pct", sa.Float()),
        sa.Column("midas_baseline", sa.Integer()),
        sa.Column("midas_current", sa.Integer()),
        sa.Column("hit6_baseline", sa.Integer()),
        sa.Column("hit6_current", sa.Integer()),
        sa.Column("renewal_ready", sa.Boolean()),
        sa.PrimaryKeyConstraint("patient_id", "drug_code", name="pk_patient_outcomes"),
    )


def downgrade() -> None:
    op.drop_table("patient_outcomes")
