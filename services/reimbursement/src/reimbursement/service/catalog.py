"""Inventory and fee-schedule handlers: products, receipts, ASP imports, contracts, charges."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from chairside_shared.errors import Conflict, NotFound
from reimbursement.adapters.asp_csv import AspFileError, parse_asp_csv
from reimbursement.domain.errors import RejectedFile
from reimbursement.domain.fees import AspQuarter, PayerContract
from reimbursement.domain.hcpcs import HcpcsDescriptor
from reimbursement.domain.inventory import InventoryError, Lot, Product, receive
from reimbursement.service.purchasing import pricing as purchasing_pricing
from reimbursement.service.uow import ReimbursementUnitOfWork


@dataclass(frozen=True, slots=True)
class AspLoaded:
    quarter: AspQuarter
    replaced: bool  # an earlier import of the same quarter was replaced (CMS revises files)


async def save_product(*, uow: ReimbursementUnitOfWork, product: Product, now: datetime) -> bool:
    async with uow:
        created = await uow.catalog.save_product(product, now)
        await uow.commit()
    return created


async def receive_stock(
    *, uow: ReimbursementUnitOfWork, ndc: str, lot_number: str, expires_on: date,
    packages: int, package_cost: Decimal | None, cost_source: str | None,
    reference: str | None, now: datetime, new_product: Product | None = None,
    purchased_on: date | None = None,
) -> Lot:
    """A receipt into a lot; ``new_product`` defines (or updates) the NDC in the same
    transaction, so a refused receipt leaves no product behind either.

    Without ``package_cost`` the cost comes from the GPO contract in force on the purchase
    date (default: the receipt's day) at the tier reached, else WAC, else the product's price;
    a given ``package_cost`` is kept as the invoice's word, with WAC beside it for savings."""
    async with uow:
        if new_product is not None:
            await uow.catalog.save_product(new_product, now)
        product = await uow.catalog.product(ndc)
        if product is None:
            raise NotFound(f"NDC {ndc} is not a product; add it first")
        existing = await uow.inventory.lot(ndc, lot_number)
        day = purchased_on or now.astimezone(uow.config.clinic_tz).date()
        contract_id, wac = None, await purchasing_pricing.wac_price(
            uow=uow, product=product, purchased_on=day)
        if package_cost is None and packages > 0:
            price = await purchasing_pricing.receipt_price(
                uow=uow, product=product, packages=packages, purchased_on=day)
            package_cost, contract_id = price.package_cost, price.contract_id
            cost_source = cost_source or price.cost_source
        try:
            lot = receive(product, lot_number=lot_number, expires_on=expires_on,
                          packages=packages, package_cost=package_cost, received_at=now,
                          existing=existing, cost_source=cost_source,
                          contract_id=contract_id, wac_package_cost=wac)
        except InventoryError as exc:
            raise Conflict(str(exc)) from exc
        await uow.inventory.save_lot(lot)
        vials = Decimal(packages * product.vials_per_package)
        await uow.inventory.add_movement(
            ndc=ndc, lot_number=lot_number, kind="receipt", vials=vials,
            vial_cost=(package_cost if package_cost is not None else product.package_cost)
            / product.vials_per_package, at=now, reference=reference)
        await uow.commit()
    return lot


async def import_asp(*, uow: ReimbursementUnitOfWork, text: str, quarter: str, source: str,
                     now: datetime) -> AspLoaded:
    try:
        parsed = parse_asp_csv(text, quarter=quarter, source=source)
    except AspFileError as exc:
        raise RejectedFile(
            f"{len(exc.errors)} problem(s); nothing was imported. First: {exc.errors[0]}",
            errors=[{"field": f"line {e.line}", "message": e.reason} for e in exc.errors],
        ) from exc
    except ValueError as exc:
        raise RejectedFile(str(exc), errors=[{"field": "quarter", "message": str(exc)}]) from exc
    async with uow:
        replaced = await uow.catalog.replace_asp_quarter(parsed, now)
        await uow.commit()
    return AspLoaded(parsed, replaced)


async def save_contract(*, uow: ReimbursementUnitOfWork, contract: PayerContract) -> None:
    async with uow:
        await uow.catalog.save_contract(contract)
        await uow.commit()


async def replace_charge_master(*, uow: ReimbursementUnitOfWork, rates: dict[str, Decimal],
                                version: str) -> None:
    async with uow:
        await uow.catalog.replace_charge_master(rates, version)
        await uow.commit()


async def save_descriptor(*, uow: ReimbursementUnitOfWork, descriptor: HcpcsDescriptor) -> None:
    async with uow:
        await uow.catalog.save_descriptor(descriptor)
        await uow.commit()
