"""Timed vital-sign sets of one visit and what is out of range in them (clinical-loop.md §2).

Pure: thresholds come from ``seed/discharge.json`` (``DischargeThresholds``), never from code.
A set is compared with the visit's own baseline (the first ``baseline`` set), because a
patient's normal is the reference the PADS/Aldrete discharge items use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict

from orders.domain.errors import FieldError

Kind = Literal["baseline", "during", "end", "discharge"]
KINDS: tuple[Kind, ...] = ("baseline", "during", "end", "discharge")
POSS_VALUES = ("S", "1", "2", "3", "4")
MEASURES = ("bp_systolic", "bp_diastolic", "heart_rate", "respiratory_rate", "spo2",
            "temperature_c", "nrs", "poss", "rass", "weight_kg")


class _Data(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")


class _Valued(_Data):
    sources: tuple[str, ...] = ()


class Tolerance(_Valued):
    value: Decimal
    applies_to: tuple[str, ...]


class IntValue(_Valued):
    value: int


class Choices(_Valued):
    value: tuple[str, ...]


class IntChoices(_Valued):
    value: tuple[int, ...]


class DischargeThresholds(_Data):
    """The versioned thresholds document (``seed/discharge.json``)."""

    version: int
    baseline_tolerance_pct: Tolerance
    spo2_min_pct: IntValue
    poss_acceptable: Choices
    rass_acceptable: IntChoices
    sedation_recheck_minutes: IntValue
    gait_orthostatics_drugs: Choices
    reaction_quiet_minutes: IntValue
    input_ranges: dict[str, object]

    def range_of(self, name: str) -> tuple[Decimal, Decimal] | None:
        bounds = self.input_ranges.get(name)
        if not isinstance(bounds, list) or len(bounds) != 2:
            return None
        return Decimal(str(bounds[0])), Decimal(str(bounds[1]))


@dataclass(frozen=True)
class VitalSet:
    order_id: UUID
    taken_at: datetime
    kind: Kind
    bp_systolic: int | None = None
    bp_diastolic: int | None = None
    heart_rate: int | None = None
    respiratory_rate: int | None = None
    spo2: int | None = None
    temperature_c: Decimal | None = None
    nrs: int | None = None  # optional here: the outcome NRS series is kept elsewhere
    poss: str | None = None  # S, 1..4
    rass: int | None = None  # -5..+4
    weight_kg: Decimal | None = None
    on_room_air: bool = True
    id: UUID | None = None
    recorded_by: str | None = None
    recorded_at: datetime | None = None
    findings: tuple[VitalFinding, ...] = field(default=())

    def value(self, name: str) -> Decimal | None:
        raw = getattr(self, name)
        return None if raw is None or isinstance(raw, str) else Decimal(raw)


@dataclass(frozen=True)
class VitalFinding:
    code: str  # off_baseline | spo2_low | sedation_unacceptable
    field: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "field": self.field, "message": self.message}


def validate_vitals(v: VitalSet, t: DischargeThresholds) -> list[FieldError]:
    """Every field at fault; empty when the set may be stored."""
    errors: list[FieldError] = []
    if v.kind not in KINDS:
        errors.append(FieldError("kind", f"one of {', '.join(KINDS)}"))
    if all(getattr(v, m) is None for m in MEASURES):
        errors.append(FieldError("bp_systolic", "record at least one measurement"))
    for name in MEASURES:
        value, bounds = (None if name == "poss" else v.value(name)), t.range_of(name)
        if value is not None and bounds and not bounds[0] <= value <= bounds[1]:
            errors.append(FieldError(name, f"must be between {bounds[0]} and {bounds[1]}"))
    if v.poss is not None and v.poss not in POSS_VALUES:
        errors.append(FieldError("poss", "one of S, 1, 2, 3, 4"))
    if (v.bp_systolic is None) != (v.bp_diastolic is None):
        errors.append(FieldError("bp_diastolic", "give systolic and diastolic together"))
    elif v.bp_systolic is not None and v.bp_diastolic is not None \
            and v.bp_diastolic >= v.bp_systolic:
        errors.append(FieldError("bp_diastolic", "must be below the systolic pressure"))
    return errors


def within_baseline(value: Decimal, baseline: Decimal, tolerance_pct: Decimal) -> bool:
    """|value - baseline| <= tolerance % of the baseline (bounds included)."""
    return abs(value - baseline) * 100 <= tolerance_pct * abs(baseline)


def baseline_of(sets: list[VitalSet]) -> VitalSet | None:
    """The visit's first baseline set (a later one does not move the reference)."""
    return min((s for s in sets if s.kind == "baseline"), key=lambda s: s.taken_at,
               default=None)


def sedation_acceptable(v: VitalSet, t: DischargeThresholds) -> bool | None:
    """POSS S/1/2 or RASS 0/-1; None when the set scores neither."""
    if v.poss is None and v.rass is None:
        return None
    ok_poss = v.poss is None or v.poss in t.poss_acceptable.value
    ok_rass = v.rass is None or v.rass in t.rass_acceptable.value
    return ok_poss and ok_rass


def assess(v: VitalSet, baseline: VitalSet | None, t: DischargeThresholds
           ) -> list[VitalFinding]:
    """What in this set is out of range: against the baseline, SpO2 and sedation."""
    found: list[VitalFinding] = []
    pct = t.baseline_tolerance_pct.value
    if baseline is not None and baseline is not v:
        for name in t.baseline_tolerance_pct.applies_to:
            now, ref = v.value(name), baseline.value(name)
            if now is not None and ref is not None and not within_baseline(now, ref, pct):
                found.append(VitalFinding("off_baseline", name,
                                          f"{name} {now} is more than {pct} % from the "
                                          f"baseline {ref}"))
    if v.spo2 is not None and v.spo2 < t.spo2_min_pct.value:
        found.append(VitalFinding("spo2_low", "spo2",
                                  f"SpO2 {v.spo2} % is below {t.spo2_min_pct.value} %"))
    if sedation_acceptable(v, t) is False:
        score = f"POSS {v.poss}" if v.poss is not None and v.poss not in \
            t.poss_acceptable.value else f"RASS {v.rass}"
        found.append(VitalFinding("sedation_unacceptable", "poss" if score.startswith("POSS")
                                  else "rass", f"{score} is not acceptable for discharge"))
    return found
