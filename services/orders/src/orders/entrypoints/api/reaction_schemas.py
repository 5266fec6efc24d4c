"""Request and response shapes of the reaction routes (clinical-loop.md 1.4), separate from
the tables and the event contracts."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Literal
from uuid import UUID

from pydantic import Field

from chairside_shared.inputs import Instant, decimal_pattern, decimal_text
from orders.entrypoints.api.schema_base import In, Out
from orders.entrypoints.api.schemas import Dose

Rate = Annotated[Decimal, Field(gt=0, le=10_000, decimal_places=2, multiple_of=Decimal("0.01"),
                                description="mL/h", json_schema_extra=decimal_text(
                                    decimal_pattern("[1-9][0-9]{0,3}", 2, zero=False)))]
Code = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")]
Who = Annotated[str, Field(min_length=1, max_length=128)]
Term = Literal["infusion_related_reaction", "anaphylaxis", "other"]


class SuspectIn(In):
    drug_code: Code
    lot: str | None = Field(None, max_length=64)
    amount_infused: Dose | None = None
    amount_unit: str | None = Field(None, max_length=16)
    rate_at_onset: Rate | None = None
    dose_number: int | None = Field(None, ge=1, le=999)


class ReactionVitalsIn(In):
    at: Instant
    systolic: int | None = Field(None, ge=20, le=300)
    diastolic: int | None = Field(None, ge=10, le=200)
    heart_rate: int | None = Field(None, ge=10, le=300)
    resp_rate: int | None = Field(None, ge=1, le=80)
    spo2: int | None = Field(None, ge=30, le=100)
    temp_c: Decimal | None = Field(None, ge=25, le=45, decimal_places=1)


class ActionIn(In):
    kind: Literal["stop", "slow", "restart"]
    at: Instant
    rate: Rate | None = None
    drug_code: Code | None = None


class RescueIn(In):
    drug: str = Field(min_length=1, max_length=100)
    dose: Dose
    unit: str = Field(min_length=1, max_length=16)
    route: Literal["IM", "IV", "SC", "PO", "IN", "INH"]
    given_at: Instant
    given_by: Who


class ReactionIn(In):
    onset_at: Instant
    minutes_from_start: int | None = Field(None, ge=0, le=1440)
    suspects: list[SuspectIn] = Field(min_length=1, max_length=10)
    manifestations: list[Code] = Field(min_length=1, max_length=20,
                                       description="SNOMED CT codes from the reaction rules")
    term: Term
    grade: int = Field(ge=1, le=5, description="CTCAE v5 grade")
    graded_by: Who
    kind: Literal["allergy", "intolerance"]
    vitals: list[ReactionVitalsIn] = Field(default_factory=list, max_length=100)
    actions: list[ActionIn] = Field(default_factory=list, max_length=50)
    rescue_meds: list[RescueIn] = Field(default_factory=list, max_length=20)
    provider_notified_at: Instant | None = None
    outcome: Literal["resolved", "ongoing", "ems_transfer", "admitted"]
    resolved_at: Instant | None = None
    rechallenge: Literal["no", "premedicate", "slower_rate", "desensitization"]


class ClearanceIn(In):
    note: str = Field(min_length=3, max_length=1000)


class SuspectOut(Out):
    drug_code: str
    lot: str | None
    amount_infused: Decimal | None
    amount_unit: str | None
    rate_at_onset: Decimal | None
    dose_number: int | None


class ReactionVitalsOut(Out):
    at: datetime
    systolic: int | None
    diastolic: int | None
    heart_rate: int | None
    resp_rate: int | None
    spo2: int | None
    temp_c: Decimal | None


class ActionOut(Out):
    kind: str
    at: datetime
    rate: Decimal | None
    drug_code: str | None


class RescueOut(Out):
    drug: str
    dose: Decimal
    unit: str
    route: str
    given_at: datetime
    given_by: str


class FhirOut(Out):
    type: Literal["allergy", "intolerance"]
    severity: Literal["mild", "moderate", "severe"]
    criticality: Literal["high", "low"]


class ReactionOut(Out):
    id: UUID
    order_id: UUID
    patient_id: UUID
    practice_id: str
    onset_at: datetime
    minutes_from_start: int | None
    suspects: list[SuspectOut]
    manifestations: list[str]
    term: str
    grade: int
    graded_by: str
    kind: str
    vitals: list[ReactionVitalsOut]
    actions: list[ActionOut]
    rescue_meds: list[RescueOut]
    provider_notified_at: datetime | None
    outcome: str
    resolved_at: datetime | None
    rechallenge: str
    recorded_at: datetime | None
    recorded_by: str | None
    cleared_at: datetime | None
    cleared_by: str | None
    clearance_note: str | None
    warnings: list[str]
    acuity_class: str | None
    fhir: FhirOut
    ems_checklist: list[str] = Field(default_factory=list)


class AlertOut(Out):
    id: UUID
    reaction_id: UUID
    order_id: UUID
    patient_id: UUID
    practice_id: str
    audience: Literal["charge_nurse", "ordering_provider"]
    practitioner_id: UUID | None
    grade: int
    drug_codes: list[str]
    created_at: datetime
    acknowledged_at: datetime | None
    acknowledged_by: str | None


class ReactionCountOut(Out):
    drug_code: str
    grade: int
    count: int


class ReactionReportOut(Out):
    from_: date = Field(serialization_alias="from")
    to: date
    rows: list[ReactionCountOut]
    total: int
