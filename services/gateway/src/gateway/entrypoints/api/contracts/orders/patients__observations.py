from __future__ import annotations
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel

from .common import Cursor, Unit
from .patients import Result


class Value(RootModel[Decimal]):
    root: Annotated[
        Decimal,
        Field(
            description="a numeric kind's value, in the kind's unit",
            ge=0,
            le=100000,
            multiple_of=0.0001,
            title='Value',
        ),
    ]


class Value1(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description="a numeric kind's value, in the kind's unit",
            pattern='^(0|[1-9][0-9]{0,4})(\\.[0-9]{1,4})?$',
            title='Value',
        ),
    ]


class ObservationIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    kind: Annotated[
        str,
        Field(
            description='a kind the catalog defines (GET /v1/observation-kinds), e.g. hbv_screen, tb_screen, anti_jcv, touch_checklist, mri_brain, apoe; an unknown kind is refused with a 422 naming `kind`',
            max_length=32,
            min_length=1,
            pattern='^[a-z][a-z0-9_]*$',
            title='Kind',
        ),
    ]
    observed_on: Annotated[
        date,
        Field(
            description='calendar date, between 1900-01-01 and 2199-12-31',
            title='Observed On',
        ),
    ]
    order_id: Annotated[
        UUID | None,
        Field(description='the infusion a TOUCH checklist is for', title='Order Id'),
    ] = None
    result: Annotated[
        Result | None,
        Field(
            description="one of the kind's results (e.g. hbv_screen negative|positive|indeterminate); left out for a numeric kind, whose value sets it (low|normal|high)",
            title='Result',
        ),
    ] = None
    source: Annotated[str, Field(max_length=200, min_length=1, title='Source')]
    value: Annotated[
        Value | Value1 | None,
        Field(description="a numeric kind's value, in the kind's unit", title='Value'),
    ] = None


class ObservationOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: Annotated[UUID, Field(title='Id')]
    kind: Annotated[str, Field(title='Kind')]
    observed_on: Annotated[date, Field(title='Observed On')]
    order_id: Annotated[UUID | None, Field(title='Order Id')]
    patient_id: Annotated[UUID, Field(title='Patient Id')]
    recorded_at: Annotated[AwareDatetime | None, Field(title='Recorded At')]
    result: Annotated[str, Field(title='Result')]
    source: Annotated[str, Field(title='Source')]
    unit: Annotated[str | None, Field(title='Unit')] = None
    value: Annotated[str | None, Field(title='Value')] = None


class PageObservationOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[ObservationOut], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')] = None
