from __future__ import annotations
from datetime import date as date_aliased
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints

from .claims import CobOut


class CoordinateResponse(RootModel[CobOut | None]):
    root: Annotated[
        CobOut | None, Field(title='Response Coordinate V1 Claims  Claim Id  Cob Post')
    ]


class ReleaseIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    reason: Annotated[
        str, Field(max_length=300, min_length=1, pattern='\\S', title='Reason')
    ]
    released_by: Annotated[
        str,
        Field(
            description='who releases the hold (staff id or name)',
            max_length=120,
            min_length=1,
            pattern='\\S',
            title='Released By',
        ),
    ]
