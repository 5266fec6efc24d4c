from __future__ import annotations
from datetime import date as date_aliased
from datetime import time
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints
from typing_extensions import TypeAliasType

from .common import SlotOut


class GetSlotsResponse(RootModel[list[SlotOut]]):
    root: Annotated[list[SlotOut], Field(title='Response Get Slots V1 Slots Get')]
