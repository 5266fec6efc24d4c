from __future__ import annotations
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel

from .common import Version


class CriterionOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    code: Annotated[str, Field(title='Code')]
    met: Annotated[bool, Field(title='Met')]
    reason: Annotated[str, Field(title='Reason')]


class DischargeCheckIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    gait_steady: Annotated[bool | None, Field(title='Gait Steady')] = None
    nausea_controlled: Annotated[bool | None, Field(title='Nausea Controlled')] = None
    orthostatics_negative: Annotated[
        bool | None, Field(title='Orthostatics Negative')
    ] = None


class DischargeOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    check_id: Annotated[UUID | None, Field(title='Check Id')] = None
    checked_at: Annotated[AwareDatetime | None, Field(title='Checked At')] = None
    criteria: Annotated[list[CriterionOut], Field(title='Criteria')]
    order_id: Annotated[UUID, Field(title='Order Id')]
    ready: Annotated[bool, Field(title='Ready')]
    recheck_at: Annotated[AwareDatetime | None, Field(title='Recheck At')]
    thresholds_version: Annotated[int, Field(title='Thresholds Version')]
    unmet: Annotated[list[str], Field(title='Unmet')]
