from __future__ import annotations
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel

from .common import Cursor, Reaction


class AlertOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    acknowledged_at: Annotated[AwareDatetime | None, Field(title='Acknowledged At')]
    acknowledged_by: Annotated[str | None, Field(title='Acknowledged By')]
    audience: Annotated[
        Literal['charge_nurse', 'ordering_provider'], Field(title='Audience')
    ]
    created_at: Annotated[AwareDatetime, Field(title='Created At')]
    drug_codes: Annotated[list[str], Field(title='Drug Codes')]
    grade: Annotated[int, Field(title='Grade')]
    id: Annotated[UUID, Field(title='Id')]
    order_id: Annotated[UUID, Field(title='Order Id')]
    patient_id: Annotated[UUID, Field(title='Patient Id')]
    practice_id: Annotated[str, Field(title='Practice Id')]
    practitioner_id: Annotated[UUID | None, Field(title='Practitioner Id')]
    reaction_id: Annotated[UUID, Field(title='Reaction Id')]


class PageAlertOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[AlertOut], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')] = None
