"""Outcome tables: the NRS series of a visit, its 24/48/72 h follow-ups, and a patient's
preventive assessments (diary, MIDAS, HIT-6). Outcomes themselves are computed on read from
these rows (domain/outcomes.py, domain/assessments.py), so a changed threshold re-reads history
the same way everywhere."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

from chairside_shared.db import UTCDateTime
from orders.adapters.metadata import metadata

JSONDoc = sa.JSON().with_variant(JSONB(), "postgresql")
TS = UTCDateTime()
HOURS = sa.Numeric(6, 2)

pain_scores = sa.Table(
    "pain_scores", metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("order_id", sa.Uuid, sa.ForeignKey("orders.id"), nullable=False),
    sa.Column("patient_id", sa.Uuid, sa.ForeignKey("patients.id"), nullable=False),
    sa.Column("point", sa.String(16), nullable=False),
    sa.Column("nrs", sa.Integer, nullable=False),
    sa.Column("at", TS, nullable=False),
    sa.Column("recorded_by", sa.String(128)),
    sa.Column("recorded_at", TS, nullable=False),
    sa.UniqueConstraint("order_id", "point", name="uq_pain_scores_order_point"),
    sa.CheckConstraint("nrs BETWEEN 0 AND 10", name="nrs_range"),
)

follow_ups = sa.Table(
    "follow_ups", metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("order_id", sa.Uuid, sa.ForeignKey("orders.id"), nullable=False),
    sa.Column("patient_id", sa.Uuid, sa.ForeignKey("patients.id"), nullable=False),
    sa.Column("checkpoint_hours", sa.Integer, nullable=False),
    sa.Column("rescue_used", sa.Boolean, nullable=False),
    sa.Column("rescue_hours", HOURS),
    sa.Column("recurrence", sa.Boolean, nullable=False),
    sa.Column("recurrence_hours", HOURS),
    sa.Column("ed_visit", sa.Boolean, nullable=False),
    sa.Column("ed_hours", HOURS),
    sa.Column("recorded_by", sa.String(128)),
    sa.Column("client_id", sa.String(128)),  # staff app or the partner practice's client
    sa.Column("recorded_at", TS, nullable=False),
    sa.UniqueConstraint("order_id", "checkpoint_hours", name="uq_follow_ups_order_checkpoint"),
)

assessments = sa.Table(
    "assessments", metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("patient_id", sa.Uuid, sa.ForeignKey("patients.id"), nullable=False),
    sa.Column("practice_id", sa.String(64), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("drug_code", sa.String(64)),
    sa.Column("taken_on", sa.Date, nullable=False),
    sa.Column("period_start", sa.Date),
    sa.Column("migraine_days", sa.Integer),
    sa.Column("headache_days", sa.Integer),
    sa.Column("items", JSONDoc, nullable=False),
    sa.Column("total", sa.Integer),
    sa.Column("recorded_by", sa.String(128)),
    sa.Column("recorded_at", TS, nullable=False),
    sa.Index("ix_assessments_patient_kind", "patient_id", "kind", "taken_on"),
    sa.CheckConstraint("kind IN ('diary', 'midas', 'hit6')", name="kind"),
)
