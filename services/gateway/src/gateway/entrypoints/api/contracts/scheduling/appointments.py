from __future__ import annotations
from datetime import date as date_aliased
from datetime import time
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints
from typing_extensions import TypeAliasType

from .common import AppointmentOut, SlotOut


class AppointmentCreate(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    chair_id: Annotated[str | None, Field(title='Chair Id')] = None
    order_id: Annotated[UUID, Field(title='Order Id')]
    start: Annotated[
        AwareDatetime,
        Field(
            description='RFC 3339 time with offset, between 1900-01-01 and 2199-12-31 (UTC)',
            title='Start',
        ),
    ]


class SlotTakenProblem(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    detail: Annotated[str, Field(title='Detail')]
    next_options: Annotated[
        list[SlotOut], Field(title='Next Options', validate_default=True)
    ] = []
    reasons: Annotated[list[dict[str, str]], Field(title='Reasons')] = []
    status: Annotated[int, Field(title='Status')] = 409
    title: Annotated[str, Field(title='Title')]
    type: Annotated[str, Field(title='Type')]


class AppointmentPage(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    items: Annotated[list[AppointmentOut], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')] = None
