"""Tables of claim appeals and the documents attached to them (the file's bytes kept in the
row: appeals carry a few records each, and one transaction keeps file and metadata together).

The database enforces the values the domain knows (status, outcome, kind), a deadline never
before its clock starts, one document per appeal and digest, a size within the upload limit.
"""

from __future__ import annotations

import sqlalchemy as sa

from chairside_shared.attachments import MAX_ATTACHMENT_BYTES
from chairside_shared.db import UTCDateTime
from reimbursement.adapters.metadata import metadata
from reimbursement.adapters.types import Dec, JSONDoc

TS = UTCDateTime()
APPEAL_STATUSES = ("draft", "filed", "decided")
APPEAL_OUTCOMES = ("won", "partially_won", "lost")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


claim_appeals = sa.Table(
    "claim_appeals", metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("claim_id", sa.Uuid, sa.ForeignKey("claims.id"), nullable=False, index=True),
    sa.Column("order_id", sa.Uuid, nullable=False),
    sa.Column("practice_id", sa.String(64), nullable=False),
    sa.Column("payer_id", sa.String(64)),
    sa.Column("payer_type", sa.String(32), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("level", sa.String(32), nullable=False),
    sa.Column("level_number", sa.Integer, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("clock_from", sa.Date, nullable=False),
    sa.Column("deadline", sa.Date, nullable=False),
    sa.Column("amount_in_controversy", Dec(), nullable=False),
    sa.Column("carcs", JSONDoc, nullable=False),
    sa.Column("rarcs", JSONDoc, nullable=False),
    sa.Column("reason", sa.String(2000), nullable=False),
    sa.Column("previous_appeal_id", sa.Uuid, sa.ForeignKey("claim_appeals.id")),
    sa.Column("payer_reference", sa.String(50)),
    sa.Column("filed_on", sa.Date),
    sa.Column("outcome", sa.String(16)),
    sa.Column("decided_on", sa.Date),
    sa.Column("amount_awarded", Dec()),
    sa.Column("decision_note", sa.String(2000)),
    sa.Column("next_level", sa.String(32)),
    sa.Column("next_deadline", sa.Date),
    sa.Column("next_auto_forwarded", sa.Boolean, nullable=False),
    sa.Column("claim_reopen", sa.String(16)),
    sa.Column("created_at", TS, nullable=False),
    sa.Column("updated_at", TS, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.CheckConstraint(_in("status", APPEAL_STATUSES), name="appeal_status"),
    sa.CheckConstraint("outcome IS NULL OR " + _in("outcome", APPEAL_OUTCOMES),
                       name="appeal_outcome"),
    sa.CheckConstraint(_in("kind", ("appeal", "reopening")), name="appeal_kind"),
    sa.CheckConstraint("deadline >= clock_from", name="appeal_deadline_after_clock"),
)

claim_appeal_documents = sa.Table(
    "claim_appeal_documents", metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("appeal_id", sa.Uuid, sa.ForeignKey("claim_appeals.id"), nullable=False,
              index=True),
    sa.Column("type_code", sa.String(20), nullable=False),
    sa.Column("type_display", sa.String(200)),
    sa.Column("content_type", sa.String(40), nullable=False),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("document_date", sa.Date, nullable=False),
    sa.Column("author_id", sa.String(100), nullable=False),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("content", sa.LargeBinary, nullable=False),
    sa.Column("created_at", TS, nullable=False),
    sa.CheckConstraint(f"size > 0 AND size <= {MAX_ATTACHMENT_BYTES}",
                       name="appeal_document_size"),
    sa.UniqueConstraint("appeal_id", "sha256", name="uq_claim_appeal_documents_digest"),
)
