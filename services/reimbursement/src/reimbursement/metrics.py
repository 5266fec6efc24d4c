"""Business figures on /metrics (Prometheus): claims built, postings, stock-outs, margin."""

from __future__ import annotations

from prometheus_client import Counter, Histogram

CLAIMS_BUILT = Counter("chairside_reimbursement_claims_built_total",
                       "Claims built from completed visits, by status", ["status"])
CLAIMS_POSTED = Counter("chairside_reimbursement_claim_postings_total",
                        "835 claim payments posted, by outcome", ["outcome"])
STOCK_FLAGS = Counter("chairside_reimbursement_inventory_flags_total",
                      "Inventory flags raised while drawing stock, by kind", ["kind"])
EXPECTED_MARGIN = Histogram(
    "chairside_reimbursement_expected_margin_dollars",
    "Expected margin per claim (expected payment - acquisition cost), dollars",
    buckets=(-2000, -500, -100, -25, 0, 25, 100, 250, 500, 1000, 2500))
