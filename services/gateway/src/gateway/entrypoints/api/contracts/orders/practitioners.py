from __future__ import annotations
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel

from .common import Cursor, Npi, PracticeId4, PractitionerOut, Roles, Taxonomy


class PracticeId3(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description='null: works for the whole center',
            max_length=64,
            min_length=1,
            title='Practice Id',
        ),
    ]


class PractitionerIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    active: Annotated[bool, Field(title='Active')] = True
    family_name: Annotated[str, Field(max_length=60, min_length=1, title='Family Name')]
    given_name: Annotated[str, Field(max_length=35, min_length=1, title='Given Name')]
    npi: Annotated[
        str,
        Field(
            description='10 digits starting with 1 or 2; the last is the Luhn check digit over 80840 + the first 9',
            pattern='^[12][0-9]{9}$',
            title='Npi',
        ),
    ]
    practice_id: Annotated[
        PracticeId3 | None,
        Field(description='null: works for the whole center', title='Practice Id'),
    ] = None
    roles: Annotated[
        list[Literal['ordering', 'rendering', 'supervising']],
        Field(max_length=3, min_length=1, title='Roles'),
    ]
    taxonomy: Annotated[
        str,
        Field(
            description='NUCC taxonomy code, e.g. 2084N0402X',
            pattern='^[0-9]{3}[0-9A-Z]{6}X$',
            title='Taxonomy',
        ),
    ]


class FamilyName2(RootModel[str]):
    root: Annotated[str, Field(max_length=60, min_length=1, title='Family Name')]


class GivenName2(RootModel[str]):
    root: Annotated[str, Field(max_length=35, min_length=1, title='Given Name')]


class Npi1(RootModel[str]):
    root: Annotated[str, Field(pattern='^[12][0-9]{9}$', title='Npi')]


class PractitionerPatch(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    active: Annotated[bool | None, Field(title='Active')] = None
    family_name: Annotated[FamilyName2 | None, Field(title='Family Name')] = None
    given_name: Annotated[GivenName2 | None, Field(title='Given Name')] = None
    npi: Annotated[Npi1 | None, Field(title='Npi')] = None
    practice_id: Annotated[PracticeId4 | None, Field(title='Practice Id')] = None
    roles: Annotated[Roles | None, Field(title='Roles')] = None
    taxonomy: Annotated[Taxonomy | None, Field(title='Taxonomy')] = None


class PagePractitionerOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[PractitionerOut], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')] = None
