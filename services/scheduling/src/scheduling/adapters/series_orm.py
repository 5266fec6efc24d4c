"""Series tables: a course of visits (one signed order each) booked in one decision, and the
RX-6 holds that pause a patient's remaining series visits until a provider clears them.

An order belongs to one series at most (unique ``order_id``); the visits' chair time lives in
``appointments`` (one current appointment per order), so the chair exclusion constraint guards
series visits like any other.
"""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, Date, ForeignKey, Index, Integer, String, Table, Uuid

from chairside_shared.db import UTCDateTime

from .metadata import metadata

TS = UTCDateTime()

series = Table(
    "series", metadata,
    Column("id", Uuid, primary_key=True),
    Column("patient_id", Uuid, nullable=False),
    Column("practice_id", String(80), nullable=False),
    Column("pattern_kind", String(24), nullable=False),
    Column("offsets", JSON, nullable=False, default=list),
    Column("first_day", Date, nullable=False),
    Column("window_start", String(5), nullable=False),  # local "HH:MM"
    Column("window_end", String(5), nullable=False),
    Column("allow_closed_day_gap", Boolean, nullable=False),
    Column("created_at", TS, nullable=False),
    Index("ix_series_patient_id", "patient_id"),
)

series_visits = Table(
    "series_visits", metadata,
    Column("series_id", Uuid, ForeignKey("series.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),  # dose number, 1-based
    Column("order_id", Uuid, nullable=False, unique=True),
    Column("day", Date, nullable=False),  # the clinic day planned for it
)

# RX-6: a reaction that holds the patient's series (reaction.recorded with holds_series) until
# reaction.cleared. Ids only.
series_holds = Table(
    "series_holds", metadata,
    Column("reaction_id", Uuid, primary_key=True),
    Column("patient_id", Uuid, nullable=False),
    Column("order_id", Uuid, nullable=False),
    Column("held_at", TS, nullable=False),
    Column("cleared_at", TS),
    Index("ix_series_holds_patient_id", "patient_id"),
)

TABLES = [series, series_visits, series_holds]
