"""Structured infusion reactions (clinical-loop.md 1.4), their alerts (RX-3) and the rescue
medicines given for them (unplanned administrations).

Revision ID: orders_0007_reactions
Revises: orders_0006
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "orders_0007_reactions"
down_revision = "orders_0006"
branch_labels = None
depends_on = None

JSON_DOC = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "reactions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("practice_id", sa.String(length=64), nullable=False),
        sa.Column("onset_at", TS, nullable=False),
        sa.Column("grade", sa.Integer(), nullable=False),
        sa.Column("term", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("drug_codes", JSON_DOC, nullable=False),
        sa.Column("document", JSON_DOC, nullable=False),
        sa.Column("cleared_at", TS, nullable=True),
        sa.Column("cleared_by", sa.String(length=128), nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("recorded_by", sa.String(length=128), nullable=True),
        sa.CheckConstraint("grade BETWEEN 1 AND 5", name=op.f("ck_reactions_grade")),
        sa.CheckConstraint("term IN ('infusion_related_reaction', 'anaphylaxis', 'other')",
                           name=op.f("ck_reactions_term")),
        sa.CheckConstraint("kind IN ('allergy', 'intolerance')", name=op.f("ck_reactions_kind")),
        sa.CheckConstraint("outcome IN ('resolved', 'ongoing', 'ems_transfer', 'admitted')",
                           name=op.f("ck_reactions_outcome")),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"],
                                name=op.f("fk_reactions_order_id_orders")),
        sa.ForeignKeyConstraint(["patient_id"], ["patients.id"],
                                name=op.f("fk_reactions_patient_id_patients")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reactions")),
    )
    op.create_index("ix_reactions_order_id", "reactions", ["order_id"])
    op.create_index("ix_reactions_patient_onset", "reactions", ["patient_id", "onset_at"])
    op.create_index("ix_reactions_practice_onset", "reactions", ["practice_id", "onset_at"])
    op.create_table(
        "reaction_alerts",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("reaction_id", sa.Uuid(), nullable=False),
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("practice_id", sa.String(length=64), nullable=False),
        sa.Column("audience", sa.String(length=24), nullable=False),
        sa.Column("practitioner_id", sa.Uuid(), nullable=True),
        sa.Column("grade", sa.Integer(), nullable=False),
        sa.Column("drug_codes", JSON_DOC, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("acknowledged_at", TS, nullable=True),
        sa.Column("acknowledged_by", sa.String(length=128), nullable=True),
        sa.CheckConstraint("audience IN ('charge_nurse', 'ordering_provider')",
                           name=op.f("ck_reaction_alerts_audience")),
        sa.ForeignKeyConstraint(["reaction_id"], ["reactions.id"],
                                name=op.f("fk_reaction_alerts_reaction_id_reactions")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reaction_alerts")),
    )
    op.create_index("ix_reaction_alerts_practice_created", "reaction_alerts",
                    ["practice_id", "created_at", "id"])
    op.create_table(
        "unplanned_administrations",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("reaction_id", sa.Uuid(), nullable=False),
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("drug", sa.String(length=100), nullable=False),
        sa.Column("dose", sa.Numeric(14, 4), nullable=False),
        sa.Column("unit", sa.String(length=16), nullable=False),
        sa.Column("route", sa.String(length=16), nullable=False),
        sa.Column("given_at", TS, nullable=False),
        sa.Column("given_by", sa.String(length=128), nullable=False),
        sa.CheckConstraint("dose > 0", name=op.f("ck_unplanned_administrations_dose_positive")),
        sa.ForeignKeyConstraint(["reaction_id"], ["reactions.id"],
                                name=op.f("fk_unplanned_administrations_reaction_id_reactions")),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"],
                                name=op.f("fk_unplanned_administrations_order_id_orders")),
        sa.ForeignKeyConstraint(["patient_id"], ["patients.id"],
                                name=op.f("fk_unplanned_administrations_patient_id_patients")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unplanned_administrations")),
    )
    op.create_index("ix_unplanned_administrations_reaction_id", "unplanned_administrations",
                    ["reaction_id"])


def downgrade() -> None:
    op.drop_index("ix_unplanned_administrations_reaction_id", "unplanned_administrations")
    op.drop_table("unplanned_administrations")
    op.drop_index("ix_reaction_alerts_practice_created", "reaction_alerts")
    op.drop_table("reaction_alerts")
    op.drop_index("ix_reactions_practice_onset", "reactions")
    op.drop_index("ix_reactions_patient_onset", "reactions")
    op.drop_index("ix_reactions_order_id", "reactions")
    op.drop_table("reactions")
