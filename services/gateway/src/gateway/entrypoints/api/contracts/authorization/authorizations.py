from __future__ import annotations
from datetime import date as date_aliased
from datetime import time
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, RootModel

from .common import Criteria, Cursor, Payer, Period, Plan, Reason, Version


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


class Note(RootModel[str]):
    root: Annotated[str, Field(max_length=2000, min_length=1, title='Note')]


class AuthorizationAnswers(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    answers: Annotated[
        dict[str, Any],
        Field(
            description='Answers by question link_id (e.g. J3032.baseline-migraine-days); null clears an answer',
            title='Answers',
        ),
    ]


class CriterionOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    detail: Annotated[str, Field(title='Detail')]
    hcpcs: Annotated[str, Field(title='Hcpcs')]
    key: Annotated[str, Field(title='Key')]
    status: Annotated[Literal['met', 'not_met', 'unknown'], Field(title='Status')]


class DecisionLineIn(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    approved_units: Annotated[int, Field(ge=0, le=1000000, title='Approved Units')]
    hcpcs: Annotated[
        str, Field(max_length=10, min_length=1, pattern='^[A-Z0-9]+$', title='Hcpcs')
    ]


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


class DocumentOut(BaseModel):
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


class HistoryOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    action: Annotated[str, Field(title='Action')]
    actor: Annotated[str, Field(title='Actor')]
    at: Annotated[AwareDatetime, Field(title='At')]
    detail: Annotated[dict[str, Any], Field(title='Detail')]
    from_status: Annotated[str | None, Field(title='From Status')]
    payer_response: Annotated[str | None, Field(title='Payer Response')]
    to_status: Annotated[str | None, Field(title='To Status')]


class LineOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    approved_units: Annotated[int | None, Field(title='Approved Units')]
    hcpcs: Annotated[str, Field(title='Hcpcs')]
    remaining_units: Annotated[int | None, Field(title='Remaining Units')]
    requested_units: Annotated[int | None, Field(title='Requested Units')]
    used_units: Annotated[int, Field(title='Used Units')]


class OptionOut(BaseModel):
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


class PaAppealIn(BaseModel):
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


class PaAppealOut(BaseModel):
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


class PayerDecisionIn(BaseModel):
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


class PayerRefOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    member_id: Annotated[
        str | None,
        Field(
            description="always null: the member id is not kept here (read the coverage through orders' payer identity)",
            title='Member Id',
        ),
    ] = None
    payer_id: Annotated[str, Field(title='Payer Id')]
    plan_id: Annotated[str | None, Field(title='Plan Id')]


class QuestionOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    answer: Annotated[bool | int | str | list[str] | None, Field(title='Answer')]
    hcpcs: Annotated[str, Field(title='Hcpcs')]
    link_id: Annotated[str, Field(title='Link Id')]
    max_value: Annotated[int | None, Field(title='Max Value')]
    min_value: Annotated[int | None, Field(title='Min Value')]
    options: Annotated[list[str], Field(title='Options')]
    prefill: Annotated[bool | int | str | list[str] | None, Field(title='Prefill')]
    repeats: Annotated[bool, Field(title='Repeats')]
    required: Annotated[bool, Field(title='Required')]
    text: Annotated[str, Field(title='Text')]
    type: Annotated[str, Field(title='Type')]


class Rates(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    approval_rate: Annotated[str | None, Field(title='Approval Rate')]
    approved: Annotated[int, Field(title='Approved')]
    decided: Annotated[int, Field(title='Decided')]
    denial_rate: Annotated[str | None, Field(title='Denial Rate')]
    denied: Annotated[int, Field(title='Denied')]
    key: Annotated[str, Field(title='Key')]
    submitted: Annotated[int, Field(title='Submitted')]


class ScheduleIn(BaseModel):
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


class Turnaround(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    count: Annotated[int, Field(title='Count')]
    median_hours: Annotated[str | None, Field(title='Median Hours')]
    p90_hours: Annotated[str | None, Field(title='P90 Hours')]


class WithdrawIn(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    reason: Annotated[
        str, Field(max_length=500, min_length=1, title='Reason')
    ] = 'withdrawn by the practice'


class WithdrawRequest(RootModel[WithdrawIn | None]):
    root: Annotated[WithdrawIn | None, Field(title='Body')]


class AppealDecisionIn(BaseModel):
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


class Authorization(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    auth_number: Annotated[str | None, Field(title='Auth Number')]
    blockers: Annotated[list[str], Field(title='Blockers')]
    created_at: Annotated[AwareDatetime, Field(title='Created At')]
    criteria: Annotated[list[CriterionOut], Field(title='Criteria')]
    decided_at: Annotated[AwareDatetime | None, Field(title='Decided At')]
    denial_code: Annotated[str | None, Field(title='Denial Code')]
    denial_reason: Annotated[str | None, Field(title='Denial Reason')]
    due_at: Annotated[AwareDatetime | None, Field(title='Due At')]
    expedited: Annotated[bool, Field(title='Expedited')]
    history: Annotated[list[HistoryOut], Field(title='History')]
    id: Annotated[UUID, Field(title='Id')]
    kind: Annotated[str, Field(title='Kind')]
    last_error: Annotated[str | None, Field(title='Last Error')]
    lines: Annotated[list[LineOut], Field(title='Lines')]
    missing: Annotated[list[str], Field(title='Missing')]
    order_id: Annotated[UUID, Field(title='Order Id')]
    order_ids: Annotated[list[UUID], Field(title='Order Ids')]
    overdue: Annotated[bool, Field(title='Overdue')]
    patient_id: Annotated[UUID, Field(title='Patient Id')]
    payer: PayerRefOut
    policy_version: Annotated[int | None, Field(title='Policy Version')]
    practice_id: Annotated[str, Field(title='Practice Id')]
    questions: Annotated[list[QuestionOut], Field(title='Questions')]
    requested_period: Period
    status: Annotated[str, Field(title='Status')]
    submitted_at: Annotated[AwareDatetime | None, Field(title='Submitted At')]
    updated_at: Annotated[AwareDatetime, Field(title='Updated At')]
    valid_from: Annotated[date_aliased | None, Field(title='Valid From')]
    valid_to: Annotated[date_aliased | None, Field(title='Valid To')]
    version: Annotated[int, Field(title='Version')]
    worklist: Annotated[list[str], Field(title='Worklist')] = []


class AuthorizationSummary(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    auth_number: Annotated[str | None, Field(title='Auth Number')]
    created_at: Annotated[AwareDatetime, Field(title='Created At')]
    decided_at: Annotated[AwareDatetime | None, Field(title='Decided At')]
    denial_code: Annotated[str | None, Field(title='Denial Code')]
    denial_reason: Annotated[str | None, Field(title='Denial Reason')]
    due_at: Annotated[AwareDatetime | None, Field(title='Due At')]
    expedited: Annotated[bool, Field(title='Expedited')]
    id: Annotated[UUID, Field(title='Id')]
    kind: Annotated[str, Field(title='Kind')]
    last_error: Annotated[str | None, Field(title='Last Error')]
    lines: Annotated[list[LineOut], Field(title='Lines')]
    order_id: Annotated[UUID, Field(title='Order Id')]
    order_ids: Annotated[list[UUID], Field(title='Order Ids')]
    overdue: Annotated[bool, Field(title='Overdue')]
    patient_id: Annotated[UUID, Field(title='Patient Id')]
    payer: PayerRefOut
    practice_id: Annotated[str, Field(title='Practice Id')]
    status: Annotated[str, Field(title='Status')]
    submitted_at: Annotated[AwareDatetime | None, Field(title='Submitted At')]
    updated_at: Annotated[AwareDatetime, Field(title='Updated At')]
    valid_from: Annotated[date_aliased | None, Field(title='Valid From')]
    valid_to: Annotated[date_aliased | None, Field(title='Valid To')]
    version: Annotated[int, Field(title='Version')]
    worklist: Annotated[list[str], Field(title='Worklist')] = []


class MetricsOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    by_drug: Annotated[list[Rates], Field(title='By Drug')]
    by_payer: Annotated[list[Rates], Field(title='By Payer')]
    open: Annotated[int, Field(title='Open')]
    overdue: Annotated[int, Field(title='Overdue')]
    since: Annotated[AwareDatetime | None, Field(title='Since')] = None
    turnaround: Turnaround
    turnaround_expedited: Turnaround
    turnaround_standard: Turnaround
    until: Annotated[AwareDatetime | None, Field(title='Until')] = None


class PaAppealList(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    case_status: Annotated[str, Field(title='Case Status')]
    items: Annotated[list[PaAppealOut], Field(title='Items')]
    options: Annotated[
        list[OptionOut],
        Field(description='What may be requested now, with deadlines', title='Options'),
    ]


class AuthorizationPage(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[AuthorizationSummary], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')]
