"""data/demo_gpo.json: the demo's GPO contract, WAC prices and wholesaler invoices (all
illustrative demo data, labelled so in the file), typed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from reimbursement.adapters.data_files import read_text
from reimbursement.domain.gpo import (
    ContractItem,
    GpoContract,
    Invoice,
    InvoiceLine,
    PriceTier,
    Rebate,
    WacPrice,
)


@dataclass(frozen=True, slots=True)
class DemoPurchasing:
    contract: GpoContract
    wac: tuple[WacPrice, ...]
    invoices: tuple[Invoice, ...]


def demo_purchasing(today: date) -> DemoPurchasing:
    """Invoices are dated ``days_before_seed`` before ``today`` (inside the demo's period)."""
    doc: dict[str, Any] = json.loads(read_text("demo_gpo.json"))
    c = doc["contract"]
    contract = GpoContract(
        c["id"], c["gpo"], c["name"], date.fromisoformat(c["effective_from"]),
        date.fromisoformat(c["effective_to"]) if c["effective_to"] else None,
        tuple(ContractItem(i["code"], tuple(PriceTier(t["min_quantity"],
                                                      Decimal(t["unit_price"]))
                                            for t in i["tiers"]),
                           Rebate(i["rebate"]["kind"], Decimal(i["rebate"]["value"]))
                           if i.get("rebate") else None) for i in c["items"]),
        c["source"])
    # a row may name its own source (a published list price); else the file's demo label
    wac = tuple(WacPrice(w["code"], date.fromisoformat(w["effective_from"]),
                         Decimal(w["package_price"]), w.get("source", doc["wac_source"]))
                for w in doc["wac"])
    invoices = tuple(Invoice(
        i["id"], i["wholesaler"], today - timedelta(days=i["days_before_seed"]),
        tuple(InvoiceLine(ln["ndc"], ln["quantity"], Decimal(ln["unit_price"]),
                          ln.get("contract_id")) for ln in i["lines"]),
        "DEMO invoice (illustrative)") for i in doc["invoices"])
    return DemoPurchasing(contract, wac, invoices)
