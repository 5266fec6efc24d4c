from __future__ import annotations
from datetime import date as date_aliased
from datetime import time
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints
from typing_extensions import TypeAliasType


class ChairIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    active: Annotated[bool, Field(title='Active')] = True
    high_acuity_capable: Annotated[
        bool,
        Field(
            description="takes a high-acuity first dose (the booking policy's classes, default 'high'); other visits may sit there too",
            title='High Acuity Capable',
        ),
    ] = False
    id: Annotated[
        str, Field(max_length=40, min_length=1, pattern='^[A-Za-z0-9_.-]+$', title='Id')
    ]
    kind: Annotated[str, Field(max_length=40, min_length=1, title='Kind')] = 'recliner'
    pediatric_capable: Annotated[bool, Field(title='Pediatric Capable')] = False


class ChairOut(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    active: Annotated[bool, Field(title='Active')] = True
    high_acuity_capable: Annotated[
        bool,
        Field(
            description="takes a high-acuity first dose (the booking policy's classes, default 'high'); other visits may sit there too",
            title='High Acuity Capable',
        ),
    ] = False
    id: Annotated[
        str, Field(max_length=40, min_length=1, pattern='^[A-Za-z0-9_.-]+$', title='Id')
    ]
    kind: Annotated[str, Field(max_length=40, min_length=1, title='Kind')] = 'recliner'
    pediatric_capable: Annotated[bool, Field(title='Pediatric Capable')] = False


class ListChairsResponse(RootModel[list[ChairOut]]):
    root: Annotated[list[ChairOut], Field(title='Response List Chairs V1 Chairs Get')]
