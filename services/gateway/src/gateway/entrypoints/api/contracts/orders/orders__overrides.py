from __future__ import annotations
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel

from .common import Plan
from .orders import Line


class OverrideIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    finding_code: Annotated[
        str, Field(max_length=100, min_length=1, title='Finding Code')
    ]
    line: Annotated[Line | None, Field(title='Line')] = None
    plan: Annotated[Plan | None, Field(title='Plan')] = None
    reason: Annotated[str, Field(max_length=1000, min_length=1, title='Reason')]
