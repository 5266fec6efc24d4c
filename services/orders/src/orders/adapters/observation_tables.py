"""The patient observations table (regimen gates: screening results, MRIs, checklists)."""

from __future__ import annotations

import sqlalchemy as sa

from chairside_shared.db import UTCDateTime
from orders.adapters.metadata import metadata

patient_observations = sa.Table(
    "patient_observations", metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("patient_id", sa.Uuid, sa.ForeignKey("patients.id"), nullable=False),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("result", sa.String(32), nullable=False),
    sa.Column("observed_on", sa.Date, nullable=False),
    sa.Column("source", sa.String(200), nullable=False),
    sa.Column("order_id", sa.Uuid, sa.ForeignKey("orders.id")),
    sa.Column("recorded_at", UTCDateTime(), nullable=False),
    sa.Column("recorded_by", sa.String(128)),
    # numeric kinds (catalog observation_kinds with a unit): the value as sent and its unit
    sa.Column("value", sa.Numeric(14, 4)),
    sa.Column("unit", sa.String(16)),
    sa.Index("ix_patient_observations_patient_observed", "patient_id", "observed_on"),
)
