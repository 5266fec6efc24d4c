from __future__ import annotations
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel

from .common import Cursor


class AccessEntryOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    action: Annotated[str, Field(title='Action')]
    at: Annotated[AwareDatetime, Field(title='At')]
    client_id: Annotated[str | None, Field(title='Client Id')]
    fields: Annotated[list[str], Field(title='Fields')]
    id: Annotated[int, Field(title='Id')]
    patient_id: Annotated[UUID, Field(title='Patient Id')]
    purpose: Annotated[
        Literal['treatment', 'payment', 'operations'], Field(title='Purpose')
    ]
    resource: Annotated[str, Field(title='Resource')]
    user_id: Annotated[str | None, Field(title='User Id')]


class PageAccessEntryOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[AccessEntryOut], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')] = None
