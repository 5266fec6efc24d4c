"""Reference and demo data shipped with the package (data/), loaded with their sources."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from reimbursement.adapters.codec import contract_from_row
from reimbursement.domain.evidence_development import EvidenceRule, rules_from_doc
from reimbursement.domain.fees import ChargeMaster, PayerContract
from reimbursement.domain.hcpcs import HcpcsDescriptor
from reimbursement.domain.inventory import Product
from reimbursement.domain.practice import BillingIdentity, PayerEnrollment, PostalAddress


def read_text(name: str) -> str:
    return (resources.files("reimbursement.data") / name).read_text(encoding="utf-8")


def hcpcs_descriptors() -> list[HcpcsDescriptor]:
    """data/hcpcs_descriptors.csv: one billing descriptor per code, each with its source."""
    rows = csv.DictReader(io.StringIO(read_text("hcpcs_descriptors.csv")))
    return [HcpcsDescriptor(code=r["code"], description=r["description"],
                            amount=Decimal(r["amount"]), unit=r["unit"],
                            up_to=r["up_to"] == "true", unclassified=r["unclassified"] == "true",
                            source=r["source"]) for r in rows]


@cache
def evidence_rules() -> tuple[EvidenceRule, ...]:
    """data/evidence_development.json: coverage-with-evidence-development claim rules (NCD
    200.3), each with its sources; read once, checked at load."""
    return rules_from_doc(json.loads(read_text("evidence_development.json")))


def demo_seed() -> dict[str, Any]:
    """data/demo_seed.json as it is (bench/ reads the payer terms from it)."""
    doc: dict[str, Any] = json.loads(read_text("demo_seed.json"))
    return doc


@dataclass(frozen=True, slots=True)
class DemoLot:
    ndc: str
    lot_number: str
    expires_on: date
    packages: int


@dataclass(frozen=True, slots=True)
class DemoData:
    """The demo catalogue, typed: products and lots, a sample ASP file, contracts, charges."""

    products: tuple[Product, ...]
    lots: tuple[DemoLot, ...]
    asp_quarter: str
    asp_file: str  # a file in data/
    asp_source: str
    contracts: tuple[PayerContract, ...]
    charges: ChargeMaster
    awp: dict[str, Decimal]
    billing: BillingIdentity
    enrollments: tuple[PayerEnrollment, ...]  # one per demo contract


def demo_data() -> DemoData:
    doc = demo_seed()
    enrolled = doc["payer_enrollments"]
    return DemoData(
        products=tuple(_product(p) for p in doc["products"]),
        lots=tuple(DemoLot(x["ndc"], x["lot_number"], date.fromisoformat(x["expires_on"]),
                           x["packages"]) for x in doc["lots"]),
        asp_quarter=doc["asp"]["quarter"], asp_file=doc["asp"]["file"],
        asp_source=doc["asp"]["source"],
        contracts=tuple(contract_from_row(row | {
            k: Decimal(row[k]) for k in ("drug_percent", "coinsurance", "sequestration")})
            for row in doc["contracts"]),
        charges=ChargeMaster({k: Decimal(v) for k, v in doc["charge_master"]["rates"].items()},
                             version=doc["charge_master"]["version"]),
        awp={code: Decimal(price) for code, price in doc["awp"].items()},
        billing=_billing(doc["billing_identity"]),
        enrollments=tuple(PayerEnrollment(
            row["payer_id"], enrolled["npi"], enrolled["taxonomy"], enrolled["status"],
            date.fromisoformat(enrolled["effective_from"])) for row in doc["contracts"]),
    )


def _billing(doc: dict[str, Any]) -> BillingIdentity:
    def address(a: dict[str, Any]) -> PostalAddress:
        return PostalAddress(a["line1"], a["city"], a["state"], a["postal_code"], a["line2"])

    pay_to = doc.get("pay_to_address")
    return BillingIdentity(
        name=doc["name"], npi=doc["npi"], ein=doc["ein"],
        npi_taxonomies=tuple(doc["npi_taxonomies"]), address=address(doc["address"]),
        taxonomy=doc["taxonomy"], pay_to=address(pay_to) if pay_to else None)


def _product(p: dict[str, Any]) -> Product:
    return Product(
        ndc=p["ndc"], name=p["name"], hcpcs=p["hcpcs"], strength=Decimal(p["strength"]),
        strength_unit=p["strength_unit"],
        volume_ml=Decimal(p["volume_ml"]) if p["volume_ml"] else None,
        vials_per_package=p["vials_per_package"], single_dose=p["single_dose"],
        ndc_unit=p["ndc_unit"], package_cost=Decimal(p["package_cost"]),
        cost_source=p["cost_source"], reorder_point=p["reorder_point"])
