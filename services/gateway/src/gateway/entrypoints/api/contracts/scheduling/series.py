from __future__ import annotations
from datetime import date as date_aliased
from datetime import time
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints
from typing_extensions import TypeAliasType

from .common import AppointmentOut, ShiftOfferOut


class ConsecutiveDays(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    kind: Annotated[Literal['consecutive_days'], Field(title='Kind')]


class Offset(RootModel[int]):
    root: Annotated[int, Field(ge=0, le=366)]


class DayOffsets(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    kind: Annotated[Literal['day_offsets'], Field(title='Kind')]
    offsets: Annotated[
        list[Offset],
        Field(
            description='days after the first, one per order, strictly increasing, from 0',
            max_length=10,
            min_length=2,
            title='Offsets',
        ),
    ]


class PatternOut(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    kind: Annotated[Literal['consecutive_days', 'day_offsets'], Field(title='Kind')]
    offsets: Annotated[list[int], Field(title='Offsets')] = []


class SeriesFailure(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    blocked_by: Annotated[list[str], Field(title='Blocked By')] = []
    day: Annotated[date_aliased, Field(title='Day')]
    position: Annotated[int, Field(title='Position')]
    reason: Annotated[str, Field(title='Reason')]


class SeriesVisitSlot(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    chair_id: Annotated[str, Field(title='Chair Id')]
    end: Annotated[str, Field(title='End')]
    position: Annotated[int, Field(title='Position')]
    start: Annotated[str, Field(title='Start')]


class WindowIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    from_: Annotated[
        time,
        Field(
            alias='from',
            description='local time of day: the earliest start',
            title='From',
        ),
    ]
    to: Annotated[
        time, Field(description='local time of day: the latest start', title='To')
    ]


class WindowOut(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    from_: Annotated[time, Field(alias='from', title='From')]
    to: Annotated[time, Field(title='To')]


class SeriesAlternative(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    first_day: Annotated[date_aliased, Field(title='First Day')]
    visits: Annotated[list[SeriesVisitSlot], Field(title='Visits')]


class SeriesCreate(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    allow_closed_day_gap: Annotated[
        bool,
        Field(
            description='skip closed days (a weekend) inside consecutive days; only when the protocol allows it',
            title='Allow Closed Day Gap',
        ),
    ] = False
    first_day: Annotated[
        date_aliased,
        Field(
            description='calendar date, between 1900-01-01 and 2199-12-31',
            title='First Day',
        ),
    ]
    order_ids: Annotated[
        list[UUID],
        Field(
            description='signed orders of one patient, in dose order',
            max_length=10,
            min_length=2,
            title='Order Ids',
        ),
    ]
    pattern: Annotated[
        ConsecutiveDays | DayOffsets | None,
        Field(
            description="omitted: the course the first order's dose starts, as the orders catalog names it (order.signed series), e.g. day 1 and day 15, or 2-5 consecutive days",
            title='Pattern',
        ),
    ] = None
    window: WindowIn


class SeriesInfeasibleProblem(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    alternatives: Annotated[
        list[SeriesAlternative], Field(title='Alternatives', validate_default=True)
    ] = []
    detail: Annotated[str, Field(title='Detail')]
    failed: SeriesFailure
    status: Annotated[int, Field(title='Status')] = 409
    title: Annotated[str, Field(title='Title')]
    type: Annotated[str, Field(title='Type')]


class SeriesVisitOut(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    appointment: AppointmentOut | None
    day: Annotated[
        date_aliased | None,
        Field(description='the local day its appointment is on now', title='Day'),
    ]
    order_id: Annotated[UUID, Field(title='Order Id')]
    planned_day: Annotated[date_aliased, Field(title='Planned Day')]
    position: Annotated[int, Field(title='Position')]
    status: Annotated[
        str,
        Field(
            description="the appointment's status, 'paused' while an RX-6 hold is open and the visit has not started, or 'unbooked'",
            title='Status',
        ),
    ]


class SeriesOut(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    allow_closed_day_gap: Annotated[bool, Field(title='Allow Closed Day Gap')]
    first_day: Annotated[date_aliased, Field(title='First Day')]
    held_by_reactions: Annotated[list[UUID], Field(title='Held By Reactions')]
    id: Annotated[UUID, Field(title='Id')]
    patient_id: Annotated[UUID, Field(title='Patient Id')]
    pattern: PatternOut
    paused: Annotated[bool, Field(title='Paused')]
    practice_id: Annotated[str, Field(title='Practice Id')]
    shift_offer: ShiftOfferOut | None = None
    visits: Annotated[list[SeriesVisitOut], Field(title='Visits')]
    window: WindowOut
