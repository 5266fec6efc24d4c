"""The eligibility tables, on the service's MetaData (registered by importing this module).

No name, birth date or member id is stored: a check keeps the coverage id orders gave and a
keyed fingerprint of the member id (``member_ref``), the benefit figures and the AAA codes. The
database holds the invariants too: known statuses and hold states, attempts never negative,
one hold per order.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    Date,
    Index,
    Integer,
    Numeric,
    String,
    Table,
    Text,
    Uuid,
)

from chairside_shared.db import UTCDateTime

from ..domain.eligibility_check import CHECK_STATUSES, HOLD_STATES
from .metadata import metadata

_STATUSES = ", ".join(f"'{s}'" for s in CHECK_STATUSES)
_STATES = ", ".join(f"'{s}'" for s in HOLD_STATES)

eligibility_checks = Table(
    "eligibility_checks", metadata,
    Column("id", Uuid, primary_key=True),
    Column("patient_id", Uuid, nullable=False),
    Column("payer_id", String(64), nullable=False),
    Column("order_id", Uuid, nullable=True),
    Column("trigger", String(20), nullable=False),
    Column("service_date", Date, nullable=False),
    Column("requested_at", UTCDateTime(), nullable=False),
    Column("requested_by", String(200), nullable=False),
    Column("expected_allowed", Numeric(12, 2), nullable=True),
    Column("status", String(20), nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", UTCDateTime(), nullable=True),
    Column("coverage_id", Uuid, nullable=True),
    Column("member_ref", String(64), nullable=True),
    Column("reason_code", String(40), nullable=True),
    Column("reason", String(500), nullable=True),
    Column("rejections", JSON, nullable=False),
    Column("figures", JSON, nullable=True),
    Column("estimate", JSON, nullable=True),
    Column("answered_at", UTCDateTime(), nullable=True),
    Column("resolved_at", UTCDateTime(), nullable=True),
    Column("resolved_by", String(200), nullable=True),
    Column("resolution", Text, nullable=True),
    # W3C traceparent of the request or event that opened the check (the worker continues it)
    Column("traceparent", String(55), nullable=True),
    CheckConstraint(f"status IN ({_STATUSES})", name="status_known"),
    CheckConstraint("trigger IN ('order_signed', 'on_demand')", name="trigger_known"),
    CheckConstraint("attempts >= 0", name="attempts_not_negative"),
    Index("ix_eligibility_checks_patient", "patient_id", "requested_at"),
    Index("ix_eligibility_checks_due", "status", "next_attempt_at"),
    Index("ix_eligibility_checks_order", "order_id"),
)

# One per order checked on signing: whether its booking decisions are withheld.
eligibility_holds = Table(
    "eligibility_holds", metadata,
    Column("order_id", Uuid, primary_key=True),
    Column("patient_id", Uuid, nullable=False),
    Column("payer_id", String(64), nullable=False),
    Column("check_id", Uuid, nullable=False),
    Column("state", String(20), nullable=False),
    Column("reason_code", String(40), nullable=True),
    Column("updated_at", UTCDateTime(), nullable=False),
    CheckConstraint(f"state IN ({_STATES})", name="state_known"),
)

# Booking decisions withheld while an order is held, in the order they were decided.
eligibility_held_events = Table(
    "eligibility_held_events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("order_id", Uuid, nullable=False),
    Column("event_type", String(100), nullable=False),
    Column("payload", Text, nullable=False),
    Column("subject", String(100), nullable=True),
    Column("held_at", UTCDateTime(), nullable=False),
    Index("ix_eligibility_held_events_order", "order_id", "id"),
)
