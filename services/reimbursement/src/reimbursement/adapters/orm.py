"""Tables of the reimbursement database (SQLAlchemy Core on the service's own MetaData).

Invariants the database enforces, not only the code: stock never negative (CHECK on lots), one
lot number per NDC, one claim per order, a remittance posts once (its key TRN03, TRN04, TRN02,
payee is unique: a re-sent file, or two concurrent posts of it, cannot post twice), a claim
payment posts once (remittance, CLP01, CLP07, CLP02, ordinal unique), one interchange control
number per export, known status values.
"""

from __future__ import annotations

import sqlalchemy as sa

from chairside_shared.db import UTCDateTime
from reimbursement.adapters.metadata import metadata
from reimbursement.adapters.remittance_tables import (  # their own module, re-exported
    claim_payments as claim_payments,
)
from reimbursement.adapters.remittance_tables import (
    provider_adjustments as provider_adjustments,
)
from reimbursement.adapters.remittance_tables import (
    remittance_quarantine as remittance_quarantine,
)
from reimbursement.adapters.remittance_tables import remittances as remittances
from reimbursement.adapters.types import Dec, JSONDoc

TS = UTCDateTime()
CLAIM_STATUSES = ("needs_review", "held", "ready", "submitted", "accepted", "rejected", "paid",
                  "paid_zero", "partially_paid", "denied", "reversed", "corrected", "voided",
                  "appealed", "written_off", "closed")
ENROLLMENT_STATUSES = ("pending", "active", "terminated")
NDC_UNITS = ("UN", "ML", "GR", "ME", "F2")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


# --------------------------------------------------------------------------- inventory
products = sa.Table(
    "products", metadata,
    sa.Column("ndc", sa.String(11), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("hcpcs", sa.String(5)),
    sa.Column("strength", Dec(), nullable=False),
    sa.Column("strength_unit", sa.String(8), nullable=False),
    sa.Column("volume_ml", Dec()),
    sa.Column("vials_per_package", sa.Integer, nullable=False),
    sa.Column("single_dose", sa.Boolean, nullable=False),
    sa.Column("ndc_unit", sa.String(2), nullable=False),
    sa.Column("package_cost", Dec(), nullable=False),
    sa.Column("cost_source", sa.String(200), nullable=False),
    sa.Column("reorder_point", sa.Integer, nullable=False, server_default="0"),
    sa.Column("created_at", TS, nullable=False),
    sa.Column("updated_at", TS, nullable=False),
    sa.CheckConstraint("vials_per_package > 0", name="package_positive"),
    sa.CheckConstraint(_in("ndc_unit", NDC_UNITS), name="ndc_unit_known"),
)

lots = sa.Table(
    "lots", metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("ndc", sa.String(11), sa.ForeignKey("products.ndc"), nullable=False),
    sa.Column("lot_number", sa.String(40), nullable=False),
    sa.Column("expires_on", sa.Date, nullable=False),
    sa.Column("vials_on_hand", Dec(), nullable=False),
    sa.Column("vial_cost", Dec(), nullable=False),
    sa.Column("received_at", TS, nullable=False),
    sa.Column("cost_source", sa.String(200), nullable=False),
    # GPO purchasing: the contract the cost came from, and WAC per vial on the purchase date
    sa.Column("contract_id", sa.String(64)),
    sa.Column("wac_vial_cost", Dec()),
    sa.UniqueConstraint("ndc", "lot_number", name="uq_lots_ndc_lot"),
    # Text-stored decimals on SQLite compare as text: cast so the check means the same there.
    sa.CheckConstraint("CAST(vials_on_hand AS NUMERIC) >= 0", name="stock_never_negative"),
    sa.Index("ix_lots_ndc_expiry", "ndc", "expires_on"),
)

stock_movements = sa.Table(
    "stock_movements", metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("ndc", sa.String(11), nullable=False),
    sa.Column("lot_number", sa.String(40), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),  # receipt | administration
    sa.Column("vials", Dec(), nullable=False),  # + received, - consumed
    sa.Column("vial_cost", Dec(), nullable=False),
    sa.Column("order_id", sa.Uuid),
    sa.Column("line_sequence", sa.Integer),
    sa.Column("reference", sa.String(80)),  # invoice / receipt reference
    sa.Column("at", TS, nullable=False),
    sa.CheckConstraint(_in("kind", ("receipt", "administration")), name="kind_known"),
    sa.Index("ix_stock_movements_order", "order_id"),
)

inventory_flags = sa.Table(
    "inventory_flags", metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("order_id", sa.Uuid),
    sa.Column("ndc", sa.String(11)),
    sa.Column("kind", sa.String(24), nullable=False),  # stock_out | expired_lot | unknown_lot
    sa.Column("detail", sa.String(300), nullable=False),
    sa.Column("needed", Dec()),
    sa.Column("available", Dec()),
    sa.Column("created_at", TS, nullable=False),
)

# --------------------------------------------------------------------------- fee schedules
hcpcs_descriptors = sa.Table(
    "hcpcs_descriptors", metadata,
    sa.Column("code", sa.String(5), primary_key=True),
    sa.Column("description", sa.String(200), nullable=False),
    sa.Column("amount", Dec(), nullable=False),
    sa.Column("unit", sa.String(8), nullable=False),
    sa.Column("up_to", sa.Boolean, nullable=False),
    sa.Column("unclassified", sa.Boolean, nullable=False),
    sa.Column("source", sa.String(300), nullable=False),
)

asp_quarters = sa.Table(
    "asp_quarters", metadata,
    sa.Column("quarter", sa.String(6), primary_key=True),
    sa.Column("effective_from", sa.Date, nullable=False),
    sa.Column("effective_to", sa.Date, nullable=False),
    sa.Column("source", sa.String(300), nullable=False),
    sa.Column("rows", sa.Integer, nullable=False),
    sa.Column("imported_at", TS, nullable=False),
)

asp_prices = sa.Table(
    "asp_prices", metadata,
    sa.Column("quarter", sa.String(6), sa.ForeignKey("asp_quarters.quarter", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("hcpcs", sa.String(5), primary_key=True),
    sa.Column("description", sa.String(200), nullable=False),
    sa.Column("dosage", sa.String(40), nullable=False),
    sa.Column("payment_limit", Dec(), nullable=False),
    sa.Column("line", sa.Integer, nullable=False),
)

awp_prices = sa.Table(
    "awp_prices", metadata,
    sa.Column("hcpcs", sa.String(5), primary_key=True),
    sa.Column("per_unit", Dec(), nullable=False),
    sa.Column("source", sa.String(300), nullable=False),
)

payer_contracts = sa.Table(
    "payer_contracts", metadata,
    sa.Column("payer_id", sa.String(64), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("kind", sa.String(24), nullable=False),
    sa.Column("drug_basis", sa.String(16), nullable=False),
    sa.Column("drug_percent", Dec(), nullable=False),
    sa.Column("coinsurance", Dec(), nullable=False),
    sa.Column("sequestration", Dec(), nullable=False),
    sa.Column("x12_payer_id", sa.String(80), nullable=False),
    sa.Column("claim_filing", sa.String(2), nullable=False),
    sa.Column("policy", JSONDoc, nullable=False),  # rounding, hydration codes, JW/JZ, ...
    sa.Column("drug_rates", JSONDoc, nullable=False),  # HCPCS -> per unit (decimal strings)
    sa.Column("admin_rates", JSONDoc, nullable=False),  # CPT -> per unit (decimal strings)
    sa.Column("source", sa.String(300), nullable=False),
    sa.Column("updated_at", TS, nullable=False),
)

charge_master = sa.Table(
    "charge_master", metadata,
    sa.Column("code", sa.String(5), primary_key=True),
    sa.Column("unit_charge", Dec(), nullable=False),
    sa.Column("version", sa.String(40), nullable=False),
)

# Effective-dated versions of payer contracts, named fee schedules and the charge master
# (domain/pricing.py). A version's terms are never rewritten; only an open end is closed.
pricing_versions = sa.Table(
    "pricing_versions", metadata,
    sa.Column("kind", sa.String(16), primary_key=True),
    sa.Column("owner", sa.String(64), primary_key=True),  # payer / schedule id / "practice"
    sa.Column("plan", sa.String(64), primary_key=True),  # "" = every plan of the payer
    sa.Column("number", sa.Integer, primary_key=True),
    sa.Column("effective_from", sa.Date, nullable=False),
    sa.Column("effective_to", sa.Date),  # null: open-ended
    sa.Column("body", JSONDoc, nullable=False),  # the terms or rates (decimal strings)
    sa.Column("source", sa.String(300), nullable=False),
    sa.Column("created_by", sa.String(120), nullable=False),
    sa.Column("created_at", TS, nullable=False),
    sa.Column("closed_by", sa.Integer),  # the later version that ended this one's open end
    sa.CheckConstraint(_in("kind", ("contract", "fee_schedule", "charge_master")),
                       name="kind_known"),
    sa.CheckConstraint("effective_to IS NULL OR effective_to >= effective_from",
                       name="dates_ordered"),
    sa.CheckConstraint("number > 0", name="number_positive"),
)

# --------------------------------------------------------------------------- the practice
billing_identity = sa.Table(
    "billing_identity", metadata,
    sa.Column("id", sa.Integer, primary_key=True),  # one practice: always 1
    sa.Column("name", sa.String(60), nullable=False),
    sa.Column("npi", sa.String(10), nullable=False),
    sa.Column("ein", sa.String(9), nullable=False),
    sa.Column("taxonomy", sa.String(10), nullable=False),
    sa.Column("npi_taxonomies", JSONDoc, nullable=False),
    sa.Column("address", JSONDoc, nullable=False),  # {line1, line2, city, state, postal_code}
    sa.Column("pay_to_address", JSONDoc),
    sa.Column("updated_at", TS, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.CheckConstraint("id = 1", name="one_practice"),
)

payer_enrollments = sa.Table(
    "payer_enrollments", metadata,
    sa.Column("payer_id", sa.String(64), primary_key=True),
    sa.Column("npi", sa.String(10), nullable=False),
    sa.Column("taxonomy", sa.String(10), nullable=False),
    sa.Column("status", sa.String(12), nullable=False),
    sa.Column("effective_from", sa.Date, nullable=False),
    sa.Column("effective_to", sa.Date),
    sa.Column("updated_at", TS, nullable=False),
    sa.CheckConstraint(_in("status", ENROLLMENT_STATUSES), name="status_known"),
)

# --------------------------------------------------------------------------- authorizations
authorizations = sa.Table(
    "authorizations", metadata,
    sa.Column("case_id", sa.Uuid, primary_key=True),
    sa.Column("order_id", sa.Uuid, nullable=False, index=True),
    sa.Column("payer_id", sa.String(64), nullable=False),
    sa.Column("auth_number", sa.String(50), nullable=False),
    sa.Column("approved_units", JSONDoc, nullable=False),
    sa.Column("valid_from", sa.Date, nullable=False),
    sa.Column("valid_to", sa.Date, nullable=False),
    sa.Column("decided_at", TS, nullable=False),
)

# --------------------------------------------------------------------------- claims
claims = sa.Table(
    "claims", metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("order_id", sa.Uuid, nullable=False),  # one primary claim per order (index below)
    sa.Column("account_number", sa.String(20), nullable=False, unique=True),  # CLM01 / CLP01
    sa.Column("practice_id", sa.String(64), nullable=False, index=True),
    sa.Column("patient_id", sa.Uuid, nullable=False),
    sa.Column("payer_id", sa.String(64)),
    sa.Column("member_id", sa.String(80)),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("service_date", sa.Date, nullable=False),
    sa.Column("rendering_npi", sa.String(10)),
    sa.Column("diagnoses", JSONDoc, nullable=False),
    sa.Column("auth_number", sa.String(50)),
    # 2300 REF*P4: the CED study's registry number (NCD 200.3, domain/evidence_development.py)
    sa.Column("registry_number", sa.String(50)),
    sa.Column("place_of_service", sa.String(2), nullable=False),
    sa.Column("total_charge", Dec(), nullable=False),
    sa.Column("allowed", Dec()),
    sa.Column("patient_share", Dec()),
    sa.Column("sequestration", Dec()),
    sa.Column("expected_payment", Dec()),
    sa.Column("acquisition_cost", Dec(), nullable=False),
    sa.Column("waste_cost", Dec(), nullable=False),
    sa.Column("paid_amount", Dec(), nullable=False),
    sa.Column("patient_responsibility", Dec(), nullable=False),
    sa.Column("reviews", JSONDoc, nullable=False),
    sa.Column("warnings", JSONDoc, nullable=False),
    sa.Column("notes", JSONDoc, nullable=False),
    sa.Column("denial_reasons", JSONDoc, nullable=False),
    sa.Column("visit", JSONDoc, nullable=False),  # the administered visit, to rebuild from
    sa.Column("lot_costs", JSONDoc, nullable=False),  # NDC -> cost of the lots drawn
    sa.Column("created_at", TS, nullable=False),
    sa.Column("updated_at", TS, nullable=False),
    sa.Column("submitted_at", TS),
    sa.Column("adjudicated_at", TS),
    sa.Column("version", sa.Integer, nullable=False),
    # Items the 837P needs and the claim lacks: from the build (a drug's NDC) and from the
    # last identity check against orders ([{item, detail, line}]; names of items, no values).
    sa.Column("holds", JSONDoc, nullable=False, server_default="[]"),
    sa.Column("identity_holds", JSONDoc, nullable=False, server_default="[]"),
    sa.Column("identity_checked_at", TS),
    # Ids orders recorded on the administration (names are read at export, never stored).
    sa.Column("ordering_practitioner_id", sa.Uuid),
    sa.Column("supervising_practitioner_id", sa.Uuid),
    sa.Column("coverage_id", sa.Uuid),
    # A secondary claim (coordination of benefits) names the primary claim it follows; an
    # order has one primary claim and each primary at most one secondary.
    sa.Column("primary_claim_id", sa.Uuid, sa.ForeignKey("claims.id")),
    # The primary's 835 said it forwarded the claim to the next payer (crossover, MA18/MA07):
    # no secondary claim is to be sent for it.
    sa.Column("awaiting_crossover", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.CheckConstraint(_in("status", CLAIM_STATUSES), name="status_known"),
    sa.Index("ix_claims_status_service_date", "status", "service_date"),
    sa.Index("uq_claims_order_primary", "order_id", unique=True,
             postgresql_where=sa.text("primary_claim_id IS NULL"),
             sqlite_where=sa.text("primary_claim_id IS NULL")),
    sa.Index("uq_claims_primary_claim", "primary_claim_id", unique=True),
)

claim_lines = sa.Table(
    "claim_lines", metadata,
    sa.Column("claim_id", sa.Uuid, sa.ForeignKey("claims.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("number", sa.Integer, primary_key=True),
    sa.Column("kind", sa.String(8), nullable=False),
    sa.Column("code", sa.String(5), nullable=False),
    sa.Column("modifiers", JSONDoc, nullable=False),
    sa.Column("units", sa.Integer, nullable=False),
    sa.Column("charge", Dec(), nullable=False),
    sa.Column("allowed", Dec()),
    sa.Column("dx_pointers", JSONDoc, nullable=False),
    sa.Column("sequences", JSONDoc, nullable=False),
    sa.Column("ndc", sa.String(11)),
    sa.Column("ndc_qty", Dec()),
    sa.Column("ndc_unit", sa.String(2)),
    sa.Column("description", sa.String(80)),
    sa.Column("paid", Dec(), nullable=False),
    sa.Column("denied", sa.Boolean, nullable=False),
    sa.Column("denial_reasons", JSONDoc, nullable=False),
    sa.CheckConstraint("units > 0", name="units_positive"),
)

claim_drug_costs = sa.Table(
    "claim_drug_costs", metadata,
    sa.Column("claim_id", sa.Uuid, sa.ForeignKey("claims.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("ndc", sa.String(11), primary_key=True),
    sa.Column("hcpcs", sa.String(5)),
    sa.Column("vials", Dec(), nullable=False),
    sa.Column("acquisition_cost", Dec(), nullable=False),
    sa.Column("waste_cost", Dec(), nullable=False),
)

# Every change of a claim's status, append-only (domain/transitions.py): who, when, why.
claim_transitions = sa.Table(
    "claim_transitions", metadata,
    sa.Column("claim_id", sa.Uuid, sa.ForeignKey("claims.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("seq", sa.Integer, primary_key=True),  # 1, 2, ... per claim
    sa.Column("action", sa.String(16), nullable=False),
    sa.Column("from_status", sa.String(16)),
    sa.Column("to_status", sa.String(16), nullable=False),
    sa.Column("actor", sa.String(120), nullable=False),  # ids only: user:/client:/system:
    sa.Column("reason", sa.String(1000)),
    sa.Column("at", TS, nullable=False),
)

# Each version of a claim as sent (domain/submissions.py): its CLM01, frequency, REF*F8 and
# what the clearinghouse / payer answered (the ICN per version).
claim_submissions = sa.Table(
    "claim_submissions", metadata,
    sa.Column("claim_id", sa.Uuid, sa.ForeignKey("claims.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("number", sa.Integer, primary_key=True),
    sa.Column("clm01", sa.String(38), nullable=False, unique=True),
    sa.Column("frequency", sa.String(1), nullable=False),
    sa.Column("original_icn", sa.String(50)),
    sa.Column("submitted_at", TS, nullable=False),
    sa.Column("outcome", sa.String(10), nullable=False),
    sa.Column("icn", sa.String(50)),
    sa.Column("reasons", JSONDoc, nullable=False),
    sa.Column("acknowledged_at", TS),
    sa.Column("control_number", sa.Integer),
    # W3C traceparent of the request that sent this version (the exchange worker continues it)
    sa.Column("traceparent", sa.String(55)),
    sa.CheckConstraint(_in("frequency", ("1", "7", "8")), name="frequency_known"),
    sa.CheckConstraint(_in("outcome", ("pending", "accepted", "rejected")),
                       name="outcome_known"),
)

# Per payer claim rules (data, not settings): the timely filing limit in days from the date
# of service (null: Medicare FFS 12 months / the configured default) and whether the payer
# takes frequency 7/8 claims (null: all but Medicare FFS, whose MACs reopen instead).
payer_claim_rules = sa.Table(
    "payer_claim_rules", metadata,
    sa.Column("payer_id", sa.String(64), primary_key=True),
    sa.Column("timely_filing_days", sa.Integer),
    sa.Column("accepts_replacement_claims", sa.Boolean),
    sa.Column("updated_at", TS, nullable=False),
    sa.CheckConstraint("timely_filing_days > 0", name="days_positive"),
)

# Every file fetched from the clearinghouse's mailbox (999, 277CA, 835), once: applied, or
# kept as a problem (invalid X12, unreadable) and not applied. No file text is kept (PHI).
exchange_files = sa.Table(
    "exchange_files", metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("remote_id", sa.String(80), nullable=False),
    sa.Column("kind", sa.String(8), nullable=False),
    sa.Column("digest", sa.String(64), nullable=False, unique=True),  # sha256 of the text
    sa.Column("outcome", sa.String(8), nullable=False),
    sa.Column("problems", JSONDoc, nullable=False),
    sa.Column("claims", JSONDoc, nullable=False),  # [{clm01, claim_id, outcome}]
    sa.Column("received_at", TS, nullable=False),
    sa.CheckConstraint(_in("outcome", ("applied", "problem")), name="outcome_known"),
)

x12_controls = sa.Table(
    "x12_controls", metadata,
    sa.Column("control_number", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("claim_ids", JSONDoc, nullable=False),
    sa.Column("created_at", TS, nullable=False),
)

# ------------------------------------------------------------------- coordination of benefits
COB_STATES = ("secondary_built", "secondary_refused", "awaiting_crossover",
              "crossover_received", "released", "last_payer")

# What coordination of benefits decided for a primary claim once its payer was final (no PHI:
# ids, codes and reasons only).
claim_cob = sa.Table(
    "claim_cob", metadata,
    sa.Column("claim_id", sa.Uuid, sa.ForeignKey("claims.id"), primary_key=True),
    sa.Column("state", sa.String(24), nullable=False),
    sa.Column("detail", sa.String(500)),
    sa.Column("crossover", sa.String(16)),  # medigap | medicaid | forwarded
    sa.Column("secondary_claim_id", sa.Uuid, sa.ForeignKey("claims.id")),
    sa.Column("released_by", sa.String(120)),
    sa.Column("release_reason", sa.String(300)),
    sa.Column("updated_at", TS, nullable=False),
    sa.CheckConstraint(_in("state", COB_STATES), name="state_known"),
)
# Appeals and their documents live in their own module; imported here so every user of the
# metadata (migrations check, create_all) sees them.
from reimbursement.adapters import (  # noqa: E402,F401
    appeals_orm,
    purchasing_tables,
    referral_tables,
)
