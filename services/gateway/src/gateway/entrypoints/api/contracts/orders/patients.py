from __future__ import annotations
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel

from .common import Class, Cursor, Dose, Line2, Phone, Plan, PlanId, Reaction, Severity


class AddressIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    city: Annotated[str, Field(max_length=30, min_length=2, title='City')]
    line1: Annotated[
        str,
        Field(
            description="Street address (home, not the clinic's)",
            max_length=55,
            min_length=1,
            title='Line1',
        ),
    ]
    line2: Annotated[Line2 | None, Field(title='Line2')] = None
    postal_code: Annotated[
        str,
        Field(
            description='ZIP or ZIP+4, digits only: 02110 or 021101234',
            pattern='^[0-9]{5}([0-9]{4})?$',
            title='Postal Code',
        ),
    ]
    state: Annotated[
        str,
        Field(
            description='USPS state code, e.g. MA', pattern='^[A-Z]{2}$', title='State'
        ),
    ]


class Reaction1(RootModel[str]):
    root: Annotated[str, Field(max_length=200, title='Reaction')]


class AllergyIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    kind: Annotated[Literal['drug', 'class'], Field(title='Kind')] = 'drug'
    reaction: Annotated[Reaction1 | None, Field(title='Reaction')] = None
    severity: Annotated[Severity | None, Field(title='Severity')] = None
    substance: Annotated[str, Field(max_length=200, min_length=1, title='Substance')]


class GroupNumber(RootModel[str]):
    root: Annotated[str, Field(max_length=50, title='Group Number')]


class MemberId(RootModel[str]):
    root: Annotated[str, Field(max_length=80, min_length=1, title='Member Id')]


class FamilyName(RootModel[str]):
    root: Annotated[str, Field(max_length=60, min_length=1, title='Family Name')]


class GivenName(RootModel[str]):
    root: Annotated[str, Field(max_length=35, min_length=1, title='Given Name')]


class PracticeId(RootModel[str]):
    root: Annotated[str, Field(max_length=64, min_length=1, title='Practice Id')]


class LookupIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    birth_date: Annotated[date | None, Field(title='Birth Date')] = None
    family_name: Annotated[FamilyName | None, Field(title='Family Name')] = None
    given_name: Annotated[GivenName | None, Field(title='Given Name')] = None
    member_id: Annotated[MemberId | None, Field(title='Member Id')] = None
    practice_id: Annotated[PracticeId | None, Field(title='Practice Id')] = None
    purpose: Annotated[
        Literal['treatment', 'payment', 'operations'], Field(title='Purpose')
    ] = 'treatment'


class LookupOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    patient_ids: Annotated[list[UUID], Field(title='Patient Ids')]


class Rxnorm(RootModel[str]):
    root: Annotated[str, Field(max_length=32, title='Rxnorm')]


class MedicationIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    class_: Annotated[Class | None, Field(alias='class', title='Class')] = None
    last_dose_at: Annotated[AwareDatetime | None, Field(title='Last Dose At')] = None
    name: Annotated[str, Field(max_length=200, min_length=1, title='Name')]
    rxnorm: Annotated[Rxnorm | None, Field(title='Rxnorm')] = None


class Result(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description="one of the kind's results (e.g. hbv_screen negative|positive|indeterminate); left out for a numeric kind, whose value sets it (low|normal|high)",
            max_length=32,
            min_length=1,
            title='Result',
        ),
    ]


class PracticeId2(RootModel[str]):
    root: Annotated[str, Field(max_length=64, min_length=1, title='Practice Id')]


class QtcMs(RootModel[int]):
    root: Annotated[int, Field(ge=200, le=800, title='Qtc Ms')]


class WeightKg(RootModel[Decimal]):
    root: Annotated[Decimal, Field(gt=0, le=400, multiple_of=0.01, title='Weight Kg')]


class WeightKg1(RootModel[str]):
    root: Annotated[
        str,
        Field(
            pattern='^(([1-9][0-9]?|[1-3][0-9]{2})(\\.[0-9]{1,2})?|0?\\.(0{0}[1-9][0-9]{0,1}|0{1}[1-9][0-9]{0,0}))$',
            title='Weight Kg',
        ),
    ]


class MiddleName(RootModel[str]):
    root: Annotated[str, Field(max_length=25, title='Middle Name')]


class PatientDemographicsIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    address: AddressIn
    birth_date: Annotated[date | None, Field(title='Birth Date')] = None
    family_name: Annotated[str, Field(max_length=60, min_length=1, title='Family Name')]
    given_name: Annotated[str, Field(max_length=35, min_length=1, title='Given Name')]
    middle_name: Annotated[MiddleName | None, Field(title='Middle Name')] = None
    phone: Annotated[Phone | None, Field(title='Phone')] = None
    sex: Annotated[Literal['female', 'male', 'unknown'] | None, Field(title='Sex')] = (
        None
    )


class PatientOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    allergies: Annotated[list[dict[str, Any]], Field(title='Allergies')]
    birth_date: Annotated[date, Field(title='Birth Date')]
    conditions: Annotated[list[str], Field(title='Conditions')]
    created_at: Annotated[AwareDatetime, Field(title='Created At')]
    id: Annotated[UUID, Field(title='Id')]
    medications: Annotated[list[dict[str, Any]], Field(title='Medications')]
    mrn: Annotated[str, Field(title='Mrn')]
    practice_id: Annotated[str, Field(title='Practice Id')]
    pregnant: Annotated[bool | None, Field(title='Pregnant')]
    qtc_ms: Annotated[int | None, Field(title='Qtc Ms')]
    sex: Annotated[str, Field(title='Sex')]
    updated_at: Annotated[AwareDatetime, Field(title='Updated At')]
    weight_kg: Annotated[str | None, Field(title='Weight Kg')]


class WeightKg2(RootModel[Decimal]):
    root: Annotated[Decimal, Field(gt=0, le=400, multiple_of=0.01, title='Weight Kg')]


class WeightKg3(RootModel[str]):
    root: Annotated[
        str,
        Field(
            pattern='^(([1-9][0-9]?|[1-3][0-9]{2})(\\.[0-9]{1,2})?|0?\\.(0{0}[1-9][0-9]{0,1}|0{1}[1-9][0-9]{0,0}))$',
            title='Weight Kg',
        ),
    ]


class PatientUpdate(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    allergies: Annotated[list[AllergyIn] | None, Field(title='Allergies')] = None
    birth_date: Annotated[
        date | None,
        Field(
            description='calendar date, between 1900-01-01 and 2199-12-31',
            title='Birth Date',
        ),
    ] = None
    conditions: Annotated[list[str] | None, Field(title='Conditions')] = None
    medications: Annotated[list[MedicationIn] | None, Field(title='Medications')] = None
    pregnant: Annotated[bool | None, Field(title='Pregnant')] = None
    qtc_ms: Annotated[QtcMs | None, Field(title='Qtc Ms')] = None
    sex: Annotated[
        Literal['female', 'male', 'other', 'unknown'] | None, Field(title='Sex')
    ] = None
    weight_kg: Annotated[WeightKg2 | WeightKg3 | None, Field(title='Weight Kg')] = None


class Phone1(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description='10 digits, e.g. 6175550123',
            pattern='^[0-9]{10}$',
            title='Phone',
        ),
    ]


class PersonIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    address: AddressIn
    birth_date: Annotated[
        date,
        Field(
            description='calendar date, between 1900-01-01 and 2199-12-31',
            title='Birth Date',
        ),
    ]
    family_name: Annotated[str, Field(max_length=60, min_length=1, title='Family Name')]
    given_name: Annotated[str, Field(max_length=35, min_length=1, title='Given Name')]
    middle_name: Annotated[MiddleName | None, Field(title='Middle Name')] = None
    phone: Annotated[
        Phone1 | None, Field(description='10 digits, e.g. 6175550123', title='Phone')
    ] = None
    sex: Annotated[Literal['female', 'male', 'unknown'], Field(title='Sex')]


class CoverageIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    effective_from: Annotated[date | None, Field(title='Effective From')] = None
    effective_to: Annotated[date | None, Field(title='Effective To')] = None
    group_number: Annotated[GroupNumber | None, Field(title='Group Number')] = None
    member_id: Annotated[str, Field(max_length=80, min_length=1, title='Member Id')]
    payer_id: Annotated[str, Field(max_length=64, min_length=1, title='Payer Id')]
    plan_id: Annotated[PlanId | None, Field(title='Plan Id')] = None
    priority: Annotated[
        Literal['primary', 'secondary', 'tertiary'], Field(title='Priority')
    ] = 'primary'
    relationship: Annotated[
        Literal['self', 'spouse', 'child', 'other'],
        Field(
            description="The patient's relationship to the subscriber",
            title='Relationship',
        ),
    ] = 'self'
    subscriber: Annotated[
        PersonIn | None,
        Field(
            description="The subscriber's own demographics: required unless relationship is self"
        ),
    ] = None


class PagePatientOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[PatientOut], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')] = None


class PatientCreate(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    allergies: Annotated[
        list[AllergyIn], Field(title='Allergies', validate_default=True)
    ] = []
    birth_date: Annotated[
        date,
        Field(
            description='calendar date, between 1900-01-01 and 2199-12-31',
            title='Birth Date',
        ),
    ]
    conditions: Annotated[list[str], Field(title='Conditions')] = []
    coverages: Annotated[
        list[CoverageIn], Field(max_length=5, title='Coverages', validate_default=True)
    ] = []
    demographics: Annotated[
        PatientDemographicsIn | None,
        Field(description='Legal name, address, phone (PHI, encrypted at rest)'),
    ] = None
    medications: Annotated[
        list[MedicationIn], Field(title='Medications', validate_default=True)
    ] = []
    mrn: Annotated[str, Field(max_length=64, min_length=1, title='Mrn')]
    practice_id: Annotated[PracticeId2 | None, Field(title='Practice Id')] = None
    pregnant: Annotated[bool | None, Field(title='Pregnant')] = None
    qtc_ms: Annotated[QtcMs | None, Field(title='Qtc Ms')] = None
    sex: Annotated[
        Literal['female', 'male', 'other', 'unknown'], Field(title='Sex')
    ] = 'unknown'
    weight_kg: Annotated[WeightKg | WeightKg1 | None, Field(title='Weight Kg')] = None
