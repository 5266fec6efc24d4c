from __future__ import annotations
from datetime import date as date_aliased
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    RootModel,
    StringConstraints,
)

from .common import Amount, Note, Reference


class AmountAwarded(RootModel[Decimal]):
    root: Annotated[
        Decimal, Field(ge=0, le=10000000, multiple_of=1e-06, title='Amount Awarded')
    ]


class AmountAwarded1(RootModel[str]):
    root: Annotated[
        str,
        Field(pattern='^(0|[1-9][0-9]{0,6})(\\.[0-9]{1,6})?$', title='Amount Awarded'),
    ]


class DecisionIn(BaseModel):
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


class DocumentContentResponse(RootModel[bytes]):
    root: bytes


class TypeDisplay(RootModel[str]):
    root: Annotated[str, Field(max_length=200, min_length=1, title='Type Display')]


class DocumentIn(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    author_id: Annotated[
        str,
        Field(
            description='A reference, e.g. Practitioner/<id> (an id, no name)',
            max_length=100,
            min_length=1,
            pattern='^[A-Za-z]+/[A-Za-z0-9.-]+$',
            title='Author Id',
        ),
    ]
    content_type: Annotated[
        str,
        Field(
            description='one of application/pdf, application/xml, image/jpeg, image/png, image/tiff, text/plain, text/xml',
            max_length=40,
            min_length=3,
            title='Content Type',
        ),
    ]
    data: Annotated[
        str,
        Field(
            description='The file, base64 (standard alphabet), up to 10 MB decoded',
            min_length=1,
            title='Data',
        ),
    ]
    date: Annotated[
        date_aliased, Field(description="The document's own date", title='Date')
    ]
    title: Annotated[str, Field(max_length=200, min_length=1, title='Title')]
    type_code: Annotated[
        str,
        Field(
            description='LOINC document type, e.g. 11506-3 progress note',
            max_length=20,
            min_length=3,
            pattern='^[0-9]{1,7}-[0-9]$',
            title='Type Code',
        ),
    ]
    type_display: Annotated[TypeDisplay | None, Field(title='Type Display')] = None


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


class EscalateIn(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    amount_in_controversy: Annotated[
        AmountInControversy2 | AmountInControversy3 | None,
        Field(title='Amount In Controversy'),
    ] = None
    reason: Annotated[str, Field(max_length=2000, min_length=1, title='Reason')]


class PayerReference(RootModel[str]):
    root: Annotated[
        str,
        Field(
            max_length=50,
            min_length=1,
            pattern='^[\\x21-\\x7e ]+$',
            title='Payer Reference',
        ),
    ]


class FileIn(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    filed_on: Annotated[
        date_aliased | None,
        Field(description='Default: today (clinic time zone)', title='Filed On'),
    ] = None
    payer_reference: Annotated[
        PayerReference | None, Field(title='Payer Reference')
    ] = None
