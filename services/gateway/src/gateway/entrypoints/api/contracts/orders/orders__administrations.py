from __future__ import annotations
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel

from .common import Dose, Lot, Reaction, Unit
from .orders import Line, Ndc


class DoseGiven(RootModel[Decimal]):
    root: Annotated[
        Decimal, Field(gt=0, le=100000, multiple_of=0.0001, title='Dose Given')
    ]


class DoseGiven1(RootModel[str]):
    root: Annotated[
        str,
        Field(
            pattern='^([1-9][0-9]{0,4}(\\.[0-9]{1,4})?|0?\\.(0{0}[1-9][0-9]{0,3}|0{1}[1-9][0-9]{0,2}|0{2}[1-9][0-9]{0,1}|0{3}[1-9][0-9]{0,0}))$',
            title='Dose Given',
        ),
    ]


class WastedAmount(RootModel[Decimal]):
    root: Annotated[
        Decimal, Field(ge=0, le=100000, multiple_of=0.0001, title='Wasted Amount')
    ]


class WastedAmount1(RootModel[str]):
    root: Annotated[
        str,
        Field(pattern='^(0|[1-9][0-9]{0,4})(\\.[0-9]{1,4})?$', title='Wasted Amount'),
    ]


class AdministrationIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    dose_given: Annotated[DoseGiven | DoseGiven1, Field(title='Dose Given')]
    dose_unit: Annotated[str, Field(max_length=16, min_length=1, title='Dose Unit')]
    line_sequence: Annotated[int, Field(ge=1, le=99, title='Line Sequence')]
    lot: Annotated[Lot | None, Field(title='Lot')] = None
    ndc: Annotated[Ndc | None, Field(title='Ndc')] = None
    reaction: Annotated[Reaction | None, Field(title='Reaction')] = None
    started_at: Annotated[
        AwareDatetime,
        Field(
            description='RFC 3339 time with offset, between 1900-01-01 and 2199-12-31 (UTC)',
            title='Started At',
        ),
    ]
    stopped_at: Annotated[
        AwareDatetime,
        Field(
            description='RFC 3339 time with offset, between 1900-01-01 and 2199-12-31 (UTC)',
            title='Stopped At',
        ),
    ]
    supervising_practitioner_id: Annotated[
        UUID | None,
        Field(
            description='The practitioner with the supervising role who supervised',
            title='Supervising Practitioner Id',
        ),
    ] = None
    wasted_amount: Annotated[
        WastedAmount | WastedAmount1,
        Field(title='Wasted Amount', validate_default=True),
    ] = '0'
