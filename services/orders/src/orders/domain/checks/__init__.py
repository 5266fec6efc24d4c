"""The safety-check engine: pure functions over (patient, lines, catalog, history, time)."""

from orders.domain.checks.engine import CheckResult, run_checks

__all__ = ["CheckResult", "run_checks"]
