from __future__ import annotations
from datetime import date as date_aliased
from datetime import time
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel


class BenefitsOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    coinsurance: Annotated[
        str | None, Field(description='a fraction: 0.20 is 20 %', title='Coinsurance')
    ]
    copay: Annotated[str | None, Field(title='Copay')]
    deductible: Annotated[str | None, Field(title='Deductible')]
    deductible_remaining: Annotated[str | None, Field(title='Deductible Remaining')]
    out_of_pocket: Annotated[str | None, Field(title='Out Of Pocket')]
    out_of_pocket_remaining: Annotated[
        str | None, Field(title='Out Of Pocket Remaining')
    ]
    plan: Annotated[str | None, Field(title='Plan')]


class MinAge(RootModel[int]):
    root: Annotated[int, Field(ge=0, le=120, title='Min Age')]


class MinFailedPreventiveClasses(RootModel[int]):
    root: Annotated[int, Field(ge=0, le=6, title='Min Failed Preventive Classes')]


class MinMonthlyMigraineDays(RootModel[int]):
    root: Annotated[int, Field(ge=0, le=31, title='Min Monthly Migraine Days')]


class EstimateOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    allowed: Annotated[str | None, Field(title='Allowed')]
    amount: Annotated[
        str | None,
        Field(
            description="the patient's estimated responsibility; null without an expected allowed amount",
            title='Amount',
        ),
    ]
    basis: Annotated[Literal['allowed_amount', 'benefit_figures'], Field(title='Basis')]
    coinsurance_part: Annotated[str | None, Field(title='Coinsurance Part')]
    copay_part: Annotated[str | None, Field(title='Copay Part')]
    deductible_part: Annotated[str | None, Field(title='Deductible Part')]


class FlagsQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    limit: Annotated[int, Field(ge=1, le=500, title='Limit')] = 100


class Version(RootModel[int]):
    root: Annotated[int, Field(ge=1, le=2147483647, title='Version')]


class GetPoliciesQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    version: Annotated[Version | None, Field(title='Version')] = None


class ListAuthorizationsQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    cursor: Annotated[str | None, Field(title='Cursor')] = None
    due_before: Annotated[AwareDatetime | None, Field(title='Due Before')] = None
    limit: Annotated[int, Field(ge=1, le=500, title='Limit')] = 50
    order_id: Annotated[UUID | None, Field(title='Order Id')] = None
    practice_id: Annotated[str | None, Field(title='Practice Id')] = None
    status: Annotated[
        Literal['draft', 'submitted', 'pended', 'approved', 'denied', 'expired', 'withdrawn'] | None,
        Field(title='Status'),
    ] = None
    worklist: Annotated[
        bool,
        Field(
            description='only cases that need someone: overdue, stale drafts, approvals near expiry or exhaustion (reauthorization due)',
            title='Worklist',
        ),
    ] = False


class Cursor(RootModel[str]):
    root: Annotated[str, Field(max_length=9, pattern='^[0-9]{1,9}$', title='Cursor')]


class ListChecksQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    cursor: Annotated[Cursor | None, Field(title='Cursor')] = None
    limit: Annotated[int, Field(ge=1, le=200, title='Limit')] = 50


class PaMetricsQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    from_: Annotated[AwareDatetime | None, Field(alias='from', title='From')] = None
    practice_id: Annotated[str | None, Field(title='Practice Id')] = None
    to: Annotated[AwareDatetime | None, Field(title='To')] = None


class Reason(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description='Required when denied',
            max_length=500,
            min_length=1,
            title='Reason',
        ),
    ]


class Period(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    from_: Annotated[date_aliased | None, Field(alias='from', title='From')] = None
    to: Annotated[date_aliased | None, Field(title='To')] = None


class RejectionOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    code: Annotated[str, Field(title='Code')]
    follow_up: Annotated[str | None, Field(title='Follow Up')]
    loop: Annotated[str, Field(title='Loop')]
    text: Annotated[str, Field(title='Text')]


class Cursor1(RootModel[str]):
    root: Annotated[str, Field(max_length=9, pattern='^\\d{1,9}$', title='Cursor')]


class RenewalsQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    cursor: Annotated[Cursor1 | None, Field(title='Cursor')] = None
    limit: Annotated[int, Field(ge=1, le=500, title='Limit')] = 100
    practice_id: Annotated[str | None, Field(title='Practice Id')] = None


class MaxValue(RootModel[int]):
    root: Annotated[int, Field(ge=-100000, le=100000, title='Max Value')]


class MinSelected(RootModel[int]):
    root: Annotated[int, Field(ge=1, le=50, title='Min Selected')]


class MinValue(RootModel[int]):
    root: Annotated[int, Field(ge=-100000, le=100000, title='Min Value')]


class Requirement(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    applies: Annotated[
        Literal['initial', 'renewal', 'both'], Field(title='Applies')
    ] = 'initial'
    expect: Annotated[bool | None, Field(title='Expect')] = None
    key: Annotated[str, Field(title='Key')]
    max_value: Annotated[MaxValue | None, Field(title='Max Value')] = None
    min_selected: Annotated[MinSelected | None, Field(title='Min Selected')] = None
    min_value: Annotated[MinValue | None, Field(title='Min Value')] = None
    options: Annotated[list[str], Field(title='Options')] = []
    source: Annotated[str | None, Field(title='Source')] = None
    text: Annotated[str, Field(title='Text')]
    type: Annotated[Literal['boolean', 'integer', 'choice'], Field(title='Type')] = (
        'boolean'
    )


class ResolutionOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    at: Annotated[AwareDatetime, Field(title='At')]
    by: Annotated[str, Field(title='By')]
    reason: Annotated[str, Field(title='Reason')]


class TimeFrame(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    amount: Annotated[int, Field(gt=0, le=1440, title='Amount')]
    close_of_business: Annotated[time, Field(title='Close Of Business')] = '17:00:00'
    count_non_business_days: Annotated[bool, Field(title='Count Non Business Days')] = (
        True
    )
    roll_to_business_day: Annotated[bool, Field(title='Roll To Business Day')] = False
    unit: Annotated[
        Literal['hours', 'calendar_days', 'business_days'], Field(title='Unit')
    ]


class ValidationError(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    ctx: Annotated[dict[str, Any] | None, Field(title='Context')] = None
    input: Annotated[Any | None, Field(title='Input')] = None
    loc: Annotated[list[str | int], Field(title='Location')]
    msg: Annotated[str, Field(title='Message')]
    type: Annotated[str, Field(title='Error Type')]


class Criteria(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    icd10_prefixes: Annotated[list[str], Field(title='Icd10 Prefixes')] = []
    min_age: Annotated[MinAge | None, Field(title='Min Age')] = None
    min_failed_preventive_classes: Annotated[
        MinFailedPreventiveClasses | None, Field(title='Min Failed Preventive Classes')
    ] = None
    min_monthly_migraine_days: Annotated[
        MinMonthlyMigraineDays | None, Field(title='Min Monthly Migraine Days')
    ] = None
    no_concurrent_cgrp_antibody: Annotated[
        bool, Field(title='No Concurrent Cgrp Antibody')
    ] = False
    prescriber_specialties: Annotated[
        list[str], Field(title='Prescriber Specialties')
    ] = []
    requirements: Annotated[
        list[Requirement], Field(title='Requirements', validate_default=True)
    ] = []
    requires_failed_self_injected_cgrp: Annotated[
        bool, Field(title='Requires Failed Self Injected Cgrp')
    ] = False


class DecisionTimeFrames(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    expedited: TimeFrame
    source: Annotated[str | None, Field(title='Source')] = None
    standard: TimeFrame


class EligibilityCheckOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    answered_at: Annotated[AwareDatetime | None, Field(title='Answered At')]
    attempts: Annotated[int, Field(title='Attempts')]
    benefits: BenefitsOut | None
    coverage_id: Annotated[UUID | None, Field(title='Coverage Id')]
    estimate: EstimateOut | None
    id: Annotated[UUID, Field(title='Id')]
    needs_staff: Annotated[bool, Field(title='Needs Staff')]
    next_attempt_at: Annotated[AwareDatetime | None, Field(title='Next Attempt At')]
    order_id: Annotated[UUID | None, Field(title='Order Id')]
    patient_id: Annotated[UUID, Field(title='Patient Id')]
    payer_id: Annotated[str, Field(title='Payer Id')]
    reason: Annotated[str | None, Field(title='Reason')]
    reason_code: Annotated[str | None, Field(title='Reason Code')]
    rejections: Annotated[list[RejectionOut], Field(title='Rejections')]
    requested_at: Annotated[AwareDatetime, Field(title='Requested At')]
    requested_by: Annotated[str, Field(title='Requested By')]
    resolution: ResolutionOut | None
    service_date: Annotated[date_aliased, Field(title='Service Date')]
    status: Annotated[
        Literal['pending', 'active', 'inactive', 'rejected', 'error', 'cancelled'],
        Field(title='Status'),
    ]
    trigger: Annotated[Literal['order_signed', 'on_demand'], Field(title='Trigger')]


class HTTPValidationError(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    detail: Annotated[list[ValidationError] | None, Field(title='Detail')] = None


class Plan(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    default: Annotated[bool, Field(title='Default')] = False
    default_coverage: Annotated[
        Literal['covered', 'not-covered', 'conditional'] | None,
        Field(title='Default Coverage'),
    ] = None
    default_pa: Annotated[
        Literal['no-auth', 'auth-needed', 'conditional'] | None,
        Field(title='Default Pa'),
    ] = None
    id: Annotated[str, Field(title='Id')]
    name: Annotated[str, Field(title='Name')]
    payer_type: Annotated[
        Literal['medicare_ffs', 'medicare_advantage', 'medicaid', 'commercial', 'qhp_exchange'] | None,
        Field(title='Payer Type'),
    ] = None
    time_frames: DecisionTimeFrames | None = None


class Payer(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    extra_holidays: Annotated[list[str], Field(title='Extra Holidays')] = []
    id: Annotated[str, Field(title='Id')]
    name: Annotated[str, Field(title='Name')]
    payer_type: Annotated[
        Literal['medicare_ffs', 'medicare_advantage', 'medicaid', 'commercial', 'qhp_exchange'],
        Field(title='Payer Type'),
    ]
    plans: Annotated[list[Plan], Field(title='Plans', validate_default=True)] = []
    time_frames: DecisionTimeFrames | None = None
