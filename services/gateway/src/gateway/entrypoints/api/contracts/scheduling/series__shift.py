from __future__ import annotations
from datetime import date as date_aliased
from datetime import time
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints
from typing_extensions import TypeAliasType


class FromPosition(RootModel[int]):
    root: Annotated[
        int,
        Field(
            description='the first visit to shift; default: the one the series offers',
            ge=1,
            le=10,
            title='From Position',
        ),
    ]


class SeriesShift(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    days: Annotated[
        int,
        Field(
            description='clinic days later (or earlier), not 0',
            ge=-28,
            le=28,
            title='Days',
        ),
    ]
    from_position: Annotated[
        FromPosition | None,
        Field(
            description='the first visit to shift; default: the one the series offers',
            title='From Position',
        ),
    ] = None
