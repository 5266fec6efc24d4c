from __future__ import annotations
from datetime import date as date_aliased
from datetime import time
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints
from typing_extensions import TypeAliasType


class RecallOut(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    auth_valid_to: Annotated[
        date_aliased | None,
        Field(
            description="the approval's last day (auth expiry)", title='Auth Valid To'
        ),
    ]
    drug_code: Annotated[str, Field(title='Drug Code')]
    earliest: Annotated[
        date_aliased,
        Field(
            description='no visit of the next dose before this clinic day',
            title='Earliest',
        ),
    ]
    hcpcs: Annotated[str | None, Field(title='Hcpcs')]
    id: Annotated[UUID, Field(title='Id')]
    last_dose_on: Annotated[date_aliased, Field(title='Last Dose On')]
    latest: Annotated[
        date_aliased, Field(description='overdue after this day', title='Latest')
    ]
    next_order_id: Annotated[
        UUID | None,
        Field(description="the next dose's order, once signed", title='Next Order Id'),
    ]
    offered_at: Annotated[AwareDatetime | None, Field(title='Offered At')]
    overdue_at: Annotated[AwareDatetime | None, Field(title='Overdue At')]
    patient_id: Annotated[UUID, Field(title='Patient Id')]
    practice_id: Annotated[
        str,
        Field(description='the referring practice of the dose', title='Practice Id'),
    ]
    pre_dose_checks: Annotated[list[str], Field(title='Pre Dose Checks')]
    quantity_limit_period_days: Annotated[
        int | None, Field(title='Quantity Limit Period Days')
    ]
    quantity_limit_units: Annotated[
        int | None,
        Field(
            description="the payer's cap applied, if any", title='Quantity Limit Units'
        ),
    ]
    source_order_id: Annotated[
        UUID,
        Field(
            description='the order of the dose this recall follows',
            title='Source Order Id',
        ),
    ]
    status: Annotated[
        Literal['due', 'offered', 'booked', 'overdue', 'closed'], Field(title='Status')
    ]
    target_from: Annotated[date_aliased, Field(title='Target From')]
    target_to: Annotated[date_aliased, Field(title='Target To')]
    units_given: Annotated[int, Field(title='Units Given')]


class RecallPage(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    items: Annotated[list[RecallOut], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')] = None
