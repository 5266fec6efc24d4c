"""Recall data of a recurring drug (catalog ``drugs[].recall``) and the facts of one visit
that open a recall in scheduling: which recurring drugs were given, how many billing units,
and the catalog's day counts. Adding recall data to a drug in the catalog is all it takes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field, model_validator

from orders.domain.units import UnitMismatch, billing_units, convert

if TYPE_CHECKING:
    from orders.domain.catalog import Catalog
    from orders.domain.order import Order


class RecallData(BaseModel):
    """When the next dose may (earliest), should (target window) and must (latest) be given,
    in days after a dose; ``pre_dose_checks`` are codes staff confirm before it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    earliest_days: int = Field(ge=0, le=3660)
    target_from_days: int = Field(ge=0, le=3660)
    target_to_days: int = Field(ge=0, le=3660)
    latest_days: int = Field(ge=0, le=3660)
    pre_dose_checks: tuple[str, ...] = ()
    source: str
    unverified: tuple[str, ...] = ()  # fields no source confirms (Chairside defaults)

    @model_validator(mode="after")
    def _ordered(self) -> RecallData:
        if not (self.earliest_days <= self.target_from_days <= self.target_to_days
                <= self.latest_days):
            raise ValueError("recall days must be earliest <= target_from <= target_to "
                             "<= latest")
        return self


@dataclass(frozen=True)
class RecallGiven:
    drug_code: str
    hcpcs: str | None
    units_given: int
    recall: RecallData


def recalls_given(order: Order, catalog: Catalog) -> tuple[RecallGiven, ...]:
    """One per recurring drug given on the visit (its units summed over its lines)."""
    by_seq = {ln.sequence: ln for ln in order.lines}
    units: dict[str, int] = {}
    for rec in order.administrations:
        line = by_seq.get(rec.line_sequence)
        drug = catalog.drug(line.drug_code) if line else None
        if drug is None or drug.recall is None:
            continue
        given = 0
        if drug.hcpcs_unit_amount is not None and rec.dose_given > 0:
            try:
                dose = convert(rec.dose_given, rec.dose_unit, drug.dose_unit)
            except UnitMismatch:
                dose = rec.dose_given
            given = billing_units(dose, drug.hcpcs_unit_amount)
        units[drug.code] = units.get(drug.code, 0) + given
    out = []
    for code, given in sorted(units.items()):
        drug = catalog.drug(code)
        assert drug is not None and drug.recall is not None
        out.append(RecallGiven(drug_code=code, hcpcs=drug.hcpcs, units_given=given,
                               recall=drug.recall))
    return tuple(out)
