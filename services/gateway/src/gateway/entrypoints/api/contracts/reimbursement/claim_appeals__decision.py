from __future__ import annotations
from datetime import date as date_aliased
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints

from .common import Amount, Note


class AmountAwarded(RootModel[Decimal]):
    root: Annotated[
        Decimal, Field(ge=0, le=10000000, multiple_of=1e-06, title='Amount Awarded')
    ]


class AmountAwarded1(RootModel[str]):
    root: Annotated[
        str,
        Field(pattern='^(0|[1-9][0-9]{0,6})(\\.[0-9]{1,6})?$', title='Amount Awarded'),
    ]


class DecisionIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    amount_awarded: Annotated[
        AmountAwarded | AmountAwarded1 | None, Field(title='Amount Awarded')
    ] = None
    decided_on: Annotated[
        date_aliased,
        Field(
            description="When the decision was received: the next level's clock starts here",
            title='Decided On',
        ),
    ]
    note: Annotated[Note | None, Field(title='Note')] = None
    outcome: Annotated[Literal['won', 'partially_won', 'lost'], Field(title='Outcome')]
