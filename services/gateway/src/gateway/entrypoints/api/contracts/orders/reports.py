from __future__ import annotations
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel

from .common import Rate, Version


class EdAvoidedOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    avoided: Annotated[int, Field(title='Avoided')]
    cost_per_visit_usd: Annotated[int, Field(title='Cost Per Visit Usd')]
    cost_source: Annotated[
        str,
        Field(description="'setting' or 'default (unverified)'", title='Cost Source'),
    ]
    ed_returns: Annotated[int, Field(title='Ed Returns')]
    estimated_savings_usd: Annotated[str, Field(title='Estimated Savings Usd')]
    from_: Annotated[date | None, Field(alias='from', title='From')] = None
    relieved: Annotated[int, Field(title='Relieved')]
    to: Annotated[date | None, Field(title='To')]
    unknown: Annotated[int, Field(title='Unknown')]
    visits: Annotated[int, Field(title='Visits')]


class RateOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    count: Annotated[int, Field(title='Count')]
    known: Annotated[int, Field(title='Known')]
    rate: Annotated[float | None, Field(title='Rate')]


class ReactionCountOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    count: Annotated[int, Field(title='Count')]
    drug_code: Annotated[str, Field(title='Drug Code')]
    grade: Annotated[int, Field(title='Grade')]


class ReactionReportOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    from_: Annotated[date, Field(alias='from', title='From')]
    rows: Annotated[list[ReactionCountOut], Field(title='Rows')]
    to: Annotated[date, Field(title='To')]
    total: Annotated[int, Field(title='Total')]


class ProtocolRowOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    ed_return_72h: RateOut
    pain_free: RateOut
    protocol_id: Annotated[str | None, Field(title='Protocol Id')]
    protocol_name: Annotated[str | None, Field(title='Protocol Name')]
    relief: RateOut
    sustained_relief_24h: RateOut
    visits: Annotated[int, Field(title='Visits')]


class OutcomesReportOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    from_: Annotated[date | None, Field(alias='from', title='From')] = None
    protocols: Annotated[list[ProtocolRowOut], Field(title='Protocols')]
    rules_version: Annotated[int, Field(title='Rules Version')]
    to: Annotated[date | None, Field(title='To')]
