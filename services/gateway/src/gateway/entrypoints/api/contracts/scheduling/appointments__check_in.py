from __future__ import annotations
from datetime import date as date_aliased
from datetime import time
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints
from typing_extensions import TypeAliasType

from .common import ShiftOfferOut


class WarningOut(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    code: Annotated[str, Field(title='Code')]
    message: Annotated[str, Field(title='Message')]


class CheckInOut(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    acuity_class: Annotated[str, Field(title='Acuity Class')]
    chair_id: Annotated[str | None, Field(title='Chair Id')]
    completed_at: Annotated[
        AwareDatetime | None, Field(description='actual end', title='Completed At')
    ] = None
    end: Annotated[AwareDatetime | None, Field(title='End')]
    hold_expires_at: Annotated[AwareDatetime | None, Field(title='Hold Expires At')] = (
        None
    )
    id: Annotated[UUID, Field(title='Id')]
    minutes: Annotated[int, Field(title='Minutes')]
    order_id: Annotated[UUID | None, Field(title='Order Id')]
    paused_by_reactions: Annotated[
        list[UUID] | None,
        Field(
            description='RX-6: reactions holding its series until a provider clears them (GET /v1/appointments/{id} only); check-in and start are refused',
            title='Paused By Reactions',
        ),
    ] = None
    pediatric: Annotated[bool, Field(title='Pediatric')]
    practice_id: Annotated[str | None, Field(title='Practice Id')]
    queued_at: Annotated[AwareDatetime | None, Field(title='Queued At')] = None
    reason: Annotated[str | None, Field(title='Reason')] = None
    requested_start: Annotated[AwareDatetime | None, Field(title='Requested Start')] = (
        None
    )
    requires_driver: Annotated[bool, Field(title='Requires Driver')]
    series_id: Annotated[
        UUID | None,
        Field(
            description='the series its order belongs to (GET /v1/appointments/{id} only)',
            title='Series Id',
        ),
    ] = None
    series_shift_offer: Annotated[
        ShiftOfferOut | None,
        Field(
            description='after a move or cancel of a series visit: the shift of the rest the series now offers (the same as GET /v1/series/{series_id}); null otherwise'
        ),
    ] = None
    start: Annotated[AwareDatetime | None, Field(title='Start')]
    started_at: Annotated[
        AwareDatetime | None,
        Field(description='actual start (in the chair)', title='Started At'),
    ] = None
    status: Annotated[
        Literal['queued', 'held', 'booked', 'checked_in', 'in_chair', 'completed', 'cancelled', 'no_show'],
        Field(title='Status'),
    ]
    urgency: Annotated[Literal['same_day', 'planned'], Field(title='Urgency')]
    version: Annotated[int, Field(title='Version')]
    warnings: Annotated[
        list[WarningOut], Field(title='Warnings', validate_default=True)
    ] = []
