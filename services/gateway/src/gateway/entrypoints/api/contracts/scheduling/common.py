from __future__ import annotations
from datetime import date as date_aliased
from datetime import time
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints
from typing_extensions import TypeAliasType


class BreakIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    end: Annotated[
        AwareDatetime,
        Field(
            description='RFC 3339 time with offset, between 1900-01-01 and 2199-12-31 (UTC)',
            title='End',
        ),
    ]
    start: Annotated[
        AwareDatetime,
        Field(
            description='RFC 3339 time with offset, between 1900-01-01 and 2199-12-31 (UTC)',
            title='Start',
        ),
    ]


class State(RootModel[str]):
    root: Annotated[str, Field(max_length=2, title='State')]


class GetBoardQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    date: Annotated[
        date_aliased,
        Field(
            description='calendar date, between 1900-01-01 and 2199-12-31', title='Date'
        ),
    ]


class GetSlotsQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    acuity_class: Annotated[str, Field(title='Acuity Class')] = 'standard'
    from_: Annotated[AwareDatetime | None, Field(alias='from', title='From')] = None
    limit: Annotated[int, Field(ge=1, le=200, title='Limit')] = 10
    minutes: Annotated[int, Field(gt=0, le=1440, title='Minutes')]
    pediatric: Annotated[bool, Field(title='Pediatric')] = False
    prep_minutes: Annotated[
        int,
        Field(
            description='pharmacy preparation finishing at the start; when the pharmacy is configured, only starts whose preparation finds a staffed hood (from now on) are offered',
            ge=0,
            le=240,
            title='Prep Minutes',
        ),
    ] = 0
    requires_driver: Annotated[bool, Field(title='Requires Driver')] = False
    to: Annotated[AwareDatetime | None, Field(title='To')] = None


class ListAppointmentsQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    cursor: Annotated[UUID | None, Field(title='Cursor')] = None
    date: Annotated[date_aliased | None, Field(title='Date')] = None
    limit: Annotated[int, Field(ge=1, le=500, title='Limit')] = 100
    order_id: Annotated[UUID | None, Field(title='Order Id')] = None


class ListPharmacistShiftsQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    from_: Annotated[AwareDatetime | None, Field(alias='from', title='From')] = None
    to: Annotated[AwareDatetime | None, Field(title='To')] = None


class PracticeId(RootModel[str]):
    root: Annotated[str, Field(max_length=80, min_length=1, title='Practice Id')]


class ListRecallsQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    cursor: Annotated[UUID | None, Field(title='Cursor')] = None
    from_: Annotated[
        date_aliased | None,
        Field(
            alias='from',
            description='target window opening on or after this day',
            title='From',
        ),
    ] = None
    limit: Annotated[int, Field(ge=1, le=500, title='Limit')] = 100
    practice_id: Annotated[PracticeId | None, Field(title='Practice Id')] = None
    status: Annotated[
        Literal['due', 'offered', 'booked', 'overdue', 'closed'] | None,
        Field(title='Status'),
    ] = None
    to: Annotated[
        date_aliased | None,
        Field(description='target window opening on or before this day', title='To'),
    ] = None


class ListShiftsQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    from_: Annotated[AwareDatetime | None, Field(alias='from', title='From')] = None
    to: Annotated[AwareDatetime | None, Field(title='To')] = None


class OptimizeQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    apply: Annotated[bool, Field(title='Apply')] = False
    date: Annotated[
        date_aliased,
        Field(
            description='calendar date, between 1900-01-01 and 2199-12-31', title='Date'
        ),
    ]


class ShiftOfferOut(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    days: Annotated[int, Field(title='Days')]
    from_position: Annotated[int, Field(title='From Position')]
    how: Annotated[
        str, Field(title='How')
    ] = 'POST /v1/series/{id}/shift with these days and from_position'
    reason: Annotated[Literal['visit_moved', 'visit_cancelled'], Field(title='Reason')]


class SlotOut(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    chair_id: Annotated[str, Field(title='Chair Id')]
    end: Annotated[AwareDatetime, Field(title='End')]
    start: Annotated[AwareDatetime, Field(title='Start')]


class StaffingForecastQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    week: Annotated[
        date_aliased,
        Field(
            description="the Monday the week starts on (YYYY-MM-DD), in the clinic's time",
            title='Week',
        ),
    ]


class StaffingForecastSvgQuery(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    week: Annotated[
        date_aliased,
        Field(
            description="the Monday the week starts on (YYYY-MM-DD), in the clinic's time",
            title='Week',
        ),
    ]


class ValidationError(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    ctx: Annotated[dict[str, Any] | None, Field(title='Context')] = None
    input: Annotated[Any | None, Field(title='Input')] = None
    loc: Annotated[list[str | int], Field(title='Location')]
    msg: Annotated[str, Field(title='Message')]
    type: Annotated[str, Field(title='Error Type')]


class AppointmentOut(ContractModel):
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
    paused_by_reactions: Annotated[
        list[UUID] | None,
        Field(
            description='RX-6: reactions holding its series until a provider clears them (GET /v1/appointments/{id} only); check-in and start are refused',
            title='Paused By Reactions',
        ),
    ] = None
    pediatric: Annotated[bool, Field(title='Pediatric')]
    practice_id: Annotated[str | None, Field(title='Practice Id')]
    queued_at: Annotated[AwareDatetime | None, Field(title='Queued At')] = None
    reason: Annotated[str | None, Field(title='Reason')] = None
    requested_start: Annotated[AwareDatetime | None, Field(title='Requested Start')] = (
        None
    )
    requires_driver: Annotated[bool, Field(title='Requires Driver')]
    series_id: Annotated[
        UUID | None,
        Field(
            description='the series its order belongs to (GET /v1/appointments/{id} only)',
            title='Series Id',
        ),
    ] = None
    series_shift_offer: Annotated[
        ShiftOfferOut | None,
        Field(
            description='after a move or cancel of a series visit: the shift of the rest the series now offers (the same as GET /v1/series/{series_id}); null otherwise'
        ),
    ] = None
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


class HTTPValidationError(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    detail: Annotated[list[ValidationError] | None, Field(title='Detail')] = None
