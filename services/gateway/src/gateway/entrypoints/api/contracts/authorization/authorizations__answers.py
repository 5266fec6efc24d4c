from __future__ import annotations
from datetime import date as date_aliased
from datetime import time
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel


class AuthorizationAnswers(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    answers: Annotated[
        dict[str, Any],
        Field(
            description='Answers by question link_id (e.g. J3032.baseline-migraine-days); null clears an answer',
            title='Answers',
        ),
    ]
