from __future__ import annotations
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, RootModel

from .common import AddressOut, Class, CoverageOut, Cursor, Dose, Line2, PersonOut, Phone, Plan, PlanId, Rate, Reaction, Severity, Version


class AccessEntryOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    action: Annotated[str, Field(title='Action')]
    at: Annotated[AwareDatetime, Field(title='At')]
    client_id: Annotated[str | None, Field(title='Client Id')]
    fields: Annotated[list[str], Field(title='Fields')]
    id: Annotated[int, Field(title='Id')]
    patient_id: Annotated[UUID, Field(title='Patient Id')]
    purpose: Annotated[
        Literal['treatment', 'payment', 'operations'], Field(title='Purpose')
    ]
    resource: Annotated[str, Field(title='Resource')]
    user_id: Annotated[str | None, Field(title='User Id')]


class AddressIn(BaseModel):
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


class AhsOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    effective: Annotated[bool | None, Field(title='Effective')]
    judgeable: Annotated[bool, Field(title='Judgeable')]
    reasons: Annotated[list[str], Field(title='Reasons')]


class Reaction1(RootModel[str]):
    root: Annotated[str, Field(max_length=200, title='Reaction')]


class AllergyIn(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    kind: Annotated[Literal['drug', 'class'], Field(title='Kind')] = 'drug'
    reaction: Annotated[Reaction1 | None, Field(title='Reaction')] = None
    severity: Annotated[Severity | None, Field(title='Severity')] = None
    substance: Annotated[str, Field(max_length=200, min_length=1, title='Substance')]


class DrugCode1(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description='The preventive this assessment follows',
            max_length=64,
            min_length=1,
            title='Drug Code',
        ),
    ]


class HeadacheDays(RootModel[int]):
    root: Annotated[int, Field(ge=0, le=366, title='Headache Days')]


class MigraineDays(RootModel[int]):
    root: Annotated[int, Field(ge=0, le=366, title='Migraine Days')]


class AssessmentIn(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    drug_code: Annotated[
        DrugCode1 | None,
        Field(description='The preventive this assessment follows', title='Drug Code'),
    ] = None
    headache_days: Annotated[HeadacheDays | None, Field(title='Headache Days')] = None
    items: Annotated[
        list[int] | None,
        Field(
            description='MIDAS: 5 day counts; HIT-6: 6 answers (6/8/10/11/13)',
            max_length=6,
            title='Items',
        ),
    ] = None
    kind: Annotated[Literal['diary', 'midas', 'hit6'], Field(title='Kind')]
    migraine_days: Annotated[MigraineDays | None, Field(title='Migraine Days')] = None
    period_start: Annotated[
        date | None, Field(description="A diary's first day", title='Period Start')
    ] = None
    taken_on: Annotated[
        date,
        Field(
            description="Day of the questionnaire; a diary's last day", title='Taken On'
        ),
    ]


class AssessmentOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    drug_code: Annotated[str | None, Field(title='Drug Code')]
    grade: Annotated[
        str | None, Field(description='MIDAS grade or HIT-6 impact band', title='Grade')
    ] = None
    headache_days: Annotated[int | None, Field(title='Headache Days')]
    id: Annotated[UUID, Field(title='Id')]
    items: Annotated[list[int], Field(title='Items')]
    kind: Annotated[str, Field(title='Kind')]
    migraine_days: Annotated[int | None, Field(title='Migraine Days')]
    period_start: Annotated[date | None, Field(title='Period Start')]
    taken_on: Annotated[
        date,
        Field(
            description='calendar date, between 1900-01-01 and 2199-12-31',
            title='Taken On',
        ),
    ]
    total: Annotated[int | None, Field(title='Total')]


class GroupNumber(RootModel[str]):
    root: Annotated[str, Field(max_length=50, title='Group Number')]


class MemberId(RootModel[str]):
    root: Annotated[str, Field(max_length=80, min_length=1, title='Member Id')]


class DemographicsOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    address: AddressOut
    birth_date: Annotated[date, Field(title='Birth Date')]
    family_name: Annotated[str, Field(title='Family Name')]
    given_name: Annotated[str, Field(title='Given Name')]
    middle_name: Annotated[str | None, Field(title='Middle Name')]
    patient_id: Annotated[UUID, Field(title='Patient Id')]
    phone: Annotated[str | None, Field(title='Phone')]
    sex: Annotated[Literal['female', 'male', 'unknown'], Field(title='Sex')]


class FamilyName(RootModel[str]):
    root: Annotated[str, Field(max_length=60, min_length=1, title='Family Name')]


class GivenName(RootModel[str]):
    root: Annotated[str, Field(max_length=35, min_length=1, title='Given Name')]


class PracticeId(RootModel[str]):
    root: Annotated[str, Field(max_length=64, min_length=1, title='Practice Id')]


class LookupIn(BaseModel):
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


class LookupOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    patient_ids: Annotated[list[UUID], Field(title='Patient Ids')]


class Rxnorm(RootModel[str]):
    root: Annotated[str, Field(max_length=32, title='Rxnorm')]


class MedicationIn(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    class_: Annotated[Class | None, Field(alias='class', title='Class')] = None
    last_dose_at: Annotated[AwareDatetime | None, Field(title='Last Dose At')] = None
    name: Annotated[str, Field(max_length=200, min_length=1, title='Name')]
    rxnorm: Annotated[Rxnorm | None, Field(title='Rxnorm')] = None


class Dose4(RootModel[Decimal]):
    root: Annotated[Decimal, Field(gt=0, le=100000, multiple_of=0.0001, title='Dose')]


class Dose5(RootModel[str]):
    root: Annotated[
        str,
        Field(
            pattern='^([1-9][0-9]{0,4}(\\.[0-9]{1,4})?|0?\\.(0{0}[1-9][0-9]{0,3}|0{1}[1-9][0-9]{0,2}|0{2}[1-9][0-9]{0,1}|0{3}[1-9][0-9]{0,0}))$',
            title='Dose',
        ),
    ]


class OutsideDoseIn(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    dose: Annotated[Dose4 | Dose5, Field(title='Dose')]
    dose_unit: Annotated[str, Field(max_length=16, min_length=1, title='Dose Unit')]
    drug_code: Annotated[str, Field(max_length=64, min_length=1, title='Drug Code')]
    given_at: Annotated[
        AwareDatetime,
        Field(
            description='RFC 3339 time with offset, between 1900-01-01 and 2199-12-31 (UTC)',
            title='Given At',
        ),
    ]
    source: Annotated[str, Field(max_length=200, min_length=1, title='Source')]


class OutsideDoseOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    dose: Annotated[str, Field(title='Dose')]
    dose_unit: Annotated[str, Field(title='Dose Unit')]
    drug_code: Annotated[str, Field(title='Drug Code')]
    given_at: Annotated[AwareDatetime, Field(title='Given At')]
    id: Annotated[UUID, Field(title='Id')]
    patient_id: Annotated[UUID, Field(title='Patient Id')]
    recorded_at: Annotated[AwareDatetime, Field(title='Recorded At')]
    source: Annotated[str, Field(title='Source')]


class PageAccessEntryOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[AccessEntryOut], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')] = None


class PageOutsideDoseOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[OutsideDoseOut], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')] = None


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


class PatientDemographicsIn(BaseModel):
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


class PatientOut(BaseModel):
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


class PatientUpdate(BaseModel):
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


class PersonIn(BaseModel):
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


class PreventiveSummaryOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    ahs_2021: AhsOut
    baseline_headache_days: Annotated[
        float | None, Field(title='Baseline Headache Days')
    ]
    baseline_migraine_days: Annotated[
        float | None, Field(title='Baseline Migraine Days')
    ]
    current_headache_days: Annotated[float | None, Field(title='Current Headache Days')]
    current_migraine_days: Annotated[float | None, Field(title='Current Migraine Days')]
    drug_code: Annotated[str | None, Field(title='Drug Code')]
    first_dose: Annotated[date | None, Field(title='First Dose')]
    headache_days_change_pct: Annotated[
        float | None, Field(title='Headache Days Change Pct')
    ]
    hit6_band: Annotated[str | None, Field(title='Hit6 Band')]
    hit6_baseline: Annotated[int | None, Field(title='Hit6 Baseline')]
    hit6_current: Annotated[int | None, Field(title='Hit6 Current')]
    midas_baseline: Annotated[int | None, Field(title='Midas Baseline')]
    midas_current: Annotated[int | None, Field(title='Midas Current')]
    midas_grade: Annotated[str | None, Field(title='Midas Grade')]
    migraine_days_change_pct: Annotated[
        float | None, Field(title='Migraine Days Change Pct')
    ]
    renewal_ready: Annotated[bool | None, Field(title='Renewal Ready')]
    renewal_threshold_pct: Annotated[int, Field(title='Renewal Threshold Pct')]


class ReactionNoteOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    drug_code: Annotated[str, Field(title='Drug Code')]
    grade: Annotated[int | None, Field(title='Grade')]
    rate: Annotated[str | None, Field(title='Rate')]
    text: Annotated[str | None, Field(title='Text')]


class StatsOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    key: Annotated[str, Field(title='Key')]
    last_results: Annotated[list[str], Field(title='Last Results')]
    name: Annotated[str | None, Field(title='Name')] = None
    settled: Annotated[int, Field(title='Settled')]
    success_rate: Annotated[float | None, Field(title='Success Rate')]
    successes: Annotated[int, Field(title='Successes')]
    visits: Annotated[int, Field(title='Visits')]


class VisitResultOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    completed_at: Annotated[AwareDatetime, Field(title='Completed At')]
    drug_codes: Annotated[list[str], Field(title='Drug Codes')]
    ed_return_72h: Annotated[bool | None, Field(title='Ed Return 72H')]
    order_id: Annotated[UUID, Field(title='Order Id')]
    protocol_id: Annotated[UUID | None, Field(title='Protocol Id')]
    reactions: Annotated[list[ReactionNoteOut], Field(title='Reactions')]
    relief_at_discharge: Annotated[bool | None, Field(title='Relief At Discharge')]
    response: Annotated[str, Field(title='Response')]
    result: Annotated[Literal['success', 'failure', 'pending'], Field(title='Result')]
    sustained_relief_24h: Annotated[bool | None, Field(title='Sustained Relief 24H')]
    time_to_relief_min: Annotated[int | None, Field(title='Time To Relief Min')]


class AssessmentsOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[AssessmentOut], Field(title='Items')]
    rules_version: Annotated[int, Field(title='Rules Version')]
    summary: PreventiveSummaryOut | None


class CoverageIn(BaseModel):
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


class CoveragePatch(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    effective_from: Annotated[date | None, Field(title='Effective From')] = None
    effective_to: Annotated[date | None, Field(title='Effective To')] = None
    group_number: Annotated[GroupNumber | None, Field(title='Group Number')] = None
    member_id: Annotated[MemberId | None, Field(title='Member Id')] = None
    plan_id: Annotated[PlanId | None, Field(title='Plan Id')] = None
    priority: Annotated[
        Literal['primary', 'secondary', 'tertiary'] | None, Field(title='Priority')
    ] = None
    relationship: Annotated[
        Literal['self', 'spouse', 'child', 'other'] | None, Field(title='Relationship')
    ] = None
    subscriber: PersonIn | None = None
    version: Annotated[
        Version | None,
        Field(
            description='The version the change is based on (409 if the coverage moved on)',
            title='Version',
        ),
    ] = None


class CoverageVersionOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    effective_from: Annotated[date | None, Field(title='Effective From')]
    effective_to: Annotated[date | None, Field(title='Effective To')]
    group_number: Annotated[str | None, Field(title='Group Number')]
    id: Annotated[UUID, Field(title='Id')]
    member_id: Annotated[str, Field(title='Member Id')]
    patient_id: Annotated[UUID, Field(title='Patient Id')]
    payer_id: Annotated[str, Field(title='Payer Id')]
    plan_id: Annotated[str | None, Field(title='Plan Id')]
    priority: Annotated[
        Literal['primary', 'secondary', 'tertiary'], Field(title='Priority')
    ]
    recorded_at: Annotated[AwareDatetime, Field(title='Recorded At')]
    recorded_by: Annotated[str | None, Field(title='Recorded By')]
    relationship: Annotated[
        Literal['self', 'spouse', 'child', 'other'], Field(title='Relationship')
    ]
    status: Annotated[Literal['active', 'ended'], Field(title='Status')]
    subscriber: PersonOut | None
    version: Annotated[int, Field(title='Version')]


class PageCoverageOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[CoverageOut], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')] = None


class PageCoverageVersionOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[CoverageVersionOut], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')] = None


class PagePatientOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[PatientOut], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')] = None


class PatientCreate(BaseModel):
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


class ResponsesOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    best_protocol_id: Annotated[str | None, Field(title='Best Protocol Id')]
    by_drug: Annotated[list[StatsOut], Field(title='By Drug')]
    by_protocol: Annotated[list[StatsOut], Field(title='By Protocol')]
    last_successful_protocol_id: Annotated[
        str | None, Field(title='Last Successful Protocol Id')
    ]
    patient_id: Annotated[UUID, Field(title='Patient Id')]
    visits: Annotated[list[VisitResultOut], Field(title='Visits')]
