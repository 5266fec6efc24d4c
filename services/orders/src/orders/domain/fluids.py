"""IV fluid lines (clinical-loop.md §6): structural rules (422) and the volume they infuse.

A fluid line is a catalog drug with a ``fluid`` bag spec; its dose is the volume in mL. It
needs a purpose, a rate, and for hydration a documented indication; it cannot hold more than
its bag nor run longer than the bag lasts at the ordered rate.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal
from typing import TYPE_CHECKING

from orders.domain.catalog import Drug
from orders.domain.errors import FieldError
from orders.domain.units import UnitMismatch, fmt

if TYPE_CHECKING:
    from orders.domain.lines import LineSpec

MINUTES_PER_HOUR = Decimal(60)


def fluid_line_errors(line: LineSpec, drug: Drug, at: str) -> list[FieldError]:
    if drug.fluid is None:
        if line.fluid is not None:
            return [FieldError(f"{at}.fluid", f"{drug.code} is a drug, not an IV fluid")]
        return []
    fluid = line.fluid
    if fluid is None:
        return [FieldError(f"{at}.fluid", f"{drug.code} is an IV fluid: give its purpose "
                           "(hydration, carrier or kvo) and rate")]
    errors: list[FieldError] = []
    if fluid.rate_ml_per_h is None or fluid.rate_ml_per_h <= 0:
        errors.append(FieldError(f"{at}.fluid.rate_ml_per_h",
                                 "an IV fluid needs a rate in mL/h greater than zero"))
    if fluid.purpose == "hydration" and not (fluid.indication or "").strip():
        errors.append(FieldError(f"{at}.fluid.indication", "hydration needs a documented "
                                 "indication (ICD-10: dehydration, fluid loss, unable to drink)"))
    try:
        volume = line.dose_in("mL")
    except UnitMismatch:
        return errors  # the dose unit error is reported by validate_lines
    bag = drug.fluid.bag_volume_ml
    if volume > bag:
        errors.append(FieldError(f"{at}.dose", f"volume {fmt(volume)} mL is more than the "
                                 f"{fmt(bag)} mL bag of {drug.code}"))
    elif volume > 0 and fluid.rate_ml_per_h is not None and fluid.rate_ml_per_h > 0:
        lasts = (volume * MINUTES_PER_HOUR / fluid.rate_ml_per_h).to_integral_value(
            rounding=ROUND_CEILING)
        if line.minutes > lasts:
            errors.append(FieldError(f"{at}.minutes", f"at {fmt(fluid.rate_ml_per_h)} mL/h "
                                     f"{fmt(volume)} mL run out after {lasts} min, not "
                                     f"{line.minutes}"))
    return errors


def expected_volume_ml(line: LineSpec) -> Decimal:
    """What the pump should deliver: rate x ordered minutes, never more than the volume
    (a KVO bag is mostly left in the bag)."""
    volume = line.dose_in("mL")
    if line.fluid is None or line.fluid.rate_ml_per_h is None:
        return volume
    return min(volume, line.fluid.rate_ml_per_h * line.minutes / MINUTES_PER_HOUR)
