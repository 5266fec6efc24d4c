"""Scheduling's tables (SQLAlchemy Core on a MetaData this service owns).

The invariant "no two live appointments overlap on one chair" is enforced by PostgreSQL itself
with an exclusion constraint over (chair_id =, tstzrange(start_at, end_at) &&), which needs the
btree_gist extension; one nurse's shifts cannot overlap either. SQLite (embedded `make run`)
has no exclusion constraints: writes there go through one serialized path instead. On both, a
partial unique index keeps an order to one current (queued or live) appointment.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    Index,
    Integer,
    String,
    Table,
    Uuid,
    false,
    func,
    literal_column,
    text,
    true,
)
from sqlalchemy.dialects.postgresql import ExcludeConstraint

from chairside_shared.db import UTCDateTime

from .metadata import metadata

TS = UTCDateTime()
LIVE_STATUSES = ("held", "booked", "checked_in", "in_chair")
_LIVE_SQL = "status IN ('held', 'booked', 'checked_in', 'in_chair')"
# An order's current appointment (domain.appointment.CURRENT): queued or live.
CURRENT_STATUSES = ("queued", *LIVE_STATUSES)
_CURRENT_SQL = "status IN ('queued', 'held', 'booked', 'checked_in', 'in_chair')"
# The database-side names of the invariants, so their violations can be mapped to a 409.
CHAIR_OVERLAP_CONSTRAINT = "ex_appointments_chair_no_overlap"
ONE_CURRENT_PER_ORDER = "ux_appointments_order_current"

clinic_settings = Table(
    "clinic_settings", metadata,
    Column("id", Integer, primary_key=True),  # a single row (id = 1)
    Column("timezone", String(64), nullable=False),
    Column("state", String(2)),
    Column("weekly", JSON, nullable=False),  # [{"weekday": 0, "opens": "08:00", ...}]
    Column("updated_at", TS, nullable=False, server_default=func.now()),
)

closed_dates = Table(
    "closed_dates", metadata,
    Column("day", Date, primary_key=True),
    Column("reason", String(200)),
)

chairs = Table(
    "chairs", metadata,
    Column("id", String(40), primary_key=True),
    Column("kind", String(40), nullable=False, server_default="recliner"),
    Column("pediatric_capable", Boolean, nullable=False, server_default=false()),
    Column("active", Boolean, nullable=False, server_default=true()),
    # takes a high-acuity first dose (monitoring, reach of the crash cart): clinic data
    Column("high_acuity_capable", Boolean, nullable=False, server_default=false()),
)

nurse_shifts = Table(
    "nurse_shifts", metadata,
    Column("id", Uuid, primary_key=True),
    Column("nurse_id", String(60), nullable=False),
    Column("start_at", TS, nullable=False),
    Column("end_at", TS, nullable=False),
    Column("breaks", JSON, nullable=False, default=list),  # [{"start": iso, "end": iso}]
    CheckConstraint("end_at > start_at", name="shift_positive"),
    Index("ix_nurse_shifts_start_at", "start_at"),
    ExcludeConstraint(
        ("nurse_id", "="),
        (func.tstzrange(literal_column("start_at"), literal_column("end_at"),
                        literal_column("'[)'")), "&&"),
        using="gist", name="ex_nurse_shifts_no_overlap",
    ).ddl_if(dialect="postgresql"),
)

# The pharmacy (domain/pharmacy_staff.py): hoods (a single row; none = preparation not limited)
# and pharmacists' shifts, like nurse shifts.
pharmacy_settings = Table(
    "pharmacy_settings", metadata,
    Column("id", Integer, primary_key=True),  # a single row (id = 1)
    Column("hoods", Integer, nullable=False),
    CheckConstraint("hoods >= 0", name="hoods_nonnegative"),
)

pharmacist_shifts = Table(
    "pharmacist_shifts", metadata,
    Column("id", Uuid, primary_key=True),
    Column("pharmacist_id", String(60), nullable=False),
    Column("start_at", TS, nullable=False),
    Column("end_at", TS, nullable=False),
    Column("breaks", JSON, nullable=False, default=list),  # [{"start": iso, "end": iso}]
    CheckConstraint("end_at > start_at", name="pharmacist_shift_positive"),
    Index("ix_pharmacist_shifts_start_at", "start_at"),
    ExcludeConstraint(
        ("pharmacist_id", "="),
        (func.tstzrange(literal_column("start_at"), literal_column("end_at"),
                        literal_column("'[)'")), "&&"),
        using="gist", name="ex_pharmacist_shifts_no_overlap",
    ).ddl_if(dialect="postgresql"),
)

ratio_policy = Table(
    "ratio_policy", metadata,
    Column("acuity_class", String(40), primary_key=True),
    Column("max_patients_per_nurse", Integer, nullable=False),
    Column("setup_minutes", Integer, nullable=False),
    CheckConstraint("max_patients_per_nurse >= 1", name="ratio_positive"),
    CheckConstraint("setup_minutes >= 0", name="setup_nonnegative"),
)

# What scheduling knows about an order (from order.signed) and its payer decision. Events of
# different topics can arrive in any order, so a decision may be stored before the order.
order_requests = Table(
    "order_requests", metadata,
    Column("order_id", Uuid, primary_key=True),
    Column("practice_id", String(80)),
    Column("patient_id", Uuid),
    Column("urgency", String(16)),
    Column("minutes", Integer),
    Column("acuity_class", String(40)),
    Column("pediatric", Boolean),
    Column("requires_driver", Boolean),
    Column("window_from", TS),
    Column("window_to", TS),
    Column("signed_at", TS),
    Column("triage_category", String(40)),  # order.signed: same-day triage (domain/triage.py)
    Column("headache_hours", Integer),
    Column("prep_minutes", Integer),  # pharmacy preparation (order.signed); None: not told
    # pending | approved | not_required | denied | not_covered | closed
    Column("authorization", String(16), nullable=False, server_default="pending"),
    Column("cancelled", Boolean, nullable=False, server_default=false()),
    Column("escort_confirmed_at", TS),  # order.escort_confirmed
    Column("administered_at", TS),  # order.administered: the visit was completed in orders
    Column("series", JSON),  # order.signed: the catalog course its dose starts, if any
    Column("course", JSON),  # [{"drug_code", "molecule", "dose_number"}] of its lines
    Column("high_acuity_chair", Boolean),  # a high-acuity first dose (BookingPolicy)
)

appointments = Table(
    "appointments", metadata,
    Column("id", Uuid, primary_key=True),
    Column("order_id", Uuid),
    Column("practice_id", String(80)),
    Column("status", String(16), nullable=False),
    Column("minutes", Integer, nullable=False),
    Column("acuity_class", String(40), nullable=False),
    Column("pediatric", Boolean, nullable=False, server_default=false()),
    Column("requires_driver", Boolean, nullable=False, server_default=false()),
    Column("urgency", String(16), nullable=False, server_default="planned"),
    Column("high_acuity_chair", Boolean, nullable=False, server_default=false()),
    Column("chair_id", String(40)),
    Column("start_at", TS),
    Column("end_at", TS),
    Column("requested_start", TS),
    Column("window_from", TS),
    Column("window_to", TS),
    Column("ready_at", TS),
    Column("prep_minutes", Integer, nullable=False, server_default="0"),  # before the start
    Column("hold_expires_at", TS),
    Column("queued_at", TS),
    Column("priority", Integer, nullable=False, server_default="0"),  # triage clinical points
    Column("triage_category", String(40)),
    Column("headache_hours", Integer),
    Column("reason", String(200)),
    Column("started_at", TS),
    Column("completed_at", TS),
    Column("version", Integer, nullable=False, server_default="0"),
    Column("created_at", TS, nullable=False, server_default=func.now()),
    Column("updated_at", TS, nullable=False, server_default=func.now()),
    CheckConstraint("minutes > 0", name="minutes_positive"),
    CheckConstraint(
        "status IN ('queued', 'held', 'booked', 'checked_in', 'in_chair', 'completed', "
        "'cancelled', 'no_show')", name="status_known"),
    CheckConstraint(f"NOT ({_LIVE_SQL}) OR (chair_id IS NOT NULL AND start_at IS NOT NULL "
                    "AND end_at > start_at)", name="live_has_slot"),
    Index("ix_appointments_start_at", "start_at"),
    Index("ix_appointments_order_id", "order_id"),
    Index("ix_appointments_status", "status"),
    # One current appointment per order, whatever the code does. A multi-visit series would
    # key this on (order_id, its visit in the series) instead of order_id alone.
    Index(ONE_CURRENT_PER_ORDER, "order_id", unique=True,
          postgresql_where=text(_CURRENT_SQL), sqlite_where=text(_CURRENT_SQL)),
    ExcludeConstraint(
        ("chair_id", "="),
        (func.tstzrange(literal_column("start_at"), literal_column("end_at"),
                        literal_column("'[)'")), "&&"),
        using="gist", name=CHAIR_OVERLAP_CONSTRAINT, where=text(_LIVE_SQL),
        # deferrable so the optimizer can swap two visits inside one transaction
        deferrable=True, initially="IMMEDIATE",
    ).ddl_if(dialect="postgresql"),
)

# An order's prior authorization as authorization.approved carried it (issue 16): the visit
# must fall in its dates and within its units (domain/authorization_fit.py).
order_approvals = Table(
    "order_approvals", metadata,
    Column("order_id", Uuid, primary_key=True),
    Column("case_id", Uuid),
    Column("payer_id", String(80)),
    Column("auth_number", String(80), nullable=False),
    Column("valid_from", Date, nullable=False),
    Column("valid_to", Date, nullable=False),
    # [{"hcpcs": "J3032", "approved_units": 300, "units_per_visit": 100}]
    Column("lines", JSON, nullable=False, default=list),
    Column("decided_at", TS),
    Index("ix_order_approvals_auth_number", "auth_number"),
)


def violates_chair_overlap(exc: Exception) -> bool:
    """PostgreSQL only (SQLite has no exclusion constraints)."""
    return CHAIR_OVERLAP_CONSTRAINT in str(getattr(exc, "orig", exc))


def violates_one_current_per_order(exc: Exception) -> bool:
    """PostgreSQL names the index; SQLite names only the column of a unique index."""
    message = str(getattr(exc, "orig", exc))
    return (ONE_CURRENT_PER_ORDER in message
            or "UNIQUE constraint failed: appointments.order_id" in message)
