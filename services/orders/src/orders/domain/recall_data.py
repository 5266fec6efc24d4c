"""Recall data of a recurring drug (catalog ``drugs[].recall``) and the facts of one visit
that open a recall in scheduling: which recurring drugs were given, how many billing units,
and the catalog's day counts. Adding recall data to a drug in the catalog is all it takes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field, model_validator

from orders.domain.units import UnitMismatch, billing_units, convert

if TYPE_CHECKING:
    from orders.domain.catalog import Catalog, Drug
    from orders.domain.order import Order


REPEAT_HORIZON = 40  # dose numbers a repeating recall cycle is written out to (20 courses of 2)


class RecallDays(BaseModel):
    """When the next dose may (earliest), should (target window) and must (latest) be given,
    in days after a dose."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    earliest_days: int = Field(ge=0, le=3660)
    target_from_days: int = Field(ge=0, le=3660)
    target_to_days: int = Field(ge=0, le=3660)
    latest_days: int = Field(ge=0, le=3660)
    source: str
    unverified: tuple[str, ...] = ()  # fields no source confirms (Chairside defaults)

    @model_validator(mode="after")
    def _ordered(self) -> RecallDays:
        if not (self.earliest_days <= self.target_from_days <= self.target_to_days
                <= self.latest_days):
            raise ValueError("recall days must be earliest <= target_from <= target_to "
                             "<= latest")
        return self


class RecallStep(RecallDays):
    """The recall after the listed dose numbers (loading doses recall sooner than the
    maintenance doses the top-level days describe)."""

    doses: tuple[int, ...] = Field(min_length=1)


class RecallData(RecallDays):
    """The recall after any dose (the top-level days), unless a ``by_dose`` step lists the
    dose number given; ``pre_dose_checks`` are codes staff confirm before the next dose."""

    pre_dose_checks: tuple[str, ...] = ()
    by_dose: tuple[RecallStep, ...] = ()
    # dose numbers past the highest listed go round the listed ones from this one again (a
    # course of two infusions repeated every six months), as the regimen's ``repeat_from``
    repeat_from: int | None = Field(default=None, ge=1)

    @model_validator(mode="after")
    def _steps_apart(self) -> RecallData:
        listed = [n for s in self.by_dose for n in s.doses]
        if len(listed) != len(set(listed)) or any(n < 1 for n in listed):
            raise ValueError("each dose number (>= 1) is in at most one recall step")
        if self.repeat_from is not None and self.repeat_from not in listed:
            raise ValueError("repeat_from names a dose number a recall step lists")
        return self

    def for_dose(self, dose_number: int | None) -> RecallDays:
        """The recall after this dose of the molecule (None: not known, the top-level days)."""
        n = dose_number if dose_number is None else self._in_cycle(dose_number)
        return next((s for s in self.by_dose if n in s.doses), self)

    def _in_cycle(self, n: int) -> int:
        last = max((d for s in self.by_dose for d in s.doses), default=0)
        if self.repeat_from is None or n <= last:
            return n
        return self.repeat_from + (n - self.repeat_from) % (last + 1 - self.repeat_from)

    def listed_steps(self, upto: int = REPEAT_HORIZON) -> tuple[RecallStep, ...]:
        """``by_dose`` with a repeating cycle written out to dose ``upto``: the recall event
        carries plain dose lists (partners know no cycle); past it, the top-level days."""
        if self.repeat_from is None:
            return self.by_dose
        last = max(d for s in self.by_dose for d in s.doses)
        return tuple(s.model_copy(update={"doses": s.doses + tuple(
            n for n in range(last + 1, upto + 1) if self._in_cycle(n) in s.doses)})
            for s in self.by_dose)


@dataclass(frozen=True)
class RecallGiven:
    drug_code: str
    hcpcs: str | None
    units_given: int
    recall: RecallData
    molecule: str | None = None  # the catalog's molecule (products share one recall)


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
                               recall=drug.recall, molecule=drug.molecule))
    return tuple(out)


def interval_conflicts(drugs: Iterable[Drug]) -> list[str]:
    """Recall days that would let the next dose come before the regimen's minimum interval of
    any product of the same molecule (reference product and biosimilars are one course): a
    recall must never propose a day the safety checks then refuse."""
    drugs = list(drugs)
    by_molecule: dict[str, list[Drug]] = {}
    for d in drugs:
        by_molecule.setdefault(d.molecule_key, []).append(d)
    out = []
    for d in drugs:
        if d.recall is None:
            continue
        products = [p for p in by_molecule[d.molecule_key] if p.regimen is not None]
        courses = [p for p in products if p.regimen and p.regimen.in_courses]
        for p in courses:
            # steps count courses, not doses: the recall after any dose may be the one after a
            # course's last day, so its top-level days meet every step's interval; a by-dose
            # recall (the next day of a course under way) has none to meet
            assert p.regimen is not None
            for st in p.regimen.steps:
                need = st.min_days_after_previous
                if need is not None and d.recall.earliest_days < need:
                    out.append(f"{d.code}: recall opens on day {d.recall.earliest_days}, before "
                               f"{p.code}'s minimum interval of {need} days between courses")
        products = [p for p in products if p not in courses]
        last = max([1, *(n for s in d.recall.by_dose for n in s.doses),
                    *(s.from_dose for p in products if p.regimen for s in p.regimen.steps)])
        if d.recall.repeat_from is not None or any(p.regimen and p.regimen.repeat_from
                                                   for p in products):
            last *= 2  # a repeating cycle: once round it past the listed doses as well
        for n in range(1, last + 1):
            earliest = d.recall.for_dose(n).earliest_days
            for p in products:
                assert p.regimen is not None
                need = p.regimen.step_for(n + 1).min_days_after_previous
                if need is not None and earliest < need:
                    out.append(f"{d.code}: recall after dose {n} opens on day {earliest}, "
                               f"before {p.code}'s minimum interval of {need} days")
    return out
