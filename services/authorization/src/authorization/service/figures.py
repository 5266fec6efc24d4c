"""Business metrics on /metrics (Prometheus), next to the shared request and bus metrics."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

PA_CASES_OPENED = Counter("chairside_pa_cases_opened_total",
                          "Prior-authorization cases opened", ["payer"])
PA_COVERAGE = Counter("chairside_pa_coverage_decisions_total",
                      "Coverage decisions on signed orders", ["outcome"])
PA_DECISIONS = Counter("chairside_pa_decisions_total", "Payer decisions recorded",
                       ["payer", "outcome"])
PA_TURNAROUND = Histogram(
    "chairside_pa_turnaround_seconds", "Submission to payer decision", ["payer"],
    buckets=(60, 300, 900, 3600, 4 * 3600, 12 * 3600, 24 * 3600, 72 * 3600, 7 * 86400,
             14 * 86400))
PA_PAYER_ERRORS = Counter("chairside_pa_payer_errors_total", "Payer errors recorded", ["payer"])
PA_OVERDUE = Gauge("chairside_pa_overdue_cases", "Cases past their decision due time")
PA_USAGE_FLAGS = Counter("chairside_pa_usage_flags_total", "Administration findings", ["code"])
