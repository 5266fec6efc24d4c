"""The demo day's group purchasing: the day's margin by drug with what the GPO contract saved
on the vials drawn against WAC (GET /v1/reports/margin?by=drug: the day's lots are priced from
the contract in force), GPO contract vs WAC savings and rebates expected per drug over the 90
days ending with the demo day (GET /v1/reports/gpo-savings, from the wholesaler invoices), and
the reorder suggestions for the next two weeks (GET /v1/purchasing/reorder).
Every price in the demo is illustrative demo data (reimbursement data/demo_gpo.json).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from chairside_client.api.reimbursement import (
    get_purchasing_reorder,
    get_reports_gpo_savings,
    get_reports_margin,
)
from chairside_client.api.reimbursement.get_reports_margin import GetReportsMarginBy
from chairside_client.models import (
    ReimbursementGpoSavingsOut,
    ReimbursementMarginReport,
    ReimbursementReorderOut,
)
from rich.console import Console
from rich.table import Table

from bench.api import Gateway

DAYS = 90  # the savings period, ending with the demo day
REORDER_DAYS = 14


def savings_table(doc: dict[str, Any]) -> Table:
    t = Table(title=f"GPO savings per drug, {doc['from']} to {doc['to']} (DEMO prices): "
                    f"saved {doc['total_savings']} vs WAC, rebates expected "
                    f"{doc['total_rebates_expected']}")
    for col in ("drug", "packages", "on contract", "spend", "at WAC", "saved",
                "rebates expected"):
        t.add_column(col, justify="left" if col == "drug" else "right")
    for r in doc["rows"]:
        t.add_row(r["drug"], str(r["packages"]), str(r["contract_packages"]), r["spend"],
                  r["wac_spend"] if not r["lines_without_wac"] else f"{r['wac_spend']}*",
                  r["savings"], r["rebates_expected"])
    return t


def margin_table(doc: dict[str, Any]) -> Table:
    t = Table(title=f"Margin by drug, {doc['from']} to {doc['to']}, with GPO savings on the "
                    "vials drawn (contract vs WAC, DEMO prices)")
    for col in ("drug", "claims", "revenue", "acquisition cost", "at WAC", "GPO saved",
                "margin"):
        t.add_column(col, justify="left" if col == "drug" else "right")
    for r in doc["rows"]:
        t.add_row(r["key"], str(r["claims"]), r["revenue"], r["acquisition_cost"],
                  r.get("wac_cost") or "-", r.get("gpo_savings") or "-", r["margin"])
    return t


def reorder_table(doc: dict[str, Any]) -> Table:
    t = Table(title=f"Reorder suggestions, next {doc['days']} days from {doc['today']} "
                    f"({doc['doses_counted']} doses booked or due)")
    for col in ("drug", "NDC", "vials needed", "on hand", "short", "order (packages)", "basis",
                "cost", "at WAC"):
        t.add_column(col, justify="left" if col in ("drug", "NDC", "basis") else "right")
    for r in doc["rows"]:
        t.add_row(r["hcpcs"], r["ndc"], r["vials_needed"], r["vials_on_hand"],
                  r["shortfall_vials"], str(r["suggested_packages"]),
                  r["basis"] + (f" {r['contract_id']} >= {r['tier_min']}"
                                if r["contract_id"] else ""),
                  r["order_cost"] or "-", r["wac_cost"] or "-")
    return t


async def report(gw: Gateway, console: Console, day: date) -> dict[str, Any]:
    """Print the margin-by-drug, GPO savings and reorder tables; the savings document with the
    day's margin by drug under ``margin`` (for the figures)."""
    margin = await gw.call(ReimbursementMarginReport, get_reports_margin.asyncio_detailed,
                           client=gw.as_(), from_=day, to=day, by=GetReportsMarginBy.DRUG)
    margin_doc = margin.to_dict()
    console.print(margin_table(margin_doc))
    savings = await gw.call(ReimbursementGpoSavingsOut, get_reports_gpo_savings.asyncio_detailed,
                            client=gw.as_(), from_=day - timedelta(days=DAYS - 1), to=day)
    doc = savings.to_dict()
    console.print(savings_table(doc))
    reorder = await gw.call(ReimbursementReorderOut, get_purchasing_reorder.asyncio_detailed,
                            client=gw.as_(), days=REORDER_DAYS)
    console.print(reorder_table(reorder.to_dict()))
    return doc | {"margin": margin_doc}
