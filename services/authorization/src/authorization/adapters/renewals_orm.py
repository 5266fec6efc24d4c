"""The renewal worklist: one row per order whose visit falls outside its approval."""

from __future__ import annotations

from sqlalchemy import JSON, Column, Date, Index, String, Table, Uuid

from chairside_shared.db import UTCDateTime

from .metadata import metadata

renewal_needs = Table(
    "pa_renewal_needs", metadata,
    Column("order_id", Uuid, primary_key=True),
    Column("case_id", Uuid),
    Column("payer_id", String(80)),
    Column("practice_id", String(80)),
    Column("appointment_id", Uuid),
    Column("auth_number", String(80), nullable=False),
    Column("visit_date", Date, nullable=False),
    Column("valid_from", Date, nullable=False),
    Column("valid_to", Date, nullable=False),
    Column("reasons", JSON, nullable=False),  # ["outside_valid_dates", "units_exceeded"]
    Column("outcome", String(16), nullable=False),  # refused | held | booked
    Column("due_on", Date, nullable=False),
    Column("noted_at", UTCDateTime(), nullable=False),
    Index("ix_pa_renewal_needs_due_on", "due_on"),
)
