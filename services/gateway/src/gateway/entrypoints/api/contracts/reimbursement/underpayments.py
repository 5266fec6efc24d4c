from __future__ import annotations
from datetime import date as date_aliased
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints

from .common import Plan, Sequestration, Status


class ContractRefOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    name: Annotated[str, Field(title='Name')]
    payer_id: Annotated[str, Field(title='Payer Id')]
    plan: Annotated[str, Field(title='Plan')]
    version: Annotated[
        int | None, Field(description='null: the unversioned contract', title='Version')
    ]


class UnderpaymentCsvResponse(RootModel[str]):
    root: str


class VarianceOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    account_number: Annotated[str, Field(title='Account Number')]
    allowed: Annotated[str, Field(title='Allowed')]
    claim_id: Annotated[UUID, Field(title='Claim Id')]
    code: Annotated[str, Field(title='Code')]
    contract: ContractRefOut
    expected: Annotated[str | None, Field(title='Expected')]
    lines: Annotated[list[int], Field(title='Lines')]
    modifiers: Annotated[list[str], Field(title='Modifiers')]
    paid: Annotated[str, Field(title='Paid')]
    payer_id: Annotated[str, Field(title='Payer Id')]
    sequestration: Annotated[
        str,
        Field(
            description='CO-253 counted as expected (not a variance)',
            title='Sequestration',
        ),
    ]
    service_date: Annotated[date_aliased, Field(title='Service Date')]
    status: Annotated[
        Literal['underpaid', 'overpaid', 'within_tolerance', 'no_rate'],
        Field(title='Status'),
    ]
    tolerance: Annotated[str | None, Field(title='Tolerance')]
    units: Annotated[int, Field(title='Units')]
    variance: Annotated[
        str | None,
        Field(description='allowed - expected; negative: short', title='Variance'),
    ]


class UnderpaymentPage(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[VarianceOut], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')] = None
    total_variance: Annotated[str, Field(title='Total Variance')]
