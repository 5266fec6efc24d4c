"""Group purchasing (issue 18 point 6): GPO contracts, WAC prices, wholesaler invoices; each
lot keeps the contract its cost came from and WAC per vial; the demand projection (order lines,
appointments, recalls) the reorder report reads.

Revision ID: reimbursement_0015_gpo
Revises: reimbursement_0014_neuro_codes
Create Date: 2026-12-16
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from chairside_shared.db import UTCDateTime
from reimbursement.adapters.types import Dec

revision = "reimbursement_0015_gpo"
down_revision = "reimbursement_0014_neuro_codes"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("lots") as batch:
        batch.add_column(sa.Column("contract_id", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("wac_vial_cost", Dec(), nullable=True))
    op.create_table(
        "gpo_contracts",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("gpo", sa.String(length=120), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("effective_to", sa.Date(), nullable=True),
        sa.Column("items", JSON, nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint("effective_to IS NULL OR effective_to >= effective_from",
                           name=op.f("ck_gpo_contracts_effective_dates")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gpo_contracts")),
    )
    op.create_table(
        "wac_prices",
        sa.Column("code", sa.String(length=11), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("package_price", Dec(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("code", "effective_from", name=op.f("pk_wac_prices")),
    )
    op.create_table(
        "purchase_invoices",
        sa.Column("wholesaler", sa.String(length=120), nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("invoice_date", sa.Date(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("wholesaler", "id", name=op.f("pk_purchase_invoices")),
    )
    op.create_index(op.f("ix_purchase_invoices_invoice_date"), "purchase_invoices",
                    ["invoice_date"])
    op.create_table(
        "purchase_invoice_lines",
        sa.Column("wholesaler", sa.String(length=120), nullable=False),
        sa.Column("invoice_id", sa.String(length=64), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("ndc", sa.String(length=11), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_price", Dec(), nullable=False),
        sa.Column("contract_id", sa.String(length=64), nullable=True),
        sa.CheckConstraint("quantity > 0",
                           name=op.f("ck_purchase_invoice_lines_quantity_positive")),
        sa.ForeignKeyConstraint(["contract_id"], ["gpo_contracts.id"],
                                name=op.f("fk_purchase_invoice_lines_contract_id_gpo_contracts")),
        sa.ForeignKeyConstraint(
            ["wholesaler", "invoice_id"],
            ["purchase_invoices.wholesaler", "purchase_invoices.id"],
            name=op.f("fk_purchase_invoice_lines_wholesaler_purchase_invoices")),
        sa.PrimaryKeyConstraint("wholesaler", "invoice_id", "line_no",
                                name=op.f("pk_purchase_invoice_lines")),
    )
    op.create_index(op.f("ix_purchase_invoice_lines_ndc"), "purchase_invoice_lines", ["ndc"])
    op.create_table(
        "demand_order_lines",
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("drug_code", sa.String(length=64), nullable=False),
        sa.Column("hcpcs", sa.String(length=5), nullable=True),
        sa.Column("dose", Dec(), nullable=False),
        sa.Column("dose_unit", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("order_id", "sequence", name=op.f("pk_demand_order_lines")),
    )
    op.create_index(op.f("ix_demand_order_lines_patient_id"), "demand_order_lines",
                    ["patient_id"])
    op.create_table(
        "demand_appointments",
        sa.Column("appointment_id", sa.Uuid(), nullable=False),
        sa.Column("order_id", sa.Uuid(), nullable=True),
        sa.Column("start", UTCDateTime(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("changed_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("appointment_id", name=op.f("pk_demand_appointments")),
    )
    op.create_index(op.f("ix_demand_appointments_order_id"), "demand_appointments",
                    ["order_id"])
    op.create_table(
        "demand_recalls",
        sa.Column("recall_id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("drug_code", sa.String(length=64), nullable=False),
        sa.Column("hcpcs", sa.String(length=5), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("source_order_id", sa.Uuid(), nullable=False),
        sa.Column("earliest", sa.Date(), nullable=False),
        sa.Column("target_from", sa.Date(), nullable=False),
        sa.Column("latest", sa.Date(), nullable=False),
        sa.Column("changed_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("recall_id", name=op.f("pk_demand_recalls")),
    )


def downgrade() -> None:
    for table in ("demand_recalls", "demand_appointments", "demand_order_lines",
                  "purchase_invoice_lines", "purchase_invoices", "wac_prices",
                  "gpo_contracts"):
        op.drop_table(table)
    with op.batch_alter_table("lots") as batch:
        batch.drop_column("wac_vial_cost")
        batch.drop_column("contract_id")
