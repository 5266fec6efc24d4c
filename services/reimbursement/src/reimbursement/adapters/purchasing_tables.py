"""Group purchasing tables: GPO contracts (items and tiers as one JSON document, since they
are read and replaced whole), WAC prices, wholesaler invoices and their lines; and the demand
projection the reorder report reads (order lines from order.signed, appointments and recalls
from scheduling events)."""

from __future__ import annotations

import sqlalchemy as sa

from chairside_shared.db import UTCDateTime
from reimbursement.adapters.metadata import metadata
from reimbursement.adapters.types import Dec, JSONDoc

TS = UTCDateTime()

gpo_contracts = sa.Table(
    "gpo_contracts", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("gpo", sa.String(120), nullable=False),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("effective_from", sa.Date, nullable=False),
    sa.Column("effective_to", sa.Date),
    sa.Column("items", JSONDoc, nullable=False),
    sa.Column("source", sa.String(300), nullable=False),
    sa.Column("created_at", TS, nullable=False),
    sa.CheckConstraint("effective_to IS NULL OR effective_to >= effective_from",
                       name="effective_dates"),
)

wac_prices = sa.Table(
    "wac_prices", metadata,
    sa.Column("code", sa.String(11), primary_key=True),  # NDC or HCPCS
    sa.Column("effective_from", sa.Date, primary_key=True),
    sa.Column("package_price", Dec(), nullable=False),
    sa.Column("source", sa.String(300), nullable=False),
)

purchase_invoices = sa.Table(
    "purchase_invoices", metadata,
    sa.Column("wholesaler", sa.String(120), primary_key=True),
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("invoice_date", sa.Date, nullable=False, index=True),
    sa.Column("source", sa.String(300), nullable=False),
    sa.Column("created_at", TS, nullable=False),
)

purchase_invoice_lines = sa.Table(
    "purchase_invoice_lines", metadata,
    sa.Column("wholesaler", sa.String(120), primary_key=True),
    sa.Column("invoice_id", sa.String(64), primary_key=True),
    sa.Column("line_no", sa.Integer, primary_key=True),
    sa.Column("ndc", sa.String(11), nullable=False, index=True),
    sa.Column("quantity", sa.Integer, nullable=False),
    sa.Column("unit_price", Dec(), nullable=False),
    sa.Column("contract_id", sa.String(64), sa.ForeignKey("gpo_contracts.id")),
    sa.ForeignKeyConstraint(["wholesaler", "invoice_id"],
                            ["purchase_invoices.wholesaler", "purchase_invoices.id"]),
    sa.CheckConstraint("quantity > 0", name="quantity_positive"),
)

demand_order_lines = sa.Table(
    "demand_order_lines", metadata,
    sa.Column("order_id", sa.Uuid, primary_key=True),
    sa.Column("sequence", sa.Integer, primary_key=True),
    sa.Column("patient_id", sa.Uuid, nullable=False, index=True),
    sa.Column("drug_code", sa.String(64), nullable=False),
    sa.Column("hcpcs", sa.String(5)),
    sa.Column("dose", Dec(), nullable=False),
    sa.Column("dose_unit", sa.String(16), nullable=False),
    # the regimen's next dose after this one (order.signed); null: not known, or signed
    # before orders sent it
    sa.Column("next_dose", Dec()),
    sa.Column("next_dose_unit", sa.String(16)),
)

demand_appointments = sa.Table(
    "demand_appointments", metadata,
    sa.Column("appointment_id", sa.Uuid, primary_key=True),
    sa.Column("order_id", sa.Uuid, index=True),
    sa.Column("start", TS),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("changed_at", TS, nullable=False),
)

demand_recalls = sa.Table(
    "demand_recalls", metadata,
    sa.Column("recall_id", sa.Uuid, primary_key=True),
    sa.Column("patient_id", sa.Uuid, nullable=False),
    sa.Column("drug_code", sa.String(64), nullable=False),
    sa.Column("hcpcs", sa.String(5)),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("source_order_id", sa.Uuid, nullable=False),
    sa.Column("earliest", sa.Date, nullable=False),
    sa.Column("target_from", sa.Date, nullable=False),
    sa.Column("latest", sa.Date, nullable=False),
    sa.Column("changed_at", TS, nullable=False),
)
