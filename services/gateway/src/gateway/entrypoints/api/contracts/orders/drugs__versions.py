from __future__ import annotations
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel


class DrugVersionsResponse(ContractModel):
    model_config = ConfigDict(
        extra='allow',
        populate_by_name=True,
    )
