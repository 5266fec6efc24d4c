"""Outcome figures per patient and drug, from orders' ``outcome.assessed`` events."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Float, Integer, PrimaryKeyConstraint, String, Table, Uuid

from chairside_shared.db import UTCDateTime

from .metadata import metadata

patient_outcomes = Table(
    "patient_outcomes", metadata,
    Column("patient_id", Uuid, nullable=False),
    Column("drug_code", String(64), nullable=False),  # "" when no drug was named
    Column("assessment_id", Uuid, nullable=False),
    Column("assessed_at", UTCDateTime(), nullable=False),
    Column("baseline_migraine_days", Float),
    Column("current_migraine_days", Float),
    Column("migraine_days_change_pct", Float),
    Column("midas_baseline", Integer),
    Column("midas_current", Integer),
    Column("hit6_baseline", Integer),
    Column("hit6_current", Integer),
    Column("renewal_ready", Boolean),
    PrimaryKeyConstraint("patient_id", "drug_code", name="pk_patient_outcomes"),
)
