from __future__ import annotations
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel

from .common import Phone


class EscortIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    name: Annotated[str, Field(max_length=200, min_length=1, title='Name')]
    phone: Annotated[str, Field(max_length=32, min_length=1, title='Phone')]


class EscortOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    confirmed_at: Annotated[AwareDatetime, Field(title='Confirmed At')]
    escort_confirmed: Annotated[bool, Field(title='Escort Confirmed')]
    order_id: Annotated[UUID, Field(title='Order Id')]
