"""HTTP shapes of identities: the contract's Person, Coverage and Practitioner shapes
(/work/notes/identity-contract.md), the payer identity of an order, lookups and the access log.

Lengths follow the 837P elements the values end up in (NM103 60, NM104 35, NM105 25, N301 55,
N401 30, NM109 80, SBR03 50), so a value that fits here fits the claim.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, Field

from chairside_shared.inputs import Day
from orders.entrypoints.api.schema_base import BirthDate, In

AdminSex = Literal["female", "male", "unknown"]
Relationship = Literal["self", "spouse", "child", "other"]
Priority = Literal["primary", "secondary", "tertiary"]
Role = Literal["ordering", "rendering", "supervising"]
Purpose = Literal["treatment", "payment", "operations"]
NPI_PATTERN = r"^[12][0-9]{9}$"
TAXONOMY_PATTERN = r"^[0-9]{3}[0-9A-Z]{6}X$"


class AddressIn(In):
    line1: str = Field(min_length=1, max_length=55, description="Street address (home, not "
                       "the clinic's)")
    line2: str | None = Field(default=None, max_length=55)
    city: str = Field(min_length=2, max_length=30)
    state: str = Field(pattern=r"^[A-Z]{2}$", description="USPS state code, e.g. MA")
    postal_code: str = Field(pattern=r"^[0-9]{5}([0-9]{4})?$", description="ZIP or ZIP+4, "
                             "digits only: 02110 or 021101234")


class PersonIn(In):
    family_name: str = Field(min_length=1, max_length=60)
    given_name: str = Field(min_length=1, max_length=35)
    middle_name: str | None = Field(default=None, max_length=25)
    birth_date: BirthDate
    sex: AdminSex
    address: AddressIn
    phone: str | None = Field(default=None, pattern=r"^[0-9]{10}$",
                              description="10 digits, e.g. 6175550123")


class PatientDemographicsIn(In):
    """Demographics sent with a new patient: birth date and sex are the patient's own (left
    out, they are taken from the patient; given, they must be the same)."""

    family_name: str = Field(min_length=1, max_length=60)
    given_name: str = Field(min_length=1, max_length=35)
    middle_name: str | None = Field(default=None, max_length=25)
    birth_date: BirthDate | None = None
    sex: AdminSex | None = None
    address: AddressIn
    phone: str | None = Field(default=None, pattern=r"^[0-9]{10}$")


class CoverageIn(In):
    payer_id: str = Field(min_length=1, max_length=64)
    plan_id: str | None = Field(default=None, max_length=64)
    member_id: str = Field(min_length=1, max_length=80)
    group_number: str | None = Field(default=None, max_length=50)
    relationship: Relationship = Field("self", description="The patient's relationship to "
                                       "the subscriber")
    subscriber: PersonIn | None = Field(default=None, description="The subscriber's own "
                                        "demographics: required unless relationship is self")
    priority: Priority = "primary"
    effective_from: Day | None = None
    effective_to: Day | None = None


class CoveragePatch(In):
    """Only what changes; the result is the coverage's next version."""

    plan_id: str | None = Field(default=None, max_length=64)
    member_id: str | None = Field(default=None, min_length=1, max_length=80)
    group_number: str | None = Field(default=None, max_length=50)
    relationship: Relationship | None = None
    subscriber: PersonIn | None = None
    priority: Priority | None = None
    effective_from: Day | None = None
    effective_to: Day | None = None
    version: int | None = Field(default=None, ge=1, le=1_000_000, description="The version "
                                "the change is based on (409 if the coverage moved on)")


class AddressOut(BaseModel):
    line1: str
    line2: str | None
    city: str
    state: str
    postal_code: str


class PersonOut(BaseModel):
    family_name: str
    given_name: str
    middle_name: str | None
    birth_date: date
    sex: AdminSex
    address: AddressOut
    phone: str | None


class DemographicsOut(PersonOut):
    patient_id: UUID


class CoverageOut(BaseModel):
    id: UUID
    patient_id: UUID
    payer_id: str
    plan_id: str | None
    member_id: str
    group_number: str | None
    relationship: Relationship
    subscriber: PersonOut | None
    priority: Priority
    effective_from: date | None
    effective_to: date | None
    status: Literal["active", "ended"]
    version: int


class CoverageVersionOut(CoverageOut):
    recorded_at: datetime
    recorded_by: str | None


class PractitionerIn(In):
    npi: str = Field(pattern=NPI_PATTERN, description="10 digits starting with 1 or 2; the "
                     "last is the Luhn check digit over 80840 + the first 9")
    family_name: str = Field(min_length=1, max_length=60)
    given_name: str = Field(min_length=1, max_length=35)
    taxonomy: str = Field(pattern=TAXONOMY_PATTERN,
                          description="NUCC taxonomy code, e.g. 2084N0402X")
    roles: list[Role] = Field(min_length=1, max_length=3)
    practice_id: str | None = Field(default=None, min_length=1, max_length=64,
                                    description="null: works for the whole center")
    active: bool = True


class PractitionerPatch(In):
    npi: str | None = Field(default=None, pattern=NPI_PATTERN)
    family_name: str | None = Field(default=None, min_length=1, max_length=60)
    given_name: str | None = Field(default=None, min_length=1, max_length=35)
    taxonomy: str | None = Field(default=None, pattern=TAXONOMY_PATTERN)
    roles: list[Role] | None = Field(default=None, min_length=1, max_length=3)
    practice_id: str | None = Field(default=None, min_length=1, max_length=64)
    active: bool | None = None


class PractitionerOut(BaseModel):
    id: UUID
    npi: str
    family_name: str
    given_name: str
    taxonomy: str
    roles: list[Role]
    practice_id: str | None
    active: bool


class PayerIdentityOut(BaseModel):
    order_id: UUID | None = Field(description="null: read for a patient and payer, no order")
    patient_id: UUID
    practice_id: str
    patient: PersonOut | None = Field(description="null: no demographics on file")
    coverage: CoverageOut | None
    ordering: PractitionerOut | None
    supervising: PractitionerOut | None


class LookupIn(In):
    family_name: str | None = Field(default=None, min_length=1, max_length=60)
    given_name: str | None = Field(default=None, min_length=1, max_length=35)
    birth_date: Day | None = None
    member_id: str | None = Field(default=None, min_length=1, max_length=80)
    practice_id: str | None = Field(default=None, min_length=1, max_length=64)
    purpose: Purpose = "treatment"


class LookupOut(BaseModel):
    patient_ids: list[UUID]


class AccessEntryOut(BaseModel):
    id: int
    at: datetime
    client_id: str | None
    user_id: str | None
    patient_id: UUID
    resource: str
    action: str
    fields: list[str]
    purpose: Purpose
