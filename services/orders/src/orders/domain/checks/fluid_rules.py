"""IV fluid lines (clinical-loop.md §6): rate and purpose warnings the clinician may accept.

Structural faults (no rate, hydration without indication, more than the bag) are refused as
422 by ``orders.domain.fluids``; these rules look at what is ordered around the fluid.
"""

from __future__ import annotations

from collections.abc import Iterator

from orders.domain.checks.context import CheckContext
from orders.domain.findings import Finding
from orders.domain.units import fmt


def fluid_findings(ctx: CheckContext) -> Iterator[Finding]:
    fluids = [(ln, ln.spec.fluid) for ln in ctx.lines if ln.spec.fluid is not None]
    if not fluids:
        return
    has_drug = any(ln.drug.fluid is None for ln in ctx.lines)
    floor = ctx.rules.fluids.hydration_min_rate_ml_per_h if ctx.rules.fluids else None
    for line, fluid in fluids:
        rate = fluid.rate_ml_per_h
        if (fluid.purpose == "hydration" and floor is not None and rate is not None
                and rate < floor):
            yield Finding("hydration_rate_low", "warn",
                          f"{line.drug.code} at {fmt(rate)} mL/h is below the "
                          f"{fmt(floor)} mL/h of a rehydration rate: tag it kvo or raise the "
                          "rate", line.seq)
        if fluid.purpose == "carrier" and not has_drug:
            yield Finding("carrier_without_drug", "warn",
                          f"{line.drug.code} is ordered as a drug carrier but the order has no "
                          "drug", line.seq)
