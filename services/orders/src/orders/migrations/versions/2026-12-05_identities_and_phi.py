"""Identities: practitioners, patient demographics and coverages (PHI, encrypted at rest, with
version history), the append-only PHI access log; orders record the ordering and supervising
practitioner and the coverage billed.

Revision ID: orders_0005
Revises: orders_0004
Create Date: 2026-12-05
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "orders_0005"
down_revision = "orders_0004"
branch_labels = None
depends_on = None

JSON_DOC = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
TS = sa.DateTime(timezone=True)

PG_APPEND_ONLY = [
    """CREATE FUNCTION phi_access_log_append_only() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION 'phi_access_log is append-only';
    END;
    $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER phi_access_log_append_only BEFORE UPDATE OR DELETE ON phi_access_log
        FOR EACH ROW EXECUTE FUNCTION phi_access_log_append_only()""",
]
SQLITE_APPEND_ONLY = [
    f"""CREATE TRIGGER phi_access_log_no_{what.lower()} BEFORE {what} ON phi_access_log
        BEGIN SELECT RAISE(ABORT, 'phi_access_log is append-only'); END"""
    for what in ("UPDATE", "DELETE")
]


def _sealed() -> list[sa.Column]:
    return [sa.Column('key_id', sa.String(length=32), nullable=False),
            sa.Column('data_key', sa.LargeBinary(), nullable=False),
            sa.Column('payload', sa.LargeBinary(), nullable=False)]


def upgrade() -> None:
    op.create_table('practitioners',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('npi', sa.String(length=10), nullable=False),
    sa.Column('family_name', sa.String(length=100), nullable=False),
    sa.Column('given_name', sa.String(length=100), nullable=False),
    sa.Column('taxonomy', sa.String(length=10), nullable=False),
    sa.Column('roles', JSON_DOC, nullable=False),
    sa.Column('practice_id', sa.String(length=64), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', TS, nullable=False),
    sa.Column('updated_at', TS, nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_practitioners')),
    sa.UniqueConstraint('npi', name='uq_practitioners_npi')
    )
    op.create_index(op.f('ix_practitioners_practice_id'), 'practitioners', ['practice_id'],
                    unique=False)
    op.create_table('patient_demographics',
    sa.Column('patient_id', sa.Uuid(), nullable=False),
    sa.Column('name_index', sa.String(length=64), nullable=False),
    *_sealed(),
    sa.Column('created_at', TS, nullable=False),
    sa.Column('updated_at', TS, nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['patients.id'], name=op.f('fk_patient_demographics_patient_id_patients')),
    sa.PrimaryKeyConstraint('patient_id', name=op.f('pk_patient_demographics'))
    )
    op.create_index(op.f('ix_patient_demographics_name_index'), 'patient_demographics', ['name_index'], unique=False)
    op.create_index('ix_patient_demographics_key_id', 'patient_demographics', ['key_id'], unique=False)
    op.create_table('coverage_versions',
    sa.Column('coverage_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('patient_id', sa.Uuid(), nullable=False),
    sa.Column('is_current', sa.Boolean(), nullable=False),
    sa.Column('payer_id', sa.String(length=64), nullable=False),
    sa.Column('priority', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('member_index', sa.String(length=64), nullable=False),
    *_sealed(),
    sa.Column('recorded_at', TS, nullable=False),
    sa.Column('recorded_by', sa.String(length=128), nullable=True),
    sa.CheckConstraint("priority IN ('primary', 'secondary', 'tertiary')", name=op.f('ck_coverage_versions_priority')),
    sa.CheckConstraint("status IN ('active', 'ended')", name=op.f('ck_coverage_versions_status')),
    sa.ForeignKeyConstraint(['patient_id'], ['patients.id'], name=op.f('fk_coverage_versions_patient_id_patients')),
    sa.PrimaryKeyConstraint('coverage_id', 'version', name=op.f('pk_coverage_versions'))
    )
    op.create_index('ix_coverage_versions_patient', 'coverage_versions', ['patient_id', 'is_current'], unique=False)
    op.create_index('ix_coverage_versions_member_index', 'coverage_versions', ['member_index'], unique=False)
    op.create_index('ix_coverage_versions_key_id', 'coverage_versions', ['key_id'], unique=False)
    op.create_index('uq_coverage_versions_current', 'coverage_versions', ['coverage_id'], unique=True,
                    postgresql_where=sa.text('is_current'), sqlite_where=sa.text('is_current'))
    op.create_table('phi_access_log',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('at', TS, nullable=False),
    sa.Column('client_id', sa.String(length=128), nullable=True),
    sa.Column('user_id', sa.String(length=128), nullable=True),
    sa.Column('patient_id', sa.Uuid(), nullable=False),
    sa.Column('practice_id', sa.String(length=64), nullable=True),
    sa.Column('resource', sa.String(length=32), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('fields', JSON_DOC, nullable=False),
    sa.Column('purpose', sa.String(length=16), nullable=False),
    sa.CheckConstraint("purpose IN ('treatment', 'payment', 'operations')", name=op.f('ck_phi_access_log_purpose')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_phi_access_log'))
    )
    op.create_index('ix_phi_access_log_patient_at', 'phi_access_log', ['patient_id', 'at'], unique=False)
    postgres = op.get_bind().dialect.name == "postgresql"
    for statement in PG_APPEND_ONLY if postgres else SQLITE_APPEND_ONLY:
        op.execute(statement)
    with op.batch_alter_table("orders") as batch:
        batch.add_column(sa.Column('ordering_practitioner_id', sa.Uuid(), nullable=True))
        batch.add_column(sa.Column('supervising_practitioner_id', sa.Uuid(), nullable=True))
        batch.add_column(sa.Column('coverage_id', sa.Uuid(), nullable=True))
        batch.create_foreign_key(op.f('fk_orders_ordering_practitioner_id_practitioners'),
                                 'practitioners', ['ordering_practitioner_id'], ['id'])
        batch.create_foreign_key(op.f('fk_orders_supervising_practitioner_id_practitioners'),
                                 'practitioners', ['supervising_practitioner_id'], ['id'])
    with op.batch_alter_table("administrations") as batch:
        batch.add_column(sa.Column('supervising_practitioner_id', sa.Uuid(), nullable=True))
        batch.create_foreign_key(
            op.f('fk_administrations_supervising_practitioner_id_practitioners'),
            'practitioners', ['supervising_practitioner_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table("administrations") as batch:
        batch.drop_constraint(op.f('fk_administrations_supervising_practitioner_id_practitioners'),
                              type_='foreignkey')
        batch.drop_column('supervising_practitioner_id')
    with op.batch_alter_table("orders") as batch:
        batch.drop_constraint(op.f('fk_orders_supervising_practitioner_id_practitioners'),
                              type_='foreignkey')
        batch.drop_constraint(op.f('fk_orders_ordering_practitioner_id_practitioners'),
                              type_='foreignkey')
        batch.drop_column('coverage_id')
        batch.drop_column('supervising_practitioner_id')
        batch.drop_column('ordering_practitioner_id')
    op.drop_table('phi_access_log')  # drops its triggers with it
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS phi_access_log_append_only()")
    op.drop_table('coverage_versions')
    op.drop_table('patient_demographics')
    op.drop_table('practitioners')
