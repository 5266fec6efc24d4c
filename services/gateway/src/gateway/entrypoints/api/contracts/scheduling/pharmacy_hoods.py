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


class Hoods(RootModel[int]):
    root: Annotated[
        int,
        Field(
            description="hoods the pharmacy prepares in (one visit's drugs at a time each, while a pharmacist works it); null: preparation is not limited and the fixed preparation lead applies",
            ge=0,
            le=50,
            title='Hoods',
        ),
    ]


class PharmacyHoodsIn(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    hoods: Annotated[
        Hoods | None,
        Field(
            description="hoods the pharmacy prepares in (one visit's drugs at a time each, while a pharmacist works it); null: preparation is not limited and the fixed preparation lead applies",
            title='Hoods',
        ),
    ]


class PharmacyHoodsOut(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    hoods: Annotated[
        Hoods | None,
        Field(
            description="hoods the pharmacy prepares in (one visit's drugs at a time each, while a pharmacist works it); null: preparation is not limited and the fixed preparation lead applies",
            title='Hoods',
        ),
    ]
    limited: Annotated[
        bool,
        Field(description='whether preparation is a limited resource', title='Limited'),
    ]
