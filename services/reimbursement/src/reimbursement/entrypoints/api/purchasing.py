"""/v1/purchasing: GPO contracts, WAC prices and wholesaler invoices (the gateway lets only
admins write them), reorder suggestions; /v1/reports/gpo-savings (JSON and CSV)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

from fastapi import APIRouter, Query, Response

from chairside_shared.inputs import Day
from chairside_shared.web import FromDay, ToDay
from reimbursement.domain.gpo import (
    ContractItem,
    GpoContract,
    Invoice,
    InvoiceLine,
    PriceTier,
    Rebate,
    WacPrice,
)
from reimbursement.entrypoints.api import purchasing_schemas as ps
from reimbursement.entrypoints.api.deps import Now, UoW
from reimbursement.entrypoints.api.views import plain
from reimbursement.service.purchasing import records
from reimbursement.service.purchasing import reports as purchasing_reports

router = APIRouter(tags=["purchasing"])
CSV: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {"schema": {"type": "string"}}}}}


def contract_doc(c: GpoContract) -> dict[str, Any]:
    return {"id": c.id, "gpo": c.gpo, "name": c.name, "effective_from": c.effective_from,
            "effective_to": c.effective_to, "source": c.source, "items": [
                {"code": i.code, "tiers": [{"min_quantity": t.min_quantity,
                                            "unit_price": t.unit_price} for t in i.tiers],
                 "rebate": None if i.rebate is None else {"kind": i.rebate.kind,
                                                          "value": i.rebate.value}}
                for i in c.items]}


def invoice_doc(inv: Invoice) -> dict[str, Any]:
    return {"id": inv.id, "wholesaler": inv.wholesaler, "invoice_date": inv.invoice_date,
            "source": inv.source,
            "lines": [{"ndc": ln.ndc, "quantity": ln.quantity, "unit_price": ln.unit_price,
                       "contract_id": ln.contract_id} for ln in inv.lines],
            "total": sum((ln.unit_price * ln.quantity for ln in inv.lines), Decimal(0))}


@router.post("/v1/purchasing/contracts", response_model=ps.GpoContractOut, status_code=201,
             summary="Add a GPO contract: price tiers by volume, effective dates, rebates")
async def add_gpo_contract(body: ps.GpoContractIn, uow: UoW, now: Now) -> dict[str, Any]:
    contract = GpoContract(
        id=body.id, gpo=body.gpo, name=body.name, effective_from=body.effective_from,
        effective_to=body.effective_to, source=body.source, items=tuple(
            ContractItem(i.code, tuple(PriceTier(t.min_quantity, t.unit_price)
                                       for t in i.tiers),
                         Rebate(i.rebate.kind, i.rebate.value) if i.rebate else None)
            for i in body.items))
    return contract_doc(await records.add_contract(uow=uow, contract=contract, now=now))


@router.get("/v1/purchasing/contracts", response_model=ps.GpoContractPage,
            summary="GPO contracts (those in force on a day, with ?on=)")
async def list_gpo_contracts(uow: UoW, on: Day | None = None) -> dict[str, Any]:
    found = await records.contracts(uow=uow, on=on)
    return {"items": [contract_doc(c) for c in found], "next_cursor": None}


@router.put("/v1/purchasing/wac", response_model=ps.WacPage,
            summary="Record WAC prices per NDC or HCPCS (per package, effective-dated)")
async def put_wac_prices(body: ps.WacListIn, uow: UoW) -> dict[str, Any]:
    await records.save_wac(uow=uow, prices=[WacPrice(p.code, p.effective_from,
                                                     p.package_price, p.source)
                                            for p in body.prices])
    return await list_wac_prices(uow)


@router.get("/v1/purchasing/wac", response_model=ps.WacPage, summary="WAC prices on file")
async def list_wac_prices(uow: UoW) -> dict[str, Any]:
    return {"items": [plain(p) for p in await records.wac(uow=uow)], "next_cursor": None}


@router.post("/v1/purchasing/invoices", response_model=ps.InvoiceOut, status_code=201,
             summary="Record a wholesaler invoice (lines: NDC, packages, price, contract)")
async def add_purchase_invoice(body: ps.InvoiceIn, uow: UoW, now: Now) -> dict[str, Any]:
    invoice = Invoice(body.id, body.wholesaler, body.invoice_date, tuple(
        InvoiceLine(ln.ndc, ln.quantity, ln.unit_price, ln.contract_id) for ln in body.lines),
        body.source)
    return invoice_doc(await records.add_invoice(uow=uow, invoice=invoice, now=now))


@router.get("/v1/purchasing/invoices", response_model=ps.InvoicePage,
            summary="Wholesaler invoices by invoice date")
async def list_purchase_invoices(uow: UoW, from_: Day | None = Query(None, alias="from"),
                        to: Day | None = None) -> dict[str, Any]:
    found = await records.invoices(uow=uow, start=from_, end=to)
    return {"items": [invoice_doc(i) for i in found], "next_cursor": None}


@router.get("/v1/purchasing/reorder", response_model=ps.ReorderOut,
            summary="Reorder suggestions: booked visits and open recalls in the next N days "
                    "against stock on hand, at the cheapest contract tier")
async def reorder_suggestions(uow: UoW, now: Now, days: int = Query(14, ge=1, le=180),
                              ) -> dict[str, Any]:
    view = await purchasing_reports.reorder_suggestions(uow=uow, days=days, now=now)
    return {"today": view.today, "days": view.days, "doses_counted": view.needs,
            "rows": [plain(r) | {"notes": list(r.notes)} for r in view.rows]}


@router.get("/v1/reports/gpo-savings", response_model=ps.GpoSavingsOut,
            response_model_by_alias=True,
            summary="GPO contract vs WAC savings and rebates expected, per drug (invoices)")
async def gpo_savings(uow: UoW, from_: FromDay, to: ToDay,
                      ) -> dict[str, Any]:
    rows = await purchasing_reports.gpo_savings(uow=uow, start=from_, end=to)
    return {"from_": from_, "to": to, "rows": [plain(r) for r in rows],
            "total_spend": sum((r.spend for r in rows), Decimal(0)),
            "total_savings": sum((r.savings for r in rows), Decimal(0)),
            "total_rebates_expected": sum((r.rebates_expected for r in rows), Decimal(0))}


@router.get("/v1/reports/gpo-savings.csv", response_class=Response, responses=CSV,
            summary="The GPO savings report as CSV (same filters), one row per drug")
async def gpo_savings_csv(uow: UoW, from_: FromDay, to: ToDay,
                          ) -> Response:
    rows = await purchasing_reports.gpo_savings(uow=uow, start=from_, end=to)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("drug", "packages", "spend", "wac_spend", "savings", "rebates_expected",
                     "contract_packages", "lines_without_wac"))
    writer.writerows((r.drug, r.packages, f"{r.spend:.2f}", f"{r.wac_spend:.2f}",
                      f"{r.savings:.2f}", f"{r.rebates_expected:.2f}", r.contract_packages,
                      r.lines_without_wac) for r in rows)
    return Response(out.getvalue(), media_type="text/csv")
