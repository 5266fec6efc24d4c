"""Reimbursement schema: inventory (products, lots, movements, flags), fee schedules (HCPCS
descriptors, ASP quarters, AWP, payer contracts, charge master), authorizations, claims and
their lines and drug costs, 837P control numbers, remittances and claim payments.

Money columns use the service's Dec type (NUMERIC on PostgreSQL, exact text on SQLite) and
timestamps its UTCDateTime; both are plain DDL types, so the migration stays portable.

Revision ID: reimbursement_0002
Revises: reimbursement_0001
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from chairside_shared.db import UTCDateTime
from reimbursement.adapters.types import Dec

revision = 'reimbursement_0002'
down_revision = 'reimbursement_0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('asp_quarters',
    sa.Column('quarter', sa.String(length=6), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=False),
    sa.Column('effective_to', sa.Date(), nullable=False),
    sa.Column('source', sa.String(length=300), nullable=False),
    sa.Column('rows', sa.Integer(), nullable=False),
    sa.Column('imported_at', UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('quarter', name=op.f('pk_asp_quarters'))
    )
    op.create_table('authorizations',
    sa.Column('case_id', sa.Uuid(), nullable=False),
    sa.Column('order_id', sa.Uuid(), nullable=False),
    sa.Column('payer_id', sa.String(length=64), nullable=False),
    sa.Column('auth_number', sa.String(length=50), nullable=False),
    sa.Column('approved_units', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('valid_to', sa.Date(), nullable=False),
    sa.Column('decided_at', UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('case_id', name=op.f('pk_authorizations'))
    )
    op.create_index(op.f('ix_authorizations_order_id'), 'authorizations', ['order_id'], unique=False)
    op.create_table('awp_prices',
    sa.Column('hcpcs', sa.String(length=5), nullable=False),
    sa.Column('per_unit', Dec(), nullable=False),
    sa.Column('source', sa.String(length=300), nullable=False),
    sa.PrimaryKeyConstraint('hcpcs', name=op.f('pk_awp_prices'))
    )
    op.create_table('charge_master',
    sa.Column('code', sa.String(length=5), nullable=False),
    sa.Column('unit_charge', Dec(), nullable=False),
    sa.Column('version', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_charge_master'))
    )
    op.create_table('claims',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('order_id', sa.Uuid(), nullable=False),
    sa.Column('account_number', sa.String(length=20), nullable=False),
    sa.Column('practice_id', sa.String(length=64), nullable=False),
    sa.Column('patient_id', sa.Uuid(), nullable=False),
    sa.Column('payer_id', sa.String(length=64), nullable=True),
    sa.Column('member_id', sa.String(length=80), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('service_date', sa.Date(), nullable=False),
    sa.Column('rendering_npi', sa.String(length=10), nullable=True),
    sa.Column('diagnoses', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('auth_number', sa.String(length=50), nullable=True),
    sa.Column('place_of_service', sa.String(length=2), nullable=False),
    sa.Column('total_charge', Dec(), nullable=False),
    sa.Column('allowed', Dec(), nullable=True),
    sa.Column('patient_share', Dec(), nullable=True),
    sa.Column('sequestration', Dec(), nullable=True),
    sa.Column('expected_payment', Dec(), nullable=True),
    sa.Column('acquisition_cost', Dec(), nullable=False),
    sa.Column('waste_cost', Dec(), nullable=False),
    sa.Column('paid_amount', Dec(), nullable=False),
    sa.Column('patient_responsibility', Dec(), nullable=False),
    sa.Column('reviews', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('warnings', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('notes', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('denial_reasons', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('visit', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('lot_costs', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('created_at', UTCDateTime(), nullable=False),
    sa.Column('updated_at', UTCDateTime(), nullable=False),
    sa.Column('submitted_at', UTCDateTime(), nullable=True),
    sa.Column('adjudicated_at', UTCDateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("status IN ('needs_review', 'ready', 'submitted', 'paid', 'partially_paid', 'denied', 'reversed')", name=op.f('ck_claims_status_known')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claims')),
    sa.UniqueConstraint('account_number', name=op.f('uq_claims_account_number')),
    sa.UniqueConstraint('order_id', name=op.f('uq_claims_order_id'))
    )
    op.create_index(op.f('ix_claims_practice_id'), 'claims', ['practice_id'], unique=False)
    op.create_index('ix_claims_status_service_date', 'claims', ['status', 'service_date'], unique=False)
    op.create_table('hcpcs_descriptors',
    sa.Column('code', sa.String(length=5), nullable=False),
    sa.Column('description', sa.String(length=200), nullable=False),
    sa.Column('amount', Dec(), nullable=False),
    sa.Column('unit', sa.String(length=8), nullable=False),
    sa.Column('up_to', sa.Boolean(), nullable=False),
    sa.Column('unclassified', sa.Boolean(), nullable=False),
    sa.Column('source', sa.String(length=300), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_hcpcs_descriptors'))
    )
    op.create_table('inventory_flags',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('order_id', sa.Uuid(), nullable=True),
    sa.Column('ndc', sa.String(length=11), nullable=True),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('detail', sa.String(length=300), nullable=False),
    sa.Column('needed', Dec(), nullable=True),
    sa.Column('available', Dec(), nullable=True),
    sa.Column('created_at', UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inventory_flags'))
    )
    op.create_table('payer_contracts',
    sa.Column('payer_id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('drug_basis', sa.String(length=16), nullable=False),
    sa.Column('drug_percent', Dec(), nullable=False),
    sa.Column('coinsurance', Dec(), nullable=False),
    sa.Column('sequestration', Dec(), nullable=False),
    sa.Column('x12_payer_id', sa.String(length=80), nullable=False),
    sa.Column('claim_filing', sa.String(length=2), nullable=False),
    sa.Column('policy', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('drug_rates', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('admin_rates', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('source', sa.String(length=300), nullable=False),
    sa.Column('updated_at', UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('payer_id', name=op.f('pk_payer_contracts'))
    )
    op.create_table('products',
    sa.Column('ndc', sa.String(length=11), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('hcpcs', sa.String(length=5), nullable=True),
    sa.Column('strength', Dec(), nullable=False),
    sa.Column('strength_unit', sa.String(length=8), nullable=False),
    sa.Column('volume_ml', Dec(), nullable=True),
    sa.Column('vials_per_package', sa.Integer(), nullable=False),
    sa.Column('single_dose', sa.Boolean(), nullable=False),
    sa.Column('ndc_unit', sa.String(length=2), nullable=False),
    sa.Column('package_cost', Dec(), nullable=False),
    sa.Column('cost_source', sa.String(length=200), nullable=False),
    sa.Column('reorder_point', sa.Integer(), server_default='0', nullable=False),
    sa.Column('created_at', UTCDateTime(), nullable=False),
    sa.Column('updated_at', UTCDateTime(), nullable=False),
    sa.CheckConstraint("ndc_unit IN ('UN', 'ML', 'GR', 'ME', 'F2')", name=op.f('ck_products_ndc_unit_known')),
    sa.CheckConstraint('vials_per_package > 0', name=op.f('ck_products_package_positive')),
    sa.PrimaryKeyConstraint('ndc', name=op.f('pk_products'))
    )
    op.create_table('remittances',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('digest', sa.String(length=72), nullable=False),
    sa.Column('trace_number', sa.String(length=50), nullable=False),
    sa.Column('payer_id', sa.String(length=80), nullable=True),
    sa.Column('payer_name', sa.String(length=60), nullable=True),
    sa.Column('payment_amount', Dec(), nullable=False),
    sa.Column('payment_method', sa.String(length=3), nullable=True),
    sa.Column('payment_date', sa.Date(), nullable=True),
    sa.Column('provider_adjustments', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('received_at', UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_remittances')),
    sa.UniqueConstraint('digest', name=op.f('uq_remittances_digest'))
    )
    op.create_table('stock_movements',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('ndc', sa.String(length=11), nullable=False),
    sa.Column('lot_number', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('vials', Dec(), nullable=False),
    sa.Column('vial_cost', Dec(), nullable=False),
    sa.Column('order_id', sa.Uuid(), nullable=True),
    sa.Column('line_sequence', sa.Integer(), nullable=True),
    sa.Column('reference', sa.String(length=80), nullable=True),
    sa.Column('at', UTCDateTime(), nullable=False),
    sa.CheckConstraint("kind IN ('receipt', 'administration')", name=op.f('ck_stock_movements_kind_known')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_movements'))
    )
    op.create_index('ix_stock_movements_order', 'stock_movements', ['order_id'], unique=False)
    op.create_table('x12_controls',
    sa.Column('control_number', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('claim_ids', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('created_at', UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('control_number', name=op.f('pk_x12_controls'))
    )
    op.create_table('asp_prices',
    sa.Column('quarter', sa.String(length=6), nullable=False),
    sa.Column('hcpcs', sa.String(length=5), nullable=False),
    sa.Column('description', sa.String(length=200), nullable=False),
    sa.Column('dosage', sa.String(length=40), nullable=False),
    sa.Column('payment_limit', Dec(), nullable=False),
    sa.Column('line', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['quarter'], ['asp_quarters.quarter'], name=op.f('fk_asp_prices_quarter_asp_quarters'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('quarter', 'hcpcs', name=op.f('pk_asp_prices'))
    )
    op.create_table('claim_drug_costs',
    sa.Column('claim_id', sa.Uuid(), nullable=False),
    sa.Column('ndc', sa.String(length=11), nullable=False),
    sa.Column('hcpcs', sa.String(length=5), nullable=True),
    sa.Column('vials', Dec(), nullable=False),
    sa.Column('acquisition_cost', Dec(), nullable=False),
    sa.Column('waste_cost', Dec(), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_claim_drug_costs_claim_id_claims'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('claim_id', 'ndc', name=op.f('pk_claim_drug_costs'))
    )
    op.create_table('claim_lines',
    sa.Column('claim_id', sa.Uuid(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('code', sa.String(length=5), nullable=False),
    sa.Column('modifiers', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('units', sa.Integer(), nullable=False),
    sa.Column('charge', Dec(), nullable=False),
    sa.Column('allowed', Dec(), nullable=True),
    sa.Column('dx_pointers', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('sequences', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('ndc', sa.String(length=11), nullable=True),
    sa.Column('ndc_qty', Dec(), nullable=True),
    sa.Column('ndc_unit', sa.String(length=2), nullable=True),
    sa.Column('description', sa.String(length=80), nullable=True),
    sa.Column('paid', Dec(), nullable=False),
    sa.Column('denied', sa.Boolean(), nullable=False),
    sa.Column('denial_reasons', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.CheckConstraint('units > 0', name=op.f('ck_claim_lines_units_positive')),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_claim_lines_claim_id_claims'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('claim_id', 'number', name=op.f('pk_claim_lines'))
    )
    op.create_table('claim_payments',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('remittance_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Uuid(), nullable=True),
    sa.Column('account_number', sa.String(length=38), nullable=False),
    sa.Column('status_code', sa.String(length=2), nullable=False),
    sa.Column('payer_claim_number', sa.String(length=50), nullable=True),
    sa.Column('charge', Dec(), nullable=False),
    sa.Column('paid', Dec(), nullable=False),
    sa.Column('patient_responsibility', Dec(), nullable=False),
    sa.Column('contractual', Dec(), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=True),
    sa.Column('denial_reasons', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('adjustments', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('unmatched_lines', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('posted_at', UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_claim_payments_claim_id_claims')),
    sa.ForeignKeyConstraint(['remittance_id'], ['remittances.id'], name=op.f('fk_claim_payments_remittance_id_remittances')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claim_payments'))
    )
    op.create_index('ix_claim_payments_claim', 'claim_payments', ['claim_id'], unique=False)
    op.create_table('lots',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('ndc', sa.String(length=11), nullable=False),
    sa.Column('lot_number', sa.String(length=40), nullable=False),
    sa.Column('expires_on', sa.Date(), nullable=False),
    sa.Column('vials_on_hand', Dec(), nullable=False),
    sa.Column('vial_cost', Dec(), nullable=False),
    sa.Column('received_at', UTCDateTime(), nullable=False),
    sa.Column('cost_source', sa.String(length=200), nullable=False),
    sa.CheckConstraint('CAST(vials_on_hand AS NUMERIC) >= 0', name=op.f('ck_lots_stock_never_negative')),
    sa.ForeignKeyConstraint(['ndc'], ['products.ndc'], name=op.f('fk_lots_ndc_products')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lots')),
    sa.UniqueConstraint('ndc', 'lot_number', name='uq_lots_ndc_lot')
    )
    op.create_index('ix_lots_ndc_expiry', 'lots', ['ndc', 'expires_on'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_lots_ndc_expiry', table_name='lots')
    op.drop_table('lots')
    op.drop_index('ix_claim_payments_claim', table_name='claim_payments')
    op.drop_table('claim_payments')
    op.drop_table('claim_lines')
    op.drop_table('claim_drug_costs')
    op.drop_table('asp_prices')
    op.drop_table('x12_controls')
    op.drop_index('ix_stock_movements_order', table_name='stock_movements')
    op.drop_table('stock_movements')
    op.drop_table('remittances')
    op.drop_table('products')
    op.drop_table('payer_contracts')
    op.drop_table('inventory_flags')
    op.drop_table('hcpcs_descriptors')
    op.drop_index('ix_claims_status_service_date', table_name='claims')
    op.drop_index(op.f('ix_claims_practice_id'), table_name='claims')
    op.drop_table('claims')
    op.drop_table('charge_master')
    op.drop_table('awp_prices')
    op.drop_index(op.f('ix_authorizations_order_id'), table_name='authorizations')
    op.drop_table('authorizations')
    op.drop_table('asp_quarters')
