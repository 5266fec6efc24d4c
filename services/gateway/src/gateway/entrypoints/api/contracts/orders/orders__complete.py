from __future__ import annotations
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel

from .common import Npi


class DischargeOverrideReason(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description='Complete although discharge criteria are unmet: why (recorded with who)',
            max_length=500,
            title='Discharge Override Reason',
        ),
    ]


class RenderingProviderNpi(RootModel[str]):
    root: Annotated[str, Field(pattern='^\\d{10}$', title='Rendering Provider Npi')]


class CompleteIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    discharge_override_reason: Annotated[
        DischargeOverrideReason | None,
        Field(
            description='Complete although discharge criteria are unmet: why (recorded with who)',
            title='Discharge Override Reason',
        ),
    ] = None
    rendering_provider_npi: Annotated[
        RenderingProviderNpi | None, Field(title='Rendering Provider Npi')
    ] = None
    supervising_practitioner_id: Annotated[
        UUID | None,
        Field(
            description='The practitioner with the supervising role who supervised',
            title='Supervising Practitioner Id',
        ),
    ] = None


class CompleteOrderRequest(RootModel[CompleteIn | None]):
    root: Annotated[CompleteIn | None, Field(title='Body')]
