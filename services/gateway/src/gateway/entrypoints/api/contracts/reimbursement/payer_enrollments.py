from __future__ import annotations
from datetime import date as date_aliased
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints

from .common import Status


class EnrollmentIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    effective_from: Annotated[
        date_aliased,
        Field(
            description='calendar date, between 1900-01-01 and 2199-12-31',
            title='Effective From',
        ),
    ]
    effective_to: Annotated[date_aliased | None, Field(title='Effective To')] = None
    npi: Annotated[
        str,
        Field(
            description='the NPI enrolled with the payer (the billing NPI)',
            examples=['1234567893'],
            pattern='^[12]\\d{9}$',
            title='Npi',
        ),
    ]
    status: Annotated[Literal['pending', 'active', 'terminated'], Field(title='Status')]
    taxonomy: Annotated[
        str,
        Field(
            description='the taxonomy billed to this payer (PRV*BI)',
            examples=['261QI0500X'],
            pattern='^[0-9]{3}[0-9A-Z]{6}X$',
            title='Taxonomy',
        ),
    ]


class EnrollmentOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    effective_from: Annotated[date_aliased, Field(title='Effective From')]
    effective_to: Annotated[date_aliased | None, Field(title='Effective To')]
    npi: Annotated[str, Field(title='Npi')]
    payer_id: Annotated[str, Field(title='Payer Id')]
    status: Annotated[Literal['pending', 'active', 'terminated'], Field(title='Status')]
    taxonomy: Annotated[str, Field(title='Taxonomy')]


class EnrollmentPage(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[EnrollmentOut], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')] = None
