from __future__ import annotations
from datetime import date as date_aliased
from datetime import time
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints
from typing_extensions import TypeAliasType

from .common import BreakIn


class PharmacistShiftIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    breaks: Annotated[list[BreakIn], Field(title='Breaks', validate_default=True)] = []
    end: Annotated[
        AwareDatetime,
        Field(
            description='RFC 3339 time with offset, between 1900-01-01 and 2199-12-31 (UTC)',
            title='End',
        ),
    ]
    pharmacist_id: Annotated[
        str, Field(max_length=60, min_length=1, title='Pharmacist Id')
    ]
    start: Annotated[
        AwareDatetime,
        Field(
            description='RFC 3339 time with offset, between 1900-01-01 and 2199-12-31 (UTC)',
            title='Start',
        ),
    ]


class PharmacistShiftOut(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    breaks: Annotated[list[BreakIn], Field(title='Breaks', validate_default=True)] = []
    end: Annotated[
        AwareDatetime,
        Field(
            description='RFC 3339 time with offset, between 1900-01-01 and 2199-12-31 (UTC)',
            title='End',
        ),
    ]
    id: Annotated[UUID, Field(title='Id')]
    pharmacist_id: Annotated[
        str, Field(max_length=60, min_length=1, title='Pharmacist Id')
    ]
    start: Annotated[
        AwareDatetime,
        Field(
            description='RFC 3339 time with offset, between 1900-01-01 and 2199-12-31 (UTC)',
            title='Start',
        ),
    ]


class ListPharmacistShiftsResponse(RootModel[list[PharmacistShiftOut]]):
    root: Annotated[
        list[PharmacistShiftOut],
        Field(title='Response List Pharmacist Shifts V1 Pharmacy Shifts Get'),
    ]
