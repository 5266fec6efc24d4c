from __future__ import annotations
from datetime import date as date_aliased
from datetime import time
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel

from .common import Payer, Reason


class FlagOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    check_id: Annotated[UUID, Field(title='Check Id')]
    flagged_at: Annotated[AwareDatetime, Field(title='Flagged At')]
    order_id: Annotated[UUID, Field(title='Order Id')]
    patient_id: Annotated[UUID, Field(title='Patient Id')]
    payer_id: Annotated[str, Field(title='Payer Id')]
    reason_code: Annotated[str | None, Field(title='Reason Code')]


class FlagPage(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[FlagOut], Field(title='Items')]
