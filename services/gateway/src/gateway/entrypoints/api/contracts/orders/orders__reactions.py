from __future__ import annotations
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel

from .common import Diastolic, Dose, Lot, Rate, Spo2, Systolic, Unit


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


class ActionIn(ContractModel):
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


class ReactionVitalsIn(ContractModel):
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


class RescueIn(ContractModel):
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


class SuspectIn(ContractModel):
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


class ReactionIn(ContractModel):
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
