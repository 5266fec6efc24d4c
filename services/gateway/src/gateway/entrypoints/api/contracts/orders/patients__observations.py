from __future__ import annotations
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, RootModel

from .common import Cursor


class ObservationIn(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    kind: Annotated[
        Literal['hbv_screen', 'tb_screen', 'anti_jcv', 'touch_checklist', 'mri_brain', 'apoe'],
        Field(title='Kind'),
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
        str,
        Field(
            description='per kind: hbv_screen/tb_screen/anti_jcv negative|positive|indeterminate; touch_checklist completed|not_completed; mri_brain no_aria|aria_e|aria_h|aria_e_and_h|other_finding; apoe e4_noncarrier|e4_heterozygote|e4_homozygote|declined',
            max_length=32,
            min_length=1,
            title='Result',
        ),
    ]
    source: Annotated[str, Field(max_length=200, min_length=1, title='Source')]


class ObservationOut(BaseModel):
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


class PageObservationOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[ObservationOut], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')] = None
