from __future__ import annotations
from datetime import date as date_aliased
from datetime import time
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints
from typing_extensions import TypeAliasType


class FiguresOut(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    chair_utilization: Annotated[float, Field(title='Chair Utilization')]
    makespan_minutes: Annotated[int, Field(title='Makespan Minutes')]
    mean_wait_minutes: Annotated[float, Field(title='Mean Wait Minutes')]
    overtime_minutes: Annotated[int, Field(title='Overtime Minutes')]
    p90_wait_minutes: Annotated[float, Field(title='P90 Wait Minutes')]
    total_wait_minutes: Annotated[int, Field(title='Total Wait Minutes')]
    visits: Annotated[int, Field(title='Visits')]


class NotPlannedOut(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    appointment_id: Annotated[UUID, Field(title='Appointment Id')]
    reason: Annotated[
        str,
        Field(
            description='no_capable_chair: no active chair takes it (pediatric, high-acuity first dose, or both); it stays where it is',
            title='Reason',
        ),
    ]


class Placement(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    chair_id: Annotated[str, Field(title='Chair Id')]
    end: Annotated[AwareDatetime, Field(title='End')]
    start: Annotated[AwareDatetime, Field(title='Start')]


class MoveOut(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    appointment_id: Annotated[UUID, Field(title='Appointment Id')]
    from_: Annotated[Placement, Field(alias='from')]
    to: Placement


class OptimizeOut(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    after: FiguresOut | None
    applied: Annotated[bool, Field(title='Applied')]
    before: FiguresOut | None
    date: Annotated[date_aliased, Field(title='Date')]
    gap: Annotated[
        float | None,
        Field(
            description='(objective - lower_bound) / objective; 0 when proven optimal',
            title='Gap',
        ),
    ] = None
    lower_bound: Annotated[
        int | None,
        Field(
            description='No plan of the same visits can cost less (solver bound or LP relaxation)',
            title='Lower Bound',
        ),
    ] = None
    moves: Annotated[list[MoveOut], Field(title='Moves')]
    not_planned: Annotated[
        list[NotPlannedOut] | None,
        Field(
            description='Appointments the plan could not seat, with why',
            title='Not Planned',
        ),
    ] = None
    objective: Annotated[
        int | None,
        Field(
            description="The plan's cost: minutes of wait plus weighted overtime",
            title='Objective',
        ),
    ] = None
    solve_seconds: Annotated[float, Field(title='Solve Seconds')]
    status: Annotated[str, Field(title='Status')]
