from __future__ import annotations
from datetime import date as date_aliased
from datetime import time
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel

from .common import Reason


class ResolveRequest(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    reason: Annotated[
        str,
        Field(
            description='why the order may proceed (e.g. coverage confirmed by phone, self-pay agreed)',
            max_length=1000,
            min_length=1,
            title='Reason',
        ),
    ]
