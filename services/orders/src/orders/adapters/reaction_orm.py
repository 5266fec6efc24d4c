"""Tables for structured reactions (clinical-loop.md 1.4), their alerts (RX-3) and the rescue
medicines given for them, recorded as unplanned administrations.

A reaction is one row: the columns the checks, reports and alerts filter on (patient, onset,
grade, term, kind, suspect drug codes, clearance) plus one JSON document for the rest.
Rescue medicines have their own table so the MAR can list everything given in a visit; they
never join the billed administrations (they are not order lines).
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

from chairside_shared.db import UTCDateTime
from orders.adapters.metadata import metadata

JSONDoc = sa.JSON().with_variant(JSONB(), "postgresql")
TS = UTCDateTime()
TERMS = ("infusion_related_reaction", "anaphylaxis", "other")
AUDIENCES = ("charge_nurse", "ordering_provider")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


reactions = sa.Table(
    "reactions", metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("order_id", sa.Uuid, sa.ForeignKey("orders.id"), nullable=False, index=True),
    sa.Column("patient_id", sa.Uuid, sa.ForeignKey("patients.id"), nullable=False),
    sa.Column("practice_id", sa.String(64), nullable=False),
    sa.Column("onset_at", TS, nullable=False),
    sa.Column("grade", sa.Integer, nullable=False),
    sa.Column("term", sa.String(32), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("outcome", sa.String(16), nullable=False),
    sa.Column("drug_codes", JSONDoc, nullable=False),
    sa.Column("document", JSONDoc, nullable=False),
    sa.Column("cleared_at", TS),
    sa.Column("cleared_by", sa.String(128)),
    sa.Column("created_at", TS, nullable=False),
    sa.Column("recorded_by", sa.String(128)),
    sa.Index("ix_reactions_patient_onset", "patient_id", "onset_at"),
    sa.Index("ix_reactions_practice_onset", "practice_id", "onset_at"),
    sa.CheckConstraint("grade BETWEEN 1 AND 5", name="grade"),
    sa.CheckConstraint(_in("term", TERMS), name="term"),
    sa.CheckConstraint(_in("kind", ("allergy", "intolerance")), name="kind"),
    sa.CheckConstraint(_in("outcome", ("resolved", "ongoing", "ems_transfer", "admitted")),
                       name="outcome"),
)

reaction_alerts = sa.Table(
    "reaction_alerts", metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("reaction_id", sa.Uuid, sa.ForeignKey("reactions.id"), nullable=False),
    sa.Column("order_id", sa.Uuid, nullable=False),
    sa.Column("patient_id", sa.Uuid, nullable=False),
    sa.Column("practice_id", sa.String(64), nullable=False),
    sa.Column("audience", sa.String(24), nullable=False),
    sa.Column("practitioner_id", sa.Uuid),  # the ordering provider, for that audience
    sa.Column("grade", sa.Integer, nullable=False),
    sa.Column("drug_codes", JSONDoc, nullable=False),
    sa.Column("created_at", TS, nullable=False),
    sa.Column("acknowledged_at", TS),
    sa.Column("acknowledged_by", sa.String(128)),
    sa.Index("ix_reaction_alerts_practice_created", "practice_id", "created_at", "id"),
    sa.CheckConstraint(_in("audience", AUDIENCES), name="audience"),
)

unplanned_administrations = sa.Table(
    "unplanned_administrations", metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("reaction_id", sa.Uuid, sa.ForeignKey("reactions.id"), nullable=False,
              index=True),
    sa.Column("order_id", sa.Uuid, sa.ForeignKey("orders.id"), nullable=False),
    sa.Column("patient_id", sa.Uuid, sa.ForeignKey("patients.id"), nullable=False),
    sa.Column("drug", sa.String(100), nullable=False),
    sa.Column("dose", sa.Numeric(14, 4), nullable=False),
    sa.Column("unit", sa.String(16), nullable=False),
    sa.Column("route", sa.String(16), nullable=False),
    sa.Column("given_at", TS, nullable=False),
    sa.Column("given_by", sa.String(128), nullable=False),
    sa.CheckConstraint("dose > 0", name="dose_positive"),
)
