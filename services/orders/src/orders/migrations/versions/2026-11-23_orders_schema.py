"""Orders schema: patients, outside doses, catalog versions (seeded as version 1), protocols
(seeded with the starter cocktails), orders and administrations.

Revision ID: orders_0002
Revises: orders_0001
Create Date: 2026-11-23
"""
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "orders_0002"
down_revision = "orders_0001"
branch_labels = None
depends_on = None

JSON_DOC = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
TABLES = ("administrations", "outside_doses", "orders", "protocols", "catalog_versions",
          "patients")


def upgrade() -> None:
    op.create_table('catalog_versions',
    sa.Column('version', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('snapshot', JSON_DOC, nullable=False),
    sa.Column('changed_drug', sa.String(length=64), nullable=True),
    sa.Column('note', sa.String(length=500), nullable=True),
    sa.Column('created_by', sa.String(length=128), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('version', name=op.f('pk_catalog_versions'))
    )
    op.create_table('patients',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('practice_id', sa.String(length=64), nullable=False),
    sa.Column('mrn', sa.String(length=64), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('sex', sa.String(length=16), nullable=False),
    sa.Column('weight_kg', sa.Numeric(precision=6, scale=2), nullable=True),
    sa.Column('pregnant', sa.Boolean(), nullable=True),
    sa.Column('qtc_ms', sa.Integer(), nullable=True),
    sa.Column('allergies', JSON_DOC, nullable=False),
    sa.Column('conditions', JSON_DOC, nullable=False),
    sa.Column('medications', JSON_DOC, nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('weight_kg IS NULL OR weight_kg > 0', name=op.f('ck_patients_weight_positive')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_patients')),
    sa.UniqueConstraint('practice_id', 'mrn', name='uq_patients_practice_mrn')
    )
    op.create_index(op.f('ix_patients_practice_id'), 'patients', ['practice_id'], unique=False)
    op.create_table('protocols',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('practice_id', sa.String(length=64), nullable=True),
    sa.Column('key', sa.String(length=64), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('population', sa.String(length=16), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('lines', JSON_DOC, nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_by', sa.String(length=128), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("population IN ('adult', 'pediatric', 'any')", name=op.f('ck_protocols_population')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_protocols')),
    sa.UniqueConstraint('key', name=op.f('uq_protocols_key'))
    )
    op.create_index(op.f('ix_protocols_practice_id'), 'protocols', ['practice_id'], unique=False)
    op.create_table('orders',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('practice_id', sa.String(length=64), nullable=False),
    sa.Column('patient_id', sa.Uuid(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('authorization_status', sa.String(length=16), nullable=False),
    sa.Column('authorization_decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('urgency', sa.String(length=16), nullable=False),
    sa.Column('requested_from', sa.DateTime(timezone=True), nullable=True),
    sa.Column('requested_to', sa.DateTime(timezone=True), nullable=True),
    sa.Column('diagnoses', JSON_DOC, nullable=False),
    sa.Column('payer', JSON_DOC, nullable=True),
    sa.Column('protocol_id', sa.Uuid(), nullable=True),
    sa.Column('lines', JSON_DOC, nullable=False),
    sa.Column('findings', JSON_DOC, nullable=False),
    sa.Column('overrides', JSON_DOC, nullable=False),
    sa.Column('history', JSON_DOC, nullable=False),
    sa.Column('catalog_version', sa.Integer(), nullable=False),
    sa.Column('estimated_chair_minutes', sa.Integer(), nullable=False),
    sa.Column('acuity_class', sa.String(length=32), nullable=False),
    sa.Column('requires_driver', sa.Boolean(), nullable=False),
    sa.Column('prescriber_id', sa.String(length=128), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('signed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('cancelled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('cancel_reason', sa.String(length=500), nullable=True),
    sa.Column('completed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("authorization_status IN ('not_required', 'pending', 'approved', 'denied')", name=op.f('ck_orders_authorization_status')),
    sa.CheckConstraint("status IN ('draft', 'signed', 'scheduled', 'in_progress', 'administered', 'cancelled')", name=op.f('ck_orders_status')),
    sa.CheckConstraint("urgency IN ('same_day', 'planned')", name=op.f('ck_orders_urgency')),
    sa.ForeignKeyConstraint(['patient_id'], ['patients.id'], name=op.f('fk_orders_patient_id_patients')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_orders'))
    )
    op.create_index(op.f('ix_orders_patient_id'), 'orders', ['patient_id'], unique=False)
    op.create_index('ix_orders_practice_created', 'orders', ['practice_id', 'created_at', 'id'], unique=False)
    op.create_table('outside_doses',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('patient_id', sa.Uuid(), nullable=False),
    sa.Column('drug_code', sa.String(length=64), nullable=False),
    sa.Column('dose', sa.Numeric(precision=14, scale=4), nullable=False),
    sa.Column('dose_unit', sa.String(length=16), nullable=False),
    sa.Column('dose_catalog_unit', sa.Numeric(precision=14, scale=4), nullable=False),
    sa.Column('given_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('recorded_by', sa.String(length=128), nullable=True),
    sa.CheckConstraint('dose > 0', name=op.f('ck_outside_doses_dose_positive')),
    sa.ForeignKeyConstraint(['patient_id'], ['patients.id'], name=op.f('fk_outside_doses_patient_id_patients')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outside_doses'))
    )
    op.create_index('ix_outside_doses_patient_drug', 'outside_doses', ['patient_id', 'drug_code', 'given_at'], unique=False)
    op.create_table('administrations',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('order_id', sa.Uuid(), nullable=False),
    sa.Column('patient_id', sa.Uuid(), nullable=False),
    sa.Column('line_sequence', sa.Integer(), nullable=False),
    sa.Column('drug_code', sa.String(length=64), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('stopped_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('dose_given', sa.Numeric(precision=14, scale=4), nullable=False),
    sa.Column('dose_unit', sa.String(length=16), nullable=False),
    sa.Column('dose_catalog_unit', sa.Numeric(precision=14, scale=4), nullable=False),
    sa.Column('ndc', sa.String(length=16), nullable=True),
    sa.Column('lot', sa.String(length=64), nullable=True),
    sa.Column('wasted_amount', sa.Numeric(precision=14, scale=4), nullable=False),
    sa.Column('reaction', sa.String(length=500), nullable=True),
    sa.Column('findings', JSON_DOC, nullable=False),
    sa.Column('recorded_by', sa.String(length=128), nullable=True),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('dose_given > 0 AND wasted_amount >= 0', name=op.f('ck_administrations_amounts')),
    sa.CheckConstraint('stopped_at >= started_at', name=op.f('ck_administrations_stop_after_start')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_administrations_order_id_orders')),
    sa.ForeignKeyConstraint(['patient_id'], ['patients.id'], name=op.f('fk_administrations_patient_id_patients')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_administrations')),
    sa.UniqueConstraint('order_id', 'line_sequence', name='uq_administrations_order_line')
    )
    op.create_index('ix_administrations_patient_drug', 'administrations', ['patient_id', 'drug_code', 'started_at'], unique=False)

    _seed()


def _seed() -> None:
    """Catalog version 1 and the center-wide protocol templates, from the seed file."""
    from orders.adapters.codec import protocol_row
    from orders.seed import seed_catalog, seed_protocols

    now = datetime.now(UTC)
    versions = sa.table("catalog_versions", sa.column("version", sa.Integer),
                        sa.column("snapshot", JSON_DOC), sa.column("note", sa.String),
                        sa.column("created_by", sa.String),
                        sa.column("created_at", sa.DateTime(timezone=True)))
    catalog = seed_catalog()
    op.bulk_insert(versions, [{"version": catalog.version,
                               "snapshot": catalog.model_dump(mode="json"),
                               "note": "seed: clinical.md drugs", "created_by": "migration",
                               "created_at": now}])
    protocols = sa.table(
        "protocols", sa.column("id", sa.Uuid), sa.column("active", sa.Boolean),
        sa.column("created_at", sa.DateTime(timezone=True)), sa.column("lines", JSON_DOC),
        *(sa.column(c, sa.String) for c in ("practice_id", "key", "name", "population",
                                             "description", "created_by")))
    op.bulk_insert(protocols, [protocol_row(p) | {"created_by": "migration", "created_at": now}
                               for p in seed_protocols()])


def downgrade() -> None:
    for name in TABLES:
        op.drop_table(name)
