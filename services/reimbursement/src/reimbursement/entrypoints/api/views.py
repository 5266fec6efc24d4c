"""Stored rows -> API documents (schemas.py shapes)."""

from __future__ import annotations

from typing import Any

from reimbursement.domain.inventory import Lot, Product
from reimbursement.domain.stock_reports import OnHandRow


def claim_doc(row: dict[str, Any]) -> dict[str, Any]:
    expected, cost = row["expected_payment"], row["acquisition_cost"]
    return row | {
        "expected_margin": None if expected is None else expected - cost,
        "lines": row.get("lines", []), "payments": row.get("payments", []),
    }


def denial_doc(row: dict[str, Any]) -> dict[str, Any]:
    return {"claim_id": row["id"], **{k: row[k] for k in (
        "order_id", "practice_id", "payer_id", "status", "service_date", "age_days",
        "total_charge", "paid_amount", "denial_reasons", "denied_lines")}}


def inventory_doc(product: Product, on_hand: OnHandRow, lots: list[Lot]) -> dict[str, Any]:
    return {
        "ndc": product.ndc, "name": product.name, "hcpcs": product.hcpcs,
        "strength": product.strength, "strength_unit": product.strength_unit,
        "volume_ml": product.volume_ml, "vials_per_package": product.vials_per_package,
        "single_dose": product.single_dose, "ndc_unit": product.ndc_unit,
        "package_cost": product.package_cost, "cost_source": product.cost_source,
        "reorder_point": product.reorder_point, "usable_vials": on_hand.usable_vials,
        "expired_vials": on_hand.expired_vials, "usable_value": on_hand.usable_value,
        "lots": [{"lot_number": lot.lot_number, "expires_on": lot.expires_on,
                  "vials_on_hand": lot.vials_on_hand, "vial_cost": lot.vial_cost,
                  "cost_source": lot.cost_source} for lot in lots if lot.vials_on_hand > 0],
    }


def plain(obj: Any) -> dict[str, Any]:
    """A frozen dataclass row as JSON-ready dict (decimals and dates as strings)."""
    return {k: (str(v) if not isinstance(v, (int, str, bool, type(None))) else v)
            for k, v in ((f, getattr(obj, f)) for f in obj.__slots__)}
