from __future__ import annotations
from datetime import date as date_aliased
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints


class ArAgingCsvQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    from_: Annotated[date_aliased | None, Field(alias='from', title='From')] = None
    to: Annotated[date_aliased | None, Field(title='To')] = None


class ArAgingQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    from_: Annotated[date_aliased | None, Field(alias='from', title='From')] = None
    to: Annotated[date_aliased | None, Field(title='To')] = None


class ArQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    from_: Annotated[date_aliased | None, Field(alias='from', title='From')] = None
    to: Annotated[date_aliased | None, Field(title='To')] = None


class BatchX12Query(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    submitted_from: Annotated[AwareDatetime | None, Field(title='Submitted From')] = (
        None
    )
    submitted_to: Annotated[AwareDatetime | None, Field(title='Submitted To')] = None


class Rates(RootModel[Decimal]):
    root: Annotated[Decimal, Field(ge=0, le=10000000, multiple_of=1e-06)]


class Sequestration(RootModel[float]):
    root: Annotated[float, Field(ge=0.0, lt=1.0, title='Sequestration')]


class Plan(RootModel[str]):
    root: Annotated[str, Field(max_length=64, title='Plan')]


class ContractVersionsQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    plan: Annotated[Plan | None, Field(title='Plan')] = None


class CycleAsCsvQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    from_: Annotated[date_aliased | None, Field(alias='from', title='From')] = None
    to: Annotated[date_aliased | None, Field(title='To')] = None


class CycleQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    from_: Annotated[date_aliased | None, Field(alias='from', title='From')] = None
    to: Annotated[date_aliased | None, Field(title='To')] = None


class Note(RootModel[str]):
    root: Annotated[str, Field(max_length=2000, min_length=1, title='Note')]


class Amount(RootModel[Decimal]):
    root: Annotated[Decimal, Field(gt=0, le=1000000, multiple_of=1e-06, title='Amount')]


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


class GetContractQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    plan: Annotated[str, Field(max_length=64, title='Plan')] = ''


class GpoSavingsCsvQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    from_: Annotated[
        date_aliased,
        Field(
            alias='from',
            description='calendar date, between 1900-01-01 and 2199-12-31',
            title='From',
        ),
    ]
    to: Annotated[
        date_aliased,
        Field(
            description='calendar date, between 1900-01-01 and 2199-12-31', title='To'
        ),
    ]


class GpoSavingsQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    from_: Annotated[
        date_aliased,
        Field(
            alias='from',
            description='calendar date, between 1900-01-01 and 2199-12-31',
            title='From',
        ),
    ]
    to: Annotated[
        date_aliased,
        Field(
            description='calendar date, between 1900-01-01 and 2199-12-31', title='To'
        ),
    ]


class WithinDays(RootModel[int]):
    root: Annotated[int, Field(ge=0, le=730, title='Within Days')]


class InventoryQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    within_days: Annotated[WithinDays | None, Field(title='Within Days')] = None


class Status(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description='one status or several, comma-separated',
            pattern='^(accepted|appealed|closed|corrected|denied|held|needs_review|paid|paid_zero|partially_paid|ready|rejected|reversed|submitted|voided|written_off)(,(accepted|appealed|closed|corrected|denied|held|needs_review|paid|paid_zero|partially_paid|ready|rejected|reversed|submitted|voided|written_off))*$',
            title='Status',
        ),
    ]


class ListClaimsQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    cursor: Annotated[str | None, Field(title='Cursor')] = None
    limit: Annotated[int, Field(ge=1, le=200, title='Limit')] = 50
    order_id: Annotated[UUID | None, Field(title='Order Id')] = None
    practice_id: Annotated[str | None, Field(title='Practice Id')] = None
    status: Annotated[
        Status | None,
        Field(description='one status or several, comma-separated', title='Status'),
    ] = None


class PayerId(RootModel[str]):
    root: Annotated[
        str,
        Field(
            max_length=64,
            min_length=1,
            pattern='^[A-Za-z0-9][A-Za-z0-9._-]*$',
            title='Payer Id',
        ),
    ]


class ListContractsQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    payer_id: Annotated[PayerId | None, Field(title='Payer Id')] = None


class ListGpoContractsQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    on: Annotated[date_aliased | None, Field(title='On')] = None


class ListPurchaseInvoicesQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    from_: Annotated[date_aliased | None, Field(alias='from', title='From')] = None
    to: Annotated[date_aliased | None, Field(title='To')] = None


class LoadAspQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    quarter: Annotated[str, Field(pattern='^[1-9]\\d{3}Q[1-4]$', title='Quarter')]
    source: Annotated[str, Field(max_length=300, title='Source')] = (
        'CMS ASP pricing file'
    )


class MarginCsvQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    by: Annotated[
        Literal['visit', 'drug', 'payer', 'practice', 'protocol'],
        Field(
            description="visit (order id), drug (HCPCS), payer, practice (the referring practice) or protocol (the order's protocol id; no-protocol: written line by line)",
            title='By',
        ),
    ] = 'visit'
    from_: Annotated[
        date_aliased,
        Field(
            alias='from',
            description='calendar date, between 1900-01-01 and 2199-12-31',
            title='From',
        ),
    ]
    to: Annotated[
        date_aliased,
        Field(
            description='calendar date, between 1900-01-01 and 2199-12-31', title='To'
        ),
    ]


class MarginQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    by: Annotated[
        Literal['visit', 'drug', 'payer', 'practice', 'protocol'],
        Field(
            description="visit (order id), drug (HCPCS), payer, practice (the referring practice) or protocol (the order's protocol id; no-protocol: written line by line)",
            title='By',
        ),
    ] = 'visit'
    from_: Annotated[
        date_aliased,
        Field(
            alias='from',
            description='calendar date, between 1900-01-01 and 2199-12-31',
            title='From',
        ),
    ]
    to: Annotated[
        date_aliased,
        Field(
            description='calendar date, between 1900-01-01 and 2199-12-31', title='To'
        ),
    ]


class Lot(RootModel[str]):
    root: Annotated[
        str,
        Field(max_length=40, min_length=1, pattern='^[A-Za-z0-9\\-]+$', title='Lot'),
    ]


class Hcpcs(RootModel[str]):
    root: Annotated[str, Field(pattern='^[A-Z0-9]\\d{3}[A-Z0-9]$', title='Hcpcs')]


class QuarantineQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    cursor: Annotated[str | None, Field(title='Cursor')] = None
    limit: Annotated[int, Field(ge=1, le=200, title='Limit')] = 50


class Value(RootModel[Decimal]):
    root: Annotated[
        Decimal,
        Field(
            description='percent of the contract spend, or an amount per package',
            ge=0,
            le=10000000,
            multiple_of=1e-06,
            title='Value',
        ),
    ]


class Reference(RootModel[str]):
    root: Annotated[str, Field(max_length=80, title='Reference')]


class PracticeId(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description='one practice (a partner client gets its own only)',
            max_length=64,
            min_length=1,
            title='Practice Id',
        ),
    ]


class ReferralReportCsvQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    from_: Annotated[date_aliased | None, Field(alias='from', title='From')] = None
    period: Annotated[
        Literal['week', 'month'],
        Field(
            description='group by ISO week or calendar month of signing', title='Period'
        ),
    ] = 'month'
    practice_id: Annotated[
        PracticeId | None,
        Field(
            description='one practice (a partner client gets its own only)',
            title='Practice Id',
        ),
    ] = None
    to: Annotated[date_aliased | None, Field(title='To')] = None


class ReferralReportQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    from_: Annotated[date_aliased | None, Field(alias='from', title='From')] = None
    period: Annotated[
        Literal['week', 'month'],
        Field(
            description='group by ISO week or calendar month of signing', title='Period'
        ),
    ] = 'month'
    practice_id: Annotated[
        PracticeId | None,
        Field(
            description='one practice (a partner client gets its own only)',
            title='Practice Id',
        ),
    ] = None
    to: Annotated[date_aliased | None, Field(title='To')] = None


class ReorderSuggestionsQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    days: Annotated[int, Field(ge=1, le=180, title='Days')] = 14


class Review(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    code: Annotated[str, Field(title='Code')]
    detail: Annotated[str, Field(title='Detail')]
    line: Annotated[int | None, Field(title='Line')] = None


class TimelyFilingQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    within_days: Annotated[int, Field(ge=0, le=730, title='Within Days')] = 30


class PayerId1(RootModel[str]):
    root: Annotated[str, Field(max_length=64, title='Payer Id')]


class UnderpaymentCsvQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    from_: Annotated[date_aliased | None, Field(alias='from', title='From')] = None
    payer_id: Annotated[PayerId1 | None, Field(title='Payer Id')] = None
    status: Annotated[
        Literal['flagged', 'underpaid', 'overpaid', 'within_tolerance'],
        Field(description='flagged = underpaid and overpaid', title='Status'),
    ] = 'flagged'
    to: Annotated[date_aliased | None, Field(title='To')] = None


class UnderpaymentListQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    from_: Annotated[date_aliased | None, Field(alias='from', title='From')] = None
    payer_id: Annotated[PayerId1 | None, Field(title='Payer Id')] = None
    status: Annotated[
        Literal['flagged', 'underpaid', 'overpaid', 'within_tolerance'],
        Field(description='flagged = underpaid and overpaid', title='Status'),
    ] = 'flagged'
    to: Annotated[date_aliased | None, Field(title='To')] = None


class ValidationError(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    ctx: Annotated[dict[str, Any] | None, Field(title='Context')] = None
    input: Annotated[Any | None, Field(title='Input')] = None
    loc: Annotated[list[str | int], Field(title='Location')]
    msg: Annotated[str, Field(title='Message')]
    type: Annotated[str, Field(title='Error Type')]


class AppealOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    amount_awarded: Annotated[str | None, Field(title='Amount Awarded')]
    amount_in_controversy: Annotated[str, Field(title='Amount In Controversy')]
    carcs: Annotated[list[str], Field(title='Carcs')]
    claim_id: Annotated[UUID, Field(title='Claim Id')]
    claim_reopen: Annotated[str | None, Field(title='Claim Reopen')]
    clock_from: Annotated[date_aliased, Field(title='Clock From')]
    created_at: Annotated[AwareDatetime, Field(title='Created At')]
    deadline: Annotated[date_aliased, Field(title='Deadline')]
    decided_on: Annotated[date_aliased | None, Field(title='Decided On')]
    decision_note: Annotated[str | None, Field(title='Decision Note')]
    documents: Annotated[list[DocumentOut], Field(title='Documents')]
    filed_on: Annotated[date_aliased | None, Field(title='Filed On')]
    id: Annotated[UUID, Field(title='Id')]
    kind: Annotated[Literal['appeal', 'reopening'], Field(title='Kind')]
    level: Annotated[str, Field(title='Level')]
    level_name: Annotated[str, Field(title='Level Name')]
    level_number: Annotated[int, Field(title='Level Number')]
    next_auto_forwarded: Annotated[bool, Field(title='Next Auto Forwarded')]
    next_deadline: Annotated[date_aliased | None, Field(title='Next Deadline')]
    next_level: Annotated[str | None, Field(title='Next Level')]
    order_id: Annotated[UUID, Field(title='Order Id')]
    outcome: Annotated[
        Literal['won', 'partially_won', 'lost'] | None, Field(title='Outcome')
    ]
    payer_id: Annotated[str | None, Field(title='Payer Id')]
    payer_reference: Annotated[str | None, Field(title='Payer Reference')]
    payer_type: Annotated[str, Field(title='Payer Type')]
    practice_id: Annotated[str, Field(title='Practice Id')]
    previous_appeal_id: Annotated[UUID | None, Field(title='Previous Appeal Id')]
    reason: Annotated[str, Field(title='Reason')]
    remark_codes: Annotated[list[str], Field(title='Remark Codes')]
    sources: Annotated[list[str], Field(title='Sources')]
    status: Annotated[Literal['draft', 'filed', 'decided'], Field(title='Status')]
    updated_at: Annotated[AwareDatetime, Field(title='Updated At')]


class HTTPValidationError(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    detail: Annotated[list[ValidationError] | None, Field(title='Detail')] = None
