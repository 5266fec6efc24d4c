"""The authorization tables (SQLAlchemy Core on the service's own MetaData).

Invariants the money and the patient depend on are enforced here too, not only in Python:
approved and used units are never negative, an approval never ends before it starts, a case's
status is one of the known ones, one history entry per (case, seq), one unit usage per
administered order line.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    Uuid,
)

from chairside_shared.db import UTCDateTime

from ..domain.codes import CASE_STATUSES
from .metadata import metadata

_STATUSES = ", ".join(f"'{s}'" for s in CASE_STATUSES)

payers = Table(
    "payers", metadata,
    Column("id", String(64), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("payer_type", String(40), nullable=False),
    Column("body", JSON, nullable=False),  # the whole Payer (plans, time frames, holidays)
    Column("policy_version", Integer, nullable=False, default=0),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
)

# Every policy set ever saved, so an open case's version can always be read back.
policy_sets = Table(
    "policy_sets", metadata,
    Column("payer_id", String(64), ForeignKey("payers.id"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("policies", JSON, nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("created_by", String(100), nullable=False),
    PrimaryKeyConstraint("payer_id", "version"),
    CheckConstraint("version >= 1", name="version_positive"),
)

# What an order.signed told us, and what coverage discovery decided for it.
order_facts = Table(
    "order_facts", metadata,
    Column("order_id", Uuid, primary_key=True),
    Column("practice_id", String(100), nullable=False),
    Column("patient_id", Uuid, nullable=False, index=True),
    Column("payer_id", String(64)),
    Column("plan_id", String(64)),
    Column("outcome", String(20), nullable=False),
    Column("policy_version", Integer),
    Column("lines", JSON, nullable=False),  # order lines (sequence, hcpcs, hcpcs_unit, dose)
    Column("decision", JSON, nullable=False),  # per HCPCS: pa, coverage, reasons
    Column("status", String(20), nullable=False, default="signed"),
    Column("decided_at", UTCDateTime(), nullable=False),
)

pa_cases = Table(
    "pa_cases", metadata,
    Column("id", Uuid, primary_key=True),
    Column("order_id", Uuid, nullable=False, index=True),
    Column("practice_id", String(100), nullable=False, index=True),
    Column("patient_id", Uuid, nullable=False),
    Column("payer_id", String(64), nullable=False),
    Column("plan_id", String(64)),
    Column("status", String(20), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("expedited", Boolean, nullable=False),
    Column("request_identifier", String(64), nullable=False, unique=True),
    Column("due_at", UTCDateTime()),
    Column("submitted_at", UTCDateTime()),
    Column("decided_at", UTCDateTime()),
    Column("auth_number", String(100)),
    Column("valid_from", Date),
    Column("valid_to", Date),
    Column("last_polled_at", UTCDateTime()),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
    Column("version", Integer, nullable=False),
    Column("body", JSON, nullable=False),  # questions, answers, policy snapshot, reasons...
    CheckConstraint(f"status IN ({_STATUSES})", name="status_known"),
    CheckConstraint("valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from",
                    name="valid_period"),
    CheckConstraint("status <> 'approved' OR (auth_number IS NOT NULL AND valid_from IS NOT NULL"
                    " AND valid_to IS NOT NULL)", name="approved_complete"),
)
Index("ix_pa_cases_status_due", pa_cases.c.status, pa_cases.c.due_at)
Index("ix_pa_cases_patient_payer", pa_cases.c.patient_id, pa_cases.c.payer_id)

pa_case_lines = Table(
    "pa_case_lines", metadata,
    Column("case_id", Uuid, ForeignKey("pa_cases.id", ondelete="CASCADE"), nullable=False),
    Column("hcpcs", String(10), nullable=False),
    Column("requested_units", Integer),
    Column("approved_units", Integer),
    Column("used_units", Integer, nullable=False, default=0),
    PrimaryKeyConstraint("case_id", "hcpcs"),
    CheckConstraint("requested_units IS NULL OR requested_units >= 0", name="requested_nonneg"),
    CheckConstraint("approved_units IS NULL OR approved_units >= 0", name="approved_nonneg"),
    CheckConstraint("used_units >= 0", name="used_nonneg"),
)

# The orders a case covers (the first one, plus later orders that used its approval).
pa_case_orders = Table(
    "pa_case_orders", metadata,
    Column("case_id", Uuid, ForeignKey("pa_cases.id", ondelete="CASCADE"), nullable=False),
    Column("order_id", Uuid, nullable=False, index=True),
    PrimaryKeyConstraint("case_id", "order_id"),
)

pa_case_history = Table(
    "pa_case_history", metadata,
    Column("case_id", Uuid, ForeignKey("pa_cases.id", ondelete="CASCADE"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("at", UTCDateTime(), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("action", String(40), nullable=False),
    Column("from_status", String(20)),
    Column("to_status", String(20)),
    Column("detail", JSON, nullable=False),
    Column("payer_response", Text),  # verbatim
    PrimaryKeyConstraint("case_id", "seq"),
)

# One row per administered order line: a redelivered or re-sent order.administered
# never consumes units twice.
unit_usages = Table(
    "unit_usages", metadata,
    Column("order_id", Uuid, nullable=False),
    Column("line_sequence", Integer, nullable=False),
    Column("hcpcs", String(10), nullable=False),
    Column("case_id", Uuid),
    Column("units", Integer, nullable=False),
    Column("administered_on", Date, nullable=False),
    Column("findings", JSON, nullable=False),
    Column("recorded_at", UTCDateTime(), nullable=False),
    PrimaryKeyConstraint("order_id", "line_sequence"),
    CheckConstraint("units >= 0", name="units_nonneg"),
)
