from __future__ import annotations
from datetime import date as date_aliased
from datetime import time
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints
from typing_extensions import TypeAliasType

from .common import ShiftOfferOut


class BoardAppointment(ContractModel):
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


class BoardChair(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    active: Annotated[bool, Field(title='Active')]
    appointments: Annotated[list[BoardAppointment], Field(title='Appointments')]
    chair_id: Annotated[str, Field(title='Chair Id')]
    kind: Annotated[str, Field(title='Kind')]
    pediatric_capable: Annotated[bool, Field(title='Pediatric Capable')]


class LoadBucketOut(ContractModel):
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


class TriageOut(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    aging_points: Annotated[
        int,
        Field(
            description='points_per_minute x waited_minutes (uncapped)',
            title='Aging Points',
        ),
    ]
    bound_minutes: Annotated[
        int,
        Field(
            description='no starvation: this request is ahead of every request queued at least this many minutes after it',
            title='Bound Minutes',
        ),
    ]
    category: Annotated[
        str,
        Field(
            description="effective triage category: the stated one or the one the attack's duration implies, whichever scores higher",
            title='Category',
        ),
    ]
    category_points: Annotated[int, Field(title='Category Points')]
    clinical_points: Annotated[
        int,
        Field(
            description='category_points + pediatric_points', title='Clinical Points'
        ),
    ]
    headache_hours: Annotated[
        int | None,
        Field(description="the attack's length as ordered", title='Headache Hours'),
    ] = None
    pediatric_points: Annotated[int, Field(title='Pediatric Points')]
    rank: Annotated[
        int, Field(description='1 = offered chair time first', title='Rank')
    ]
    rule_version: Annotated[int, Field(title='Rule Version')]
    score: Annotated[
        int,
        Field(
            description="clinical_points + aging_points at the board's moment",
            title='Score',
        ),
    ]
    waited_minutes: Annotated[
        int, Field(description='whole minutes since queued_at', title='Waited Minutes')
    ]


class UnplacedOut(ContractModel):
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


class UtilizationOut(ContractModel):
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


class QueueItemOut(ContractModel):
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
    triage: TriageOut
    urgency: Annotated[Literal['same_day', 'planned'], Field(title='Urgency')]
    version: Annotated[int, Field(title='Version')]


class BoardOut(ContractModel):
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
        list[QueueItemOut],
        Field(
            description="Today's same-day requests in triage order (highest score first; rule: seed/triage.json), each with its priority and the parts of it",
            title='Queue',
            validate_default=True,
        ),
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
