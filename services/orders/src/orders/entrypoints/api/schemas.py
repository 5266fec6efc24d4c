"""HTTP shapes for patients, the catalog and protocols, and the parts every shape uses
(api.md field names kept; orders' shapes are in order_schemas.py).

Request models refuse what is structurally wrong (type, sign, pattern) so the 422 names the
field; rules that need the catalog (unknown drug, wrong unit, child without weight) are the
domain's, mapped to the same 422 shape by the routes.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Generic, Literal, TypeVar
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from chairside_shared.inputs import Instant, decimal_pattern, decimal_text
from orders.entrypoints.api.identity_schemas import CoverageIn, PatientDemographicsIn
from orders.entrypoints.api.schema_base import BirthDate, In, Out

T = TypeVar("T")
Severity = Literal["block", "warn", "info"]
Mode = Literal["push", "infusion"]


# Bounds that keep every amount inside its column (NUMERIC(14,4)) and far above any real dose
# (the largest catalog dose is 2 g of magnesium, in mg).
MAX_DOSE = Decimal(100_000)
# A decimal's text form is documented with its pattern, and its number form as a multiple of
# its last decimal place, so the schema says what the field takes (decimal_places is not
# written into JSON Schema by pydantic).
Dose = Annotated[Decimal, Field(gt=0, le=MAX_DOSE, decimal_places=4,
                                multiple_of=Decimal("0.0001"), json_schema_extra=decimal_text(
                                    decimal_pattern("[1-9][0-9]{0,4}", 4, zero=False)))]
Wasted = Annotated[Decimal, Field(ge=0, le=MAX_DOSE, decimal_places=4,
                                  multiple_of=Decimal("0.0001"), json_schema_extra=decimal_text(
                                      decimal_pattern("[1-9][0-9]{0,4}", 4, zero=True)))]
WeightKg = Annotated[Decimal, Field(gt=0, le=400, decimal_places=2, multiple_of=Decimal("0.01"),
                                    json_schema_extra=decimal_text(decimal_pattern(
                                        "([1-9][0-9]?|[1-3][0-9]{2})", 2, zero=False)))]
LineNumber = Annotated[int, Field(ge=1, le=99)]
# a numeric observation (a lab value): inside its NUMERIC(14,4) column
ObservedValue = Annotated[Decimal, Field(ge=0, le=MAX_DOSE, decimal_places=4,
                                         multiple_of=Decimal("0.0001"),
                                         json_schema_extra=decimal_text(decimal_pattern(
                                             "[1-9][0-9]{0,4}", 4, zero=True)))]


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = None


# ------------------------------------------------------------------------------ patients
class AllergyIn(In):
    substance: str = Field(min_length=1, max_length=200)
    kind: Literal["drug", "class"] = "drug"
    reaction: str | None = Field(default=None, max_length=200)
    severity: str | None = Field(default=None, max_length=32)


class MedicationIn(In):
    name: str = Field(min_length=1, max_length=200)
    rxnorm: str | None = Field(default=None, max_length=32)
    class_: str | None = Field(default=None, alias="class", max_length=64)
    last_dose_at: Instant | None = None

    model_config = ConfigDict(extra="forbid", populate_by_name=True, str_strip_whitespace=True)


class PatientCreate(In):
    practice_id: str | None = Field(default=None, min_length=1, max_length=64)  # or the caller's
    mrn: str = Field(min_length=1, max_length=64)
    birth_date: BirthDate
    sex: Literal["female", "male", "other", "unknown"] = "unknown"
    weight_kg: WeightKg | None = None
    pregnant: bool | None = None
    allergies: list[AllergyIn] = []
    conditions: list[str] = []
    qtc_ms: int | None = Field(default=None, ge=200, le=800)
    medications: list[MedicationIn] = []
    demographics: PatientDemographicsIn | None = Field(
        default=None, description="Legal name, address, phone (PHI, encrypted at rest)")
    coverages: list[CoverageIn] = Field(default=[], max_length=5)


class PatientUpdate(In):
    # Optional but never null: a patient's birth date and sex can be changed, not cleared
    # (left out, they stay as they are; the None default is never validated).
    birth_date: BirthDate = None  # type: ignore[assignment]
    sex: Literal["female", "male", "other", "unknown"] = None  # type: ignore[assignment]
    weight_kg: WeightKg | None = None
    pregnant: bool | None = None
    allergies: list[AllergyIn] | None = None
    conditions: list[str] | None = None
    qtc_ms: int | None = Field(default=None, ge=200, le=800)
    medications: list[MedicationIn] | None = None


class PatientOut(Out):
    id: UUID
    practice_id: str
    mrn: str
    birth_date: date
    sex: str
    weight_kg: Decimal | None
    pregnant: bool | None
    allergies: list[dict[str, Any]]
    conditions: list[str]
    qtc_ms: int | None
    medications: list[dict[str, Any]]
    created_at: datetime
    updated_at: datetime


class OutsideDoseIn(In):
    drug_code: str = Field(min_length=1, max_length=64)
    dose: Dose
    dose_unit: str = Field(min_length=1, max_length=16)
    given_at: Instant
    source: str = Field(min_length=1, max_length=200)


class OutsideDoseOut(Out):
    id: UUID
    patient_id: UUID
    drug_code: str
    dose: Decimal
    dose_unit: str
    given_at: datetime
    source: str
    recorded_at: datetime


# ------------------------------------------------------------------------------ catalog
class DrugOut(Out):
    """api.md's catalog fields, plus everything else the catalog holds."""

    code: str
    name: str
    class_: str = Field(serialization_alias="class")
    route_modes: list[Mode]
    dose_unit: str
    usual_dose: Decimal
    max_dose: Decimal
    peds_mg_per_kg: Decimal | None
    peds_max: Decimal | None
    peds_age_caps: list[dict[str, Any]] = Field(
        default_factory=list, description="Per-dose ceilings by age band (inclusive years)")
    peds_policy: str
    default_minutes: int
    sedation: str
    requires_driver: bool
    monitoring: list[str]
    acuity_class: str
    first_dose_acuity_class: str | None
    hcpcs: str | None
    hcpcs_unit: str | None
    hcpcs_unit_amount: Decimal | None
    vial_size: Decimal | None
    single_dose: bool
    frequency_limits: list[dict[str, Any]]
    fluid: dict[str, Any] | None = Field(
        default=None, description="IV fluids only: the bag (volume in mL, solution)")
    sources: dict[str, str]
    catalog_version: int


class DoseRuleIn(In):
    kind: Literal["fixed", "per_kg"]
    dose: Dose | None = None
    mg_per_kg: Dose | None = None
    max_dose: Dose | None = None


class ProtocolLineIn(In):
    sequence: LineNumber
    drug_code: str = Field(min_length=1, max_length=64)
    dose_rule: DoseRuleIn
    mode: Mode
    minutes: int = Field(ge=1, le=24 * 60)
    wait_after_minutes: int = Field(default=0, ge=0, le=24 * 60)
    with_previous: bool = False


class ProtocolCreate(In):
    name: str = Field(min_length=1, max_length=200)
    population: Literal["adult", "pediatric", "any"] = "any"
    description: str = Field(default="", max_length=2000)
    practice_id: str | None = Field(default=None, min_length=1, max_length=64)
    lines: list[ProtocolLineIn] = Field(min_length=1)


class ProtocolOut(Out):
    id: UUID
    practice_id: str | None
    key: str | None
    name: str
    population: str
    description: str
    lines: list[dict[str, Any]]


class ObservationKindIn(In):
    """An observation kind: a vocabulary of ``results``, or a ``unit`` (with optional
    ``low``/``high`` limits the value is read against: low, normal, high)."""

    label: str = Field(default="", max_length=200)
    results: list[Annotated[str, Field(min_length=1, max_length=32,
                                       pattern=r"^[a-z0-9_]+$")]] = Field(default_factory=list,
                                                                          max_length=20)
    unit: str | None = Field(default=None, min_length=1, max_length=16)
    low: ObservedValue | None = None
    high: ObservedValue | None = None
    max_age_days: int | None = Field(default=None, ge=1, le=3660,
                                     description="how long a result counts when the gate sets "
                                                 "no window of its own")
    source: str = Field(min_length=1, max_length=500)
    note: str | None = Field(default=None, max_length=500)


class ObservationKindOut(Out):
    kind: str
    label: str
    results: list[str]
    unit: str | None
    low: Decimal | None
    high: Decimal | None
    max_age_days: int | None
    source: str
    catalog_version: int
