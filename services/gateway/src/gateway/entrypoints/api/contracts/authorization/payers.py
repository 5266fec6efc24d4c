from __future__ import annotations
from datetime import date as date_aliased
from datetime import time
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel

from .common import Cursor, Payer, Version


class PayerOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    payer: Payer
    policy_version: Annotated[int, Field(title='Policy Version')]


class PayerPage(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[PayerOut], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')] = None
