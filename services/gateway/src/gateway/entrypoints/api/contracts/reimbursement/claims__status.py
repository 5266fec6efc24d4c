from __future__ import annotations
from datetime import date as date_aliased
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints


class ClaimStatusIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    action: Annotated[Literal['appeal', 'write_off', 'close'], Field(title='Action')]
    reason: Annotated[
        str,
        Field(
            description="why (kept in the claim's history)",
            max_length=500,
            min_length=1,
            pattern='\\S',
            title='Reason',
        ),
    ]
