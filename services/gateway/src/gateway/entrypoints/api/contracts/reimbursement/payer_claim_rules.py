from __future__ import annotations
from datetime import date as date_aliased
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints


class TimelyFilingDays(RootModel[int]):
    root: Annotated[
        int,
        Field(
            description='days from the date of service; null: Medicare FFS 12 months, others the default',
            ge=1,
            le=3650,
            title='Timely Filing Days',
        ),
    ]


class PayerClaimRulesIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    accepts_replacement_claims: Annotated[
        bool | None,
        Field(
            description='frequency 7/8 claims; null: all payers but Medicare FFS (MACs reopen instead)',
            title='Accepts Replacement Claims',
        ),
    ] = None
    timely_filing_days: Annotated[
        TimelyFilingDays | None,
        Field(
            description='days from the date of service; null: Medicare FFS 12 months, others the default',
            title='Timely Filing Days',
        ),
    ] = None


class PayerClaimRulesOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    accepts_replacement_claims: Annotated[
        bool, Field(title='Accepts Replacement Claims')
    ]
    payer_id: Annotated[str, Field(title='Payer Id')]
    payer_kind: Annotated[str | None, Field(title='Payer Kind')]
    timely_filing_days: Annotated[int | None, Field(title='Timely Filing Days')]
    updated_at: Annotated[AwareDatetime | None, Field(title='Updated At')]
