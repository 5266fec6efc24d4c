"""Public request and response schemas of the /v1 API, field for field from shared/api.md.

Requests named in api.md are strict (unknown fields answer 422 and are never forwarded);
responses are open, since a service may add fields. Operations schemas (scheduling, prior
authorization, billing) are in schemas_ops.py; building blocks in schemas_common.py.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, ConfigDict, Field, StringConstraints

from gateway.entrypoints.api.schemas_common import *  # noqa: F403 - one registry of names
from gateway.entrypoints.api.schemas_common import (
    Code,
    Id,
    Money,
    Open,
    Page,
    PageQuery,
    PracticeId,
    Strict,
    Uuid,
)
from gateway.entrypoints.api.schemas_ops import *  # noqa: F403 - one registry of names

Text = Annotated[str, StringConstraints(min_length=1, max_length=500)]
# A decimal string as api.md prefers; a JSON number is accepted too, as the services do.
Dose = Annotated[str, StringConstraints(pattern=r"^\d{1,6}(\.\d{1,4})?$"),
                 Field(examples=["30"], description="decimal string")] | Annotated[
    float, Field(gt=0, lt=1_000_000)]
Amount = Annotated[str, StringConstraints(pattern=r"^\d{1,6}(\.\d{1,4})?$")] | Annotated[
    float, Field(ge=0, lt=1_000_000)]


# --- patients


class Allergy(Strict):
    substance: Text
    kind: Literal["drug", "class"] = "drug"
    reaction: Annotated[str, StringConstraints(max_length=200)] | None = None
    severity: Annotated[str, StringConstraints(max_length=32)] | None = Field(
        None, examples=["severe"])


class HomeMedication(Strict):
    name: Text
    rxnorm: Annotated[str, StringConstraints(pattern=r"^\d{1,10}$")] | None = None
    # `class` is a Python keyword: the field is named class_ and spelled `class` in JSON.
    class_: Text | None = Field(None, alias="class")
    last_dose_at: AwareDatetime | None = None


Condition = Text | dict[str, Any]


class PatientCreate(Strict):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "practice_id": "demo-partner", "mrn": "A-10442", "birth_date": "1988-04-02",
        "sex": "female", "weight_kg": 64.5, "pregnant": False,
        "allergies": [{"substance": "sulfa", "kind": "class", "reaction": "rash",
                       "severity": "mild"}],
        "conditions": ["renal_impairment"],
        "medications": [{"name": "sumatriptan", "class": "triptan",
                         "last_dose_at": "2026-03-02T07:30:00+00:00"}]}]})
    # A partner may leave it out: the patient then belongs to the caller's own practice.
    practice_id: PracticeId | None = None
    mrn: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    birth_date: date
    sex: Literal["female", "male", "other", "unknown"]
    weight_kg: Annotated[float, Field(gt=0, le=500)]
    pregnant: bool | None = None
    allergies: list[Allergy] = []
    conditions: list[Condition] = Field(
        [], examples=[["renal_impairment", {"code": "qtc_ms", "value": 470}]])
    qtc_ms: int | None = Field(None, ge=200, le=800)
    medications: list[HomeMedication] = []


class PatientPatch(Strict):
    birth_date: date | None = None
    sex: Literal["female", "male", "other", "unknown"] | None = None
    qtc_ms: int | None = Field(None, ge=200, le=800)
    weight_kg: Annotated[float, Field(gt=0, le=500)] | None = None
    pregnant: bool | None = None
    allergies: list[Allergy] | None = None
    conditions: list[Condition] | None = None
    medications: list[HomeMedication] | None = None


class Patient(Open):
    id: Id
    practice_id: str
    mrn: str | None = None
    birth_date: str | None = None
    sex: str | None = None
    weight_kg: float | str | None = None
    pregnant: bool | None = None
    allergies: list[dict[str, Any]] = []
    conditions: list[Any] = []
    medications: list[dict[str, Any]] = []


class PatientQuery(PageQuery):
    practice_id: PracticeId | None = None


class PatientPage(Page):
    items: list[Patient]


class OutsideDoseCreate(Strict):
    drug_code: Code
    dose: Dose
    dose_unit: Annotated[str, StringConstraints(min_length=1, max_length=16)]
    given_at: AwareDatetime
    source: Text


class OutsideDose(Open):
    id: Id | None = None
    drug_code: str | None = None
    given_at: str | None = None


# --- catalog


class Drug(Open):
    code: Code | None = None  # in the path on PUT
    name: str | None = None
    # api.md names the field `class`.
    class_: str | None = Field(None, alias="class")
    route_modes: list[str] | None = None
    dose_unit: str | None = None
    usual_dose: Money | float | None = None
    max_dose: Money | float | None = None
    hcpcs: str | None = None


class DrugPage(Page):
    items: list[Drug]


class ProtocolCreate(Open):
    """A named cocktail (lines of drug + dose rule + mode + minutes); the orders service
    validates the lines."""


class Protocol(Open):
    id: Id
    name: str | None = None
    lines: list[dict[str, Any]] = []


class ProtocolPage(Page):
    items: list[Protocol]


# --- orders


class Window(Strict):
    from_: AwareDatetime = Field(alias="from")
    to: AwareDatetime


class OrderLineIn(Strict):
    drug_code: Code
    dose: Dose
    dose_unit: Annotated[str, StringConstraints(min_length=1, max_length=16)]
    mode: Literal["push", "infusion"]
    minutes: int = Field(ge=0, le=1440)
    sequence: int = Field(ge=0, le=100)
    wait_after_minutes: int = Field(0, ge=0, le=1440)
    with_previous: bool = False


class PayerIn(Strict):
    payer_id: Code
    member_id: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    plan_id: Code | None = None


Icd10 = Annotated[str, StringConstraints(pattern=r"^[A-TV-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?$"),
                  Field(examples=["G43.711"])]


class OrderCreate(Strict):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "patient_id": "3f1c8a4e-6a0b-4c55-9a51-0f2f1f7f7a01", "urgency": "same_day",
        "diagnosis": ["G43.711"], "payer": {"payer_id": "medicare-b", "member_id": "1EG4TE5MK73"},
        "lines": [
            {"drug_code": "ketorolac", "dose": "30", "dose_unit": "mg", "mode": "push",
             "minutes": 2, "sequence": 1},
            {"drug_code": "prochlorperazine", "dose": "10", "dose_unit": "mg",
             "mode": "infusion", "minutes": 15, "sequence": 2}]}]})
    patient_id: Uuid
    urgency: Literal["same_day", "planned"]
    requested_window: Window | None = None
    diagnosis: list[Icd10] = Field(min_length=1)
    protocol_id: Uuid | None = None
    lines: list[OrderLineIn] = []
    payer: PayerIn


class OrderPatch(Strict):
    urgency: Literal["same_day", "planned"] | None = None
    requested_window: Window | None = None
    diagnosis: list[Icd10] | None = None
    lines: list[OrderLineIn] | None = None
    payer: PayerIn | None = None


class Finding(Open):
    code: str
    severity: Literal["block", "warn", "info"]
    message: str | None = None
    line: int | None = None


class Order(Open):
    id: Id
    patient_id: str | None = None
    practice_id: str | None = None
    status: Literal["draft", "signed", "scheduled", "in_progress", "administered",
                    "cancelled"] | None = None
    authorization_status: Literal["not_required", "pending", "approved", "denied"] | None = None
    authorization_reason: str | None = Field(
        None, description="The payer's reason when denied, not covered, expired or withdrawn")
    lines: list[dict[str, Any]] = []
    findings: list[Finding] = []
    estimated_chair_minutes: int | None = None
    acuity_class: str | None = None
    requires_driver: bool | None = None


class OrderQuery(PageQuery):
    practice_id: PracticeId | None = None
    patient_id: Uuid | None = None
    status: Literal["draft", "signed", "scheduled", "in_progress", "administered",
                    "cancelled"] | None = None


class OrderPage(Page):
    items: list[Order]


class FindingList(Open):
    findings: list[Finding]


class OverrideCreate(Strict):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "finding_code": "qt_stack", "reason": "Baseline ECG QTc 418 ms reviewed"}]})
    finding_code: Code
    reason: Text
    line: int | None = Field(None, ge=1, description="the order line the finding is about")


class Override(Open):
    finding_code: str | None = None
    reason: str | None = None


class CancelRequest(Strict):
    reason: Text


class CompleteRequest(Strict):
    rendering_provider_npi: Annotated[str, StringConstraints(pattern=r"^\d{10}$")] | None = None


class AdministrationCreate(Strict):
    line_sequence: int = Field(ge=0, le=100)
    started_at: AwareDatetime
    stopped_at: AwareDatetime
    dose_given: Dose
    dose_unit: Annotated[str, StringConstraints(min_length=1, max_length=16)]
    ndc: Annotated[str, StringConstraints(min_length=1, max_length=16)] | None = None
    lot: Annotated[str, StringConstraints(min_length=1, max_length=64)] | None = None
    wasted_amount: Amount = "0"
    reaction: Text | None = None


class Administration(Open):
    id: Id | None = None
    line_sequence: int | None = None


def registry() -> dict[str, type]:
    """Every public schema by name, as the route table refers to them."""
    from pydantic import BaseModel

    return {name: obj for name, obj in globals().items()
            if isinstance(obj, type) and issubclass(obj, BaseModel) and obj.__module__.startswith(
                "gateway.entrypoints.api.schemas")}
