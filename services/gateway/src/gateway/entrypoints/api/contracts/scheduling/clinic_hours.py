from __future__ import annotations
from datetime import date as date_aliased
from datetime import time
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints
from typing_extensions import TypeAliasType

from .common import State


class WeekdayHours(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    closes: Annotated[
        str,
        Field(
            description="local time of day in the clinic's time zone, HH:MM[:SS]",
            pattern='^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,6})?)?$',
            title='Closes',
        ),
    ]
    opens: Annotated[
        str,
        Field(
            description="local time of day in the clinic's time zone, HH:MM[:SS]",
            pattern='^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,6})?)?$',
            title='Opens',
        ),
    ]
    weekday: Annotated[
        int, Field(description='0 = Monday', ge=0, le=6, title='Weekday')
    ]


class ClinicHoursIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    closed_dates: Annotated[list[date_aliased], Field(title='Closed Dates')] = []
    state: Annotated[State | None, Field(title='State')] = None
    timezone: Annotated[str, Field(max_length=64, min_length=1, title='Timezone')]
    weekly: Annotated[list[WeekdayHours], Field(title='Weekly')]


class ClinicHoursOut(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    closed_dates: Annotated[list[date_aliased], Field(title='Closed Dates')] = []
    state: Annotated[State | None, Field(title='State')] = None
    timezone: Annotated[str, Field(max_length=64, min_length=1, title='Timezone')]
    updated_at: Annotated[AwareDatetime | None, Field(title='Updated At')] = None
    weekly: Annotated[list[WeekdayHours], Field(title='Weekly')]
