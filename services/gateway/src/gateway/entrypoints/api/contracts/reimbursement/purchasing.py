from __future__ import annotations
from datetime import date as date_aliased
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints

from .common import Hcpcs, Value


class ContractId(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description='the GPO contract the line was bought under',
            max_length=64,
            min_length=1,
            pattern='^[A-Za-z0-9][A-Za-z0-9._-]*$',
            title='Contract Id',
        ),
    ]


class UnitPrice(RootModel[Decimal]):
    root: Annotated[
        Decimal,
        Field(
            description='invoiced price of one package',
            ge=0,
            le=10000000,
            multiple_of=1e-06,
            title='Unit Price',
        ),
    ]


class UnitPrice1(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description='invoiced price of one package',
            pattern='^(0|[1-9][0-9]{0,6})(\\.[0-9]{1,6})?$',
            title='Unit Price',
        ),
    ]


class InvoiceLineIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    contract_id: Annotated[
        ContractId | None,
        Field(
            description='the GPO contract the line was bought under',
            title='Contract Id',
        ),
    ] = None
    ndc: Annotated[
        str,
        Field(
            max_length=13,
            min_length=10,
            pattern='^(?:(?:[1-9]\\d{4}|0[1-9]\\d{3}|00[1-9]\\d{2}|000[1-9]\\d|0000[1-9])\\d{6}|(?:[1-9]\\d{4}|0[1-9]\\d{3}|00[1-9]\\d{2}|000[1-9]\\d|0000[1-9])-\\d{4}-\\d{2}|(?:[1-9]\\d{3}|0[1-9]\\d{2}|00[1-9]\\d|000[1-9])-\\d{4}-\\d{2}|(?:[1-9]\\d{4}|0[1-9]\\d{3}|00[1-9]\\d{2}|000[1-9]\\d|0000[1-9])-\\d{3}-\\d{2}|(?:[1-9]\\d{4}|0[1-9]\\d{3}|00[1-9]\\d{2}|000[1-9]\\d|0000[1-9])-\\d{4}-\\d)$',
            title='Ndc',
        ),
    ]
    quantity: Annotated[
        int, Field(description='packages', ge=1, le=100000, title='Quantity')
    ]
    unit_price: Annotated[
        UnitPrice | UnitPrice1,
        Field(description='invoiced price of one package', title='Unit Price'),
    ]


class InvoiceLineOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    contract_id: Annotated[str | None, Field(title='Contract Id')]
    ndc: Annotated[str, Field(title='Ndc')]
    quantity: Annotated[int, Field(title='Quantity')]
    unit_price: Annotated[str, Field(title='Unit Price')]


class InvoiceOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: Annotated[str, Field(title='Id')]
    invoice_date: Annotated[date_aliased, Field(title='Invoice Date')]
    lines: Annotated[list[InvoiceLineOut], Field(title='Lines')]
    source: Annotated[str, Field(title='Source')]
    total: Annotated[str, Field(title='Total')]
    wholesaler: Annotated[str, Field(title='Wholesaler')]


class InvoicePage(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[InvoiceOut], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')] = None


class Value1(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description='percent of the contract spend, or an amount per package',
            pattern='^(0|[1-9][0-9]{0,6})(\\.[0-9]{1,6})?$',
            title='Value',
        ),
    ]


class RebateIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    kind: Annotated[Literal['percent', 'per_unit'], Field(title='Kind')]
    value: Annotated[
        Value | Value1,
        Field(
            description='percent of the contract spend, or an amount per package',
            title='Value',
        ),
    ]


class RebateOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    kind: Annotated[str, Field(title='Kind')]
    value: Annotated[str, Field(title='Value')]


class ReorderRowOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    basis: Annotated[str, Field(description='contract, wac or none', title='Basis')]
    contract_id: Annotated[str | None, Field(title='Contract Id')]
    doses: Annotated[int, Field(title='Doses')]
    hcpcs: Annotated[str, Field(title='Hcpcs')]
    ndc: Annotated[str, Field(title='Ndc')]
    notes: Annotated[list[str], Field(title='Notes')]
    order_cost: Annotated[str | None, Field(title='Order Cost')]
    shortfall_vials: Annotated[str, Field(title='Shortfall Vials')]
    suggested_packages: Annotated[int, Field(title='Suggested Packages')]
    tier_min: Annotated[int | None, Field(title='Tier Min')]
    unit_price: Annotated[str | None, Field(title='Unit Price')]
    vials_needed: Annotated[str, Field(title='Vials Needed')]
    vials_on_hand: Annotated[str, Field(title='Vials On Hand')]
    wac_cost: Annotated[str | None, Field(title='Wac Cost')]


class UnitPrice2(RootModel[Decimal]):
    root: Annotated[
        Decimal,
        Field(
            description='price of one package at this tier',
            ge=0,
            le=10000000,
            multiple_of=1e-06,
            title='Unit Price',
        ),
    ]


class UnitPrice3(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description='price of one package at this tier',
            pattern='^(0|[1-9][0-9]{0,6})(\\.[0-9]{1,6})?$',
            title='Unit Price',
        ),
    ]


class TierIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    min_quantity: Annotated[
        int,
        Field(
            description='packages bought in the contract period (this purchase included) that reach the tier',
            ge=0,
            le=10000000,
            title='Min Quantity',
        ),
    ]
    unit_price: Annotated[
        UnitPrice2 | UnitPrice3,
        Field(description='price of one package at this tier', title='Unit Price'),
    ]


class TierOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    min_quantity: Annotated[int, Field(title='Min Quantity')]
    unit_price: Annotated[str, Field(title='Unit Price')]


class PackagePrice(RootModel[Decimal]):
    root: Annotated[
        Decimal, Field(ge=0, le=10000000, multiple_of=1e-06, title='Package Price')
    ]


class PackagePrice1(RootModel[str]):
    root: Annotated[
        str,
        Field(pattern='^(0|[1-9][0-9]{0,6})(\\.[0-9]{1,6})?$', title='Package Price'),
    ]


class WacIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    code: Annotated[
        str,
        Field(
            description='11-digit NDC (or a label form) or HCPCS code',
            max_length=13,
            min_length=5,
            title='Code',
        ),
    ]
    effective_from: Annotated[
        date_aliased,
        Field(
            description='calendar date, between 1900-01-01 and 2199-12-31',
            title='Effective From',
        ),
    ]
    package_price: Annotated[PackagePrice | PackagePrice1, Field(title='Package Price')]
    source: Annotated[str, Field(max_length=300, min_length=1, title='Source')]


class WacListIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    prices: Annotated[list[WacIn], Field(max_length=1000, min_length=1, title='Prices')]


class WacOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    code: Annotated[str, Field(title='Code')]
    effective_from: Annotated[date_aliased, Field(title='Effective From')]
    package_price: Annotated[str, Field(title='Package Price')]
    source: Annotated[str, Field(title='Source')]


class WacPage(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[WacOut], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')] = None


class ContractItemIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    code: Annotated[
        str,
        Field(
            description='11-digit NDC (or a label form) or HCPCS code',
            max_length=13,
            min_length=5,
            title='Code',
        ),
    ]
    rebate: RebateIn | None = None
    tiers: Annotated[list[TierIn], Field(max_length=20, min_length=1, title='Tiers')]


class ContractItemOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    code: Annotated[str, Field(title='Code')]
    rebate: RebateOut | None
    tiers: Annotated[list[TierOut], Field(title='Tiers')]


class GpoContractIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    effective_from: Annotated[
        date_aliased,
        Field(
            description='calendar date, between 1900-01-01 and 2199-12-31',
            title='Effective From',
        ),
    ]
    effective_to: Annotated[
        date_aliased | None,
        Field(description='last day in force; null: open-ended', title='Effective To'),
    ] = None
    gpo: Annotated[
        str,
        Field(
            description='the group purchasing organization',
            max_length=120,
            min_length=1,
            title='Gpo',
        ),
    ]
    id: Annotated[
        str,
        Field(
            max_length=64,
            min_length=1,
            pattern='^[A-Za-z0-9][A-Za-z0-9._-]*$',
            title='Id',
        ),
    ]
    items: Annotated[
        list[ContractItemIn], Field(max_length=500, min_length=1, title='Items')
    ]
    name: Annotated[str, Field(max_length=200, min_length=1, title='Name')]
    source: Annotated[
        str,
        Field(
            description='where the terms come from; demo data says so',
            max_length=300,
            min_length=1,
            title='Source',
        ),
    ]


class GpoContractOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    effective_from: Annotated[date_aliased, Field(title='Effective From')]
    effective_to: Annotated[date_aliased | None, Field(title='Effective To')]
    gpo: Annotated[str, Field(title='Gpo')]
    id: Annotated[str, Field(title='Id')]
    items: Annotated[list[ContractItemOut], Field(title='Items')]
    name: Annotated[str, Field(title='Name')]
    source: Annotated[str, Field(title='Source')]


class GpoContractPage(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[GpoContractOut], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')] = None


class InvoiceIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    id: Annotated[
        str,
        Field(
            description="the wholesaler's invoice number",
            max_length=64,
            min_length=1,
            pattern='^[A-Za-z0-9][A-Za-z0-9._-]*$',
            title='Id',
        ),
    ]
    invoice_date: Annotated[
        date_aliased,
        Field(
            description='calendar date, between 1900-01-01 and 2199-12-31',
            title='Invoice Date',
        ),
    ]
    lines: Annotated[
        list[InvoiceLineIn], Field(max_length=500, min_length=1, title='Lines')
    ]
    source: Annotated[str, Field(max_length=300, title='Source')] = ''
    wholesaler: Annotated[str, Field(max_length=120, min_length=1, title='Wholesaler')]


class ReorderOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    days: Annotated[int, Field(title='Days')]
    doses_counted: Annotated[int, Field(title='Doses Counted')]
    rows: Annotated[list[ReorderRowOut], Field(title='Rows')]
    today: Annotated[date_aliased, Field(title='Today')]
