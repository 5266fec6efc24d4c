from __future__ import annotations
from datetime import date as date_aliased
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints

from .common import Amount


class AmountInControversy2(RootModel[Decimal]):
    root: Annotated[
        Decimal,
        Field(ge=0, le=10000000, multiple_of=1e-06, title='Amount In Controversy'),
    ]


class AmountInControversy3(RootModel[str]):
    root: Annotated[
        str,
        Field(
            pattern='^(0|[1-9][0-9]{0,6})(\\.[0-9]{1,6})?$',
            title='Amount In Controversy',
        ),
    ]


class EscalateIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    amount_in_controversy: Annotated[
        AmountInControversy2 | AmountInControversy3 | None,
        Field(title='Amount In Controversy'),
    ] = None
    reason: Annotated[str, Field(max_length=2000, min_length=1, title='Reason')]
