from __future__ import annotations
from datetime import date as date_aliased
from datetime import time
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel

from .common import Reason


class WithdrawIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    reason: Annotated[
        str, Field(max_length=500, min_length=1, title='Reason')
    ] = 'withdrawn by the practice'


class WithdrawRequest(RootModel[WithdrawIn | None]):
    root: Annotated[WithdrawIn | None, Field(title='Body')]
