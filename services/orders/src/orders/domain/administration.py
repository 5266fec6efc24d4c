"""The administration record (MAR): what was actually given, checked against the order."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import ROUND_CEILING, Decimal
from uuid import UUID

from orders.domain.catalog import Drug, RulesConfig
from orders.domain.errors import FieldError
from orders.domain.findings import Finding
from orders.domain.fluids import expected_volume_ml
from orders.domain.lines import LineSpec
from orders.domain.units import UnitMismatch, convert, fmt

_NDC = re.compile(r"^(\d{4,5}-\d{3,4}-\d{1,2}|\d{10,11})$")


@dataclass(frozen=True)
class AdministrationRecord:
    line_sequence: int
    started_at: datetime
    stopped_at: datetime
    dose_given: Decimal
    dose_unit: str
    ndc: str | None = None
    lot: str | None = None
    wasted_amount: Decimal = Decimal(0)
    reaction: str | None = None
    recorded_by: str | None = None
    recorded_at: datetime | None = None
    findings: tuple[Finding, ...] = field(default=())
    supervising_practitioner_id: UUID | None = None
    # The catalog's monitoring text for the drug, shown on the record (not stored with it:
    # the order's line keeps the text of the catalog version it was checked against).
    monitoring: tuple[str, ...] = field(default=(), compare=False)

    @property
    def minutes(self) -> Decimal:
        return Decimal((self.stopped_at - self.started_at).total_seconds()) / 60

    def with_findings(self, findings: list[Finding]) -> AdministrationRecord:
        return replace(self, findings=tuple(findings))


def validate_administration(rec: AdministrationRecord, drug: Drug) -> list[FieldError]:
    errors: list[FieldError] = []
    for name in ("started_at", "stopped_at"):
        if getattr(rec, name).tzinfo is None:
            errors.append(FieldError(name, "time must carry a UTC offset"))
    if not errors and rec.stopped_at < rec.started_at:
        errors.append(FieldError("stopped_at", "stop is before start"))
    if rec.dose_given <= 0:
        errors.append(FieldError("dose_given", "dose given must be greater than zero"))
    if rec.wasted_amount < 0:
        errors.append(FieldError("wasted_amount", "must not be negative"))
    try:
        convert(Decimal(1), rec.dose_unit, drug.dose_unit)
    except UnitMismatch:
        errors.append(FieldError("dose_unit", f"{drug.code} is dosed in {drug.dose_unit}"))
    if rec.ndc is not None and not _NDC.match(rec.ndc):
        errors.append(FieldError("ndc", "NDC must be 10 or 11 digits (hyphens allowed)"))
    return errors


def check_administration(rec: AdministrationRecord, line: LineSpec, drug: Drug,
                         rules: RulesConfig) -> list[Finding]:
    """Deviations worth a second look; the record is kept either way (it is what happened)."""
    out: list[Finding] = []
    unit = drug.dose_unit
    given = convert(rec.dose_given, rec.dose_unit, unit)
    # a fluid is expected to deliver rate x time (a KVO bag is mostly left in the bag)
    ordered = convert(expected_volume_ml(line), "mL", unit) if line.fluid else line.dose_in(unit)
    deviation = abs(given - ordered) / ordered * 100
    if deviation > rules.administration_dose_tolerance_pct:
        out.append(Finding("administration_dose_deviation", "warn",
                           f"{drug.code}: given {fmt(given)} {unit}, ordered {fmt(ordered)} {unit} "
                           f"({fmt(deviation.quantize(Decimal('0.1')))}% off; tolerance "
                           f"{fmt(rules.administration_dose_tolerance_pct)}%)", line.sequence))
    if given > drug.max_dose:
        out.append(Finding("administration_above_max", "warn",
                           f"{drug.code}: given {fmt(given)} {unit} is above the maximum "
                           f"{fmt(drug.max_dose)} {unit}", line.sequence))
    if line.minutes >= rules.administration_time_check_min_minutes:
        floor = Decimal(line.minutes) * (100 - rules.administration_time_tolerance_pct) / 100
        if rec.minutes < floor:
            out.append(Finding("administration_faster_than_ordered", "warn",
                               f"{drug.code}: ran {fmt(rec.minutes.quantize(Decimal('0.1')))} min, "
                               f"ordered over {line.minutes} min", line.sequence))
    out.extend(_waste_findings(rec, drug, given))
    if rec.reaction:
        out.append(Finding("administration_reaction", "info",
                           f"reaction recorded for {drug.code}: future orders will flag it",
                           line.sequence))
    return out


def _waste_findings(rec: AdministrationRecord, drug: Drug, given: Decimal) -> list[Finding]:
    wasted = convert(rec.wasted_amount, rec.dose_unit, drug.dose_unit)
    if not drug.single_dose:
        if wasted > 0:
            return [Finding("waste_on_multi_dose_vial", "info",
                            f"{drug.code} comes in multi-dose vials: waste is not billable (JW)",
                            rec.line_sequence)]
        return []
    if drug.vial_size is None:
        return []
    vials = (given / drug.vial_size).to_integral_value(rounding=ROUND_CEILING)
    expected = vials * drug.vial_size - given
    if wasted != expected:
        return [Finding("waste_differs_from_vials", "info",
                        f"{drug.code}: {fmt(wasted)} {drug.dose_unit} wasted; "
                        f"{int(vials)} x {fmt(drug.vial_size)} {drug.dose_unit} vial(s) leave "
                        f"{fmt(expected)}", rec.line_sequence)]
    return []
