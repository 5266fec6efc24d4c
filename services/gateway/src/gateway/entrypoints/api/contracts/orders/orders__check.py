from __future__ import annotations
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel

from .common import Class, Version
from .orders import FindingOut


class CheckOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    acuity_class: Annotated[str, Field(title='Acuity Class')]
    catalog_version: Annotated[int, Field(title='Catalog Version')]
    estimated_chair_minutes: Annotated[int, Field(title='Estimated Chair Minutes')]
    findings: Annotated[list[FindingOut], Field(title='Findings')]
    requires_driver: Annotated[bool, Field(title='Requires Driver')]
