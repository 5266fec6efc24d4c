"""The acquisition price of a receipt: the GPO contract in force on the purchase date at the
tier the period's volume reaches with this purchase (invoiced packages under the contract
before that day, plus the receipt's), else WAC; without either, the product's own price.

Part of the receipt handler's unit of work: reads only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from reimbursement.domain.gpo import quote, volumes_for
from reimbursement.domain.inventory import Product
from reimbursement.service.uow import ReimbursementUnitOfWork


@dataclass(frozen=True, slots=True)
class ReceiptPrice:
    package_cost: Decimal
    cost_source: str
    contract_id: str | None
    wac_package_cost: Decimal | None


async def receipt_price(*, uow: ReimbursementUnitOfWork, product: Product, packages: int,
                        purchased_on: date) -> ReceiptPrice:
    contracts = await uow.purchasing.contracts()
    wac = await uow.purchasing.wac()
    products = await uow.catalog.products()
    hcpcs_of = {ndc: p.hcpcs for ndc, p in products.items()}
    invoices = await uow.purchasing.invoices(end=purchased_on)
    volumes = volumes_for(invoices, contracts.values(), ndc=product.ndc, hcpcs=product.hcpcs,
                          hcpcs_of=hcpcs_of, before=purchased_on)
    q = quote(contracts.values(), wac, ndc=product.ndc, hcpcs=product.hcpcs,
              day=purchased_on, quantity=packages, volumes=volumes)
    if q.unit_price is None:
        return ReceiptPrice(product.package_cost, product.cost_source, None, None)
    return ReceiptPrice(q.unit_price, q.label(contracts), q.contract_id, q.wac_price)


async def wac_price(*, uow: ReimbursementUnitOfWork, product: Product,
                    purchased_on: date) -> Decimal | None:
    q = quote((), await uow.purchasing.wac(), ndc=product.ndc, hcpcs=product.hcpcs,
              day=purchased_on, quantity=1, volumes={})
    return q.wac_price
