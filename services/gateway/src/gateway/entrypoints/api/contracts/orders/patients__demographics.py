from __future__ import annotations
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel

from .common import AddressOut, Phone


class DemographicsOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    address: AddressOut
    birth_date: Annotated[date, Field(title='Birth Date')]
    family_name: Annotated[str, Field(title='Family Name')]
    given_name: Annotated[str, Field(title='Given Name')]
    middle_name: Annotated[str | None, Field(title='Middle Name')]
    patient_id: Annotated[UUID, Field(title='Patient Id')]
    phone: Annotated[str | None, Field(title='Phone')]
    sex: Annotated[Literal['female', 'male', 'unknown'], Field(title='Sex')]
