from __future__ import annotations
from datetime import date as date_aliased
from datetime import time
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel

from .authorizations import DecisionLineIn, Note
from .common import Reason


class AuthNumber1(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description="Required when approved. Letters, digits, '.', '/', '-': it goes on the claim (837P REF*G1), where X12 separators cannot appear",
            max_length=50,
            min_length=1,
            pattern='^[A-Za-z0-9][A-Za-z0-9./-]*$',
            title='Auth Number',
        ),
    ]


class Note1(RootModel[str]):
    root: Annotated[str, Field(max_length=1000, title='Note')]


class ReasonCode(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description='Required when denied',
            max_length=20,
            min_length=1,
            pattern='^[A-Za-z0-9][A-Za-z0-9.-]*$',
            title='Reason Code',
        ),
    ]


class PayerDecisionIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    auth_number: Annotated[
        AuthNumber1 | None,
        Field(
            description="Required when approved. Letters, digits, '.', '/', '-': it goes on the claim (837P REF*G1), where X12 separators cannot appear",
            title='Auth Number',
        ),
    ] = None
    channel: Annotated[
        Literal['portal', 'phone', 'fax'],
        Field(description='How the payer gave its decision', title='Channel'),
    ]
    lines: Annotated[
        list[DecisionLineIn] | None,
        Field(
            description='Approved units by HCPCS (approved; each a line of the case)',
            max_length=50,
            title='Lines',
        ),
    ] = None
    note: Annotated[Note1 | None, Field(title='Note')] = None
    outcome: Annotated[Literal['approved', 'denied'], Field(title='Outcome')]
    reason: Annotated[
        Reason | None, Field(description='Required when denied', title='Reason')
    ] = None
    reason_code: Annotated[
        ReasonCode | None,
        Field(description='Required when denied', title='Reason Code'),
    ] = None
    reference: Annotated[
        str,
        Field(
            description="The payer's case or reference id",
            max_length=50,
            min_length=1,
            pattern='^[\\x21-\\x7e ]+$',
            title='Reference',
        ),
    ]
    valid_from: Annotated[
        date_aliased | None,
        Field(description='Required when approved', title='Valid From'),
    ] = None
    valid_to: Annotated[
        date_aliased | None,
        Field(description='Required when approved', title='Valid To'),
    ] = None
