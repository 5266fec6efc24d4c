"""Tables of 835 posting: remittances, the claim payments and provider-level adjustments
posted from them, and the files quarantined instead (see orm.py for the invariants)."""

from __future__ import annotations

import sqlalchemy as sa

from chairside_shared.db import UTCDateTime
from reimbursement.adapters.metadata import metadata
from reimbursement.adapters.types import Dec, JSONDoc

TS = UTCDateTime()

# --------------------------------------------------------------------------- remittances
remittances = sa.Table(
    "remittances", metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    # Before reimbursement_0006 a remittance was known by a digest of the raw text (a re-sent
    # file with a new ISA13 posted again); kept on those rows, unused since.
    sa.Column("digest", sa.String(72), unique=True),
    sa.Column("originator", sa.String(50), nullable=False),  # TRN03
    sa.Column("originator_sub", sa.String(50), nullable=False, server_default=""),  # TRN04
    sa.Column("trace_number", sa.String(50), nullable=False),  # TRN02
    sa.Column("payee_id", sa.String(90), nullable=False),  # N1*PE N103:N104
    sa.Column("payer_id", sa.String(80)),
    sa.Column("payer_name", sa.String(60)),
    sa.Column("payment_amount", Dec(), nullable=False),
    sa.Column("payment_method", sa.String(3)),
    sa.Column("payment_date", sa.Date),
    sa.Column("provider_adjustments", JSONDoc, nullable=False),
    sa.Column("received_at", TS, nullable=False),
    sa.UniqueConstraint("originator", "originator_sub", "trace_number", "payee_id",
                        name="uq_remittances_key"),
)

claim_payments = sa.Table(
    "claim_payments", metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("remittance_id", sa.Uuid, sa.ForeignKey("remittances.id"), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),  # CLP order in the file
    sa.Column("claim_id", sa.Uuid, sa.ForeignKey("claims.id")),  # None: no claim matched
    sa.Column("account_number", sa.String(38), nullable=False),
    sa.Column("status_code", sa.String(2), nullable=False),
    sa.Column("payer_claim_number", sa.String(50), nullable=False,
              server_default=""),  # CLP07, '' when absent (part of the posting key)
    sa.Column("ordinal", sa.Integer, nullable=False, server_default="0"),
    sa.Column("crossover", sa.Boolean, nullable=False, server_default=sa.false()),
    # RARCs of the claim (MOA) and its lines (LQ*HE), e.g. MA18 / MA07 for a crossover
    sa.Column("remarks", JSONDoc, nullable=False, server_default="[]"),
    sa.Column("charge", Dec(), nullable=False),
    sa.Column("paid", Dec(), nullable=False),
    sa.Column("patient_responsibility", Dec(), nullable=False),
    sa.Column("contractual", Dec(), nullable=False),
    sa.Column("outcome", sa.String(16)),
    sa.Column("denial_reasons", JSONDoc, nullable=False),
    sa.Column("adjustments", JSONDoc, nullable=False),  # [{line, group, reason, amount}]
    sa.Column("unmatched_lines", JSONDoc, nullable=False),
    sa.Column("posted_at", TS, nullable=False),
    sa.Index("ix_claim_payments_claim", "claim_id"),
    sa.Index("ix_claim_payments_account", "account_number"),
    sa.UniqueConstraint("remittance_id", "account_number", "payer_claim_number", "status_code",
                        "ordinal", name="uq_claim_payments_posting_key"),
)

# PLB amounts, each tied to the claim its reference (CLP01 / CLP07) names when one does.
provider_adjustments = sa.Table(
    "provider_adjustments", metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("remittance_id", sa.Uuid, sa.ForeignKey("remittances.id"), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("reason", sa.String(3), nullable=False),
    sa.Column("reference", sa.String(50)),
    sa.Column("amount", Dec(), nullable=False),
    sa.Column("claim_id", sa.Uuid, sa.ForeignKey("claims.id")),
    sa.Column("posted_at", TS, nullable=False),
    sa.Index("ix_provider_adjustments_claim", "claim_id"),
)

# 835s refused whole (unbalanced, malformed, not for this practice...): what a biller needs
# to chase the payer. Reasons and the keys that could be read; never the file (PHI).
remittance_quarantine = sa.Table(
    "remittance_quarantine", metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("received_at", TS, nullable=False),
    sa.Column("trace_number", sa.String(50)),
    sa.Column("keys", JSONDoc, nullable=False),  # [{originator, originator_sub, ...}]
    sa.Column("reasons", JSONDoc, nullable=False),  # [{field: "line N", message}]
    sa.Index("ix_remittance_quarantine_received", "received_at"),
)
