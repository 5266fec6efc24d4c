from __future__ import annotations
from datetime import date as date_aliased
from datetime import time
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

from .common import AppointmentOut


class BoardAppointment(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    acuity_class: Annotated[str, Field(title='Acuity Class')]
    end: Annotated[AwareDatetime, Field(title='End')]
    id: Annotated[UUID, Field(title='Id')]
    order_id: Annotated[UUID | None, Field(title='Order Id')]
    start: Annotated[AwareDatetime, Field(title='Start')]
    status: Annotated[
        Literal['queued', 'held', 'booked', 'checked_in', 'in_chair', 'completed', 'cancelled', 'no_show'],
        Field(title='Status'),
    ]


class BoardChair(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    active: Annotated[bool, Field(title='Active')]
    appointments: Annotated[list[BoardAppointment], Field(title='Appointments')]
    chair_id: Annotated[str, Field(title='Chair Id')]
    kind: Annotated[str, Field(title='Kind')]
    pediatric_capable: Annotated[bool, Field(title='Pediatric Capable')]


class LoadBucketOut(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    capacity_units: Annotated[int, Field(title='Capacity Units')]
    end: Annotated[AwareDatetime, Field(title='End')]
    load_ratio: Annotated[float | None, Field(title='Load Ratio')]
    nurses_available: Annotated[int, Field(title='Nurses Available')]
    peak_load_units: Annotated[int, Field(title='Peak Load Units')]
    peak_patients: Annotated[int, Field(title='Peak Patients')]
    start: Annotated[AwareDatetime, Field(title='Start')]
    starts: Annotated[int, Field(title='Starts')]


class UnplacedOut(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    acuity_class: Annotated[str | None, Field(title='Acuity Class')]
    minutes: Annotated[int | None, Field(title='Minutes')]
    order_id: Annotated[UUID, Field(title='Order Id')]
    practice_id: Annotated[str | None, Field(title='Practice Id')]
    signed_at: Annotated[AwareDatetime | None, Field(title='Signed At')]
    urgency: Annotated[str | None, Field(title='Urgency')]
    window_from: Annotated[AwareDatetime | None, Field(title='Window From')]
    window_to: Annotated[AwareDatetime | None, Field(title='Window To')]


class UtilizationOut(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    actual_chair_minutes: Annotated[
        int,
        Field(
            description='chair minutes of started visits, actual start to actual end (or now)',
            title='Actual Chair Minutes',
        ),
    ] = 0
    actual_ratio: Annotated[
        float,
        Field(description='actual chair minutes / available', title='Actual Ratio'),
    ] = 0.0
    actual_to_booked: Annotated[
        float | None,
        Field(
            description='actual / booked minutes of started visits',
            title='Actual To Booked',
        ),
    ] = None
    available_chair_minutes: Annotated[int, Field(title='Available Chair Minutes')]
    booked_chair_minutes: Annotated[int, Field(title='Booked Chair Minutes')]
    booked_minutes_of_started: Annotated[
        int,
        Field(
            description='what the started visits were booked for',
            title='Booked Minutes Of Started',
        ),
    ] = 0
    overtime_minutes: Annotated[int, Field(title='Overtime Minutes')]
    ratio: Annotated[float, Field(title='Ratio')]


class BoardOut(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    chairs: Annotated[list[BoardChair], Field(title='Chairs')]
    close: Annotated[AwareDatetime | None, Field(title='Close')]
    closed: Annotated[bool, Field(title='Closed')] = False
    date: Annotated[date_aliased, Field(title='Date')]
    nurse_load: Annotated[list[LoadBucketOut], Field(title='Nurse Load')]
    open: Annotated[AwareDatetime | None, Field(title='Open')]
    queue: Annotated[
        list[AppointmentOut], Field(title='Queue', validate_default=True)
    ] = []
    unplaced: Annotated[
        list[UnplacedOut],
        Field(
            description='Signed orders that found no room in their requested window and have no appointment yet: a worklist for staff to book by hand',
            title='Unplaced',
            validate_default=True,
        ),
    ] = []
    utilization: UtilizationOut | None
