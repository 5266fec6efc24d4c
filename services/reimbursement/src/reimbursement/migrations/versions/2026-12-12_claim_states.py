"""The claim state machine (issue 14): new statuses, the transition history, claim versions as
sent, and per payer claim rules.

- ``claims.status`` may also be accepted, rejected, paid_zero, corrected, voided, appealed,
  written_off and closed.
- ``claim_transitions``: every change of status (who, when, why), append-only. Each existing
  claim gets one ``migrate`` row (from nothing to its status, at its ``updated_at``, by
  ``system:migration``): its history before this revision was not kept.
- ``claim_submissions``: each version of a claim as sent. An existing claim that was sent
  (status submitted or later) gets version 1: its account number as CLM01, frequency 1, sent
  at ``submitted_at`` (else ``updated_at``); its ICN is read from its latest posted payment
  (CLP07) when one has it, so a paid claim can be replaced or voided.
- An existing ``paid`` claim the payer paid nothing on (all to the patient's cost share) is
  ``paid_zero`` (payer-exchange.md §8 case 25), as the 835 posting now records it.
- ``payer_claim_rules``: timely filing days and whether frequency 7/8 claims are accepted.
- ``exchange_files``: each 999 / 277CA / 835 fetched from the clearinghouse, once (digest):
  applied, or kept as a problem and not applied.

Revision ID: reimbursement_0007_claim_states
Revises: reimbursement_0006_remit_key
Create Date: 2026-12-12
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from chairside_shared.db import UTCDateTime

revision = "reimbursement_0007_claim_states"
down_revision = "reimbursement_0006_remit_key"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
OLD = ("needs_review", "held", "ready", "submitted", "paid", "partially_paid", "denied",
       "reversed")
NEW = ("needs_review", "held", "ready", "submitted", "accepted", "rejected", "paid",
       "paid_zero", "partially_paid", "denied", "reversed", "corrected", "voided", "appealed",
       "written_off", "closed")
SENT = ("submitted", "paid", "partially_paid", "denied", "reversed")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.drop_constraint(op.f("ck_claims_status_known"), type_="check")
        batch.create_check_constraint(op.f("ck_claims_status_known"), _in("status", NEW))
    op.create_table(
        "claim_transitions",
        sa.Column("claim_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("from_status", sa.String(length=16), nullable=True),
        sa.Column("to_status", sa.String(length=16), nullable=False),
        sa.Column("actor", sa.String(length=120), nullable=False),
        sa.Column("reason", sa.String(length=1000), nullable=True),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["claim_id"], ["claims.id"], ondelete="CASCADE",
                                name=op.f("fk_claim_transitions_claim_id_claims")),
        sa.PrimaryKeyConstraint("claim_id", "seq", name=op.f("pk_claim_transitions")),
    )
    op.create_table(
        "claim_submissions",
        sa.Column("claim_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("clm01", sa.String(length=38), nullable=False),
        sa.Column("frequency", sa.String(length=1), nullable=False),
        sa.Column("original_icn", sa.String(length=50), nullable=True),
        sa.Column("submitted_at", UTCDateTime(), nullable=False),
        sa.Column("outcome", sa.String(length=10), nullable=False),
        sa.Column("icn", sa.String(length=50), nullable=True),
        sa.Column("reasons", JSON, nullable=False),
        sa.Column("acknowledged_at", UTCDateTime(), nullable=True),
        sa.Column("control_number", sa.Integer(), nullable=True),
        sa.CheckConstraint(_in("frequency", ("1", "7", "8")),
                           name=op.f("ck_claim_submissions_frequency_known")),
        sa.CheckConstraint(_in("outcome", ("pending", "accepted", "rejected")),
                           name=op.f("ck_claim_submissions_outcome_known")),
        sa.ForeignKeyConstraint(["claim_id"], ["claims.id"], ondelete="CASCADE",
                                name=op.f("fk_claim_submissions_claim_id_claims")),
        sa.PrimaryKeyConstraint("claim_id", "number", name=op.f("pk_claim_submissions")),
        sa.UniqueConstraint("clm01", name=op.f("uq_claim_submissions_clm01")),
    )
    op.create_table(
        "payer_claim_rules",
        sa.Column("payer_id", sa.String(length=64), nullable=False),
        sa.Column("timely_filing_days", sa.Integer(), nullable=True),
        sa.Column("accepts_replacement_claims", sa.Boolean(), nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint("timely_filing_days > 0",
                           name=op.f("ck_payer_claim_rules_days_positive")),
        sa.PrimaryKeyConstraint("payer_id", name=op.f("pk_payer_claim_rules")),
    )
    op.create_table(
        "exchange_files",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("remote_id", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("outcome", sa.String(length=8), nullable=False),
        sa.Column("problems", JSON, nullable=False),
        sa.Column("claims", JSON, nullable=False),
        sa.Column("received_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint("outcome IN ('applied', 'problem')",
                           name=op.f("ck_exchange_files_outcome_known")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_files")),
        sa.UniqueConstraint("digest", name=op.f("uq_exchange_files_digest")),
    )
    op.execute("UPDATE claims SET status = 'paid_zero' WHERE status = 'paid' "
               "AND CAST(paid_amount AS NUMERIC) = 0")
    op.execute(
        "INSERT INTO claim_transitions (claim_id, seq, action, from_status, to_status, actor, "
        "reason, at) SELECT id, 1, 'migrate', NULL, status, 'system:migration', "
        "'history before reimbursement_0007 was not kept', updated_at FROM claims")
    op.execute(
        "INSERT INTO claim_submissions (claim_id, number, clm01, frequency, submitted_at, "
        "outcome, icn, reasons) SELECT c.id, 1, c.account_number, '1', "
        "COALESCE(c.submitted_at, c.updated_at), 'pending', "
        "(SELECT p.payer_claim_number FROM claim_payments p WHERE p.claim_id = c.id "
        " AND COALESCE(p.payer_claim_number, '') <> '' "
        " ORDER BY p.posted_at DESC, p.position DESC "
        " LIMIT 1), '[]' "
        f"FROM claims c WHERE {_in('c.status', SENT + ('paid_zero',))}")


def downgrade() -> None:
    op.drop_table("exchange_files")
    op.drop_table("payer_claim_rules")
    op.drop_table("claim_submissions")
    op.drop_table("claim_transitions")
    # The nearest status the older code knows.
    op.execute("UPDATE claims SET status = 'paid' WHERE status IN ('paid_zero', 'closed')")
    op.execute("UPDATE claims SET status = 'submitted' "
               "WHERE status IN ('accepted', 'corrected', 'voided')")
    op.execute("UPDATE claims SET status = 'denied' WHERE status IN ('appealed', 'written_off')")
    op.execute("UPDATE claims SET status = 'ready' WHERE status = 'rejected'")
    with op.batch_alter_table("claims") as batch:
        batch.drop_constraint(op.f("ck_claims_status_known"), type_="check")
        batch.create_check_constraint(op.f("ck_claims_status_known"), _in("status", OLD))
