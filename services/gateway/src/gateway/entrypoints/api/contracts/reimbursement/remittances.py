from __future__ import annotations
from datetime import date as date_aliased
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints


class PostRemittanceRequest(RootModel[str]):
    root: Annotated[str, Field(pattern='\\S')]


class QuarantineReason(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field: Annotated[
        str,
        Field(description="'line N': the line of the segment at fault", title='Field'),
    ]
    message: Annotated[str, Field(title='Message')]


class QuarantinedRemittance(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: Annotated[UUID, Field(title='Id')]
    keys: Annotated[
        list[dict[str, str]],
        Field(
            description='remittance keys read (TRN03, TRN04, TRN02, payee)',
            title='Keys',
        ),
    ]
    reasons: Annotated[list[QuarantineReason], Field(title='Reasons')]
    received_at: Annotated[AwareDatetime, Field(title='Received At')]
    trace_number: Annotated[
        str | None,
        Field(description='TRN02 when it could be read', title='Trace Number'),
    ]


class RemittanceOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    claims: Annotated[list[dict[str, Any]], Field(title='Claims')]
    duplicate: Annotated[bool, Field(title='Duplicate')]
    remittances: Annotated[list[dict[str, Any]], Field(title='Remittances')]


class PageQuarantinedRemittance(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[QuarantinedRemittance], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')] = None
