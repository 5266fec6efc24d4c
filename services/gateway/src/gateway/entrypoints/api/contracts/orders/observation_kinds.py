from __future__ import annotations
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel

from .common import Cursor, Note, Unit, Version


class High(RootModel[Decimal]):
    root: Annotated[Decimal, Field(ge=0, le=100000, multiple_of=0.0001, title='High')]


class High1(RootModel[str]):
    root: Annotated[
        str, Field(pattern='^(0|[1-9][0-9]{0,4})(\\.[0-9]{1,4})?$', title='High')
    ]


class Low(RootModel[Decimal]):
    root: Annotated[Decimal, Field(ge=0, le=100000, multiple_of=0.0001, title='Low')]


class Low1(RootModel[str]):
    root: Annotated[
        str, Field(pattern='^(0|[1-9][0-9]{0,4})(\\.[0-9]{1,4})?$', title='Low')
    ]


class MaxAgeDays(RootModel[int]):
    root: Annotated[
        int,
        Field(
            description='how long a result counts when the gate sets no window of its own',
            ge=1,
            le=3660,
            title='Max Age Days',
        ),
    ]


class Result1(RootModel[str]):
    root: Annotated[str, Field(max_length=32, min_length=1, pattern='^[a-z0-9_]+$')]


class ObservationKindIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    high: Annotated[High | High1 | None, Field(title='High')] = None
    label: Annotated[str, Field(max_length=200, title='Label')] = ''
    low: Annotated[Low | Low1 | None, Field(title='Low')] = None
    max_age_days: Annotated[
        MaxAgeDays | None,
        Field(
            description='how long a result counts when the gate sets no window of its own',
            title='Max Age Days',
        ),
    ] = None
    note: Annotated[Note | None, Field(title='Note')] = None
    results: Annotated[list[Result1] | None, Field(max_length=20, title='Results')] = (
        None
    )
    source: Annotated[str, Field(max_length=500, min_length=1, title='Source')]
    unit: Annotated[Unit | None, Field(title='Unit')] = None


class ObservationKindOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    catalog_version: Annotated[int, Field(title='Catalog Version')]
    high: Annotated[str | None, Field(title='High')]
    kind: Annotated[str, Field(title='Kind')]
    label: Annotated[str, Field(title='Label')]
    low: Annotated[str | None, Field(title='Low')]
    max_age_days: Annotated[int | None, Field(title='Max Age Days')]
    results: Annotated[list[str], Field(title='Results')]
    source: Annotated[str, Field(title='Source')]
    unit: Annotated[str | None, Field(title='Unit')]


class PageObservationKindOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[ObservationKindOut], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')] = None
