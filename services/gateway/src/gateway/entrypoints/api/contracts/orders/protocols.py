from __future__ import annotations
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel

from .common import Cursor, Dose, Lines, PracticeId4


class Dose1(RootModel[str]):
    root: Annotated[
        str,
        Field(
            pattern='^([1-9][0-9]{0,4}(\\.[0-9]{1,4})?|0?\\.(0{0}[1-9][0-9]{0,3}|0{1}[1-9][0-9]{0,2}|0{2}[1-9][0-9]{0,1}|0{3}[1-9][0-9]{0,0}))$',
            title='Dose',
        ),
    ]


class MaxDose(RootModel[Decimal]):
    root: Annotated[
        Decimal, Field(gt=0, le=100000, multiple_of=0.0001, title='Max Dose')
    ]


class MaxDose1(RootModel[str]):
    root: Annotated[
        str,
        Field(
            pattern='^([1-9][0-9]{0,4}(\\.[0-9]{1,4})?|0?\\.(0{0}[1-9][0-9]{0,3}|0{1}[1-9][0-9]{0,2}|0{2}[1-9][0-9]{0,1}|0{3}[1-9][0-9]{0,0}))$',
            title='Max Dose',
        ),
    ]


class MgPerKg(RootModel[Decimal]):
    root: Annotated[
        Decimal, Field(gt=0, le=100000, multiple_of=0.0001, title='Mg Per Kg')
    ]


class MgPerKg1(RootModel[str]):
    root: Annotated[
        str,
        Field(
            pattern='^([1-9][0-9]{0,4}(\\.[0-9]{1,4})?|0?\\.(0{0}[1-9][0-9]{0,3}|0{1}[1-9][0-9]{0,2}|0{2}[1-9][0-9]{0,1}|0{3}[1-9][0-9]{0,0}))$',
            title='Mg Per Kg',
        ),
    ]


class DoseRuleIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    dose: Annotated[Dose | Dose1 | None, Field(title='Dose')] = None
    kind: Annotated[Literal['fixed', 'per_kg'], Field(title='Kind')]
    max_dose: Annotated[MaxDose | MaxDose1 | None, Field(title='Max Dose')] = None
    mg_per_kg: Annotated[MgPerKg | MgPerKg1 | None, Field(title='Mg Per Kg')] = None


class ProtocolLineIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    dose_rule: DoseRuleIn
    drug_code: Annotated[str, Field(max_length=64, min_length=1, title='Drug Code')]
    minutes: Annotated[int, Field(ge=1, le=1440, title='Minutes')]
    mode: Annotated[Literal['push', 'infusion'], Field(title='Mode')]
    sequence: Annotated[int, Field(ge=1, le=99, title='Sequence')]
    wait_after_minutes: Annotated[
        int, Field(ge=0, le=1440, title='Wait After Minutes')
    ] = 0
    with_previous: Annotated[bool, Field(title='With Previous')] = False


class ProtocolOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    description: Annotated[str, Field(title='Description')]
    id: Annotated[UUID, Field(title='Id')]
    key: Annotated[str | None, Field(title='Key')]
    lines: Annotated[list[dict[str, Any]], Field(title='Lines')]
    name: Annotated[str, Field(title='Name')]
    population: Annotated[str, Field(title='Population')]
    practice_id: Annotated[str | None, Field(title='Practice Id')]


class PageProtocolOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[ProtocolOut], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')] = None


class ProtocolCreate(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    description: Annotated[str, Field(max_length=2000, title='Description')] = ''
    lines: Annotated[list[ProtocolLineIn], Field(min_length=1, title='Lines')]
    name: Annotated[str, Field(max_length=200, min_length=1, title='Name')]
    population: Annotated[
        Literal['adult', 'pediatric', 'any'], Field(title='Population')
    ] = 'any'
    practice_id: Annotated[PracticeId4 | None, Field(title='Practice Id')] = None
