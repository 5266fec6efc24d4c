"""PA appeals (peer-to-peer, reconsideration, external review...) of denied prior
authorizations, and the documents attached to them, bytes included.

Revision ID: authorization_0006_pa_appeals
Revises: authorization_0005_elig_trace
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op

from chairside_shared.db import UTCDateTime

revision = "authorization_0006_pa_appeals"
down_revision = "authorization_0005_elig_trace"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pa_appeals",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.Column("payer_id", sa.String(length=64), nullable=False),
        sa.Column("payer_type", sa.String(length=40), nullable=False),
        sa.Column("level", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("denied_on", sa.Date(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=2000), nullable=False),
        sa.Column("requested_on", sa.Date(), nullable=False),
        sa.Column("payer_reference", sa.String(length=50), nullable=True),
        sa.Column("reviewer", sa.String(length=200), nullable=True),
        sa.Column("scheduled_at", UTCDateTime(), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("decision_note", sa.String(length=2000), nullable=True),
        sa.Column("next_level", sa.String(length=32), nullable=True),
        sa.Column("next_deadline", sa.Date(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("status IN ('requested', 'scheduled', 'decided')",
                           name=op.f("ck_pa_appeals_status_known")),
        sa.CheckConstraint("outcome IS NULL OR outcome IN ('won', 'partially_won', 'lost')",
                           name=op.f("ck_pa_appeals_outcome_known")),
        sa.CheckConstraint("deadline >= denied_on",
                           name=op.f("ck_pa_appeals_deadline_after_denial")),
        sa.ForeignKeyConstraint(["case_id"], ["pa_cases.id"],
                                name=op.f("fk_pa_appeals_case_id_pa_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pa_appeals")),
    )
    op.create_index(op.f("ix_pa_appeals_case_id"), "pa_appeals", ["case_id"])
    op.create_table(
        "pa_appeal_documents",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("appeal_id", sa.Uuid(), nullable=False),
        sa.Column("type_code", sa.String(length=20), nullable=False),
        sa.Column("type_display", sa.String(length=200), nullable=True),
        sa.Column("content_type", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("document_date", sa.Date(), nullable=False),
        sa.Column("author_id", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint("size > 0 AND size <= 10485760",
                           name=op.f("ck_pa_appeal_documents_size_limit")),
        sa.ForeignKeyConstraint(["appeal_id"], ["pa_appeals.id"],
                                name=op.f("fk_pa_appeal_documents_appeal_id_pa_appeals")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pa_appeal_documents")),
        sa.UniqueConstraint("appeal_id", "sha256", name="uq_pa_appeal_documents_digest"),
    )
    op.create_index(op.f("ix_pa_appeal_documents_appeal_id"), "pa_appeal_documents",
                    ["appeal_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_pa_appeal_documents_appeal_id"), table_name="pa_appeal_documents")
    op.drop_table("pa_appeal_documents")
    op.drop_index(op.f("ix_pa_appeals_case_id"), table_name="pa_appeals")
    op.drop_table("pa_appeals")
