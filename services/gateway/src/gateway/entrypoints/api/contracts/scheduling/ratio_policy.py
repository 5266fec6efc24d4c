from __future__ import annotations
from datetime import date as date_aliased
from datetime import time
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints
from typing_extensions import TypeAliasType

from .common import State


RatiosAdditionalProperty = TypeAliasType(
    "RatiosAdditionalProperty", Annotated[int, Field(ge=1, le=20)]
)


SetupMinutesAdditionalProperty = TypeAliasType(
    "SetupMinutesAdditionalProperty", Annotated[int, Field(ge=0, le=240)]
)


class RatioPolicyIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    ratios: Annotated[
        dict[Annotated[str, StringConstraints(min_length=1, max_length=40)], RatiosAdditionalProperty],
        Field(
            description='acuity class -> max patients per nurse',
            min_length=1,
            title='Ratios',
        ),
    ]
    setup_minutes: Annotated[
        dict[Annotated[str, StringConstraints(min_length=1, max_length=40)], SetupMinutesAdditionalProperty],
        Field(title='Setup Minutes'),
    ] = {}


class RatioPolicyOut(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    ratios: Annotated[
        dict[Annotated[str, StringConstraints(min_length=1, max_length=40)], RatiosAdditionalProperty],
        Field(
            description='acuity class -> max patients per nurse',
            min_length=1,
            title='Ratios',
        ),
    ]
    setup_minutes: Annotated[
        dict[Annotated[str, StringConstraints(min_length=1, max_length=40)], SetupMinutesAdditionalProperty],
        Field(title='Setup Minutes'),
    ] = {}
    state: Annotated[str | None, Field(title='State')] = None
    units_per_nurse: Annotated[int, Field(title='Units Per Nurse')]
