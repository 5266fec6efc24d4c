"""Order lines and their structural validation (422 territory, before any safety check)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from orders.domain.catalog import Catalog, Drug, FluidPurpose, Mode
from orders.domain.courses import CourseDay
from orders.domain.errors import FieldError
from orders.domain.fluids import fluid_line_errors
from orders.domain.units import UnitMismatch, convert, is_known_unit, is_volume_unit


@dataclass(frozen=True)
class FluidOrder:
    """What an IV fluid line adds to a drug line: why it runs, how fast, and for hydration the
    documented reason (an ICD-10 code: dehydration, fluid loss, unable to drink)."""

    purpose: FluidPurpose
    rate_ml_per_h: Decimal | None = None
    indication: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {"purpose": self.purpose, "indication": self.indication,
                "rate_ml_per_h": None if self.rate_ml_per_h is None else str(self.rate_ml_per_h)}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> FluidOrder:
        rate = d.get("rate_ml_per_h")
        return cls(purpose=d["purpose"], indication=d.get("indication"),
                   rate_ml_per_h=None if rate is None else Decimal(str(rate)))


@dataclass(frozen=True)
class LineSpec:
    """One drug of an order. Lines with the same sequence run at the same time."""

    sequence: int
    drug_code: str
    dose: Decimal
    dose_unit: str
    mode: Mode
    minutes: int
    wait_after_minutes: int = 0  # e.g. DHE waits 30 min after the antiemetic starts
    with_previous: bool = False  # runs alongside the previous line (DPH pushed with the DRA)
    fluid: FluidOrder | None = None  # IV fluids only: the dose is the volume in mL
    course: CourseDay | None = None  # a course drug's day k of N (regimen steps as courses)
    # The catalog's monitoring text for this drug, filled from the check result so the order
    # shows what the version it was checked against asks; not part of what was ordered.
    monitoring: tuple[str, ...] = field(default=(), compare=False)

    def dose_in(self, unit: str) -> Decimal:
        return convert(self.dose, self.dose_unit, unit)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "sequence": self.sequence, "drug_code": self.drug_code, "dose": str(self.dose),
            "dose_unit": self.dose_unit, "mode": self.mode, "minutes": self.minutes,
            "wait_after_minutes": self.wait_after_minutes, "with_previous": self.with_previous}
        if self.fluid is not None:
            out["fluid"] = self.fluid.to_dict()
        if self.course is not None:
            out["course"] = self.course.to_dict()
        if self.monitoring:
            out["monitoring"] = list(self.monitoring)
        return out

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> LineSpec:
        return cls(
            sequence=int(d["sequence"]),
            drug_code=d["drug_code"],
            dose=Decimal(str(d["dose"])),
            dose_unit=d["dose_unit"],
            mode=d["mode"],
            minutes=int(d["minutes"]),
            wait_after_minutes=int(d.get("wait_after_minutes", 0)),
            with_previous=bool(d.get("with_previous", False)),
            fluid=FluidOrder.from_dict(d["fluid"]) if d.get("fluid") else None,
            course=CourseDay.from_dict(d.get("course")),
            monitoring=tuple(d.get("monitoring", ())),
        )


def validate_lines(
    lines: list[LineSpec], catalog: Catalog, prefix: str = "lines"
) -> list[FieldError]:
    """Everything that makes a line meaningless: unknown drug, dose <= 0, wrong unit or mode."""
    errors: list[FieldError] = []
    if not lines:
        errors.append(FieldError(prefix, "an order needs at least one line"))
    seen: set[int] = set()
    for i, line in enumerate(lines):
        at = f"{prefix}.{i}"
        if line.sequence in seen:
            errors.append(FieldError(f"{at}.sequence", f"sequence {line.sequence} is used twice"))
        seen.add(line.sequence)
        drug = catalog.drug(line.drug_code)
        if drug is None:
            errors.append(FieldError(f"{at}.drug_code", f"unknown drug code {line.drug_code!r}"))
        if line.dose <= 0:
            errors.append(FieldError(f"{at}.dose", "dose must be greater than zero"))
        if line.sequence < 1:
            errors.append(FieldError(f"{at}.sequence", "sequence starts at 1"))
        if line.minutes < 1:
            errors.append(FieldError(f"{at}.minutes", "minutes must be at least 1"))
        if line.wait_after_minutes < 0:
            errors.append(FieldError(f"{at}.wait_after_minutes", "must not be negative"))
        if drug is None:
            continue
        errors.extend(fluid_line_errors(line, drug, at))
        if not (is_known_unit(line.dose_unit) or is_volume_unit(line.dose_unit)):
            errors.append(FieldError(f"{at}.dose_unit",
                                     f"unit {line.dose_unit!r} is not a mass or volume unit"))
        else:
            try:
                convert(Decimal(1), line.dose_unit, drug.dose_unit)
            except UnitMismatch:
                errors.append(FieldError(f"{at}.dose_unit",
                                         f"{line.drug_code} is dosed in {drug.dose_unit}"))
        errors.extend(course_errors(line, drug, at))
        if line.mode not in drug.route_modes:
            errors.append(FieldError(f"{at}.mode",
                                     f"{line.drug_code} is given by {', '.join(drug.route_modes)}"))
    return errors


def course_errors(line: LineSpec, drug: Drug, at: str) -> list[FieldError]:
    """The stated course must fit the drug's courses: N within the range any of its courses
    allows (which course applies is the safety checks' question), and day k within N."""
    c = line.course
    if c is None:
        return []
    reg = drug.regimen
    if reg is None or not reg.in_courses:
        return [FieldError(f"{at}.course", f"{drug.code} is not dosed in courses")]
    errors: list[FieldError] = []
    low, high = reg.course_days
    if not low <= c.days <= high:
        errors.append(FieldError(f"{at}.course.days",
                                 f"{drug.code} courses run over {low}-{high} days"))
    if not 1 <= c.day <= c.days:
        errors.append(FieldError(f"{at}.course.day", f"day {c.day} of a {c.days}-day course: "
                                 "the day is 1 to days"))
    return errors
