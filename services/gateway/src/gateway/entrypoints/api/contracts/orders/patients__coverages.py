from __future__ import annotations
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel

from .common import CoverageOut, Cursor, PersonOut, Plan, PlanId, Version
from .patients import GroupNumber, MemberId, PersonIn


class CoveragePatch(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    effective_from: Annotated[date | None, Field(title='Effective From')] = None
    effective_to: Annotated[date | None, Field(title='Effective To')] = None
    group_number: Annotated[GroupNumber | None, Field(title='Group Number')] = None
    member_id: Annotated[MemberId | None, Field(title='Member Id')] = None
    plan_id: Annotated[PlanId | None, Field(title='Plan Id')] = None
    priority: Annotated[
        Literal['primary', 'secondary', 'tertiary'] | None, Field(title='Priority')
    ] = None
    relationship: Annotated[
        Literal['self', 'spouse', 'child', 'other'] | None, Field(title='Relationship')
    ] = None
    subscriber: PersonIn | None = None
    version: Annotated[
        Version | None,
        Field(
            description='The version the change is based on (409 if the coverage moved on)',
            title='Version',
        ),
    ] = None


class CoverageVersionOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    effective_from: Annotated[date | None, Field(title='Effective From')]
    effective_to: Annotated[date | None, Field(title='Effective To')]
    group_number: Annotated[str | None, Field(title='Group Number')]
    id: Annotated[UUID, Field(title='Id')]
    member_id: Annotated[str, Field(title='Member Id')]
    patient_id: Annotated[UUID, Field(title='Patient Id')]
    payer_id: Annotated[str, Field(title='Payer Id')]
    plan_id: Annotated[str | None, Field(title='Plan Id')]
    priority: Annotated[
        Literal['primary', 'secondary', 'tertiary'], Field(title='Priority')
    ]
    recorded_at: Annotated[AwareDatetime, Field(title='Recorded At')]
    recorded_by: Annotated[str | None, Field(title='Recorded By')]
    relationship: Annotated[
        Literal['self', 'spouse', 'child', 'other'], Field(title='Relationship')
    ]
    status: Annotated[Literal['active', 'ended'], Field(title='Status')]
    subscriber: PersonOut | None
    version: Annotated[int, Field(title='Version')]


class PageCoverageOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[CoverageOut], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')] = None


class PageCoverageVersionOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[CoverageVersionOut], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')] = None
