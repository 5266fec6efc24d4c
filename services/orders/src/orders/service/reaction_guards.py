"""Guards from reactions outside the check engine: RX-1 overrides need the prescriber's plan
beside the reason; RX-6 (a held DHE series) is lifted only by the provider's clearance, and
holds the doses already signed too."""

from __future__ import annotations

from orders.domain.checks.reaction_checks import HARD_STOP, SERIES_HOLD
from orders.domain.errors import Conflict, FieldError, ValidationFailed
from orders.domain.order import Order
from orders.seed.reactions import seed_reaction_rules
from orders.service.uow import OrdersUnitOfWork


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


async def ensure_not_held(uow: OrdersUnitOfWork, order: Order, line_sequence: int) -> None:
    """RX-6 at the chair: a dose of a held series that was signed before the reaction is not
    given either until the provider clears it (409)."""
    rr = seed_reaction_rules()
    line = next((ln for ln in order.lines if ln.sequence == line_sequence), None)
    if line is None or line.drug_code not in rr.series_hold.drug_codes:
        return
    for r in await uow.reactions.for_patient(order.patient_id):
        if (r.cleared_at is None and line.drug_code in r.drug_codes
                and set(r.manifestations) & rr.series_hold_codes):
            raise Conflict(f"{line.drug_code} is held since reaction {r.id}: the provider "
                           "must clear it before the next dose")
