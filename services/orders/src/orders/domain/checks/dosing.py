"""Dose rules: adult maximum, adult mg/kg ceiling, at-risk reductions, pediatric caps."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from orders.domain.catalog import Drug
from orders.domain.checks.context import CheckContext, ResolvedLine
from orders.domain.findings import Finding
from orders.domain.units import fmt


def dose_findings(ctx: CheckContext) -> Iterator[Finding]:
    if ctx.pediatric and ctx.patient.weight_kg is None:
        yield Finding("pediatric_weight_missing", "block",
                      "patient is under "
                      f"{ctx.rules.pediatric_below_age}: a weight is required before ordering")
    for line in ctx.lines:
        drug, unit = line.drug, line.drug.dose_unit
        if line.dose > drug.max_dose:
            yield Finding("dose_above_max", "block",
                          f"{drug.code} {fmt(line.dose)} {unit} is above the maximum single "
                          f"dose of {fmt(drug.max_dose)} {unit}", line.seq)
        if ctx.pediatric:
            yield from _pediatric(ctx, line)
        else:
            yield from _adult(ctx, line)


def _pediatric(ctx: CheckContext, line: ResolvedLine) -> Iterator[Finding]:
    drug, unit, weight = line.drug, line.drug.dose_unit, ctx.patient.weight_kg
    if drug.peds_policy == "contraindicated":
        yield Finding("not_for_children", "block",
                      f"{drug.code} is not approved under {ctx.rules.pediatric_below_age}",
                      line.seq)
        return
    if drug.peds_policy == "not_established":
        yield Finding("pediatric_dose_not_established", "warn",
                      f"{drug.code} has no standard pediatric dose", line.seq)
        return
    if drug.peds_policy == "weight_based" and weight is None:
        return  # pediatric_weight_missing already blocks the order
    cap = _pediatric_cap(drug, weight)
    if cap is None:  # the catalog refuses such a drug (Drug._consistent): never let it pass
        yield Finding("line_unreadable", "block",
                      f"{drug.code}: the catalog gives no pediatric cap", line.seq)
        return
    if line.dose > cap[0]:
        yield Finding("pediatric_dose_above_cap", "block",
                      f"{drug.code} {fmt(line.dose)} {unit} is above the pediatric cap of "
                      f"{fmt(cap[0])} {unit} ({cap[1]})", line.seq)
        return
    yield from _age_band(ctx, line)


def _pediatric_cap(drug: Drug, weight: Decimal | None) -> tuple[Decimal, str] | None:
    """(cap, basis): min(mg/kg x weight, absolute max) when weight-based, the absolute max when
    capped; None when the catalog lacks the value the policy needs."""
    unit = drug.dose_unit
    if drug.peds_policy == "weight_based":
        if drug.peds_mg_per_kg is None or weight is None:
            return None
        cap = drug.peds_mg_per_kg * weight
        if drug.peds_max is not None and drug.peds_max < cap:
            return drug.peds_max, f"absolute pediatric max {fmt(drug.peds_max)} {unit}"
        return cap, f"{fmt(drug.peds_mg_per_kg)} {unit}/kg x {fmt(weight)} kg"
    if drug.peds_max is None:
        return None
    return drug.peds_max, "pediatric max"


def _age_band(ctx: CheckContext, line: ResolvedLine) -> Iterator[Finding]:
    drug, unit, age = line.drug, line.drug.dose_unit, ctx.age
    if not drug.peds_age_caps:
        return
    band = next((b for b in drug.peds_age_caps if b.min_age <= age <= b.max_age), None)
    youngest = min(b.min_age for b in drug.peds_age_caps)
    if band is None and age < youngest:
        yield Finding("pediatric_dose_not_established", "warn",
                      f"{drug.code} has no age-band dose under {youngest} years", line.seq)
    elif band is not None and line.dose > band.max_dose:
        yield Finding("pediatric_dose_above_age_band", band.severity,
                      f"{drug.code} {fmt(line.dose)} {unit} is above the age-band dose of "
                      f"{fmt(band.max_dose)} {unit} for age {band.min_age}-{band.max_age}",
                      line.seq)


def _adult(ctx: CheckContext, line: ResolvedLine) -> Iterator[Finding]:
    drug, unit, weight = line.drug, line.drug.dose_unit, ctx.patient.weight_kg
    if drug.adult_mg_per_kg_max is not None:
        if weight is None:
            yield Finding("weight_needed_for_check", "warn",
                          f"{drug.code} is limited to {fmt(drug.adult_mg_per_kg_max)} {unit}/kg: "
                          "record a weight to check the dose", line.seq)
        elif line.dose > drug.adult_mg_per_kg_max * weight:
            limit = drug.adult_mg_per_kg_max * weight
            yield Finding("dose_above_weight_max", "block",
                          f"{drug.code} {fmt(line.dose)} {unit} is above "
                          f"{fmt(drug.adult_mg_per_kg_max)} {unit}/kg ({fmt(limit)} {unit})",
                          line.seq)
    red = drug.dose_reduction
    if red is None or line.dose <= red.max_dose:
        return
    reasons: list[str] = []
    if red.age_at_least is not None and ctx.age >= red.age_at_least:
        reasons.append(f"age >= {red.age_at_least}")
    if red.weight_below_kg is not None and weight is not None and weight < red.weight_below_kg:
        reasons.append(f"weight < {fmt(red.weight_below_kg)} kg")
    reasons.extend(c.replace("_", " ") for c in red.conditions if c in ctx.conditions)
    if reasons:
        yield Finding("dose_reduction_advised", red.severity,
                      f"{drug.code}: {fmt(red.max_dose)} {unit} advised ({', '.join(reasons)})",
                      line.seq)
