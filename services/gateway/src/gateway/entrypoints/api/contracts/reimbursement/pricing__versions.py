from __future__ import annotations
from datetime import date as date_aliased
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints

from .common import Amount, Plan, Rates, Sequestration


class DrugPercent2(RootModel[float]):
    root: Annotated[
        float,
        Field(
            description='percent of the ASP or AWP basis',
            ge=0.0,
            le=1000.0,
            title='Drug Percent',
        ),
    ]


class DrugPercent3(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description='percent of the ASP or AWP basis',
            pattern='^(0|[1-9][0-9]{0,2}|1000)(\\.[0-9]{1,4})?$',
            title='Drug Percent',
        ),
    ]


class FeeScheduleId(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description='a named, versioned fee schedule for per-code rates',
            max_length=64,
            min_length=1,
            pattern='^[A-Za-z0-9][A-Za-z0-9._-]*$',
            title='Fee Schedule Id',
        ),
    ]


class Rates2(RootModel[Decimal]):
    root: Annotated[Decimal, Field(ge=0, le=10000000, multiple_of=1e-06)]


class Rates3(RootModel[str]):
    root: Annotated[str, Field(pattern='^(0|[1-9][0-9]{0,6})(\\.[0-9]{1,6})?$')]


class Sequestration2(RootModel[float]):
    root: Annotated[
        float,
        Field(
            description='share of the paid portion withheld (CO-253); default 0.02 for medicare, else 0',
            ge=0.0,
            lt=1.0,
            title='Sequestration',
        ),
    ]


class Sequestration3(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description='share of the paid portion withheld (CO-253); default 0.02 for medicare, else 0',
            pattern='^0(\\.[0-9]{1,6})?$',
            title='Sequestration',
        ),
    ]


class ToleranceAmount(RootModel[Decimal]):
    root: Annotated[
        Decimal,
        Field(
            description="a line's variance up to this is not flagged",
            ge=0,
            le=10000000,
            multiple_of=1e-06,
            title='Tolerance Amount',
        ),
    ]


class ToleranceAmount1(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description="a line's variance up to this is not flagged",
            pattern='^(0|[1-9][0-9]{0,6})(\\.[0-9]{1,6})?$',
            title='Tolerance Amount',
        ),
    ]


class TolerancePercent(RootModel[float]):
    root: Annotated[
        float,
        Field(
            description='...nor up to this percent of the expected (the larger wins)',
            ge=0.0,
            le=1000.0,
            title='Tolerance Percent',
        ),
    ]


class TolerancePercent1(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description='...nor up to this percent of the expected (the larger wins)',
            pattern='^(0|[1-9][0-9]{0,2}|1000)(\\.[0-9]{1,4})?$',
            title='Tolerance Percent',
        ),
    ]


class ContractVersionIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    drug_percent: Annotated[
        DrugPercent2 | DrugPercent3,
        Field(
            description='percent of the ASP or AWP basis',
            title='Drug Percent',
            validate_default=True,
        ),
    ] = '100'
    drug_pricing: Annotated[
        Literal['asp', 'awp', 'fee_schedule'],
        Field(
            description='asp: percent of ASP (106 = ASP + 6 %); awp: percent of AWP; fee_schedule: per-code rates only',
            title='Drug Pricing',
        ),
    ]
    effective_from: Annotated[
        date_aliased,
        Field(
            description='first day the version prices (date of service)',
            title='Effective From',
        ),
    ]
    effective_to: Annotated[
        date_aliased | None,
        Field(
            description='last day; null: until a later version', title='Effective To'
        ),
    ] = None
    fee_schedule_id: Annotated[
        FeeScheduleId | None,
        Field(
            description='a named, versioned fee schedule for per-code rates',
            title='Fee Schedule Id',
        ),
    ] = None
    name: Annotated[str, Field(max_length=200, min_length=1, title='Name')]
    payer_kind: Annotated[
        Literal['medicare', 'medicare_advantage', 'medicaid', 'commercial'],
        Field(title='Payer Kind'),
    ]
    plan: Annotated[
        str,
        Field(
            description="the payer's plan; empty: every plan of the payer",
            max_length=64,
            pattern='^([A-Za-z0-9][A-Za-z0-9._-]*)?$',
            title='Plan',
        ),
    ] = ''
    rates: Annotated[
        dict[Annotated[str, StringConstraints(pattern=r'^[A-Z0-9]\d{3}[A-Z0-9]$')], Rates2 | Rates3],
        Field(
            description='HCPCS/CPT -> allowed per unit; these win over the fee schedule and the basis',
            title='Rates',
            validate_default=True,
        ),
    ] = {}
    sequestration: Annotated[
        Sequestration2 | Sequestration3 | None,
        Field(
            description='share of the paid portion withheld (CO-253); default 0.02 for medicare, else 0',
            title='Sequestration',
        ),
    ] = None
    source: Annotated[
        str,
        Field(
            description='where the terms come from (contract, amendment, file)',
            max_length=300,
            min_length=1,
            title='Source',
        ),
    ]
    tolerance_amount: Annotated[
        ToleranceAmount | ToleranceAmount1,
        Field(
            description="a line's variance up to this is not flagged",
            title='Tolerance Amount',
            validate_default=True,
        ),
    ] = '0'
    tolerance_percent: Annotated[
        TolerancePercent | TolerancePercent1,
        Field(
            description='...nor up to this percent of the expected (the larger wins)',
            title='Tolerance Percent',
            validate_default=True,
        ),
    ] = '0'
