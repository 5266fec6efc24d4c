from __future__ import annotations
from datetime import date as date_aliased
from datetime import time
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel

from .authorizations import DecisionLineIn, Note
from .common import Payer, Reason


class AuthNumber(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description='Required with a win (goes on the claim as REF*G1)',
            max_length=50,
            min_length=1,
            pattern='^[A-Za-z0-9][A-Za-z0-9./-]*$',
            title='Auth Number',
        ),
    ]


class DocumentContentResponse(RootModel[bytes]):
    root: bytes


class TypeDisplay(RootModel[str]):
    root: Annotated[str, Field(max_length=200, min_length=1, title='Type Display')]


class DocumentIn(ContractModel):
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


class DocumentOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    author_id: Annotated[str, Field(title='Author Id')]
    content_type: Annotated[str, Field(title='Content Type')]
    created_at: Annotated[AwareDatetime, Field(title='Created At')]
    date: Annotated[date_aliased, Field(title='Date')]
    fhir: Annotated[
        dict[str, Any],
        Field(description='The metadata as a FHIR R4 DocumentReference', title='Fhir'),
    ]
    id: Annotated[UUID, Field(title='Id')]
    owner_id: Annotated[UUID, Field(title='Owner Id')]
    sha256: Annotated[str, Field(title='Sha256')]
    size: Annotated[int, Field(title='Size')]
    title: Annotated[str, Field(title='Title')]
    type_code: Annotated[str, Field(title='Type Code')]
    type_display: Annotated[str | None, Field(title='Type Display')]
    url: Annotated[str, Field(title='Url')]


class OptionOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    deadline: Annotated[date_aliased, Field(title='Deadline')]
    level: Annotated[str, Field(title='Level')]
    name: Annotated[str, Field(title='Name')]
    source: Annotated[str, Field(title='Source')]
    verified: Annotated[
        bool,
        Field(
            description='False: the window is payer-specific and unverified',
            title='Verified',
        ),
    ]


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


class PaAppealIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    level: Annotated[
        str,
        Field(
            description='peer_to_peer, or an appeal level offered in `options`',
            max_length=32,
            min_length=1,
            pattern='^[a-z_]+$',
            title='Level',
        ),
    ]
    payer_reference: Annotated[
        PayerReference | None, Field(title='Payer Reference')
    ] = None
    payer_type: Annotated[
        Literal['medicare_advantage', 'commercial', 'qhp_exchange', 'medicaid'] | None,
        Field(description="Default: the case's payer type", title='Payer Type'),
    ] = None
    reason: Annotated[str, Field(max_length=2000, min_length=1, title='Reason')]


class PaAppealOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    case_id: Annotated[UUID, Field(title='Case Id')]
    created_at: Annotated[AwareDatetime, Field(title='Created At')]
    deadline: Annotated[date_aliased, Field(title='Deadline')]
    decided_on: Annotated[date_aliased | None, Field(title='Decided On')]
    decision_note: Annotated[str | None, Field(title='Decision Note')]
    denied_on: Annotated[date_aliased, Field(title='Denied On')]
    documents: Annotated[list[DocumentOut], Field(title='Documents')]
    id: Annotated[UUID, Field(title='Id')]
    level: Annotated[str, Field(title='Level')]
    next_deadline: Annotated[date_aliased | None, Field(title='Next Deadline')]
    next_level: Annotated[str | None, Field(title='Next Level')]
    order_id: Annotated[UUID, Field(title='Order Id')]
    outcome: Annotated[
        Literal['won', 'partially_won', 'lost'] | None, Field(title='Outcome')
    ]
    payer_id: Annotated[str, Field(title='Payer Id')]
    payer_reference: Annotated[str | None, Field(title='Payer Reference')]
    payer_type: Annotated[str, Field(title='Payer Type')]
    reason: Annotated[str, Field(title='Reason')]
    requested_on: Annotated[date_aliased, Field(title='Requested On')]
    reviewer: Annotated[str | None, Field(title='Reviewer')]
    scheduled_at: Annotated[AwareDatetime | None, Field(title='Scheduled At')]
    status: Annotated[
        Literal['requested', 'scheduled', 'decided'], Field(title='Status')
    ]
    updated_at: Annotated[AwareDatetime, Field(title='Updated At')]


class ScheduleIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    reviewer: Annotated[
        str,
        Field(
            description="The payer's reviewer (a payer clinician)",
            max_length=200,
            min_length=1,
            title='Reviewer',
        ),
    ]
    scheduled_at: Annotated[
        AwareDatetime,
        Field(
            description='RFC 3339 time with offset, between 1900-01-01 and 2199-12-31 (UTC)',
            title='Scheduled At',
        ),
    ]


class AppealDecisionIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    auth_number: Annotated[
        AuthNumber | None,
        Field(
            description='Required with a win (goes on the claim as REF*G1)',
            title='Auth Number',
        ),
    ] = None
    decided_on: Annotated[
        date_aliased,
        Field(
            description='calendar date, between 1900-01-01 and 2199-12-31',
            title='Decided On',
        ),
    ]
    lines: Annotated[
        list[DecisionLineIn] | None,
        Field(
            description='Approved units by HCPCS (a win)', max_length=50, title='Lines'
        ),
    ] = None
    note: Annotated[Note | None, Field(title='Note')] = None
    outcome: Annotated[Literal['won', 'partially_won', 'lost'], Field(title='Outcome')]
    valid_from: Annotated[
        date_aliased | None,
        Field(description='Required with a win', title='Valid From'),
    ] = None
    valid_to: Annotated[
        date_aliased | None, Field(description='Required with a win', title='Valid To')
    ] = None


class PaAppealList(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    case_status: Annotated[str, Field(title='Case Status')]
    items: Annotated[list[PaAppealOut], Field(title='Items')]
    options: Annotated[
        list[OptionOut],
        Field(description='What may be requested now, with deadlines', title='Options'),
    ]
