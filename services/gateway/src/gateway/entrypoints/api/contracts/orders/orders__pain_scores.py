from __future__ import annotations
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel

from .orders import Nrs, PainScoreOut


class PainScoreIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    at: Annotated[
        AwareDatetime | None,
        Field(description='When it was taken (default: now)', title='At'),
    ] = None
    nrs: Annotated[
        int, Field(description='Numeric rating scale 0-10', ge=0, le=10, title='Nrs')
    ]
    point: Annotated[
        Literal['arrival', 'pre_drug', '60_min', '120_min', 'discharge'],
        Field(title='Point'),
    ]


class PainScoresOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[PainScoreOut], Field(title='Items')]
