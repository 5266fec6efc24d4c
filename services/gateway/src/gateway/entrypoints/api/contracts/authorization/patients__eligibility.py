from __future__ import annotations
from datetime import date as date_aliased
from datetime import time
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel

from .common import Cursor, EligibilityCheckOut, Payer


class ExpectedAllowedAmount(RootModel[Decimal]):
    root: Annotated[
        Decimal,
        Field(
            description="the visit's expected allowed amount, for the estimate",
            ge=0,
            le=10000000,
            multiple_of=0.01,
            title='Expected Allowed Amount',
        ),
    ]


class ExpectedAllowedAmount1(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description="the visit's expected allowed amount, for the estimate",
            pattern='^(0|[1-9][0-9]{0,6})(\\.[0-9]{1,2})?$',
            title='Expected Allowed Amount',
        ),
    ]


class PayerId(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description="the payer to ask; default: the order's payer",
            max_length=64,
            min_length=1,
            pattern='^[a-z0-9][a-z0-9._-]*$',
            title='Payer Id',
        ),
    ]


class EligibilityRequest(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    expected_allowed_amount: Annotated[
        ExpectedAllowedAmount | ExpectedAllowedAmount1 | None,
        Field(
            description="the visit's expected allowed amount, for the estimate",
            title='Expected Allowed Amount',
        ),
    ] = None
    order_id: Annotated[
        UUID | None, Field(description='the visit this check is for', title='Order Id')
    ] = None
    payer_id: Annotated[
        PayerId | None,
        Field(
            description="the payer to ask; default: the order's payer", title='Payer Id'
        ),
    ] = None
    service_date: Annotated[
        date_aliased | None,
        Field(
            description="date of service (DTP*291); default today in the clinic's time zone",
            title='Service Date',
        ),
    ] = None


class CheckNowRequest(RootModel[EligibilityRequest | None]):
    root: Annotated[EligibilityRequest | None, Field(title='Body')]


class EligibilityPage(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[EligibilityCheckOut], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')]
