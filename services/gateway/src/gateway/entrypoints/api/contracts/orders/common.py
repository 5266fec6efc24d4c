from __future__ import annotations
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel


class Cursor(RootModel[str]):
    root: Annotated[str, Field(pattern='^[0-9]{1,18}$', title='Cursor')]


class AccessLogQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    cursor: Annotated[Cursor | None, Field(title='Cursor')] = None
    limit: Annotated[int, Field(ge=1, le=500, title='Limit')] = 100


class Rate(RootModel[Decimal]):
    root: Annotated[
        Decimal,
        Field(description='mL/h', gt=0, le=10000, multiple_of=0.01, title='Rate'),
    ]


class ActionOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    at: Annotated[AwareDatetime, Field(title='At')]
    drug_code: Annotated[str | None, Field(title='Drug Code')]
    kind: Annotated[str, Field(title='Kind')]
    rate: Annotated[str | None, Field(title='Rate')]


class Line2(RootModel[str]):
    root: Annotated[str, Field(max_length=55, title='Line2')]


class AddressOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    city: Annotated[str, Field(title='City')]
    line1: Annotated[str, Field(title='Line1')]
    line2: Annotated[str | None, Field(title='Line2')]
    postal_code: Annotated[str, Field(title='Postal Code')]
    state: Annotated[str, Field(title='State')]


class Lot(RootModel[str]):
    root: Annotated[str, Field(max_length=64, title='Lot')]


class Reaction(RootModel[str]):
    root: Annotated[str, Field(max_length=500, title='Reaction')]


class Severity(RootModel[str]):
    root: Annotated[str, Field(max_length=32, title='Severity')]


class CourseIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    day: Annotated[
        int,
        Field(
            description='Which day of the course this order is (1..N); its dose is the course total x weight / N, in whole dose steps',
            ge=1,
            le=10,
            title='Day',
        ),
    ]
    days: Annotated[
        int,
        Field(
            description="N: the days the course is divided over; the drug's regimen sets the range (e.g. 2-5 for a loading course)",
            ge=1,
            le=10,
            title='Days',
        ),
    ]


class CoverageHistoryQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    purpose: Annotated[
        Literal['treatment', 'payment', 'operations'],
        Field(
            description='Why the PHI is read (recorded in the access log)',
            title='Purpose',
        ),
    ] = 'treatment'


class PlanId(RootModel[str]):
    root: Annotated[str, Field(max_length=64, title='Plan Id')]


class Version(RootModel[int]):
    root: Annotated[
        int,
        Field(
            description='The version the change is based on (409 if the coverage moved on)',
            ge=1,
            le=1000000,
            title='Version',
        ),
    ]


class Dose(RootModel[Decimal]):
    root: Annotated[Decimal, Field(gt=0, le=100000, multiple_of=0.0001, title='Dose')]


class EdAvoidedReportQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    from_: Annotated[date | None, Field(alias='from', title='From')] = None
    to: Annotated[date | None, Field(title='To')] = None


class EndCoverageQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    effective_to: Annotated[
        date | None,
        Field(description='Last day covered (default: today)', title='Effective To'),
    ] = None


class FhirOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    criticality: Annotated[Literal['high', 'low'], Field(title='Criticality')]
    severity: Annotated[Literal['mild', 'moderate', 'severe'], Field(title='Severity')]
    type: Annotated[Literal['allergy', 'intolerance'], Field(title='Type')]


class Indication(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description='ICD-10 code of the documented reason; required for hydration (dehydration, fluid loss, unable to drink)',
            pattern='(?i)^[A-TV-Z][0-9][0-9AB](\\.?[0-9A-TV-Z]{1,4})?$',
            title='Indication',
        ),
    ]


class RateMlPerH(RootModel[Decimal]):
    root: Annotated[
        Decimal,
        Field(
            description='mL/h', gt=0, le=9999, multiple_of=0.1, title='Rate Ml Per H'
        ),
    ]


class RateMlPerH1(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description='mL/h',
            pattern='^([1-9][0-9]{0,3}(\\.[0-9]{1,1})?|0?\\.(0{0}[1-9][0-9]{0,0}))$',
            title='Rate Ml Per H',
        ),
    ]


class FluidLineIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    indication: Annotated[
        Indication | None,
        Field(
            description='ICD-10 code of the documented reason; required for hydration (dehydration, fluid loss, unable to drink)',
            title='Indication',
        ),
    ] = None
    purpose: Annotated[
        Literal['hydration', 'carrier', 'kvo'],
        Field(
            description='hydration (billable as 96360/96361 when it qualifies), carrier (dilutes or flushes a drug) or kvo (keeps the vein open)',
            title='Purpose',
        ),
    ]
    rate_ml_per_h: Annotated[
        RateMlPerH | RateMlPerH1 | None, Field(title='Rate Ml Per H')
    ] = None


class GetDemographicsQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    purpose: Annotated[
        Literal['treatment', 'payment', 'operations'],
        Field(
            description='Why the PHI is read (recorded in the access log)',
            title='Purpose',
        ),
    ] = 'treatment'


class ListAlertsQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    audience: Annotated[
        Literal['charge_nurse', 'ordering_provider'] | None, Field(title='Audience')
    ] = None
    cursor: Annotated[str | None, Field(title='Cursor')] = None
    limit: Annotated[int, Field(ge=1, le=200, title='Limit')] = 50
    open_only: Annotated[bool, Field(title='Open Only')] = True
    practitioner_id: Annotated[UUID | None, Field(title='Practitioner Id')] = None


class DrugCode2(RootModel[str]):
    root: Annotated[str, Field(max_length=64, min_length=1, title='Drug Code')]


class PayerId(RootModel[str]):
    root: Annotated[str, Field(max_length=64, min_length=1, title='Payer Id')]


class ListAssessmentsQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    drug_code: Annotated[DrugCode2 | None, Field(title='Drug Code')] = None
    payer_id: Annotated[PayerId | None, Field(title='Payer Id')] = None


class ListCoveragesQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    purpose: Annotated[
        Literal['treatment', 'payment', 'operations'],
        Field(
            description='Why the PHI is read (recorded in the access log)',
            title='Purpose',
        ),
    ] = 'treatment'
    status: Annotated[Literal['active', 'ended'] | None, Field(title='Status')] = None


class ListOrdersQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    cursor: Annotated[str | None, Field(title='Cursor')] = None
    id: Annotated[
        list[UUID],
        Field(
            description='only these orders (repeat the parameter): a view that shows many orders reads them in one call',
            max_length=200,
            title='Id',
        ),
    ] = []
    limit: Annotated[int, Field(ge=1, le=200, title='Limit')] = 50
    patient_id: Annotated[UUID | None, Field(title='Patient Id')] = None
    practice_id: Annotated[str | None, Field(title='Practice Id')] = None
    status: Annotated[str | None, Field(title='Status')] = None


class ListPatientsQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    cursor: Annotated[str | None, Field(title='Cursor')] = None
    limit: Annotated[int, Field(ge=1, le=200, title='Limit')] = 50
    practice_id: Annotated[str | None, Field(title='Practice Id')] = None


class Npi(RootModel[str]):
    root: Annotated[str, Field(pattern='^[0-9]{10}$', title='Npi')]


class ListPractitionersQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    npi: Annotated[Npi | None, Field(title='Npi')] = None
    role: Annotated[
        Literal['ordering', 'rendering', 'supervising'] | None, Field(title='Role')
    ] = None


class FamilyName1(RootModel[str]):
    root: Annotated[str, Field(max_length=60, title='Family Name')]


class GivenName1(RootModel[str]):
    root: Annotated[str, Field(max_length=35, title='Given Name')]


class MemberId2(RootModel[str]):
    root: Annotated[str, Field(max_length=80, title='Member Id')]


class PracticeId1(RootModel[str]):
    root: Annotated[str, Field(max_length=64, title='Practice Id')]


class LookupQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    birth_date: Annotated[date | None, Field(title='Birth Date')] = None
    family_name: Annotated[FamilyName1 | None, Field(title='Family Name')] = None
    given_name: Annotated[GivenName1 | None, Field(title='Given Name')] = None
    member_id: Annotated[MemberId2 | None, Field(title='Member Id')] = None
    practice_id: Annotated[PracticeId1 | None, Field(title='Practice Id')] = None
    purpose: Annotated[
        Literal['treatment', 'payment', 'operations'],
        Field(
            description='Why the PHI is read (recorded in the access log)',
            title='Purpose',
        ),
    ] = 'treatment'


class Class(RootModel[str]):
    root: Annotated[str, Field(max_length=64, title='Class')]


class Note(RootModel[str]):
    root: Annotated[str, Field(max_length=500, title='Note')]


class Unit(RootModel[str]):
    root: Annotated[str, Field(max_length=16, min_length=1, title='Unit')]


class Dose2(RootModel[Decimal]):
    root: Annotated[Decimal, Field(gt=0, le=100000, multiple_of=0.0001, title='Dose')]


class Dose3(RootModel[str]):
    root: Annotated[
        str,
        Field(
            pattern='^([1-9][0-9]{0,4}(\\.[0-9]{1,4})?|0?\\.(0{0}[1-9][0-9]{0,3}|0{1}[1-9][0-9]{0,2}|0{2}[1-9][0-9]{0,1}|0{3}[1-9][0-9]{0,0}))$',
            title='Dose',
        ),
    ]


class OrderLineIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    course: Annotated[
        CourseIn | None,
        Field(
            description="Drugs dosed in courses only (the catalog regimen's `course` steps); left out, the checks infer the day from the dose history and warn"
        ),
    ] = None
    dose: Annotated[Dose2 | Dose3, Field(title='Dose')]
    dose_unit: Annotated[str, Field(max_length=16, min_length=1, title='Dose Unit')]
    drug_code: Annotated[str, Field(max_length=64, min_length=1, title='Drug Code')]
    fluid: FluidLineIn | None = None
    minutes: Annotated[int, Field(ge=1, le=1440, title='Minutes')]
    mode: Annotated[Literal['push', 'infusion'], Field(title='Mode')]
    sequence: Annotated[int, Field(ge=1, le=99, title='Sequence')]
    wait_after_minutes: Annotated[
        int, Field(ge=0, le=1440, title='Wait After Minutes')
    ] = 0
    with_previous: Annotated[bool, Field(title='With Previous')] = False


class Lines(RootModel[list[OrderLineIn]]):
    root: Annotated[list[OrderLineIn], Field(min_length=1, title='Lines')]


class OutcomesReportQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    from_: Annotated[date | None, Field(alias='from', title='From')] = None
    to: Annotated[date | None, Field(title='To')] = None


class Plan(RootModel[str]):
    root: Annotated[str, Field(max_length=1000, min_length=1, title='Plan')]


class Phone(RootModel[str]):
    root: Annotated[str, Field(pattern='^[0-9]{10}$', title='Phone')]


class PatientPayerIdentityQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    payer_id: Annotated[str, Field(max_length=64, min_length=1, title='Payer Id')]
    purpose: Annotated[
        Literal['treatment', 'payment', 'operations'], Field(title='Purpose')
    ] = 'payment'


class PayerIdentityQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    purpose: Annotated[
        Literal['treatment', 'payment', 'operations'], Field(title='Purpose')
    ] = 'payment'


class PersonOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    address: AddressOut
    birth_date: Annotated[date, Field(title='Birth Date')]
    family_name: Annotated[str, Field(title='Family Name')]
    given_name: Annotated[str, Field(title='Given Name')]
    middle_name: Annotated[str | None, Field(title='Middle Name')]
    phone: Annotated[str | None, Field(title='Phone')]
    sex: Annotated[Literal['female', 'male', 'unknown'], Field(title='Sex')]


class PractitionerOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    active: Annotated[bool, Field(title='Active')]
    family_name: Annotated[str, Field(title='Family Name')]
    given_name: Annotated[str, Field(title='Given Name')]
    id: Annotated[UUID, Field(title='Id')]
    npi: Annotated[str, Field(title='Npi')]
    practice_id: Annotated[str | None, Field(title='Practice Id')]
    roles: Annotated[
        list[Literal['ordering', 'rendering', 'supervising']], Field(title='Roles')
    ]
    taxonomy: Annotated[str, Field(title='Taxonomy')]


class PracticeId4(RootModel[str]):
    root: Annotated[str, Field(max_length=64, min_length=1, title='Practice Id')]


class Roles(RootModel[list[Literal['ordering', 'rendering', 'supervising']]]):
    root: Annotated[
        list[Literal['ordering', 'rendering', 'supervising']],
        Field(max_length=3, min_length=1, title='Roles'),
    ]


class Taxonomy(RootModel[str]):
    root: Annotated[str, Field(pattern='^[0-9]{3}[0-9A-Z]{6}X$', title='Taxonomy')]


class ReactionReportQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    from_: Annotated[
        date,
        Field(
            alias='from',
            description='calendar date, between 1900-01-01 and 2199-12-31',
            title='From',
        ),
    ]
    to: Annotated[
        date,
        Field(
            description='calendar date, between 1900-01-01 and 2199-12-31', title='To'
        ),
    ]


class Diastolic(RootModel[int]):
    root: Annotated[int, Field(ge=10, le=200, title='Diastolic')]


class Spo2(RootModel[int]):
    root: Annotated[int, Field(ge=30, le=100, title='Spo2')]


class Systolic(RootModel[int]):
    root: Annotated[int, Field(ge=20, le=300, title='Systolic')]


class ReactionVitalsOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    at: Annotated[AwareDatetime, Field(title='At')]
    diastolic: Annotated[int | None, Field(title='Diastolic')]
    heart_rate: Annotated[int | None, Field(title='Heart Rate')]
    resp_rate: Annotated[int | None, Field(title='Resp Rate')]
    spo2: Annotated[int | None, Field(title='Spo2')]
    systolic: Annotated[int | None, Field(title='Systolic')]
    temp_c: Annotated[str | None, Field(title='Temp C')]


class RescueOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    dose: Annotated[str, Field(title='Dose')]
    drug: Annotated[str, Field(title='Drug')]
    given_at: Annotated[AwareDatetime, Field(title='Given At')]
    given_by: Annotated[str, Field(title='Given By')]
    route: Annotated[str, Field(title='Route')]
    unit: Annotated[str, Field(title='Unit')]


class SuspectOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    amount_infused: Annotated[str | None, Field(title='Amount Infused')]
    amount_unit: Annotated[str | None, Field(title='Amount Unit')]
    dose_number: Annotated[int | None, Field(title='Dose Number')]
    drug_code: Annotated[str, Field(title='Drug Code')]
    lot: Annotated[str | None, Field(title='Lot')]
    rate_at_onset: Annotated[str | None, Field(title='Rate At Onset')]


class ValidationError(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    ctx: Annotated[dict[str, Any] | None, Field(title='Context')] = None
    input: Annotated[Any | None, Field(title='Input')] = None
    loc: Annotated[list[str | int], Field(title='Location')]
    msg: Annotated[str, Field(title='Message')]
    type: Annotated[str, Field(title='Error Type')]


class CoverageOut(ContractModel):
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
    relationship: Annotated[
        Literal['self', 'spouse', 'child', 'other'], Field(title='Relationship')
    ]
    status: Annotated[Literal['active', 'ended'], Field(title='Status')]
    subscriber: PersonOut | None
    version: Annotated[int, Field(title='Version')]


class HTTPValidationError(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    detail: Annotated[list[ValidationError] | None, Field(title='Detail')] = None


class PayerIdentityOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    coverage: CoverageOut | None
    order_id: Annotated[
        UUID | None,
        Field(
            description='null: read for a patient and payer, no order', title='Order Id'
        ),
    ]
    ordering: PractitionerOut | None
    patient: Annotated[
        PersonOut | None, Field(description='null: no demographics on file')
    ]
    patient_id: Annotated[UUID, Field(title='Patient Id')]
    practice_id: Annotated[str, Field(title='Practice Id')]
    supervising: PractitionerOut | None


class ReactionOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    actions: Annotated[list[ActionOut], Field(title='Actions')]
    acuity_class: Annotated[str | None, Field(title='Acuity Class')]
    clearance_note: Annotated[str | None, Field(title='Clearance Note')]
    cleared_at: Annotated[AwareDatetime | None, Field(title='Cleared At')]
    cleared_by: Annotated[str | None, Field(title='Cleared By')]
    ems_checklist: Annotated[list[str] | None, Field(title='Ems Checklist')] = None
    fhir: FhirOut
    grade: Annotated[int, Field(title='Grade')]
    graded_by: Annotated[str, Field(title='Graded By')]
    id: Annotated[UUID, Field(title='Id')]
    kind: Annotated[str, Field(title='Kind')]
    manifestations: Annotated[list[str], Field(title='Manifestations')]
    minutes_from_start: Annotated[int | None, Field(title='Minutes From Start')]
    onset_at: Annotated[AwareDatetime, Field(title='Onset At')]
    order_id: Annotated[UUID, Field(title='Order Id')]
    outcome: Annotated[str, Field(title='Outcome')]
    patient_id: Annotated[UUID, Field(title='Patient Id')]
    practice_id: Annotated[str, Field(title='Practice Id')]
    provider_notified_at: Annotated[
        AwareDatetime | None, Field(title='Provider Notified At')
    ]
    rechallenge: Annotated[str, Field(title='Rechallenge')]
    recorded_at: Annotated[AwareDatetime | None, Field(title='Recorded At')]
    recorded_by: Annotated[str | None, Field(title='Recorded By')]
    rescue_meds: Annotated[list[RescueOut], Field(title='Rescue Meds')]
    resolved_at: Annotated[AwareDatetime | None, Field(title='Resolved At')]
    suspects: Annotated[list[SuspectOut], Field(title='Suspects')]
    term: Annotated[str, Field(title='Term')]
    vitals: Annotated[list[ReactionVitalsOut], Field(title='Vitals')]
    warnings: Annotated[list[str], Field(title='Warnings')]


class PageReactionOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[ReactionOut], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')] = None
