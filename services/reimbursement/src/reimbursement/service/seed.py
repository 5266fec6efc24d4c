"""Demo data for the embedded default (``make run``): descriptors, products and lots, a sample
ASP quarter, payer contracts, AWP prices and the charge master. Idempotent: it fills what is
missing and never overwrites what an operator changed."""

from __future__ import annotations

import logging
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from reimbursement.adapters.asp_csv import parse_asp_csv
from reimbursement.adapters.codec import contract_from_row
from reimbursement.adapters.data_files import hcpcs_descriptors, read_text
from reimbursement.domain.inventory import Product, receive
from reimbursement.service.uow import ReimbursementUnitOfWork

log = logging.getLogger("reimbursement.seed")


async def seed_reference(uow: ReimbursementUnitOfWork) -> None:
    """HCPCS descriptors are reference data every deployment needs (not demo data)."""
    known = await uow.catalog.descriptors()
    for descriptor in hcpcs_descriptors():
        if descriptor.code not in known:
            await uow.catalog.save_descriptor(descriptor)


async def seed_demo(*, uow: ReimbursementUnitOfWork, doc: dict[str, Any], now: datetime) -> None:
    async with uow:
        await seed_reference(uow)
        await _products_and_lots(uow, doc, now)
        if await uow.catalog.asp_quarter(doc["asp"]["quarter"]) is None:
            quarter = parse_asp_csv(read_text(doc["asp"]["file"]), quarter=doc["asp"]["quarter"],
                                    source=doc["asp"]["source"])
            await uow.catalog.replace_asp_quarter(quarter, now)
        known = {c.payer_id for c in await uow.catalog.contracts()}
        for row in doc["contracts"]:
            if row["payer_id"] not in known:
                await uow.catalog.save_contract(contract_from_row(_contract_row(row)))
        if not (await uow.catalog.charge_master()).rates:
            await uow.catalog.replace_charge_master(
                {k: Decimal(v) for k, v in doc["charge_master"]["rates"].items()},
                doc["charge_master"]["version"])
        if not await uow.catalog.awp():
            await uow.catalog.add_awp({code: Decimal(price) for code, price in doc["awp"].items()},
                                      source="demo AWP (illustrative)")
        await uow.commit()
    log.info("reimbursement demo data in place")


async def _products_and_lots(uow: ReimbursementUnitOfWork, doc: dict[str, Any],
                             now: datetime) -> None:
    existing = await uow.catalog.products()
    for p in doc["products"]:
        if p["ndc"] in existing:
            continue
        product = Product(
            ndc=p["ndc"], name=p["name"], hcpcs=p["hcpcs"], strength=Decimal(p["strength"]),
            strength_unit=p["strength_unit"],
            volume_ml=Decimal(p["volume_ml"]) if p["volume_ml"] else None,
            vials_per_package=p["vials_per_package"], single_dose=p["single_dose"],
            ndc_unit=p["ndc_unit"], package_cost=Decimal(p["package_cost"]),
            cost_source=p["cost_source"], reorder_point=p["reorder_point"])
        await uow.catalog.save_product(product, now)
        for lot in (x for x in doc["lots"] if x["ndc"] == product.ndc):
            expires = date.fromisoformat(lot["expires_on"])
            if expires < now.date():
                continue
            received = receive(product, lot_number=lot["lot_number"], expires_on=expires,
                               packages=lot["packages"], package_cost=None, received_at=now)
            await uow.inventory.save_lot(received)
            await uow.inventory.add_movement(
                ndc=product.ndc, lot_number=received.lot_number, kind="receipt",
                vials=received.vials_on_hand, vial_cost=received.vial_cost, at=now,
                reference="demo seed")


def _contract_row(row: dict[str, Any]) -> dict[str, Any]:
    return row | {k: Decimal(row[k]) for k in ("drug_percent", "coinsurance", "sequestration")}
