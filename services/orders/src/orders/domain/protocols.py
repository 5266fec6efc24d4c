"""Protocols ("cocktails"): named, ordered lines with a dose rule, instantiated per patient."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal
from uuid import UUID, uuid4, uuid5

from orders.domain.catalog import Catalog, Mode
from orders.domain.errors import FieldError, ValidationFailed
from orders.domain.lines import LineSpec
from orders.domain.patient import PatientFacts
from orders.domain.units import floor_to_step

Population = Literal["adult", "pediatric", "any"]
_SEED_NS = UUID("6f1b7a52-3d0e-4c1c-9d7e-2b8f0c5e1a11")


@dataclass(frozen=True)
class DoseRule:
    kind: Literal["fixed", "per_kg"]
    dose: Decimal | None = None  # fixed
    mg_per_kg: Decimal | None = None  # per_kg
    max_dose: Decimal | None = None  # per_kg cap

    def validate(self, at: str) -> list[FieldError]:
        if self.kind == "fixed" and (self.dose is None or self.dose <= 0):
            return [FieldError(f"{at}.dose", "a fixed dose rule needs a dose > 0")]
        if self.kind == "per_kg":
            errs: list[FieldError] = []
            if self.mg_per_kg is None or self.mg_per_kg <= 0:
                errs.append(FieldError(f"{at}.mg_per_kg", "a per-kg rule needs mg_per_kg > 0"))
            if self.max_dose is None or self.max_dose <= 0:
                errs.append(FieldError(f"{at}.max_dose", "a per-kg rule needs a cap > 0"))
            return errs
        return []

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind,
                **{k: str(v) for k in ("dose", "mg_per_kg", "max_dose")
                   if (v := getattr(self, k)) is not None}}


@dataclass(frozen=True)
class ProtocolLine:
    sequence: int
    drug_code: str
    dose_rule: DoseRule
    mode: Mode
    minutes: int
    wait_after_minutes: int = 0
    with_previous: bool = False


@dataclass(frozen=True)
class Protocol:
    id: UUID
    practice_id: str | None  # None: a center-wide template every practice may use
    name: str
    population: Population
    lines: tuple[ProtocolLine, ...]
    description: str = ""
    key: str | None = None
    active: bool = True
    extra: dict[str, Any] = field(default_factory=dict)

    def visible_to(self, practice_id: str | None) -> bool:
        return self.practice_id is None or practice_id is None or self.practice_id == practice_id


def _dec(v: object) -> Decimal | None:
    return None if v is None else Decimal(str(v))


def protocol_from_data(d: Mapping[str, Any], practice_id: str | None) -> Protocol:
    key = d.get("key")
    pid = UUID(d["id"]) if d.get("id") else (uuid5(_SEED_NS, key) if key else uuid4())
    lines = tuple(
        ProtocolLine(
            sequence=int(ln["sequence"]), drug_code=ln["drug_code"], mode=ln["mode"],
            minutes=int(ln["minutes"]), wait_after_minutes=int(ln.get("wait_after_minutes", 0)),
            with_previous=bool(ln.get("with_previous", False)),
            dose_rule=DoseRule(kind=ln["dose_rule"]["kind"], dose=_dec(ln["dose_rule"].get("dose")),
                               mg_per_kg=_dec(ln["dose_rule"].get("mg_per_kg")),
                               max_dose=_dec(ln["dose_rule"].get("max_dose"))),
        )
        for ln in d["lines"]
    )
    return Protocol(id=pid, practice_id=practice_id, name=d["name"], population=d["population"],
                    lines=lines, description=d.get("description", ""), key=key)


def validate_protocol(protocol: Protocol, catalog: Catalog) -> list[FieldError]:
    errors: list[FieldError] = []
    if not protocol.name.strip():
        errors.append(FieldError("name", "a protocol needs a name"))
    if not protocol.lines:
        errors.append(FieldError("lines", "a protocol needs at least one line"))
    seen: set[int] = set()
    for i, line in enumerate(protocol.lines):
        at = f"lines.{i}"
        if line.sequence in seen:
            errors.append(FieldError(f"{at}.sequence", f"sequence {line.sequence} is used twice"))
        seen.add(line.sequence)
        drug = catalog.drug(line.drug_code)
        if drug is None:
            errors.append(FieldError(f"{at}.drug_code", f"unknown drug code {line.drug_code!r}"))
        elif drug.fluid is not None:
            # a fluid line needs a purpose, rate and (hydration) the patient's indication,
            # which protocol lines do not carry: the fluid is added to the order itself
            errors.append(FieldError(f"{at}.drug_code", f"{line.drug_code} is an IV fluid: add "
                                     "it as an order line (purpose, rate, indication)"))
        elif line.mode not in drug.route_modes:
            errors.append(FieldError(f"{at}.mode", f"{line.drug_code} is given by "
                                     f"{', '.join(drug.route_modes)}"))
        if line.minutes < 1:
            errors.append(FieldError(f"{at}.minutes", "minutes must be at least 1"))
        errors.extend(line.dose_rule.validate(f"{at}.dose_rule"))
    return errors


def instantiate(protocol: Protocol, patient: PatientFacts, catalog: Catalog) -> list[LineSpec]:
    """Concrete lines for this patient: per-kg doses = min(mg/kg x weight, cap), rounded down
    to the drug's dose step so rounding can never push a child's dose above its cap."""
    out: list[LineSpec] = []
    for i, line in enumerate(protocol.lines):
        drug = catalog.drug(line.drug_code)
        if drug is None:
            raise ValidationFailed([FieldError(f"protocol.lines.{i}.drug_code",
                                               f"unknown drug code {line.drug_code!r}")])
        rule = line.dose_rule
        if rule.kind == "fixed" and rule.dose is not None:
            dose = rule.dose
        elif rule.kind == "per_kg" and rule.mg_per_kg is not None and rule.max_dose is not None:
            if patient.weight_kg is None:
                raise ValidationFailed([FieldError(
                    "patient.weight_kg", "weight is required for a weight-based protocol")])
            raw = min(rule.mg_per_kg * patient.weight_kg, rule.max_dose)
            dose = floor_to_step(raw, drug.dose_step)
            if dose <= 0:
                raise ValidationFailed([FieldError(
                    "patient.weight_kg", f"weight too low for a measurable {drug.code} dose")])
        else:  # validate_protocol refuses such a rule when the protocol is saved
            raise ValidationFailed(rule.validate(f"protocol.lines.{i}.dose_rule"))
        out.append(LineSpec(sequence=line.sequence, drug_code=drug.code, dose=dose,
                            dose_unit=drug.dose_unit, mode=line.mode, minutes=line.minutes,
                            wait_after_minutes=line.wait_after_minutes,
                            with_previous=line.with_previous))
    return out
