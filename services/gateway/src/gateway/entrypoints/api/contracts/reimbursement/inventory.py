from __future__ import annotations
from datetime import date as date_aliased
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints

from .common import Hcpcs, Lot, Reference, Value


class LotOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    contract_id: Annotated[
        str | None,
        Field(description='the GPO contract the cost came from', title='Contract Id'),
    ] = None
    cost_source: Annotated[str, Field(title='Cost Source')]
    expires_on: Annotated[date_aliased, Field(title='Expires On')]
    lot_number: Annotated[str, Field(title='Lot Number')]
    vial_cost: Annotated[str, Field(title='Vial Cost')]
    vials_on_hand: Annotated[str, Field(title='Vials On Hand')]
    wac_vial_cost: Annotated[
        str | None,
        Field(description='WAC per vial on the purchase date', title='Wac Vial Cost'),
    ] = None


class PackageCost(RootModel[Decimal]):
    root: Annotated[
        Decimal, Field(ge=0, le=10000000, multiple_of=1e-06, title='Package Cost')
    ]


class PackageCost1(RootModel[str]):
    root: Annotated[
        str,
        Field(pattern='^(0|[1-9][0-9]{0,6})(\\.[0-9]{1,6})?$', title='Package Cost'),
    ]


class Strength(RootModel[Decimal]):
    root: Annotated[
        Decimal, Field(gt=0, le=1000000, multiple_of=1e-06, title='Strength')
    ]


class Strength1(RootModel[str]):
    root: Annotated[
        str,
        Field(
            pattern='^([1-9][0-9]{0,5}(\\.[0-9]{1,6})?|0?\\.(0{0}[1-9][0-9]{0,5}|0{1}[1-9][0-9]{0,4}|0{2}[1-9][0-9]{0,3}|0{3}[1-9][0-9]{0,2}|0{4}[1-9][0-9]{0,1}|0{5}[1-9][0-9]{0,0}))$',
            title='Strength',
        ),
    ]


class VolumeMl(RootModel[Decimal]):
    root: Annotated[
        Decimal, Field(gt=0, le=1000000, multiple_of=1e-06, title='Volume Ml')
    ]


class VolumeMl1(RootModel[str]):
    root: Annotated[
        str,
        Field(
            pattern='^([1-9][0-9]{0,5}(\\.[0-9]{1,6})?|0?\\.(0{0}[1-9][0-9]{0,5}|0{1}[1-9][0-9]{0,4}|0{2}[1-9][0-9]{0,3}|0{3}[1-9][0-9]{0,2}|0{4}[1-9][0-9]{0,1}|0{5}[1-9][0-9]{0,0}))$',
            title='Volume Ml',
        ),
    ]


class ProductIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    cost_source: Annotated[
        str, Field(max_length=200, min_length=1, title='Cost Source')
    ]
    hcpcs: Annotated[Hcpcs | None, Field(title='Hcpcs')] = None
    name: Annotated[str, Field(max_length=200, min_length=1, title='Name')]
    ndc: Annotated[
        str,
        Field(
            max_length=13,
            min_length=10,
            pattern='^(?:(?:[1-9]\\d{4}|0[1-9]\\d{3}|00[1-9]\\d{2}|000[1-9]\\d|0000[1-9])\\d{6}|(?:[1-9]\\d{4}|0[1-9]\\d{3}|00[1-9]\\d{2}|000[1-9]\\d|0000[1-9])-\\d{4}-\\d{2}|(?:[1-9]\\d{3}|0[1-9]\\d{2}|00[1-9]\\d|000[1-9])-\\d{4}-\\d{2}|(?:[1-9]\\d{4}|0[1-9]\\d{3}|00[1-9]\\d{2}|000[1-9]\\d|0000[1-9])-\\d{3}-\\d{2}|(?:[1-9]\\d{4}|0[1-9]\\d{3}|00[1-9]\\d{2}|000[1-9]\\d|0000[1-9])-\\d{4}-\\d)$',
            title='Ndc',
        ),
    ]
    ndc_unit: Annotated[Literal['UN', 'ML', 'GR', 'ME', 'F2'], Field(title='Ndc Unit')]
    package_cost: Annotated[PackageCost | PackageCost1, Field(title='Package Cost')]
    reorder_point: Annotated[int, Field(ge=0, le=100000, title='Reorder Point')] = 0
    single_dose: Annotated[bool, Field(title='Single Dose')]
    strength: Annotated[Strength | Strength1, Field(title='Strength')]
    strength_unit: Annotated[
        Literal['mg', 'g', 'mcg', 'ml', 'iu'], Field(title='Strength Unit')
    ]
    vials_per_package: Annotated[int, Field(ge=1, le=1000, title='Vials Per Package')]
    volume_ml: Annotated[VolumeMl | VolumeMl1 | None, Field(title='Volume Ml')] = None


class CostSource(RootModel[str]):
    root: Annotated[str, Field(max_length=200, title='Cost Source')]


class PackageCost2(RootModel[Decimal]):
    root: Annotated[
        Decimal,
        Field(
            description="the invoiced price of one package; omitted: the GPO contract in force on the purchase date at the tier reached, else WAC, else the product's price",
            ge=0,
            le=10000000,
            multiple_of=1e-06,
            title='Package Cost',
        ),
    ]


class PackageCost3(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description="the invoiced price of one package; omitted: the GPO contract in force on the purchase date at the tier reached, else WAC, else the product's price",
            pattern='^(0|[1-9][0-9]{0,6})(\\.[0-9]{1,6})?$',
            title='Package Cost',
        ),
    ]


class ReceiptIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    cost_source: Annotated[CostSource | None, Field(title='Cost Source')] = None
    expires_on: Annotated[
        date_aliased,
        Field(
            description='calendar date, between 1900-01-01 and 2199-12-31',
            title='Expires On',
        ),
    ]
    lot_number: Annotated[
        str,
        Field(
            max_length=40, min_length=1, pattern='^[A-Za-z0-9\\-]+$', title='Lot Number'
        ),
    ]
    ndc: Annotated[
        str,
        Field(
            max_length=13,
            min_length=10,
            pattern='^(?:(?:[1-9]\\d{4}|0[1-9]\\d{3}|00[1-9]\\d{2}|000[1-9]\\d|0000[1-9])\\d{6}|(?:[1-9]\\d{4}|0[1-9]\\d{3}|00[1-9]\\d{2}|000[1-9]\\d|0000[1-9])-\\d{4}-\\d{2}|(?:[1-9]\\d{3}|0[1-9]\\d{2}|00[1-9]\\d|000[1-9])-\\d{4}-\\d{2}|(?:[1-9]\\d{4}|0[1-9]\\d{3}|00[1-9]\\d{2}|000[1-9]\\d|0000[1-9])-\\d{3}-\\d{2}|(?:[1-9]\\d{4}|0[1-9]\\d{3}|00[1-9]\\d{2}|000[1-9]\\d|0000[1-9])-\\d{4}-\\d)$',
            title='Ndc',
        ),
    ]
    package_cost: Annotated[
        PackageCost2 | PackageCost3 | None,
        Field(
            description="the invoiced price of one package; omitted: the GPO contract in force on the purchase date at the tier reached, else WAC, else the product's price",
            title='Package Cost',
        ),
    ] = None
    packages: Annotated[int, Field(ge=1, le=10000, title='Packages')]
    product: ProductIn | None = None
    purchased_on: Annotated[
        date_aliased | None,
        Field(
            description='the purchase (invoice) date that selects the contract; default: today',
            title='Purchased On',
        ),
    ] = None
    reference: Annotated[Reference | None, Field(title='Reference')] = None


class InventoryItemOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    cost_source: Annotated[str, Field(title='Cost Source')]
    expired_vials: Annotated[str, Field(title='Expired Vials')]
    hcpcs: Annotated[str | None, Field(title='Hcpcs')]
    lots: Annotated[list[LotOut], Field(title='Lots')]
    name: Annotated[str, Field(title='Name')]
    ndc: Annotated[str, Field(title='Ndc')]
    ndc_unit: Annotated[str, Field(title='Ndc Unit')]
    package_cost: Annotated[str, Field(title='Package Cost')]
    reorder_point: Annotated[int, Field(title='Reorder Point')]
    single_dose: Annotated[bool, Field(title='Single Dose')]
    strength: Annotated[str, Field(title='Strength')]
    strength_unit: Annotated[str, Field(title='Strength Unit')]
    usable_value: Annotated[str, Field(title='Usable Value')]
    usable_vials: Annotated[str, Field(title='Usable Vials')]
    vials_per_package: Annotated[int, Field(title='Vials Per Package')]
    volume_ml: Annotated[str | None, Field(title='Volume Ml')]


class InventoryPage(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    expiring: Annotated[list[dict[str, Any]], Field(title='Expiring')] = []
    flags: Annotated[list[dict[str, Any]], Field(title='Flags')] = []
    items: Annotated[list[InventoryItemOut], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')] = None
    stock_outs: Annotated[list[dict[str, Any]], Field(title='Stock Outs')] = []
