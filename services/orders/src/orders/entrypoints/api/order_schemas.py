"""HTTP shapes for orders: drafts, edits, overrides, administrations (api.md field names).

As in schemas.py, request models refuse what is structurally wrong so the 422 names the
field; rules that need the catalog are the domain's.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from chairside_shared.inputs import Instant, decimal_pattern, decimal_text
from orders.domain.triage import MAX_HEADACHE_HOURS, TriageCategory
from orders.entrypoints.api.schemas import Dose, In, LineNumber, Mode, Severity, Wasted

ICD10 = r"(?i)^[A-TV-Z][0-9][0-9AB](\.?[0-9A-TV-Z]{1,4})?$"
Icd10 = Annotated[str, StringConstraints(strip_whitespace=True, to_upper=True, pattern=ICD10)]


RateMlPerH = Annotated[Decimal, Field(
    gt=0, le=9999, decimal_places=1, multiple_of=Decimal("0.1"), description="mL/h",
    json_schema_extra=decimal_text(decimal_pattern("[1-9][0-9]{0,3}", 1, zero=False)))]


HeadacheHours = Annotated[int, Field(ge=0, le=MAX_HEADACHE_HOURS)]
TRIAGE_HELP = ("Same-day triage: status_migrainosus (a debilitating attack > 72 h), "
               "refractory_to_home_rescue, prolonged_attack or routine. Same-day orders only; "
               "the same-day queue orders by it (scheduling's triage rule)")
HOURS_HELP = ("How long the current attack has lasted, whole hours (same-day orders only); "
              "72 or more counts as status migrainosus in the same-day queue")


class FluidLineIn(In):
    """IV fluids only (clinical-loop.md §6): the line's dose is then the volume in mL."""

    purpose: Literal["hydration", "carrier", "kvo"] = Field(
        description="hydration (billable as 96360/96361 when it qualifies), carrier (dilutes or "
        "flushes a drug) or kvo (keeps the vein open)")
    rate_ml_per_h: RateMlPerH | None = None
    indication: Icd10 | None = Field(
        default=None, description="ICD-10 code of the documented reason; required for hydration "
        "(dehydration, fluid loss, unable to drink)")


class CourseIn(In):
    """A course drug's place in its course (a total per kg over N consecutive clinic days,
    e.g. an IVIG loading course): the prescriber's N and which day this order is."""

    days: int = Field(ge=1, le=10, description="N: the days the course is divided over; the "
                      "drug's regimen sets the range (e.g. 2-5 for a loading course)")
    day: int = Field(ge=1, le=10, description="Which day of the course this order is (1..N); "
                     "its dose is the course total x weight / N, in whole dose steps")


class OrderLineIn(In):
    drug_code: str = Field(min_length=1, max_length=64)
    dose: Dose
    dose_unit: str = Field(min_length=1, max_length=16)
    mode: Mode
    minutes: int = Field(ge=1, le=24 * 60)
    sequence: LineNumber
    wait_after_minutes: int = Field(default=0, ge=0, le=24 * 60)
    with_previous: bool = False
    fluid: FluidLineIn | None = None
    course: CourseIn | None = Field(
        default=None, description="Drugs dosed in courses only (the catalog regimen's "
        "`course` steps); left out, the checks infer the day from the dose history and warn")


class WindowIn(In):
    from_: Instant = Field(alias="from")
    to: Instant

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    @model_validator(mode="after")
    def _ordered(self) -> WindowIn:
        if self.to <= self.from_:
            raise ValueError("'to' must be after 'from'")
        return self


class PayerIn(In):
    payer_id: str = Field(min_length=1, max_length=64)
    member_id: str = Field(min_length=1, max_length=64)
    plan_id: str | None = Field(default=None, max_length=64)


class OrderCreate(In):
    patient_id: UUID
    urgency: Literal["same_day", "planned"]
    requested_window: WindowIn | None = None
    diagnosis: list[Icd10] = Field(default=[], max_length=12)
    protocol_id: UUID | None = None
    lines: list[OrderLineIn] | None = None
    payer: PayerIn | None = None
    ordering_practitioner_id: UUID | None = Field(
        default=None, description="A practitioner with the ordering role")
    coverage_id: UUID | None = Field(
        default=None, description="One of the patient's coverages; left out, the patient's "
        "active coverage for the order's payer (primary first) is used")
    triage_category: TriageCategory | None = Field(default=None, description=TRIAGE_HELP)
    headache_hours: HeadacheHours | None = Field(default=None, description=HOURS_HELP)

    @model_validator(mode="after")
    def _something_to_give(self) -> OrderCreate:
        if self.protocol_id is None and not self.lines:
            raise ValueError("give lines, a protocol_id, or both")
        return self


class OrderUpdate(In):
    urgency: Literal["same_day", "planned"] | None = None
    requested_window: WindowIn | None = None
    diagnosis: list[Icd10] | None = Field(default=None, max_length=12)
    lines: list[OrderLineIn] | None = Field(default=None, min_length=1)
    payer: PayerIn | None = None
    ordering_practitioner_id: UUID | None = None
    coverage_id: UUID | None = None
    triage_category: TriageCategory | None = Field(default=None, description=TRIAGE_HELP)
    headache_hours: HeadacheHours | None = Field(default=None, description=HOURS_HELP)


class FindingOut(BaseModel):
    code: str
    severity: Severity
    message: str
    line: int | None = None
    overridden: bool = False


class OverrideIn(In):
    finding_code: str = Field(min_length=1, max_length=100)
    reason: str = Field(min_length=1, max_length=1000)
    line: LineNumber | None = None
    # RX-1: overriding a reaction hard stop needs the prescriber's plan too
    plan: str | None = Field(None, min_length=1, max_length=1000)


class OverrideOut(BaseModel):
    finding_code: str
    line: int | None
    reason: str
    by: str
    at: datetime


class CancelIn(In):
    reason: str = Field(min_length=1, max_length=500)


class AdministrationIn(In):
    line_sequence: LineNumber
    started_at: Instant
    stopped_at: Instant
    dose_given: Dose
    dose_unit: str = Field(min_length=1, max_length=16)
    ndc: str | None = Field(default=None, max_length=16)
    lot: str | None = Field(default=None, max_length=64)
    wasted_amount: Wasted = Decimal(0)
    reaction: str | None = Field(default=None, max_length=500)
    supervising_practitioner_id: UUID | None = Field(
        default=None, description="The practitioner with the supervising role who supervised")


class AdministrationOut(BaseModel):
    line_sequence: int
    started_at: datetime
    stopped_at: datetime
    dose_given: Decimal
    dose_unit: str
    ndc: str | None
    lot: str | None
    wasted_amount: Decimal
    reaction: str | None
    findings: list[FindingOut]
    supervising_practitioner_id: UUID | None = None
    monitoring: list[str] = Field(default=[], description="The catalog's monitoring text for "
                                  "the drug of this line")


class CompleteIn(In):
    rendering_provider_npi: str | None = Field(default=None, pattern=r"^\d{10}$")
    discharge_override_reason: str | None = Field(
        default=None, max_length=500,
        description="Complete although discharge criteria are unmet: why (recorded with who)")
    supervising_practitioner_id: UUID | None = Field(
        default=None, description="The practitioner with the supervising role who supervised")


class CheckOut(BaseModel):
    findings: list[FindingOut]
    estimated_chair_minutes: int
    acuity_class: str
    requires_driver: bool
    catalog_version: int


class OrderOut(BaseModel):
    id: UUID
    practice_id: str
    patient_id: UUID
    status: str
    authorization_status: str
    authorization_reason: str | None = Field(
        default=None, description="The payer's reason when the drug was denied, not covered, "
        "or the approval expired or was withdrawn; null otherwise.")
    urgency: str
    requested_window: dict[str, Any] | None
    diagnosis: list[str]
    payer: dict[str, Any] | None
    protocol_id: UUID | None
    lines: list[dict[str, Any]] = Field(description=(
        "The order's lines as ordered (an IV fluid's also carries `fluid`: purpose, rate, "
        "indication), each with the catalog's `monitoring` text for its drug"))
    findings: list[FindingOut]
    overrides: list[OverrideOut]
    estimated_chair_minutes: int
    acuity_class: str
    requires_driver: bool
    catalog_version: int
    prescriber_id: str | None
    ordering_practitioner_id: UUID | None = None
    supervising_practitioner_id: UUID | None = None
    coverage_id: UUID | None = None
    triage_category: str | None = Field(default=None, description=TRIAGE_HELP)
    headache_hours: int | None = Field(default=None, description=HOURS_HELP)
    administrations: list[AdministrationOut]
    history: list[dict[str, Any]]
    created_at: datetime
    updated_at: datetime
    signed_at: datetime | None
    cancelled_at: datetime | None
    cancel_reason: str | None
    completed_at: datetime | None
