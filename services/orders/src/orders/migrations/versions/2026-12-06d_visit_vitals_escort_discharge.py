"""The visit record: timed vital signs, the escort of a sedating order (name and phone sealed
like demographics) and discharge checks.

Revision ID: orders_0010_visit
Revises: orders_0009_iv_fluids
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "orders_0010_visit"
down_revision = "orders_0009_iv_fluids"
branch_labels = None
depends_on = None

JSON_DOC = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "vital_signs",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.Column("taken_at", TS, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("bp_systolic", sa.Integer(), nullable=True),
        sa.Column("bp_diastolic", sa.Integer(), nullable=True),
        sa.Column("heart_rate", sa.Integer(), nullable=True),
        sa.Column("respiratory_rate", sa.Integer(), nullable=True),
        sa.Column("spo2", sa.Integer(), nullable=True),
        sa.Column("temperature_c", sa.Numeric(4, 1), nullable=True),
        sa.Column("nrs", sa.Integer(), nullable=True),
        sa.Column("poss", sa.String(length=1), nullable=True),
        sa.Column("rass", sa.Integer(), nullable=True),
        sa.Column("weight_kg", sa.Numeric(6, 2), nullable=True),
        sa.Column("on_room_air", sa.Boolean(), nullable=False),
        sa.Column("findings", JSON_DOC, nullable=False),
        sa.Column("recorded_by", sa.String(length=128), nullable=True),
        sa.Column("recorded_at", TS, nullable=False),
        sa.CheckConstraint("kind IN ('baseline', 'during', 'end', 'discharge')",
                           name=op.f("ck_vital_signs_kind")),
        sa.CheckConstraint("spo2 IS NULL OR spo2 BETWEEN 0 AND 100",
                           name=op.f("ck_vital_signs_spo2_range")),
        sa.CheckConstraint("nrs IS NULL OR nrs BETWEEN 0 AND 10",
                           name=op.f("ck_vital_signs_nrs_range")),
        sa.CheckConstraint("rass IS NULL OR rass BETWEEN -5 AND 4",
                           name=op.f("ck_vital_signs_rass_range")),
        sa.CheckConstraint("poss IS NULL OR poss IN ('S', '1', '2', '3', '4')",
                           name=op.f("ck_vital_signs_poss_values")),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"],
                                name=op.f("fk_vital_signs_order_id_orders")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vital_signs")),
    )
    op.create_index("ix_vital_signs_order_taken", "vital_signs", ["order_id", "taken_at"])
    op.create_table(
        "visit_escorts",
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("data_key", sa.LargeBinary(), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
        sa.Column("confirmed_at", TS, nullable=False),
        sa.Column("recorded_by", sa.String(length=128), nullable=True),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"],
                                name=op.f("fk_visit_escorts_order_id_orders")),
        sa.PrimaryKeyConstraint("order_id", name=op.f("pk_visit_escorts")),
    )
    op.create_index("ix_visit_escorts_key_id", "visit_escorts", ["key_id"])
    op.create_table(
        "discharge_checks",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.Column("checked_at", TS, nullable=False),
        sa.Column("gait_steady", sa.Boolean(), nullable=True),
        sa.Column("orthostatics_negative", sa.Boolean(), nullable=True),
        sa.Column("nausea_controlled", sa.Boolean(), nullable=True),
        sa.Column("criteria", JSON_DOC, nullable=False),
        sa.Column("ready", sa.Boolean(), nullable=False),
        sa.Column("thresholds_version", sa.Integer(), nullable=False),
        sa.Column("recorded_by", sa.String(length=128), nullable=True),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"],
                                name=op.f("fk_discharge_checks_order_id_orders")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_discharge_checks")),
    )
    op.create_index("ix_discharge_checks_order_at", "discharge_checks",
                    ["order_id", "checked_at"])


def downgrade() -> None:
    op.drop_index("ix_discharge_checks_order_at", table_name="discharge_checks")
    op.drop_table("discharge_checks")
    op.drop_index("ix_visit_escorts_key_id", table_name="visit_escorts")
    op.drop_table("visit_escorts")
    op.drop_index("ix_vital_signs_order_taken", table_name="vital_signs")
    op.drop_table("vital_signs")
