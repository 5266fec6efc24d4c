from __future__ import annotations
from datetime import date as date_aliased
from datetime import time
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel

from .common import Criteria, Cursor, Payer, Period, Plan, Reason, Version


class Note(RootModel[str]):
    root: Annotated[str, Field(max_length=2000, min_length=1, title='Note')]


class CriterionOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    detail: Annotated[str, Field(title='Detail')]
    hcpcs: Annotated[str, Field(title='Hcpcs')]
    key: Annotated[str, Field(title='Key')]
    status: Annotated[Literal['met', 'not_met', 'unknown'], Field(title='Status')]


class DecisionLineIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    approved_units: Annotated[int, Field(ge=0, le=1000000, title='Approved Units')]
    hcpcs: Annotated[
        str, Field(max_length=10, min_length=1, pattern='^[A-Z0-9]+$', title='Hcpcs')
    ]


class HistoryOut(ContractModel):
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


class LineOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    approved_units: Annotated[int | None, Field(title='Approved Units')]
    hcpcs: Annotated[str, Field(title='Hcpcs')]
    remaining_units: Annotated[int | None, Field(title='Remaining Units')]
    requested_units: Annotated[int | None, Field(title='Requested Units')]
    used_units: Annotated[int, Field(title='Used Units')]


class PayerRefOut(ContractModel):
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


class QuestionOut(ContractModel):
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


class Rates(ContractModel):
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


class RenewalOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    appointment_id: Annotated[UUID | None, Field(title='Appointment Id')]
    auth_number: Annotated[str, Field(title='Auth Number')]
    case_id: Annotated[UUID | None, Field(title='Case Id')]
    due_on: Annotated[date_aliased, Field(title='Due On')]
    noted_at: Annotated[AwareDatetime, Field(title='Noted At')]
    order_id: Annotated[UUID, Field(title='Order Id')]
    outcome: Annotated[Literal['refused', 'held', 'booked'], Field(title='Outcome')]
    overdue: Annotated[bool, Field(title='Overdue')]
    payer_id: Annotated[str | None, Field(title='Payer Id')]
    practice_id: Annotated[str | None, Field(title='Practice Id')]
    reasons: Annotated[
        list[Literal['outside_valid_dates', 'units_exceeded']], Field(title='Reasons')
    ]
    valid_from: Annotated[date_aliased, Field(title='Valid From')]
    valid_to: Annotated[date_aliased, Field(title='Valid To')]
    visit_date: Annotated[date_aliased, Field(title='Visit Date')]


class RenewalPage(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[RenewalOut], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')] = None


class Turnaround(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    count: Annotated[int, Field(title='Count')]
    median_hours: Annotated[str | None, Field(title='Median Hours')]
    p90_hours: Annotated[str | None, Field(title='P90 Hours')]


class Authorization(ContractModel):
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


class AuthorizationSummary(ContractModel):
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


class MetricsOut(ContractModel):
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


class AuthorizationPage(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[AuthorizationSummary], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')]
