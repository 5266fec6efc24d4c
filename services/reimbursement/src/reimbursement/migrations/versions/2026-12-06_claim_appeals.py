"""Claim appeals (a denied claim's redetermination, reconsideration... or reopening, with
deadlines) and the documents attached to them, bytes included.

Revision ID: reimbursement_0009_appeals
Revises: reimbursement_0008_contracts
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from chairside_shared.db import UTCDateTime
from reimbursement.adapters.types import Dec

revision = "reimbursement_0009_appeals"
down_revision = "reimbursement_0008_contracts"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
MONEY = Dec()  # NUMERIC on PostgreSQL, exact text on SQLite


def upgrade() -> None:
    op.create_table(
        "claim_appeals",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("claim_id", sa.Uuid(), nullable=False),
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.Column("practice_id", sa.String(length=64), nullable=False),
        sa.Column("payer_id", sa.String(length=64), nullable=True),
        sa.Column("payer_type", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("level", sa.String(length=32), nullable=False),
        sa.Column("level_number", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("clock_from", sa.Date(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("amount_in_controversy", MONEY, nullable=False),
        sa.Column("carcs", JSON, nullable=False),
        sa.Column("rarcs", JSON, nullable=False),
        sa.Column("reason", sa.String(length=2000), nullable=False),
        sa.Column("previous_appeal_id", sa.Uuid(), nullable=True),
        sa.Column("payer_reference", sa.String(length=50), nullable=True),
        sa.Column("filed_on", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("amount_awarded", MONEY, nullable=True),
        sa.Column("decision_note", sa.String(length=2000), nullable=True),
        sa.Column("next_level", sa.String(length=32), nullable=True),
        sa.Column("next_deadline", sa.Date(), nullable=True),
        sa.Column("next_auto_forwarded", sa.Boolean(), nullable=False),
        sa.Column("claim_reopen", sa.String(length=16), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("status IN ('draft', 'filed', 'decided')",
                           name=op.f("ck_claim_appeals_appeal_status")),
        sa.CheckConstraint("outcome IS NULL OR outcome IN ('won', 'partially_won', 'lost')",
                           name=op.f("ck_claim_appeals_appeal_outcome")),
        sa.CheckConstraint("kind IN ('appeal', 'reopening')",
                           name=op.f("ck_claim_appeals_appeal_kind")),
        sa.CheckConstraint("deadline >= clock_from",
                           name=op.f("ck_claim_appeals_appeal_deadline_after_clock")),
        sa.ForeignKeyConstraint(["claim_id"], ["claims.id"],
                                name=op.f("fk_claim_appeals_claim_id_claims")),
        sa.ForeignKeyConstraint(["previous_appeal_id"], ["claim_appeals.id"],
                                name=op.f("fk_claim_appeals_previous_appeal_id_claim_appeals")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_appeals")),
    )
    op.create_index(op.f("ix_claim_appeals_claim_id"), "claim_appeals", ["claim_id"])
    op.create_table(
        "claim_appeal_documents",
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
                           name=op.f("ck_claim_appeal_documents_appeal_document_size")),
        sa.ForeignKeyConstraint(["appeal_id"], ["claim_appeals.id"],
                                name=op.f("fk_claim_appeal_documents_appeal_id_claim_appeals")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_appeal_documents")),
        sa.UniqueConstraint("appeal_id", "sha256", name="uq_claim_appeal_documents_digest"),
    )
    op.create_index(op.f("ix_claim_appeal_documents_appeal_id"), "claim_appeal_documents",
                    ["appeal_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_claim_appeal_documents_appeal_id"),
                  table_name="claim_appeal_documents")
    op.drop_table("claim_appeal_documents")
    op.drop_index(op.f("ix_claim_appeals_claim_id"), table_name="claim_appeals")
    op.drop_table("claim_appeals")
