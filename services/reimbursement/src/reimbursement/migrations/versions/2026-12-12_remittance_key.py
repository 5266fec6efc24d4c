"""835 posting you can trust (issue 14): remittances known by their parsed key, a unique
posting key per claim payment, PLB amounts per claim, a quarantine of refused files, and the
claim status ``paid_zero`` and crossover flag.

- ``remittances``: ``originator`` (TRN03), ``originator_sub`` (TRN04), ``payee_id`` (N1*PE
  N103:N104), unique with ``trace_number`` (TRN02); ``digest`` (of the raw text) becomes
  optional. Rows posted before keep their digest; their key is backfilled from what they
  stored: originator = payer_id, no TRN04, payee unknown (''). Should two old rows share that
  key (the same file posted twice under the old digest) the later ones get the payee
  ``legacy:<digest>`` so they stay valid and distinct.
- ``claim_payments``: ``payer_claim_number`` '' when absent (not null: part of the key),
  ``ordinal`` (backfilled per remittance, CLP01, CLP07, CLP02 in position order), ``crossover``
  and ``remarks`` (the claim's and its lines' RARCs);
  unique (remittance_id, account_number, payer_claim_number, status_code, ordinal).
- ``provider_adjustments``, ``remittance_quarantine``: new.
- ``claims``: status ``paid_zero``, ``awaiting_crossover``.

Revision ID: reimbursement_0006_remit_key
Revises: reimbursement_0005
Create Date: 2026-12-12
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from chairside_shared.db import UTCDateTime
from reimbursement.adapters.types import Dec

revision = "reimbursement_0006_remit_key"
down_revision = "reimbursement_0005"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
OLD = ("needs_review", "held", "ready", "submitted", "paid", "partially_paid", "denied",
       "reversed")
NEW = ("needs_review", "held", "ready", "submitted", "paid", "partially_paid", "paid_zero",
       "denied", "reversed")
REMITTANCES = sa.table("remittances", sa.column("id", sa.Uuid()),
                       sa.column("digest", sa.String(72)), sa.column("payer_id", sa.String(80)),
                       sa.column("trace_number", sa.String(50)),
                       sa.column("received_at", UTCDateTime()),
                       sa.column("originator", sa.String(50)),
                       sa.column("payee_id", sa.String(90)))
PAYMENTS = sa.table("claim_payments", sa.column("id", sa.Uuid()),
                    sa.column("remittance_id", sa.Uuid()), sa.column("position", sa.Integer()),
                    sa.column("account_number", sa.String(38)),
                    sa.column("status_code", sa.String(2)),
                    sa.column("payer_claim_number", sa.String(50)),
                    sa.column("ordinal", sa.Integer()))


def _in(values: tuple[str, ...]) -> str:
    return f"status IN ({', '.join(repr(v) for v in values)})"


def upgrade() -> None:
    conn = op.get_bind()
    with op.batch_alter_table("remittances") as batch:
        batch.add_column(sa.Column("originator", sa.String(50), nullable=True))
        batch.add_column(sa.Column("originator_sub", sa.String(50), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("payee_id", sa.String(90), nullable=True))
        batch.alter_column("digest", existing_type=sa.String(72), nullable=True)
    _backfill_keys(conn)
    with op.batch_alter_table("remittances") as batch:
        batch.alter_column("originator", existing_type=sa.String(50), nullable=False)
        batch.alter_column("payee_id", existing_type=sa.String(90), nullable=False)
        batch.create_unique_constraint(op.f("uq_remittances_key"), [
            "originator", "originator_sub", "trace_number", "payee_id"])
    conn.execute(PAYMENTS.update().where(PAYMENTS.c.payer_claim_number.is_(None))
                 .values(payer_claim_number=""))
    with op.batch_alter_table("claim_payments") as batch:
        batch.add_column(sa.Column("ordinal", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("crossover", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
        batch.add_column(sa.Column("remarks", JSON, nullable=False, server_default="[]"))
        batch.alter_column("payer_claim_number", existing_type=sa.String(50), nullable=False,
                           server_default="")
    _backfill_ordinals(conn)
    with op.batch_alter_table("claim_payments") as batch:
        batch.create_unique_constraint(op.f("uq_claim_payments_posting_key"), [
            "remittance_id", "account_number", "payer_claim_number", "status_code", "ordinal"])
        batch.create_index("ix_claim_payments_account", ["account_number"])
    op.create_table(
        "provider_adjustments",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("remittance_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(3), nullable=False),
        sa.Column("reference", sa.String(50), nullable=True),
        sa.Column("amount", Dec(), nullable=False),
        sa.Column("claim_id", sa.Uuid(), nullable=True),
        sa.Column("posted_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["claim_id"], ["claims.id"],
                                name=op.f("fk_provider_adjustments_claim_id_claims")),
        sa.ForeignKeyConstraint(["remittance_id"], ["remittances.id"],
                                name=op.f("fk_provider_adjustments_remittance_id_remittances")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_provider_adjustments")),
    )
    op.create_index("ix_provider_adjustments_claim", "provider_adjustments", ["claim_id"])
    op.create_table(
        "remittance_quarantine",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("received_at", UTCDateTime(), nullable=False),
        sa.Column("trace_number", sa.String(50), nullable=True),
        sa.Column("keys", JSON, nullable=False),
        sa.Column("reasons", JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_remittance_quarantine")),
    )
    op.create_index("ix_remittance_quarantine_received", "remittance_quarantine",
                    ["received_at"])
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("awaiting_crossover", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
        batch.drop_constraint(op.f("ck_claims_status_known"), type_="check")
        batch.create_check_constraint(op.f("ck_claims_status_known"), _in(NEW))


def _backfill_keys(conn: sa.Connection) -> None:
    seen: set[tuple[str, str]] = set()
    rows = conn.execute(sa.select(REMITTANCES.c.id, REMITTANCES.c.digest, REMITTANCES.c.payer_id,
                                  REMITTANCES.c.trace_number)
                        .order_by(REMITTANCES.c.received_at, REMITTANCES.c.id)).all()
    for row in rows:
        originator = (row.payer_id or "")[:50]
        first = (originator, row.trace_number) not in seen
        seen.add((originator, row.trace_number))
        payee = "" if first else f"legacy:{(row.digest or str(row.id))[:80]}"
        conn.execute(REMITTANCES.update().where(REMITTANCES.c.id == row.id).values(
            originator=originator, payee_id=payee))


def _backfill_ordinals(conn: sa.Connection) -> None:
    count: dict[tuple[object, ...], int] = {}
    rows = conn.execute(sa.select(PAYMENTS.c.id, PAYMENTS.c.remittance_id,
                                  PAYMENTS.c.account_number, PAYMENTS.c.payer_claim_number,
                                  PAYMENTS.c.status_code)
                        .order_by(PAYMENTS.c.remittance_id, PAYMENTS.c.position)).all()
    for row in rows:
        key = (row.remittance_id, row.account_number, row.payer_claim_number, row.status_code)
        ordinal = count.get(key, 0)
        count[key] = ordinal + 1
        if ordinal:
            conn.execute(PAYMENTS.update().where(PAYMENTS.c.id == row.id).values(
                ordinal=ordinal))


def downgrade() -> None:
    op.execute("UPDATE claims SET status = 'paid' WHERE status = 'paid_zero'")
    with op.batch_alter_table("claims") as batch:
        batch.drop_constraint(op.f("ck_claims_status_known"), type_="check")
        batch.create_check_constraint(op.f("ck_claims_status_known"), _in(OLD))
        batch.drop_column("awaiting_crossover")
    op.drop_index("ix_remittance_quarantine_received", table_name="remittance_quarantine")
    op.drop_table("remittance_quarantine")
    op.drop_index("ix_provider_adjustments_claim", table_name="provider_adjustments")
    op.drop_table("provider_adjustments")
    with op.batch_alter_table("claim_payments") as batch:
        batch.drop_index("ix_claim_payments_account")
        batch.drop_constraint(op.f("uq_claim_payments_posting_key"), type_="unique")
        batch.alter_column("payer_claim_number", existing_type=sa.String(50), nullable=True,
                           server_default=None)
        batch.drop_column("remarks")
        batch.drop_column("crossover")
        batch.drop_column("ordinal")
    op.execute("UPDATE claim_payments SET payer_claim_number = NULL "
               "WHERE payer_claim_number = ''")
    # A row posted under the key alone has no digest; the old schema needs one.
    op.execute("UPDATE remittances SET digest = 'key:' || CAST(id AS TEXT) "
               "WHERE digest IS NULL")
    with op.batch_alter_table("remittances") as batch:
        batch.drop_constraint(op.f("uq_remittances_key"), type_="unique")
        batch.drop_column("payee_id")
        batch.drop_column("originator_sub")
        batch.drop_column("originator")
        batch.alter_column("digest", existing_type=sa.String(72), nullable=False)
