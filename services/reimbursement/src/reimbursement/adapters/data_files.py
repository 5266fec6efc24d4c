"""Reference and demo data shipped with the package (data/), loaded with their sources."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from importlib import resources
from typing import Any

from reimbursement.domain.hcpcs import HcpcsDescriptor


def read_text(name: str) -> str:
    return (resources.files("reimbursement.data") / name).read_text(encoding="utf-8")


def hcpcs_descriptors() -> list[HcpcsDescriptor]:
    """data/hcpcs_descriptors.csv: one billing descriptor per code, each with its source."""
    rows = csv.DictReader(io.StringIO(read_text("hcpcs_descriptors.csv")))
    return [HcpcsDescriptor(code=r["code"], description=r["description"],
                            amount=Decimal(r["amount"]), unit=r["unit"],
                            up_to=r["up_to"] == "true", unclassified=r["unclassified"] == "true",
                            source=r["source"]) for r in rows]


def demo_seed() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(read_text("demo_seed.json"))
    return doc
