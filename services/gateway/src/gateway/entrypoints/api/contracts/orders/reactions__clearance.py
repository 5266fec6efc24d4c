from __future__ import annotations
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, RootModel

from .common import Note


class ClearanceIn(BaseModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    note: Annotated[str, Field(max_length=1000, min_length=3, title='Note')]
