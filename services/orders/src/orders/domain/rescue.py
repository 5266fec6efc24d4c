"""RX-5: epinephrine given for a reaction. A single IM dose above the adult ceiling, the child
ceiling (< 30 kg) or 0.01 mg/kg of the recorded weight is refused; a repeat sooner than the
minimum interval is kept with a warning. Limits come from ``ReactionRules.epinephrine``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from orders.domain.errors import FieldError
from orders.domain.reaction_rules import ReactionRules
from orders.domain.reactions import RescueMed
from orders.domain.units import UnitMismatch, convert, fmt


@dataclass(frozen=True)
class RescueCheck:
    errors: tuple[FieldError, ...]
    warnings: tuple[str, ...]


def epinephrine_limit_mg(weight_kg: Decimal, rules: ReactionRules) -> Decimal:
    """The largest single IM dose for this weight: min(adult or child ceiling, mg/kg x kg)."""
    epi = rules.epinephrine
    ceiling = epi.child_max_single_mg if weight_kg < epi.child_below_kg else epi.max_single_mg
    return min(ceiling, epi.mg_per_kg * weight_kg)


def check_rescue(meds: Sequence[RescueMed], weight_kg: Decimal | None,
                 rules: ReactionRules) -> RescueCheck:
    epi = rules.epinephrine
    errors: list[FieldError] = []
    warnings: list[str] = []
    doses: list[tuple[int, RescueMed]] = [
        (i, m) for i, m in enumerate(meds) if epi.is_epinephrine(m.drug)]
    for i, med in doses:
        if med.route.strip().upper() not in epi.limited_routes:
            continue
        try:
            mg = convert(med.dose, med.unit, "mg")
        except UnitMismatch:
            errors.append(FieldError(f"rescue_meds[{i}].unit", "epinephrine dose must be in "
                                     "mg or mcg"))
            continue
        if weight_kg is None:
            errors.append(FieldError("patient.weight_kg", "record the patient's weight: the "
                                     "epinephrine dose limit is per kg"))
            continue
        limit = epinephrine_limit_mg(weight_kg, rules)
        if mg > limit:
            errors.append(FieldError(f"rescue_meds[{i}].dose",
                                     f"epinephrine {fmt(mg)} mg IM is above the single-dose "
                                     f"limit of {fmt(limit)} mg for {fmt(weight_kg)} kg"))
    ordered = sorted((m.given_at, i) for i, m in doses)
    for (prev, _), (at, i) in zip(ordered, ordered[1:], strict=False):
        gap = (at - prev).total_seconds() / 60
        if gap < epi.repeat_min_minutes:
            warnings.append(f"rescue_meds[{i}]: epinephrine repeated after {gap:g} min "
                            f"(< {epi.repeat_min_minutes} min)")
    return RescueCheck(tuple(errors), tuple(warnings))
