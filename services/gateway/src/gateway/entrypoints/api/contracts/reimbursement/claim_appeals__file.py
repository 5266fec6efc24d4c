from __future__ import annotations
from datetime import date as date_aliased
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints

from .common import Reference


class PayerReference(RootModel[str]):
    root: Annotated[
        str,
        Field(
            max_length=50,
            min_length=1,
            pattern='^[\\x21-\\x7e ]+$',
            title='Payer Reference',
        ),
    ]


class FileIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    filed_on: Annotated[
        date_aliased | None,
        Field(description='Default: today (clinic time zone)', title='Filed On'),
    ] = None
    payer_reference: Annotated[
        PayerReference | None, Field(title='Payer Reference')
    ] = None
