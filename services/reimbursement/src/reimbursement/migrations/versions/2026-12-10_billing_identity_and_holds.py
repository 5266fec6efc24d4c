"""The practice's billing identity and payer enrollments as data; held claims.

- ``billing_identity`` (one row) and ``payer_enrollments`` (one per payer): what the 837P's
  2000A/2010AA/2010AB loops and PRV*BI say, recorded through the API instead of settings.
- ``claims``: status ``held`` (an item the 837P needs is missing), the holds found by the
  build and by the last identity check, when that check ran, and the ordering/supervising
  practitioner and coverage ids orders records on the administration.

Revision ID: reimbursement_0004
Revises: reimbursement_0003
Create Date: 2026-12-10
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from chairside_shared.db import UTCDateTime

revision = "reimbursement_0004"
down_revision = "reimbursement_0003"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
OLD = ("needs_review", "ready", "submitted", "paid", "partially_paid", "denied", "reversed")
NEW = ("needs_review", "held", "ready", "submitted", "paid", "partially_paid", "denied",
       "reversed")


def _in(values: tuple[str, ...]) -> str:
    return f"status IN ({', '.join(repr(v) for v in values)})"


def upgrade() -> None:
    op.create_table(
        "billing_identity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("npi", sa.String(length=10), nullable=False),
        sa.Column("ein", sa.String(length=9), nullable=False),
        sa.Column("taxonomy", sa.String(length=10), nullable=False),
        sa.Column("npi_taxonomies", JSON, nullable=False),
        sa.Column("address", JSON, nullable=False),
        sa.Column("pay_to_address", JSON, nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_billing_identity_one_practice")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_billing_identity")),
    )
    op.create_table(
        "payer_enrollments",
        sa.Column("payer_id", sa.String(length=64), nullable=False),
        sa.Column("npi", sa.String(length=10), nullable=False),
        sa.Column("taxonomy", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("effective_to", sa.Date(), nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint("status IN ('pending', 'active', 'terminated')",
                           name=op.f("ck_payer_enrollments_status_known")),
        sa.PrimaryKeyConstraint("payer_id", name=op.f("pk_payer_enrollments")),
    )
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("holds", JSON, nullable=False, server_default="[]"))
        batch.add_column(sa.Column("identity_holds", JSON, nullable=False,
                                   server_default="[]"))
        batch.add_column(sa.Column("identity_checked_at", UTCDateTime(), nullable=True))
        batch.add_column(sa.Column("ordering_practitioner_id", sa.Uuid(), nullable=True))
        batch.add_column(sa.Column("supervising_practitioner_id", sa.Uuid(), nullable=True))
        batch.add_column(sa.Column("coverage_id", sa.Uuid(), nullable=True))
        batch.drop_constraint(op.f("ck_claims_status_known"), type_="check")
        batch.create_check_constraint(op.f("ck_claims_status_known"), _in(NEW))


def downgrade() -> None:
    op.execute("UPDATE claims SET status = 'needs_review' WHERE status = 'held'")
    with op.batch_alter_table("claims") as batch:
        batch.drop_constraint(op.f("ck_claims_status_known"), type_="check")
        batch.create_check_constraint(op.f("ck_claims_status_known"), _in(OLD))
        for column in ("coverage_id", "supervising_practitioner_id",
                       "ordering_practitioner_id", "identity_checked_at", "identity_holds",
                       "holds"):
            batch.drop_column(column)
    op.drop_table("payer_enrollments")
    op.drop_table("billing_identity")
