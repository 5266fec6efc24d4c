"""Coordination of benefits: a secondary claim is a claim of its own that names its primary
(``claims.primary_claim_id``); one primary claim per order (a partial unique index replaces the
unique order id) and at most one secondary per primary; ``claim_cob`` records what was decided
once the primary's payer was final (secondary built or refused, awaiting a crossover, released
by a biller, or the primary was the last payer).

Revision ID: reimbursement_0010_cob
Revises: reimbursement_0009_appeals
Create Date: 2026-12-12
"""
import sqlalchemy as sa
from alembic import op

from chairside_shared.db import UTCDateTime

revision = "reimbursement_0010_cob"
down_revision = "reimbursement_0009_appeals"
branch_labels = None
depends_on = None

STATES = ("secondary_built", "secondary_refused", "awaiting_crossover", "crossover_received",
          "released", "last_payer")
PRIMARY_ONLY = sa.text("primary_claim_id IS NULL")


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("primary_claim_id", sa.Uuid(), nullable=True))
        batch.create_foreign_key(op.f("fk_claims_primary_claim_id_claims"), "claims",
                                 ["primary_claim_id"], ["id"])
        batch.drop_constraint("uq_claims_order_id", type_="unique")
    op.create_index("uq_claims_order_primary", "claims", ["order_id"], unique=True,
                    postgresql_where=PRIMARY_ONLY, sqlite_where=PRIMARY_ONLY)
    op.create_index("uq_claims_primary_claim", "claims", ["primary_claim_id"], unique=True)
    op.create_table(
        "claim_cob",
        sa.Column("claim_id", sa.Uuid(), nullable=False),
        sa.Column("state", sa.String(24), nullable=False),
        sa.Column("detail", sa.String(500), nullable=True),
        sa.Column("crossover", sa.String(16), nullable=True),
        sa.Column("secondary_claim_id", sa.Uuid(), nullable=True),
        sa.Column("released_by", sa.String(120), nullable=True),
        sa.Column("release_reason", sa.String(300), nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint("state IN (" + ", ".join(repr(s) for s in STATES) + ")",
                           name=op.f("ck_claim_cob_state_known")),
        sa.ForeignKeyConstraint(["claim_id"], ["claims.id"],
                                name=op.f("fk_claim_cob_claim_id_claims")),
        sa.ForeignKeyConstraint(["secondary_claim_id"], ["claims.id"],
                                name=op.f("fk_claim_cob_secondary_claim_id_claims")),
        sa.PrimaryKeyConstraint("claim_id", name=op.f("pk_claim_cob")),
    )


def downgrade() -> None:
    op.drop_table("claim_cob")
    op.execute("DELETE FROM claims WHERE primary_claim_id IS NOT NULL")
    op.drop_index("uq_claims_primary_claim", table_name="claims")
    op.drop_index("uq_claims_order_primary", table_name="claims")
    with op.batch_alter_table("claims") as batch:
        batch.create_unique_constraint("uq_claims_order_id", ["order_id"])
        batch.drop_constraint(op.f("fk_claims_primary_claim_id_claims"), type_="foreignkey")
        batch.drop_column("primary_claim_id")
