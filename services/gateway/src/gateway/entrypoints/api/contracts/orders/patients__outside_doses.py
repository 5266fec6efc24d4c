from __future__ import annotations
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel

from .common import Cursor, Dose, Unit


class Dose4(RootModel[Decimal]):
    root: Annotated[Decimal, Field(gt=0, le=100000, multiple_of=0.0001, title='Dose')]


class Dose5(RootModel[str]):
    root: Annotated[
        str,
        Field(
            pattern='^([1-9][0-9]{0,4}(\\.[0-9]{1,4})?|0?\\.(0{0}[1-9][0-9]{0,3}|0{1}[1-9][0-9]{0,2}|0{2}[1-9][0-9]{0,1}|0{3}[1-9][0-9]{0,0}))$',
            title='Dose',
        ),
    ]


class OutsideDoseIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    dose: Annotated[Dose4 | Dose5, Field(title='Dose')]
    dose_unit: Annotated[str, Field(max_length=16, min_length=1, title='Dose Unit')]
    drug_code: Annotated[str, Field(max_length=64, min_length=1, title='Drug Code')]
    given_at: Annotated[
        AwareDatetime,
        Field(
            description='RFC 3339 time with offset, between 1900-01-01 and 2199-12-31 (UTC)',
            title='Given At',
        ),
    ]
    source: Annotated[str, Field(max_length=200, min_length=1, title='Source')]


class OutsideDoseOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    dose: Annotated[str, Field(title='Dose')]
    dose_unit: Annotated[str, Field(title='Dose Unit')]
    drug_code: Annotated[str, Field(title='Drug Code')]
    given_at: Annotated[AwareDatetime, Field(title='Given At')]
    id: Annotated[UUID, Field(title='Id')]
    patient_id: Annotated[UUID, Field(title='Patient Id')]
    recorded_at: Annotated[AwareDatetime, Field(title='Recorded At')]
    source: Annotated[str, Field(title='Source')]


class PageOutsideDoseOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[OutsideDoseOut], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')] = None
