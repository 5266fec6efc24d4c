"""Tables of the orders database (SQLAlchemy Core, on the service's own MetaData).

An order is one row: its lines, findings, overrides and history are small JSON documents that
always load together. Administrations get their own table because the frequency checks read
them across orders (a patient's ketorolac days, last eptinezumab). Invariants the database
enforces: one administration per order line, one MRN per practice, known status values.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

from chairside_shared.db import UTCDateTime
from orders.adapters.metadata import metadata

JSONDoc = sa.JSON().with_variant(JSONB(), "postgresql")
TS = UTCDateTime()
DEC = sa.Numeric(14, 4)
ORDER_STATUSES = ("draft", "signed", "scheduled", "in_progress", "administered", "cancelled")
AUTH_STATUSES = ("not_required", "pending", "approved", "denied")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


patients = sa.Table(
    "patients", metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("practice_id", sa.String(64), nullable=False, index=True),
    sa.Column("mrn", sa.String(64), nullable=False),
    sa.Column("birth_date", sa.Date, nullable=False),
    sa.Column("sex", sa.String(16), nullable=False),
    sa.Column("weight_kg", sa.Numeric(6, 2)),
    sa.Column("pregnant", sa.Boolean),
    sa.Column("qtc_ms", sa.Integer),
    sa.Column("allergies", JSONDoc, nullable=False),
    sa.Column("conditions", JSONDoc, nullable=False),
    sa.Column("medications", JSONDoc, nullable=False),
    sa.Column("created_at", TS, nullable=False),
    sa.Column("updated_at", TS, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.UniqueConstraint("practice_id", "mrn", name="uq_patients_practice_mrn"),
    sa.CheckConstraint("weight_kg IS NULL OR weight_kg > 0", name="weight_positive"),
)

outside_doses = sa.Table(
    "outside_doses", metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("patient_id", sa.Uuid, sa.ForeignKey("patients.id"), nullable=False),
    sa.Column("drug_code", sa.String(64), nullable=False),
    sa.Column("dose", DEC, nullable=False),
    sa.Column("dose_unit", sa.String(16), nullable=False),
    sa.Column("dose_catalog_unit", DEC, nullable=False),  # converted once, at recording
    sa.Column("given_at", TS, nullable=False),
    sa.Column("source", sa.String(200), nullable=False),
    sa.Column("recorded_at", TS, nullable=False),
    sa.Column("recorded_by", sa.String(128)),
    sa.Index("ix_outside_doses_patient_drug", "patient_id", "drug_code", "given_at"),
    sa.CheckConstraint("dose > 0", name="dose_positive"),
)

# Every catalog change writes a full snapshot under a new version number: an order's
# catalog_version always points at exactly the data it was checked against.
catalog_versions = sa.Table(
    "catalog_versions", metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("snapshot", JSONDoc, nullable=False),
    sa.Column("changed_drug", sa.String(64)),
    sa.Column("note", sa.String(500)),
    sa.Column("created_by", sa.String(128)),
    sa.Column("created_at", TS, nullable=False),
)

protocols = sa.Table(
    "protocols", metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("practice_id", sa.String(64), index=True),  # NULL: center-wide template
    sa.Column("key", sa.String(64), unique=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("population", sa.String(16), nullable=False),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("lines", JSONDoc, nullable=False),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("created_by", sa.String(128)),
    sa.Column("created_at", TS, nullable=False),
    sa.CheckConstraint(_in("population", ("adult", "pediatric", "any")), name="population"),
)

orders = sa.Table(
    "orders", metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("practice_id", sa.String(64), nullable=False),
    sa.Column("patient_id", sa.Uuid, sa.ForeignKey("patients.id"), nullable=False, index=True),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("authorization_status", sa.String(16), nullable=False),
    sa.Column("authorization_decided_at", TS),
    sa.Column("authorization_reason", sa.String(1000)),
    sa.Column("urgency", sa.String(16), nullable=False),
    sa.Column("requested_from", TS),
    sa.Column("requested_to", TS),
    sa.Column("diagnoses", JSONDoc, nullable=False),
    sa.Column("payer", JSONDoc),  # payer_id and plan_id; the member id is sealed below
    # the payer's member id (PHI), sealed like coverages (phi_crypto; None without a payer)
    sa.Column("member_key_id", sa.String(32), index=True),
    sa.Column("member_data_key", sa.LargeBinary),
    sa.Column("member_sealed", sa.LargeBinary),
    sa.Column("protocol_id", sa.Uuid),
    sa.Column("lines", JSONDoc, nullable=False),
    sa.Column("findings", JSONDoc, nullable=False),
    sa.Column("overrides", JSONDoc, nullable=False),
    sa.Column("history", JSONDoc, nullable=False),
    sa.Column("catalog_version", sa.Integer, nullable=False),
    sa.Column("estimated_chair_minutes", sa.Integer, nullable=False),
    sa.Column("acuity_class", sa.String(32), nullable=False),
    sa.Column("requires_driver", sa.Boolean, nullable=False),
    sa.Column("prescriber_id", sa.String(128)),
    sa.Column("ordering_practitioner_id", sa.Uuid, sa.ForeignKey("practitioners.id")),
    sa.Column("supervising_practitioner_id", sa.Uuid, sa.ForeignKey("practitioners.id")),
    sa.Column("coverage_id", sa.Uuid),  # a coverage of the patient (coverage_versions)
    sa.Column("triage_category", sa.String(40)),  # same-day triage (domain/triage.py)
    sa.Column("headache_hours", sa.Integer),
    sa.Column("created_at", TS, nullable=False),
    sa.Column("updated_at", TS, nullable=False),
    sa.Column("signed_at", TS),
    sa.Column("cancelled_at", TS),
    sa.Column("cancel_reason", sa.String(500)),
    sa.Column("completed_at", TS),
    sa.Column("version", sa.Integer, nullable=False),  # optimistic lock
    sa.Index("ix_orders_practice_created", "practice_id", "created_at", "id"),
    sa.CheckConstraint(_in("status", ORDER_STATUSES), name="status"),
    sa.CheckConstraint(_in("authorization_status", AUTH_STATUSES), name="authorization_status"),
    sa.CheckConstraint(_in("urgency", ("same_day", "planned")), name="urgency"),
)

practitioners = sa.Table(
    "practitioners", metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("npi", sa.String(10), nullable=False),
    sa.Column("family_name", sa.String(100), nullable=False),
    sa.Column("given_name", sa.String(100), nullable=False),
    sa.Column("taxonomy", sa.String(10), nullable=False),
    sa.Column("roles", JSONDoc, nullable=False),
    sa.Column("practice_id", sa.String(64), index=True),  # NULL: the whole center
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("created_at", TS, nullable=False),
    sa.Column("updated_at", TS, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.UniqueConstraint("npi", name="uq_practitioners_npi"),
)

administrations = sa.Table(
    "administrations", metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("order_id", sa.Uuid, sa.ForeignKey("orders.id"), nullable=False),
    sa.Column("patient_id", sa.Uuid, sa.ForeignKey("patients.id"), nullable=False),
    sa.Column("line_sequence", sa.Integer, nullable=False),
    sa.Column("drug_code", sa.String(64), nullable=False),
    sa.Column("started_at", TS, nullable=False),
    sa.Column("stopped_at", TS, nullable=False),
    sa.Column("dose_given", DEC, nullable=False),
    sa.Column("dose_unit", sa.String(16), nullable=False),
    sa.Column("dose_catalog_unit", DEC, nullable=False),
    sa.Column("ndc", sa.String(16)),
    sa.Column("lot", sa.String(64)),
    sa.Column("wasted_amount", DEC, nullable=False),
    sa.Column("reaction", sa.String(500)),
    sa.Column("findings", JSONDoc, nullable=False),
    sa.Column("recorded_by", sa.String(128)),
    sa.Column("recorded_at", TS, nullable=False),
    sa.Column("supervising_practitioner_id", sa.Uuid, sa.ForeignKey("practitioners.id")),
    sa.UniqueConstraint("order_id", "line_sequence", name="uq_administrations_order_line"),
    sa.Index("ix_administrations_patient_drug", "patient_id", "drug_code", "started_at"),
    sa.CheckConstraint("stopped_at >= started_at", name="stop_after_start"),
    sa.CheckConstraint("dose_given > 0 AND wasted_amount >= 0", name="amounts"),
)


# ------------------------------------------------------------------ PHI (encrypted at rest)
# Sealed columns (adapters/phi_crypto.py): key_id names the key-encryption key that wrapped
# the row's own data key (data_key); payload is the record encrypted with that data key.
# Only ids, the payer id, priority and status are readable without the keys; *_index columns
# are HMAC blind indexes for lookups.
def _sealed() -> list[sa.Column[Any]]:
    return [sa.Column("key_id", sa.String(32), nullable=False),
            sa.Column("data_key", sa.LargeBinary, nullable=False),
            sa.Column("payload", sa.LargeBinary, nullable=False)]


patient_demographics = sa.Table(
    "patient_demographics", metadata,
    sa.Column("patient_id", sa.Uuid, sa.ForeignKey("patients.id"), primary_key=True),
    sa.Column("name_index", sa.String(64), nullable=False, index=True),
    *_sealed(),
    sa.Column("created_at", TS, nullable=False),
    sa.Column("updated_at", TS, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Index("ix_patient_demographics_key_id", "key_id"),
)

# Every version of every coverage; is_current marks the one in force (one per coverage).
coverage_versions = sa.Table(
    "coverage_versions", metadata,
    sa.Column("coverage_id", sa.Uuid, primary_key=True),
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("patient_id", sa.Uuid, sa.ForeignKey("patients.id"), nullable=False),
    sa.Column("is_current", sa.Boolean, nullable=False),
    sa.Column("payer_id", sa.String(64), nullable=False),
    sa.Column("priority", sa.String(16), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("member_index", sa.String(64), nullable=False),
    *_sealed(),
    sa.Column("recorded_at", TS, nullable=False),
    sa.Column("recorded_by", sa.String(128)),
    sa.Index("ix_coverage_versions_patient", "patient_id", "is_current"),
    sa.Index("ix_coverage_versions_member_index", "member_index"),
    sa.Index("ix_coverage_versions_key_id", "key_id"),
    sa.Index("uq_coverage_versions_current", "coverage_id", unique=True,
             postgresql_where=sa.text("is_current"), sqlite_where=sa.text("is_current")),
    sa.CheckConstraint(_in("priority", ("primary", "secondary", "tertiary")), name="priority"),
    sa.CheckConstraint(_in("status", ("active", "ended")), name="status"),
)

# Append-only: every disclosure of demographics or coverages (the migration adds triggers
# that refuse UPDATE and DELETE).
phi_access_log = sa.Table(
    "phi_access_log", metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True,
              autoincrement=True),
    sa.Column("at", TS, nullable=False),
    sa.Column("client_id", sa.String(128)),
    sa.Column("user_id", sa.String(128)),
    sa.Column("patient_id", sa.Uuid, nullable=False),
    sa.Column("practice_id", sa.String(64)),
    sa.Column("resource", sa.String(32), nullable=False),
    sa.Column("action", sa.String(16), nullable=False),
    sa.Column("fields", JSONDoc, nullable=False),
    sa.Column("purpose", sa.String(16), nullable=False),
    sa.Index("ix_phi_access_log_patient_at", "patient_id", "at"),
    sa.CheckConstraint(_in("purpose", ("treatment", "payment", "operations")), name="purpose"),
)

from orders.adapters import observation_tables as _observation_tables  # noqa: E402,F401
from orders.adapters import reaction_orm as _reaction_tables  # noqa: E402,F401  (same metadata)
