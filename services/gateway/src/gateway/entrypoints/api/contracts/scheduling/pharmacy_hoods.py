from __future__ import annotations
from datetime import date as date_aliased
from datetime import time
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints
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


class PharmacyHoodsIn(ContractModel):
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


class PharmacyHoodsOut(ContractModel):
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
