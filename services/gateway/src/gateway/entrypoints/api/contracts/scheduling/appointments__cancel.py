from __future__ import annotations
from datetime import date as date_aliased
from datetime import time
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints
from typing_extensions import TypeAliasType


class CancelBody(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    reason: Annotated[str, Field(max_length=200, min_length=1, title='Reason')] = (
        'staff'
    )


class CancelRequest(RootModel[CancelBody | None]):
    root: Annotated[CancelBody | None, Field(title='Body')]
