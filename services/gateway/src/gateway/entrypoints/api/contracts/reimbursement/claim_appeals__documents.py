from __future__ import annotations
from datetime import date as date_aliased
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints


class DocumentContentResponse(RootModel[bytes]):
    root: bytes


class TypeDisplay(RootModel[str]):
    root: Annotated[str, Field(max_length=200, min_length=1, title='Type Display')]


class DocumentIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    author_id: Annotated[
        str,
        Field(
            description='A reference, e.g. Practitioner/<id> (an id, no name)',
            max_length=100,
            min_length=1,
            pattern='^[A-Za-z]+/[A-Za-z0-9.-]+$',
            title='Author Id',
        ),
    ]
    content_type: Annotated[
        str,
        Field(
            description='one of application/pdf, application/xml, image/jpeg, image/png, image/tiff, text/plain, text/xml',
            max_length=40,
            min_length=3,
            title='Content Type',
        ),
    ]
    data: Annotated[
        str,
        Field(
            description='The file, base64 (standard alphabet), up to 10 MB decoded',
            min_length=1,
            title='Data',
        ),
    ]
    date: Annotated[
        date_aliased, Field(description="The document's own date", title='Date')
    ]
    title: Annotated[str, Field(max_length=200, min_length=1, title='Title')]
    type_code: Annotated[
        str,
        Field(
            description='LOINC document type, e.g. 11506-3 progress note',
            max_length=20,
            min_length=3,
            pattern='^[0-9]{1,7}-[0-9]$',
            title='Type Code',
        ),
    ]
    type_display: Annotated[TypeDisplay | None, Field(title='Type Display')] = None
