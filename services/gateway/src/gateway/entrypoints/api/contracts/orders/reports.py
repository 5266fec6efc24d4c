from __future__ import annotations
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, RootModel


class ReactionCountOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    count: Annotated[int, Field(title='Count')]
    drug_code: Annotated[str, Field(title='Drug Code')]
    grade: Annotated[int, Field(title='Grade')]


class ReactionReportOut(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    from_: Annotated[date, Field(alias='from', title='From')]
    rows: Annotated[list[ReactionCountOut], Field(title='Rows')]
    to: Annotated[date, Field(title='To')]
    total: Annotated[int, Field(title='Total')]
