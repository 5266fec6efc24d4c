from __future__ import annotations
from datetime import date as date_aliased
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints

from .common import Amount, Plan, Rates, Sequestration


class ClosedVersion(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    effective_to: Annotated[date_aliased, Field(title='Effective To')]
    version: Annotated[int, Field(title='Version')]


class ContractTermsOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    drug_percent: Annotated[str, Field(title='Drug Percent')]
    drug_pricing: Annotated[
        Literal['asp', 'awp', 'fee_schedule'], Field(title='Drug Pricing')
    ]
    fee_schedule_id: Annotated[str | None, Field(title='Fee Schedule Id')]
    name: Annotated[str, Field(title='Name')]
    payer_kind: Annotated[
        Literal['medicare', 'medicare_advantage', 'medicaid', 'commercial'],
        Field(title='Payer Kind'),
    ]
    rates: Annotated[dict[str, str], Field(title='Rates')]
    sequestration: Annotated[str, Field(title='Sequestration')]
    tolerance_amount: Annotated[str, Field(title='Tolerance Amount')]
    tolerance_percent: Annotated[str, Field(title='Tolerance Percent')]


class ContractVersionOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    closed: Annotated[
        ClosedVersion | None,
        Field(description='on create: the open-ended version this one ended'),
    ] = None
    created_at: Annotated[AwareDatetime, Field(title='Created At')]
    created_by: Annotated[str, Field(title='Created By')]
    effective_from: Annotated[date_aliased, Field(title='Effective From')]
    effective_to: Annotated[date_aliased | None, Field(title='Effective To')]
    kind: Annotated[
        Literal['contract', 'fee_schedule', 'charge_master'], Field(title='Kind')
    ]
    owner: Annotated[str, Field(title='Owner')]
    plan: Annotated[str, Field(title='Plan')]
    source: Annotated[str, Field(title='Source')]
    terms: ContractTermsOut
    version: Annotated[int, Field(title='Version')]


class ContractVersionPage(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[ContractVersionOut], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')] = None


class Rates4(RootModel[Decimal]):
    root: Annotated[Decimal, Field(ge=0, le=10000000, multiple_of=1e-06)]


class Rates5(RootModel[str]):
    root: Annotated[str, Field(pattern='^(0|[1-9][0-9]{0,6})(\\.[0-9]{1,6})?$')]


class RateTableVersionIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
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
    name: Annotated[str, Field(max_length=200, min_length=1, title='Name')]
    rates: Annotated[
        dict[Annotated[str, StringConstraints(pattern=r'^[A-Z0-9]\d{3}[A-Z0-9]$')], Rates4 | Rates5],
        Field(description='HCPCS/CPT -> amount per unit', min_length=1, title='Rates'),
    ]
    source: Annotated[
        str,
        Field(
            description='where the terms come from (contract, amendment, file)',
            max_length=300,
            min_length=1,
            title='Source',
        ),
    ]


class RateTableVersionOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    closed: Annotated[
        ClosedVersion | None,
        Field(description='on create: the open-ended version this one ended'),
    ] = None
    created_at: Annotated[AwareDatetime, Field(title='Created At')]
    created_by: Annotated[str, Field(title='Created By')]
    effective_from: Annotated[date_aliased, Field(title='Effective From')]
    effective_to: Annotated[date_aliased | None, Field(title='Effective To')]
    kind: Annotated[
        Literal['contract', 'fee_schedule', 'charge_master'], Field(title='Kind')
    ]
    name: Annotated[str, Field(title='Name')]
    owner: Annotated[str, Field(title='Owner')]
    plan: Annotated[str, Field(title='Plan')]
    rates: Annotated[dict[str, str], Field(title='Rates')]
    source: Annotated[str, Field(title='Source')]
    version: Annotated[int, Field(title='Version')]


class RateTableVersionPage(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[RateTableVersionOut], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')] = None
