from __future__ import annotations
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, RootModel

from .common import Class, Cursor, Diastolic, Dose, Lines, Lot, Npi, OrderLineIn, Phone, Plan, PlanId, Rate, Reaction, Severity, Spo2, Systolic, Version


class DrugCode(RootModel[str]):
    root: Annotated[
        str,
        Field(
            max_length=64, min_length=1, pattern='^[A-Za-z0-9_.-]+$', title='Drug Code'
        ),
    ]


class Rate1(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description='mL/h',
            pattern='^([1-9][0-9]{0,3}(\\.[0-9]{1,2})?|0?\\.(0{0}[1-9][0-9]{0,1}|0{1}[1-9][0-9]{0,0}))$',
            title='Rate',
        ),
    ]


class ActionIn(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    at: Annotated[
        AwareDatetime,
        Field(
            description='RFC 3339 time with offset, between 1900-01-01 and 2199-12-31 (UTC)',
            title='At',
        ),
    ]
    drug_code: Annotated[DrugCode | None, Field(title='Drug Code')] = None
    kind: Annotated[Literal['stop', 'slow', 'restart'], Field(title='Kind')]
    rate: Annotated[Rate | Rate1 | None, Field(title='Rate')] = None


class AcuteOutcomeOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    baseline_category: Annotated[str | None, Field(title='Baseline Category')]
    baseline_nrs: Annotated[int | None, Field(title='Baseline Nrs')]
    drop_50pct_2h: Annotated[bool | None, Field(title='Drop 50Pct 2H')]
    ed_return_72h: Annotated[bool | None, Field(title='Ed Return 72H')]
    ed_return_hours: Annotated[float | None, Field(title='Ed Return Hours')]
    failure: Annotated[bool | None, Field(title='Failure')]
    held_24h: Annotated[
        bool | None,
        Field(description='no recurrence and no rescue up to 24 h', title='Held 24H'),
    ]
    pain_free_2h: Annotated[bool | None, Field(title='Pain Free 2H')]
    pain_free_60: Annotated[bool | None, Field(title='Pain Free 60')]
    recurrence: Annotated[bool | None, Field(title='Recurrence')]
    relief_2h: Annotated[bool | None, Field(title='Relief 2H')]
    relief_at_discharge: Annotated[bool | None, Field(title='Relief At Discharge')]
    rescue_use: Annotated[bool | None, Field(title='Rescue Use')]
    response: Annotated[str, Field(title='Response')]
    sustained_freedom_24h: Annotated[bool | None, Field(title='Sustained Freedom 24H')]
    sustained_freedom_48h: Annotated[bool | None, Field(title='Sustained Freedom 48H')]
    sustained_relief_24h: Annotated[bool | None, Field(title='Sustained Relief 24H')]
    sustained_relief_48h: Annotated[bool | None, Field(title='Sustained Relief 48H')]
    time_to_relief_min: Annotated[int | None, Field(title='Time To Relief Min')]


class DoseGiven(RootModel[Decimal]):
    root: Annotated[
        Decimal, Field(gt=0, le=100000, multiple_of=0.0001, title='Dose Given')
    ]


class DoseGiven1(RootModel[str]):
    root: Annotated[
        str,
        Field(
            pattern='^([1-9][0-9]{0,4}(\\.[0-9]{1,4})?|0?\\.(0{0}[1-9][0-9]{0,3}|0{1}[1-9][0-9]{0,2}|0{2}[1-9][0-9]{0,1}|0{3}[1-9][0-9]{0,0}))$',
            title='Dose Given',
        ),
    ]


class Ndc(RootModel[str]):
    root: Annotated[str, Field(max_length=16, title='Ndc')]


class WastedAmount(RootModel[Decimal]):
    root: Annotated[
        Decimal, Field(ge=0, le=100000, multiple_of=0.0001, title='Wasted Amount')
    ]


class WastedAmount1(RootModel[str]):
    root: Annotated[
        str,
        Field(pattern='^(0|[1-9][0-9]{0,4})(\\.[0-9]{1,4})?$', title='Wasted Amount'),
    ]


class AdministrationIn(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    dose_given: Annotated[DoseGiven | DoseGiven1, Field(title='Dose Given')]
    dose_unit: Annotated[str, Field(max_length=16, min_length=1, title='Dose Unit')]
    line_sequence: Annotated[int, Field(ge=1, le=99, title='Line Sequence')]
    lot: Annotated[Lot | None, Field(title='Lot')] = None
    ndc: Annotated[Ndc | None, Field(title='Ndc')] = None
    reaction: Annotated[Reaction | None, Field(title='Reaction')] = None
    started_at: Annotated[
        AwareDatetime,
        Field(
            description='RFC 3339 time with offset, between 1900-01-01 and 2199-12-31 (UTC)',
            title='Started At',
        ),
    ]
    stopped_at: Annotated[
        AwareDatetime,
        Field(
            description='RFC 3339 time with offset, between 1900-01-01 and 2199-12-31 (UTC)',
            title='Stopped At',
        ),
    ]
    supervising_practitioner_id: Annotated[
        UUID | None,
        Field(
            description='The practitioner with the supervising role who supervised',
            title='Supervising Practitioner Id',
        ),
    ] = None
    wasted_amount: Annotated[
        WastedAmount | WastedAmount1,
        Field(title='Wasted Amount', validate_default=True),
    ] = '0'


class CancelIn(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    reason: Annotated[str, Field(max_length=500, min_length=1, title='Reason')]


class DischargeOverrideReason(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description='Complete although discharge criteria are unmet: why (recorded with who)',
            max_length=500,
            title='Discharge Override Reason',
        ),
    ]


class RenderingProviderNpi(RootModel[str]):
    root: Annotated[str, Field(pattern='^\\d{10}$', title='Rendering Provider Npi')]


class CompleteIn(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    discharge_override_reason: Annotated[
        DischargeOverrideReason | None,
        Field(
            description='Complete although discharge criteria are unmet: why (recorded with who)',
            title='Discharge Override Reason',
        ),
    ] = None
    rendering_provider_npi: Annotated[
        RenderingProviderNpi | None, Field(title='Rendering Provider Npi')
    ] = None
    supervising_practitioner_id: Annotated[
        UUID | None,
        Field(
            description='The practitioner with the supervising role who supervised',
            title='Supervising Practitioner Id',
        ),
    ] = None


class CompleteOrderRequest(RootModel[CompleteIn | None]):
    root: Annotated[CompleteIn | None, Field(title='Body')]


class CriterionOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    code: Annotated[str, Field(title='Code')]
    met: Annotated[bool, Field(title='Met')]
    reason: Annotated[str, Field(title='Reason')]


class DischargeCheckIn(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    gait_steady: Annotated[bool | None, Field(title='Gait Steady')] = None
    nausea_controlled: Annotated[bool | None, Field(title='Nausea Controlled')] = None
    orthostatics_negative: Annotated[
        bool | None, Field(title='Orthostatics Negative')
    ] = None


class DischargeOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    check_id: Annotated[UUID | None, Field(title='Check Id')] = None
    checked_at: Annotated[AwareDatetime | None, Field(title='Checked At')] = None
    criteria: Annotated[list[CriterionOut], Field(title='Criteria')]
    order_id: Annotated[UUID, Field(title='Order Id')]
    ready: Annotated[bool, Field(title='Ready')]
    recheck_at: Annotated[AwareDatetime | None, Field(title='Recheck At')]
    thresholds_version: Annotated[int, Field(title='Thresholds Version')]
    unmet: Annotated[list[str], Field(title='Unmet')]


class EscortIn(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    name: Annotated[str, Field(max_length=200, min_length=1, title='Name')]
    phone: Annotated[str, Field(max_length=32, min_length=1, title='Phone')]


class EscortOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    confirmed_at: Annotated[AwareDatetime, Field(title='Confirmed At')]
    escort_confirmed: Annotated[bool, Field(title='Escort Confirmed')]
    order_id: Annotated[UUID, Field(title='Order Id')]


class FindingOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    code: Annotated[str, Field(title='Code')]
    line: Annotated[int | None, Field(title='Line')] = None
    message: Annotated[str, Field(title='Message')]
    overridden: Annotated[bool, Field(title='Overridden')] = False
    severity: Annotated[Literal['block', 'warn', 'info'], Field(title='Severity')]


class EdHours(RootModel[float]):
    root: Annotated[float, Field(ge=0.0, le=72.0, title='Ed Hours')]


class RecurrenceHours(RootModel[float]):
    root: Annotated[float, Field(ge=0.0, le=72.0, title='Recurrence Hours')]


class RescueHours(RootModel[float]):
    root: Annotated[float, Field(ge=0.0, le=72.0, title='Rescue Hours')]


class FollowUpIn(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    checkpoint_hours: Annotated[
        Literal[24, 48, 72],
        Field(
            description='The call: 24, 48 or 72 h after discharge',
            title='Checkpoint Hours',
        ),
    ]
    ed_hours: Annotated[EdHours | str | None, Field(title='Ed Hours')] = None
    ed_visit: Annotated[bool, Field(title='Ed Visit')] = False
    recurrence: Annotated[bool, Field(title='Recurrence')] = False
    recurrence_hours: Annotated[
        RecurrenceHours | str | None, Field(title='Recurrence Hours')
    ] = None
    rescue_hours: Annotated[RescueHours | str | None, Field(title='Rescue Hours')] = (
        None
    )
    rescue_used: Annotated[bool, Field(title='Rescue Used')] = False


class FollowUpOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    checkpoint_hours: Annotated[int, Field(title='Checkpoint Hours')]
    ed_hours: Annotated[float | None, Field(title='Ed Hours')]
    ed_visit: Annotated[bool, Field(title='Ed Visit')]
    recurrence: Annotated[bool, Field(title='Recurrence')]
    recurrence_hours: Annotated[float | None, Field(title='Recurrence Hours')]
    rescue_hours: Annotated[float | None, Field(title='Rescue Hours')]
    rescue_used: Annotated[bool, Field(title='Rescue Used')]


class Diagnosi(RootModel[str]):
    root: Annotated[
        str, Field(pattern='(?i)^[A-TV-Z][0-9][0-9AB](\\.?[0-9A-TV-Z]{1,4})?$')
    ]


class Diagnosis(RootModel[list[Diagnosi]]):
    root: Annotated[list[Diagnosi], Field(max_length=12, title='Diagnosis')]


class Line(RootModel[int]):
    root: Annotated[int, Field(ge=1, le=99, title='Line')]


class OverrideIn(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    finding_code: Annotated[
        str, Field(max_length=100, min_length=1, title='Finding Code')
    ]
    line: Annotated[Line | None, Field(title='Line')] = None
    plan: Annotated[Plan | None, Field(title='Plan')] = None
    reason: Annotated[str, Field(max_length=1000, min_length=1, title='Reason')]


class OverrideOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    at: Annotated[AwareDatetime, Field(title='At')]
    by: Annotated[str, Field(title='By')]
    finding_code: Annotated[str, Field(title='Finding Code')]
    line: Annotated[int | None, Field(title='Line')]
    reason: Annotated[str, Field(title='Reason')]


class PainScoreIn(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    at: Annotated[
        AwareDatetime | None,
        Field(description='When it was taken (default: now)', title='At'),
    ] = None
    nrs: Annotated[
        int, Field(description='Numeric rating scale 0-10', ge=0, le=10, title='Nrs')
    ]
    point: Annotated[
        Literal['arrival', 'pre_drug', '60_min', '120_min', 'discharge'],
        Field(title='Point'),
    ]


class PainScoreOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    at: Annotated[AwareDatetime, Field(title='At')]
    category: Annotated[str, Field(title='Category')]
    nrs: Annotated[int, Field(title='Nrs')]
    point: Annotated[str, Field(title='Point')]


class PainScoresOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[PainScoreOut], Field(title='Items')]


class PayerIn(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    member_id: Annotated[str, Field(max_length=64, min_length=1, title='Member Id')]
    payer_id: Annotated[str, Field(max_length=64, min_length=1, title='Payer Id')]
    plan_id: Annotated[PlanId | None, Field(title='Plan Id')] = None


class Manifestation(RootModel[str]):
    root: Annotated[
        str, Field(max_length=64, min_length=1, pattern='^[A-Za-z0-9_.-]+$')
    ]


class MinutesFromStart(RootModel[int]):
    root: Annotated[int, Field(ge=0, le=1440, title='Minutes From Start')]


class HeartRate(RootModel[int]):
    root: Annotated[int, Field(ge=10, le=300, title='Heart Rate')]


class RespRate(RootModel[int]):
    root: Annotated[int, Field(ge=1, le=80, title='Resp Rate')]


class TempC(RootModel[float]):
    root: Annotated[float, Field(ge=25.0, le=45.0, title='Temp C')]


class ReactionVitalsIn(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    at: Annotated[
        AwareDatetime,
        Field(
            description='RFC 3339 time with offset, between 1900-01-01 and 2199-12-31 (UTC)',
            title='At',
        ),
    ]
    diastolic: Annotated[Diastolic | None, Field(title='Diastolic')] = None
    heart_rate: Annotated[HeartRate | None, Field(title='Heart Rate')] = None
    resp_rate: Annotated[RespRate | None, Field(title='Resp Rate')] = None
    spo2: Annotated[Spo2 | None, Field(title='Spo2')] = None
    systolic: Annotated[Systolic | None, Field(title='Systolic')] = None
    temp_c: Annotated[TempC | str | None, Field(title='Temp C')] = None


class Dose6(RootModel[Decimal]):
    root: Annotated[Decimal, Field(gt=0, le=100000, multiple_of=0.0001, title='Dose')]


class Dose7(RootModel[str]):
    root: Annotated[
        str,
        Field(
            pattern='^([1-9][0-9]{0,4}(\\.[0-9]{1,4})?|0?\\.(0{0}[1-9][0-9]{0,3}|0{1}[1-9][0-9]{0,2}|0{2}[1-9][0-9]{0,1}|0{3}[1-9][0-9]{0,0}))$',
            title='Dose',
        ),
    ]


class RescueIn(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    dose: Annotated[Dose6 | Dose7, Field(title='Dose')]
    drug: Annotated[str, Field(max_length=100, min_length=1, title='Drug')]
    given_at: Annotated[
        AwareDatetime,
        Field(
            description='RFC 3339 time with offset, between 1900-01-01 and 2199-12-31 (UTC)',
            title='Given At',
        ),
    ]
    given_by: Annotated[str, Field(max_length=128, min_length=1, title='Given By')]
    route: Annotated[Literal['IM', 'IV', 'SC', 'PO', 'IN', 'INH'], Field(title='Route')]
    unit: Annotated[str, Field(max_length=16, min_length=1, title='Unit')]


class AmountInfused(RootModel[Decimal]):
    root: Annotated[
        Decimal, Field(gt=0, le=100000, multiple_of=0.0001, title='Amount Infused')
    ]


class AmountInfused1(RootModel[str]):
    root: Annotated[
        str,
        Field(
            pattern='^([1-9][0-9]{0,4}(\\.[0-9]{1,4})?|0?\\.(0{0}[1-9][0-9]{0,3}|0{1}[1-9][0-9]{0,2}|0{2}[1-9][0-9]{0,1}|0{3}[1-9][0-9]{0,0}))$',
            title='Amount Infused',
        ),
    ]


class AmountUnit(RootModel[str]):
    root: Annotated[str, Field(max_length=16, title='Amount Unit')]


class DoseNumber(RootModel[int]):
    root: Annotated[int, Field(ge=1, le=999, title='Dose Number')]


class RateAtOnset(RootModel[Decimal]):
    root: Annotated[
        Decimal,
        Field(
            description='mL/h', gt=0, le=10000, multiple_of=0.01, title='Rate At Onset'
        ),
    ]


class RateAtOnset1(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description='mL/h',
            pattern='^([1-9][0-9]{0,3}(\\.[0-9]{1,2})?|0?\\.(0{0}[1-9][0-9]{0,1}|0{1}[1-9][0-9]{0,0}))$',
            title='Rate At Onset',
        ),
    ]


class SuspectIn(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    amount_infused: Annotated[
        AmountInfused | AmountInfused1 | None, Field(title='Amount Infused')
    ] = None
    amount_unit: Annotated[AmountUnit | None, Field(title='Amount Unit')] = None
    dose_number: Annotated[DoseNumber | None, Field(title='Dose Number')] = None
    drug_code: Annotated[
        str,
        Field(
            max_length=64, min_length=1, pattern='^[A-Za-z0-9_.-]+$', title='Drug Code'
        ),
    ]
    lot: Annotated[Lot | None, Field(title='Lot')] = None
    rate_at_onset: Annotated[
        RateAtOnset | RateAtOnset1 | None, Field(title='Rate At Onset')
    ] = None


class VisitOutcomeOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    follow_ups: Annotated[list[FollowUpOut], Field(title='Follow Ups')]
    order_id: Annotated[UUID, Field(title='Order Id')]
    outcome: AcuteOutcomeOut
    rules_version: Annotated[int, Field(title='Rules Version')]
    scores: Annotated[list[PainScoreOut], Field(title='Scores')]


class VitalFindingOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    code: Annotated[str, Field(title='Code')]
    field: Annotated[str, Field(title='Field')]
    message: Annotated[str, Field(title='Message')]


class BpDiastolic(RootModel[int]):
    root: Annotated[int, Field(ge=0, le=300, title='Bp Diastolic')]


class BpSystolic(RootModel[int]):
    root: Annotated[int, Field(ge=0, le=400, title='Bp Systolic')]


class HeartRate1(RootModel[int]):
    root: Annotated[int, Field(ge=0, le=400, title='Heart Rate')]


class Nrs(RootModel[int]):
    root: Annotated[
        int, Field(description='pain 0-10 (optional)', ge=0, le=10, title='Nrs')
    ]


class Rass(RootModel[int]):
    root: Annotated[
        int,
        Field(
            description='Richmond Agitation-Sedation Scale', ge=-5, le=4, title='Rass'
        ),
    ]


class RespiratoryRate(RootModel[int]):
    root: Annotated[int, Field(ge=0, le=120, title='Respiratory Rate')]


class Spo21(RootModel[int]):
    root: Annotated[int, Field(description='%', ge=0, le=100, title='Spo2')]


class TemperatureC(RootModel[float]):
    root: Annotated[float, Field(ge=0.0, le=50.0, title='Temperature C')]


class WeightKg4(RootModel[float]):
    root: Annotated[float, Field(gt=0.0, le=1000.0, title='Weight Kg')]


class VitalsIn(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    bp_diastolic: Annotated[BpDiastolic | None, Field(title='Bp Diastolic')] = None
    bp_systolic: Annotated[BpSystolic | None, Field(title='Bp Systolic')] = None
    heart_rate: Annotated[HeartRate1 | None, Field(title='Heart Rate')] = None
    kind: Annotated[
        Literal['baseline', 'during', 'end', 'discharge'], Field(title='Kind')
    ]
    nrs: Annotated[
        Nrs | None, Field(description='pain 0-10 (optional)', title='Nrs')
    ] = None
    on_room_air: Annotated[bool, Field(title='On Room Air')] = True
    poss: Annotated[
        Literal['S', '1', '2', '3', '4'] | None,
        Field(description='Pasero Opioid-Induced Sedation Scale', title='Poss'),
    ] = None
    rass: Annotated[
        Rass | None,
        Field(description='Richmond Agitation-Sedation Scale', title='Rass'),
    ] = None
    respiratory_rate: Annotated[
        RespiratoryRate | None, Field(title='Respiratory Rate')
    ] = None
    spo2: Annotated[Spo21 | None, Field(description='%', title='Spo2')] = None
    taken_at: Annotated[
        AwareDatetime,
        Field(
            description='RFC 3339 time with offset, between 1900-01-01 and 2199-12-31 (UTC)',
            title='Taken At',
        ),
    ]
    temperature_c: Annotated[
        TemperatureC | str | None, Field(title='Temperature C')
    ] = None
    weight_kg: Annotated[WeightKg4 | str | None, Field(title='Weight Kg')] = None


class VitalsOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    bp_diastolic: Annotated[int | None, Field(title='Bp Diastolic')]
    bp_systolic: Annotated[int | None, Field(title='Bp Systolic')]
    findings: Annotated[list[VitalFindingOut], Field(title='Findings')]
    heart_rate: Annotated[int | None, Field(title='Heart Rate')]
    id: Annotated[UUID, Field(title='Id')]
    kind: Annotated[
        Literal['baseline', 'during', 'end', 'discharge'], Field(title='Kind')
    ]
    nrs: Annotated[int | None, Field(title='Nrs')]
    on_room_air: Annotated[bool, Field(title='On Room Air')]
    order_id: Annotated[UUID, Field(title='Order Id')]
    poss: Annotated[Literal['S', '1', '2', '3', '4'] | None, Field(title='Poss')]
    rass: Annotated[int | None, Field(title='Rass')]
    recorded_at: Annotated[AwareDatetime, Field(title='Recorded At')]
    recorded_by: Annotated[str | None, Field(title='Recorded By')]
    respiratory_rate: Annotated[int | None, Field(title='Respiratory Rate')]
    spo2: Annotated[int | None, Field(title='Spo2')]
    taken_at: Annotated[AwareDatetime, Field(title='Taken At')]
    temperature_c: Annotated[str | None, Field(title='Temperature C')]
    weight_kg: Annotated[str | None, Field(title='Weight Kg')]


class WindowIn(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    from_: Annotated[
        AwareDatetime,
        Field(
            alias='from',
            description='RFC 3339 time with offset, between 1900-01-01 and 2199-12-31 (UTC)',
            title='From',
        ),
    ]
    to: Annotated[
        AwareDatetime,
        Field(
            description='RFC 3339 time with offset, between 1900-01-01 and 2199-12-31 (UTC)',
            title='To',
        ),
    ]


class AdministrationOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    dose_given: Annotated[str, Field(title='Dose Given')]
    dose_unit: Annotated[str, Field(title='Dose Unit')]
    findings: Annotated[list[FindingOut], Field(title='Findings')]
    line_sequence: Annotated[int, Field(title='Line Sequence')]
    lot: Annotated[str | None, Field(title='Lot')]
    monitoring: Annotated[
        list[str],
        Field(
            description="The catalog's monitoring text for the drug of this line",
            title='Monitoring',
        ),
    ] = []
    ndc: Annotated[str | None, Field(title='Ndc')]
    reaction: Annotated[str | None, Field(title='Reaction')]
    started_at: Annotated[AwareDatetime, Field(title='Started At')]
    stopped_at: Annotated[AwareDatetime, Field(title='Stopped At')]
    supervising_practitioner_id: Annotated[
        UUID | None, Field(title='Supervising Practitioner Id')
    ] = None
    wasted_amount: Annotated[str, Field(title='Wasted Amount')]


class CheckOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    acuity_class: Annotated[str, Field(title='Acuity Class')]
    catalog_version: Annotated[int, Field(title='Catalog Version')]
    estimated_chair_minutes: Annotated[int, Field(title='Estimated Chair Minutes')]
    findings: Annotated[list[FindingOut], Field(title='Findings')]
    requires_driver: Annotated[bool, Field(title='Requires Driver')]


class OrderCreate(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    coverage_id: Annotated[
        UUID | None,
        Field(
            description="One of the patient's coverages; left out, the patient's active coverage for the order's payer (primary first) is used",
            title='Coverage Id',
        ),
    ] = None
    diagnosis: Annotated[
        list[Diagnosi], Field(max_length=12, title='Diagnosis', validate_default=True)
    ] = []
    lines: Annotated[list[OrderLineIn] | None, Field(title='Lines')] = None
    ordering_practitioner_id: Annotated[
        UUID | None,
        Field(
            description='A practitioner with the ordering role',
            title='Ordering Practitioner Id',
        ),
    ] = None
    patient_id: Annotated[UUID, Field(title='Patient Id')]
    payer: PayerIn | None = None
    protocol_id: Annotated[UUID | None, Field(title='Protocol Id')] = None
    requested_window: WindowIn | None = None
    urgency: Annotated[Literal['same_day', 'planned'], Field(title='Urgency')]


class OrderOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    acuity_class: Annotated[str, Field(title='Acuity Class')]
    administrations: Annotated[list[AdministrationOut], Field(title='Administrations')]
    authorization_reason: Annotated[
        str | None,
        Field(
            description="The payer's reason when the drug was denied, not covered, or the approval expired or was withdrawn; null otherwise.",
            title='Authorization Reason',
        ),
    ] = None
    authorization_status: Annotated[str, Field(title='Authorization Status')]
    cancel_reason: Annotated[str | None, Field(title='Cancel Reason')]
    cancelled_at: Annotated[AwareDatetime | None, Field(title='Cancelled At')]
    catalog_version: Annotated[int, Field(title='Catalog Version')]
    completed_at: Annotated[AwareDatetime | None, Field(title='Completed At')]
    coverage_id: Annotated[UUID | None, Field(title='Coverage Id')] = None
    created_at: Annotated[AwareDatetime, Field(title='Created At')]
    diagnosis: Annotated[list[str], Field(title='Diagnosis')]
    estimated_chair_minutes: Annotated[int, Field(title='Estimated Chair Minutes')]
    findings: Annotated[list[FindingOut], Field(title='Findings')]
    history: Annotated[list[dict[str, Any]], Field(title='History')]
    id: Annotated[UUID, Field(title='Id')]
    lines: Annotated[
        list[dict[str, Any]],
        Field(
            description="The order's lines as ordered (an IV fluid's also carries `fluid`: purpose, rate, indication), each with the catalog's `monitoring` text for its drug",
            title='Lines',
        ),
    ]
    ordering_practitioner_id: Annotated[
        UUID | None, Field(title='Ordering Practitioner Id')
    ] = None
    overrides: Annotated[list[OverrideOut], Field(title='Overrides')]
    patient_id: Annotated[UUID, Field(title='Patient Id')]
    payer: Annotated[dict[str, Any] | None, Field(title='Payer')]
    practice_id: Annotated[str, Field(title='Practice Id')]
    prescriber_id: Annotated[str | None, Field(title='Prescriber Id')]
    protocol_id: Annotated[UUID | None, Field(title='Protocol Id')]
    requested_window: Annotated[dict[str, Any] | None, Field(title='Requested Window')]
    requires_driver: Annotated[bool, Field(title='Requires Driver')]
    signed_at: Annotated[AwareDatetime | None, Field(title='Signed At')]
    status: Annotated[str, Field(title='Status')]
    supervising_practitioner_id: Annotated[
        UUID | None, Field(title='Supervising Practitioner Id')
    ] = None
    updated_at: Annotated[AwareDatetime, Field(title='Updated At')]
    urgency: Annotated[str, Field(title='Urgency')]


class OrderUpdate(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    coverage_id: Annotated[UUID | None, Field(title='Coverage Id')] = None
    diagnosis: Annotated[Diagnosis | None, Field(title='Diagnosis')] = None
    lines: Annotated[Lines | None, Field(title='Lines')] = None
    ordering_practitioner_id: Annotated[
        UUID | None, Field(title='Ordering Practitioner Id')
    ] = None
    payer: PayerIn | None = None
    requested_window: WindowIn | None = None
    urgency: Annotated[
        Literal['same_day', 'planned'] | None, Field(title='Urgency')
    ] = None


class PageOrderOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[OrderOut], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')] = None


class ReactionIn(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    actions: Annotated[list[ActionIn] | None, Field(max_length=50, title='Actions')] = (
        None
    )
    grade: Annotated[
        int, Field(description='CTCAE v5 grade', ge=1, le=5, title='Grade')
    ]
    graded_by: Annotated[str, Field(max_length=128, min_length=1, title='Graded By')]
    kind: Annotated[Literal['allergy', 'intolerance'], Field(title='Kind')]
    manifestations: Annotated[
        list[Manifestation],
        Field(
            description='SNOMED CT codes from the reaction rules',
            max_length=20,
            min_length=1,
            title='Manifestations',
        ),
    ]
    minutes_from_start: Annotated[
        MinutesFromStart | None, Field(title='Minutes From Start')
    ] = None
    onset_at: Annotated[
        AwareDatetime,
        Field(
            description='RFC 3339 time with offset, between 1900-01-01 and 2199-12-31 (UTC)',
            title='Onset At',
        ),
    ]
    outcome: Annotated[
        Literal['resolved', 'ongoing', 'ems_transfer', 'admitted'],
        Field(title='Outcome'),
    ]
    provider_notified_at: Annotated[
        AwareDatetime | None, Field(title='Provider Notified At')
    ] = None
    rechallenge: Annotated[
        Literal['no', 'premedicate', 'slower_rate', 'desensitization'],
        Field(title='Rechallenge'),
    ]
    rescue_meds: Annotated[
        list[RescueIn] | None, Field(max_length=20, title='Rescue Meds')
    ] = None
    resolved_at: Annotated[AwareDatetime | None, Field(title='Resolved At')] = None
    suspects: Annotated[
        list[SuspectIn], Field(max_length=10, min_length=1, title='Suspects')
    ]
    term: Annotated[
        Literal['infusion_related_reaction', 'anaphylaxis', 'other'],
        Field(title='Term'),
    ]
    vitals: Annotated[
        list[ReactionVitalsIn] | None, Field(max_length=100, title='Vitals')
    ] = None


class VitalsList(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[VitalsOut], Field(title='Items')]
