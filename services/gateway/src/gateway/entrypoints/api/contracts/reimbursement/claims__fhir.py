from __future__ import annotations
from datetime import date as date_aliased
from decimal import Decimal
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


class ClaimFhirResponse(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    resource_type: Annotated[Literal['Claim'], Field(alias='resourceType')]
