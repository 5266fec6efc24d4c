"""Overrides of reaction findings: RX-1 needs the prescriber's plan beside the reason; RX-6
(a held DHE series) is lifted only by the provider's clearance."""

from __future__ import annotations

from orders.domain.checks.reaction_checks import HARD_STOP, SERIES_HOLD
from orders.domain.errors import FieldError, ValidationFailed
from orders.seed.reactions import seed_reaction_rules


def override_reason(finding_code: str, reason: str, plan: str | None) -> str:
    """RX-1: a hard stop is overridden by a prescriber with a reason and a plan; RX-6: a held
    series is lifted by the provider's clearance, never an override."""
    rr = seed_reaction_rules()
    if finding_code == SERIES_HOLD and not rr.series_hold.override_allowed:
        raise ValidationFailed([FieldError(
            "finding_code", "a held series is lifted by the provider's clearance "
                            "(POST /v1/reactions/{id}/clearance), not by an override")])
    needs_plan = finding_code == HARD_STOP and rr.hard_stop.override_needs_plan
    if needs_plan and (not plan or not plan.strip()):
        raise ValidationFailed([FieldError(
            "plan", "overriding a reaction hard stop needs a plan (premedication, "
                    "desensitization, setting)")])
    return reason if not plan or not plan.strip() else f"{reason.strip()} | plan: {plan.strip()}"
