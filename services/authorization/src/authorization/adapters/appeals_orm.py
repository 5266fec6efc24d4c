"""Tables of PA appeals (peer-to-peer, reconsideration...) and their documents, on the
service's MetaData (registered by importing this module). The file's bytes are kept in the row.

The database enforces known statuses and outcomes, a deadline never before the denial, and a
document size within the upload limit, one per appeal and digest.
"""

from __future__ import annotations

from sqlalchemy import (
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Table,
    UniqueConstraint,
    Uuid,
)

from chairside_shared.attachments import MAX_ATTACHMENT_BYTES
from chairside_shared.db import UTCDateTime

from .metadata import metadata

pa_appeals = Table(
    "pa_appeals", metadata,
    Column("id", Uuid, primary_key=True),
    Column("case_id", Uuid, ForeignKey("pa_cases.id"), nullable=False, index=True),
    Column("order_id", Uuid, nullable=False),
    Column("payer_id", String(64), nullable=False),
    Column("payer_type", String(40), nullable=False),
    Column("level", String(32), nullable=False),
    Column("status", String(16), nullable=False),
    Column("denied_on", Date, nullable=False),
    Column("deadline", Date, nullable=False),
    Column("reason", String(2000), nullable=False),
    Column("requested_on", Date, nullable=False),
    Column("payer_reference", String(50)),
    Column("reviewer", String(200)),
    Column("scheduled_at", UTCDateTime()),
    Column("outcome", String(16)),
    Column("decided_on", Date),
    Column("decision_note", String(2000)),
    Column("next_level", String(32)),
    Column("next_deadline", Date),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
    Column("version", Integer, nullable=False),
    CheckConstraint("status IN ('requested', 'scheduled', 'decided')", name="status_known"),
    CheckConstraint("outcome IS NULL OR outcome IN ('won', 'partially_won', 'lost')",
                    name="outcome_known"),
    CheckConstraint("deadline >= denied_on", name="deadline_after_denial"),
)

pa_appeal_documents = Table(
    "pa_appeal_documents", metadata,
    Column("id", Uuid, primary_key=True),
    Column("appeal_id", Uuid, ForeignKey("pa_appeals.id"), nullable=False, index=True),
    Column("type_code", String(20), nullable=False),
    Column("type_display", String(200)),
    Column("content_type", String(40), nullable=False),
    Column("title", String(200), nullable=False),
    Column("document_date", Date, nullable=False),
    Column("author_id", String(100), nullable=False),
    Column("size", Integer, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    CheckConstraint(f"size > 0 AND size <= {MAX_ATTACHMENT_BYTES}", name="size_limit"),
    UniqueConstraint("appeal_id", "sha256", name="uq_pa_appeal_documents_digest"),
)
