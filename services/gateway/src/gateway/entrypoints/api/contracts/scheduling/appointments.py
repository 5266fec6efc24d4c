from __future__ import annotations
from datetime import date as date_aliased
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
from typing_extensions import TypeAliasType

from .common import SlotOut


class AppointmentCreate(BaseModel):
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


class AppointmentOut(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    acuity_class: Annotated[str, Field(title='Acuity Class')]
    chair_id: Annotated[str | None, Field(title='Chair Id')]
    completed_at: Annotated[
        AwareDatetime | None, Field(description='actual end', title='Completed At')
    ] = None
    end: Annotated[AwareDatetime | None, Field(title='End')]
    hold_expires_at: Annotated[AwareDatetime | None, Field(title='Hold Expires At')] = (
        None
    )
    id: Annotated[UUID, Field(title='Id')]
    minutes: Annotated[int, Field(title='Minutes')]
    order_id: Annotated[UUID | None, Field(title='Order Id')]
    pediatric: Annotated[bool, Field(title='Pediatric')]
    practice_id: Annotated[str | None, Field(title='Practice Id')]
    queued_at: Annotated[AwareDatetime | None, Field(title='Queued At')] = None
    reason: Annotated[str | None, Field(title='Reason')] = None
    requested_start: Annotated[AwareDatetime | None, Field(title='Requested Start')] = (
        None
    )
    requires_driver: Annotated[bool, Field(title='Requires Driver')]
    start: Annotated[AwareDatetime | None, Field(title='Start')]
    started_at: Annotated[
        AwareDatetime | None,
        Field(description='actual start (in the chair)', title='Started At'),
    ] = None
    status: Annotated[
        Literal['queued', 'held', 'booked', 'checked_in', 'in_chair', 'completed', 'cancelled', 'no_show'],
        Field(title='Status'),
    ]
    urgency: Annotated[Literal['same_day', 'planned'], Field(title='Urgency')]
    version: Annotated[int, Field(title='Version')]


class AppointmentPage(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    items: Annotated[list[AppointmentOut], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')] = None


class SlotTakenProblem(BaseModel):
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
