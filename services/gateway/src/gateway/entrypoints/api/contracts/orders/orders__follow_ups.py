from __future__ import annotations
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel


class EdHours(RootModel[float]):
    root: Annotated[float, Field(ge=0.0, le=72.0, title='Ed Hours')]


class RecurrenceHours(RootModel[float]):
    root: Annotated[float, Field(ge=0.0, le=72.0, title='Recurrence Hours')]


class RescueHours(RootModel[float]):
    root: Annotated[float, Field(ge=0.0, le=72.0, title='Rescue Hours')]


class FollowUpIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    checkpoint_hours: Annotated[
        Literal[24, 48, 72],
        Field(
            description='The call: 24, 48 or 72 h after discharge',
            title='Checkpoint Hours',
        ),
    ]
    ed_hours: Annotated[EdHours | str | None, Field(title='Ed Hours')] = None
    ed_visit: Annotated[bool, Field(title='Ed Visit')] = False
    recurrence: Annotated[bool, Field(title='Recurrence')] = False
    recurrence_hours: Annotated[
        RecurrenceHours | str | None, Field(title='Recurrence Hours')
    ] = None
    rescue_hours: Annotated[RescueHours | str | None, Field(title='Rescue Hours')] = (
        None
    )
    rescue_used: Annotated[bool, Field(title='Rescue Used')] = False
