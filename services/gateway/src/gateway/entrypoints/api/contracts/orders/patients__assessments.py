from __future__ import annotations
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel

from .common import Dose, Version


class AhsOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    effective: Annotated[bool | None, Field(title='Effective')]
    judgeable: Annotated[bool, Field(title='Judgeable')]
    reasons: Annotated[list[str], Field(title='Reasons')]


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


class AssessmentIn(ContractModel):
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


class AssessmentOut(ContractModel):
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


class PreventiveSummaryOut(ContractModel):
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


class AssessmentsOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[AssessmentOut], Field(title='Items')]
    rules_version: Annotated[int, Field(title='Rules Version')]
    summary: PreventiveSummaryOut | None
