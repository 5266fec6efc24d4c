"""Tables of the visit record: timed vital signs, the escort (PHI, sealed) and the discharge
checks. On the service's MetaData like ``orm.py``; kept apart so the order row stays small.
Invariants the database enforces: known kinds, plausible ranges (the seed's ranges are
narrower), one escort per order."""

from __future__ import annotations

import sqlalchemy as sa

from orders.adapters.metadata import metadata
from orders.adapters.orm import TS, JSONDoc, _in, _sealed

VITAL_KINDS = ("baseline", "during", "end", "discharge")

vital_signs = sa.Table(
    "vital_signs", metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("order_id", sa.Uuid, sa.ForeignKey("orders.id"), nullable=False),
    sa.Column("taken_at", TS, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("bp_systolic", sa.Integer),
    sa.Column("bp_diastolic", sa.Integer),
    sa.Column("heart_rate", sa.Integer),
    sa.Column("respiratory_rate", sa.Integer),
    sa.Column("spo2", sa.Integer),
    sa.Column("temperature_c", sa.Numeric(4, 1)),
    sa.Column("nrs", sa.Integer),
    sa.Column("poss", sa.String(1)),
    sa.Column("rass", sa.Integer),
    sa.Column("weight_kg", sa.Numeric(6, 2)),
    sa.Column("on_room_air", sa.Boolean, nullable=False),
    sa.Column("findings", JSONDoc, nullable=False),
    sa.Column("recorded_by", sa.String(128)),
    sa.Column("recorded_at", TS, nullable=False),
    sa.Index("ix_vital_signs_order_taken", "order_id", "taken_at"),
    sa.CheckConstraint(_in("kind", VITAL_KINDS), name="kind"),
    sa.CheckConstraint("spo2 IS NULL OR spo2 BETWEEN 0 AND 100", name="spo2_range"),
    sa.CheckConstraint("nrs IS NULL OR nrs BETWEEN 0 AND 10", name="nrs_range"),
    sa.CheckConstraint("rass IS NULL OR rass BETWEEN -5 AND 4", name="rass_range"),
    sa.CheckConstraint("poss IS NULL OR " + _in("poss", ("S", "1", "2", "3", "4")),
                       name="poss_values"),
)

# The escort's name and phone are PHI: sealed like demographics (phi_crypto, bound to the
# order id); only the order id and when/who confirmed are readable.
visit_escorts = sa.Table(
    "visit_escorts", metadata,
    sa.Column("order_id", sa.Uuid, sa.ForeignKey("orders.id"), primary_key=True),
    *_sealed(),
    sa.Column("confirmed_at", TS, nullable=False),
    sa.Column("recorded_by", sa.String(128)),
    sa.Index("ix_visit_escorts_key_id", "key_id"),
)

discharge_checks = sa.Table(
    "discharge_checks", metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("order_id", sa.Uuid, sa.ForeignKey("orders.id"), nullable=False),
    sa.Column("checked_at", TS, nullable=False),
    sa.Column("gait_steady", sa.Boolean),
    sa.Column("orthostatics_negative", sa.Boolean),
    sa.Column("nausea_controlled", sa.Boolean),
    sa.Column("criteria", JSONDoc, nullable=False),
    sa.Column("ready", sa.Boolean, nullable=False),
    sa.Column("thresholds_version", sa.Integer, nullable=False),
    sa.Column("recorded_by", sa.String(128)),
    sa.Index("ix_discharge_checks_order_at", "order_id", "checked_at"),
)
