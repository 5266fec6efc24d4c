"""Demo data for the embedded default (``make run``): descriptors, products and lots, a sample
ASP quarter, payer contracts, AWP prices, the charge master, and a realistic fake billing
identity with an enrollment for each demo payer. Idempotent: it fills what is
missing and never overwrites what an operator changed."""

from __future__ import annotations

import logging
from datetime import datetime

from reimbursement.adapters.asp_csv import parse_asp_csv
from reimbursement.adapters.data_files import DemoData, hcpcs_descriptors, read_text
from reimbursement.adapters.gpo_data import demo_purchasing
from reimbursement.domain.gpo import contract_problems
from reimbursement.domain.inventory import receive
from reimbursement.service.purchasing.pricing import receipt_price
from reimbursement.service.uow import ReimbursementUnitOfWork

log = logging.getLogger("reimbursement.seed")


async def seed_reference(*, uow: ReimbursementUnitOfWork) -> None:
    """HCPCS descriptors are reference data every deployment needs (not demo data)."""
    known = await uow.catalog.descriptors()
    for descriptor in hcpcs_descriptors():
        if descriptor.code not in known:
            await uow.catalog.save_descriptor(descriptor)


async def seed_demo(*, uow: ReimbursementUnitOfWork, data: DemoData, now: datetime) -> None:
    async with uow:
        await seed_reference(uow=uow)
        await _purchasing(uow, now)  # before the lots: they are priced from the contract
        await _products_and_lots(uow, data, now)
        if await uow.catalog.asp_quarter(data.asp_quarter) is None:
            quarter = parse_asp_csv(read_text(data.asp_file), quarter=data.asp_quarter,
                                    source=data.asp_source)
            await uow.catalog.replace_asp_quarter(quarter, now)
        known = {c.payer_id for c in await uow.catalog.contracts()}
        for contract in data.contracts:
            if contract.payer_id not in known:
                await uow.catalog.save_contract(contract)
        if not (await uow.catalog.charge_master()).rates:
            await uow.catalog.replace_charge_master(dict(data.charges.rates),
                                                    data.charges.version)
        if not await uow.catalog.awp():
            await uow.catalog.add_awp(data.awp, source="demo AWP (illustrative)")
        await _practice(uow, data, now)
        await uow.commit()
    log.info("reimbursement demo data in place")


async def _practice(uow: ReimbursementUnitOfWork, data: DemoData, now: datetime) -> None:
    if await uow.practice.billing_identity() is None:
        assert not data.billing.problems(), data.billing.problems()  # shipped data
        await uow.practice.save_billing_identity(data.billing, now)
    for enrollment in data.enrollments:
        if await uow.practice.enrollment(enrollment.payer_id) is None:
            await uow.practice.save_enrollment(enrollment, now)


async def _products_and_lots(uow: ReimbursementUnitOfWork, data: DemoData,
                             now: datetime) -> None:
    existing = await uow.catalog.products()
    for product in data.products:
        if product.ndc in existing:
            continue
        await uow.catalog.save_product(product, now)
        for lot in (x for x in data.lots if x.ndc == product.ndc):
            if lot.expires_on < now.date():
                continue
            # priced as a delivery is: the GPO contract in force, else WAC, else the product's
            price = await receipt_price(uow=uow, product=product, packages=lot.packages,
                                        purchased_on=now.astimezone(uow.config.clinic_tz).date())
            received = receive(product, lot_number=lot.lot_number, expires_on=lot.expires_on,
                               packages=lot.packages, package_cost=price.package_cost,
                               received_at=now, cost_source=price.cost_source,
                               contract_id=price.contract_id,
                               wac_package_cost=price.wac_package_cost)
            await uow.inventory.save_lot(received)
            await uow.inventory.add_movement(
                ndc=product.ndc, lot_number=received.lot_number, kind="receipt",
                vials=received.vials_on_hand, vial_cost=received.vial_cost, at=now,
                reference="demo seed")


async def _purchasing(uow: ReimbursementUnitOfWork, now: datetime) -> None:
    """The demo GPO contract, WAC and two invoices (illustrative), once."""
    if await uow.purchasing.contracts():
        return
    demo = demo_purchasing(now.astimezone(uow.config.clinic_tz).date())
    assert not contract_problems(demo.contract), contract_problems(demo.contract)  # shipped
    await uow.purchasing.add_contract(demo.contract, now)
    await uow.purchasing.save_wac(demo.wac)
    for invoice in demo.invoices:
        await uow.purchasing.add_invoice(invoice, now)
