from __future__ import annotations
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel

from .common import Rate
from .patients import Result


class ReactionNoteOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    drug_code: Annotated[str, Field(title='Drug Code')]
    grade: Annotated[int | None, Field(title='Grade')]
    rate: Annotated[str | None, Field(title='Rate')]
    text: Annotated[str | None, Field(title='Text')]


class StatsOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    key: Annotated[str, Field(title='Key')]
    last_results: Annotated[list[str], Field(title='Last Results')]
    name: Annotated[str | None, Field(title='Name')] = None
    settled: Annotated[int, Field(title='Settled')]
    success_rate: Annotated[float | None, Field(title='Success Rate')]
    successes: Annotated[int, Field(title='Successes')]
    visits: Annotated[int, Field(title='Visits')]


class VisitResultOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    completed_at: Annotated[AwareDatetime, Field(title='Completed At')]
    drug_codes: Annotated[list[str], Field(title='Drug Codes')]
    ed_return_72h: Annotated[bool | None, Field(title='Ed Return 72H')]
    order_id: Annotated[UUID, Field(title='Order Id')]
    protocol_id: Annotated[UUID | None, Field(title='Protocol Id')]
    reactions: Annotated[list[ReactionNoteOut], Field(title='Reactions')]
    relief_at_discharge: Annotated[bool | None, Field(title='Relief At Discharge')]
    response: Annotated[str, Field(title='Response')]
    result: Annotated[Literal['success', 'failure', 'pending'], Field(title='Result')]
    sustained_relief_24h: Annotated[bool | None, Field(title='Sustained Relief 24H')]
    time_to_relief_min: Annotated[int | None, Field(title='Time To Relief Min')]


class ResponsesOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    best_protocol_id: Annotated[str | None, Field(title='Best Protocol Id')]
    by_drug: Annotated[list[StatsOut], Field(title='By Drug')]
    by_protocol: Annotated[list[StatsOut], Field(title='By Protocol')]
    last_successful_protocol_id: Annotated[
        str | None, Field(title='Last Successful Protocol Id')
    ]
    patient_id: Annotated[UUID, Field(title='Patient Id')]
    visits: Annotated[list[VisitResultOut], Field(title='Visits')]
