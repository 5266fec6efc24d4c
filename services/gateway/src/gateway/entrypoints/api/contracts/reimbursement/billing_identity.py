from __future__ import annotations
from datetime import date as date_aliased
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints


class Line2(RootModel[str]):
    root: Annotated[str, Field(max_length=55, min_length=1, title='Line2')]


class AddressIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    city: Annotated[str, Field(max_length=30, min_length=1, title='City')]
    line1: Annotated[str, Field(max_length=55, min_length=1, title='Line1')]
    line2: Annotated[Line2 | None, Field(title='Line2')] = None
    postal_code: Annotated[
        str,
        Field(
            description='ZIP or ZIP+4; the billing address needs ZIP+4',
            pattern='^\\d{5}(-?\\d{4})?$',
            title='Postal Code',
        ),
    ]
    state: Annotated[
        str,
        Field(
            description='two capital letters (e.g. MA)',
            pattern='^[A-Z]{2}$',
            title='State',
        ),
    ]


class AddressOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    city: Annotated[str, Field(title='City')]
    line1: Annotated[str, Field(title='Line1')]
    line2: Annotated[str | None, Field(title='Line2')]
    postal_code: Annotated[str, Field(title='Postal Code')]
    state: Annotated[str, Field(title='State')]


class NpiTaxonomy(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description='NUCC Health Care Provider Taxonomy code',
            examples=['261QI0500X'],
            pattern='^[0-9]{3}[0-9A-Z]{6}X$',
        ),
    ]


class BillingIdentityIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    address: Annotated[
        AddressIn, Field(description='a street address (no PO Box or lockbox), ZIP+4')
    ]
    ein: Annotated[
        str,
        Field(
            description='employer id (EIN), 9 digits',
            pattern='^\\d{2}-?\\d{7}$',
            title='Ein',
        ),
    ]
    name: Annotated[
        str,
        Field(
            description="the practice's legal name",
            max_length=60,
            min_length=1,
            title='Name',
        ),
    ]
    npi: Annotated[
        str,
        Field(
            description='10 digits, first 1 or 2, Luhn check digit over 80840 + the first nine (checked: 422 naming `npi`)',
            examples=['1234567893'],
            pattern='^[12]\\d{9}$',
            title='Npi',
        ),
    ]
    npi_taxonomies: Annotated[
        list[NpiTaxonomy],
        Field(
            description="the taxonomies on the billing NPI's NPPES record",
            max_length=15,
            min_length=1,
            title='Npi Taxonomies',
        ),
    ]
    pay_to_address: Annotated[
        AddressIn | None,
        Field(description='where payment goes (2010AB), may be a PO Box or lockbox'),
    ] = None
    taxonomy: Annotated[
        str,
        Field(
            description='sent on PRV*BI; must be one of npi_taxonomies (default: Clinic/Center - Infusion Therapy)',
            examples=['261QI0500X'],
            pattern='^[0-9]{3}[0-9A-Z]{6}X$',
            title='Taxonomy',
        ),
    ] = '261QI0500X'


class BillingIdentityOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    address: AddressOut
    ein: Annotated[str, Field(title='Ein')]
    name: Annotated[str, Field(title='Name')]
    npi: Annotated[str, Field(title='Npi')]
    npi_taxonomies: Annotated[list[str], Field(title='Npi Taxonomies')]
    pay_to_address: AddressOut | None
    taxonomy: Annotated[str, Field(title='Taxonomy')]
