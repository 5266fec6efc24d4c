from __future__ import annotations
from datetime import date as date_aliased
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints

from .common import Lot


class NdcIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    lot: Annotated[Lot | None, Field(title='Lot')] = None
    ndc: Annotated[
        str,
        Field(
            max_length=13,
            min_length=10,
            pattern='^(?:(?:[1-9]\\d{4}|0[1-9]\\d{3}|00[1-9]\\d{2}|000[1-9]\\d|0000[1-9])\\d{6}|(?:[1-9]\\d{4}|0[1-9]\\d{3}|00[1-9]\\d{2}|000[1-9]\\d|0000[1-9])-\\d{4}-\\d{2}|(?:[1-9]\\d{3}|0[1-9]\\d{2}|00[1-9]\\d|000[1-9])-\\d{4}-\\d{2}|(?:[1-9]\\d{4}|0[1-9]\\d{3}|00[1-9]\\d{2}|000[1-9]\\d|0000[1-9])-\\d{3}-\\d{2}|(?:[1-9]\\d{4}|0[1-9]\\d{3}|00[1-9]\\d{2}|000[1-9]\\d|0000[1-9])-\\d{4}-\\d)$',
            title='Ndc',
        ),
    ]
