"""/v1/inventory and /v1/fee-schedules."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request

from chairside_shared.errors import InvalidInput
from reimbursement.adapters.codec import evidence_to_json
from reimbursement.domain.fees import (
    DEFAULT_HYDRATION,
    DEFAULT_HYDRATION_INDICATIONS,
    AspImport,
    AspQuarter,
    CodingPolicy,
    DrugBasis,
    EvidenceSettings,
    PayerContract,
    PayerKind,
)
from reimbursement.domain.hcpcs import HcpcsDescriptor, Rounding
from reimbursement.domain.inventory import InventoryError, Product
from reimbursement.entrypoints.api import schemas as s
from reimbursement.entrypoints.api.claims import text_body, text_request_body
from reimbursement.entrypoints.api.deps import Now, UoW
from reimbursement.entrypoints.api.views import flag_doc, inventory_doc, plain
from reimbursement.service import catalog, reports

router = APIRouter(tags=["billing"])


# --------------------------------------------------------------------------- inventory
@router.get("/v1/inventory", response_model=s.InventoryPage,
            summary="Products by NDC with lots, on hand, expiring soon, stock-outs and flags")
async def inventory(uow: UoW, now: Now,
                    within_days: int | None = Query(None, ge=0, le=730)) -> dict[str, Any]:
    view = await reports.inventory_overview(uow=uow, now=now, within_days=within_days or None)
    return {
        "items": [inventory_doc(item) for item in view.items],
        "next_cursor": None,
        "expiring": [plain(r) for r in view.expiring],
        "stock_outs": [plain(r) for r in view.stock_outs],
        "flags": [flag_doc(f) for f in view.flags],
    }


@router.post("/v1/inventory", response_model=s.InventoryItemOut, status_code=201,
             summary="Receive product (NDC, lot, expiry, cost); defines the NDC when new")
async def receive(body: s.ReceiptIn, uow: UoW, now: Now) -> dict[str, Any]:
    if body.product is not None and body.product.ndc != body.ndc:
        raise InvalidInput("product.ndc", "must be the receipt's NDC")
    await catalog.receive_stock(uow=uow, ndc=body.ndc, lot_number=body.lot_number,
                                expires_on=body.expires_on, packages=body.packages,
                                package_cost=body.package_cost, cost_source=body.cost_source,
                                reference=body.reference, now=now,
                                purchased_on=body.purchased_on,
                                new_product=_product(body.product) if body.product else None)
    return inventory_doc(await reports.inventory_item(uow=uow, ndc=body.ndc, now=now))


@router.put("/v1/inventory/{ndc}", response_model=s.InventoryItemOut,
            summary="Define or update a product by NDC")
async def put_product(ndc: str, body: s.ProductIn, uow: UoW, now: Now) -> dict[str, Any]:
    try:
        path_ndc = s.billing_ndc(ndc)
    except ValueError as exc:
        raise InvalidInput("ndc", str(exc)) from None
    if path_ndc != body.ndc:
        raise InvalidInput("ndc", "path and body NDC differ")
    await catalog.save_product(uow=uow, product=_product(body), now=now)
    return inventory_doc(await reports.inventory_item(uow=uow, ndc=body.ndc, now=now))


def _product(p: s.ProductIn) -> Product:
    try:
        return Product(ndc=p.ndc, name=p.name, hcpcs=p.hcpcs, strength=p.strength,
                       strength_unit=p.strength_unit, volume_ml=p.volume_ml,
                       vials_per_package=p.vials_per_package, single_dose=p.single_dose,
                       ndc_unit=p.ndc_unit, package_cost=p.package_cost,
                       cost_source=p.cost_source, reorder_point=p.reorder_point)
    except InventoryError as exc:
        raise InvalidInput("product", str(exc)) from exc


# --------------------------------------------------------------------------- fee schedules
@router.get("/v1/fee-schedules", response_model=s.Page[s.FeeScheduleItem],
            summary="Payer contracts, ASP quarters and the charge master")
async def fee_schedules(uow: UoW) -> dict[str, Any]:
    found = await reports.fee_schedules(uow=uow)
    items = [_contract_item(c) for c in found.contracts]
    items += [_quarter_item(q) for q in found.asp_quarters]
    items.append({"kind": "charge_master", "id": found.charges.version or "none", "detail": {
        "rates": {k: str(v) for k, v in sorted(found.charges.rates.items())}}})
    return {"items": items, "next_cursor": None}


def _contract_item(c: PayerContract) -> dict[str, Any]:
    return {"kind": "contract", "id": c.payer_id, "detail": {
        "name": c.name, "kind": c.kind.value, "drug_basis": c.drug_basis.value,
        "drug_percent": str(c.drug_percent), "coinsurance": str(c.coinsurance),
        "sequestration": str(c.sequestration), "claim_filing": c.claim_filing,
        "rounding": c.policy.rounding.value, "jw_jz": c.policy.jw_jz,
        "hydration_codes": sorted(c.policy.hydration_codes),
        "hydration_indications": sorted(c.policy.hydration_indications),
        "evidence_development": evidence_to_json(c.policy.evidence_development),
        "drug_rates": {k: str(v) for k, v in c.drug_rates.items()},
        "admin_rates": {k: str(v) for k, v in c.admin_rates.items()}, "source": c.source}}


def _quarter_item(q: AspImport) -> dict[str, Any]:
    return {"kind": "asp_quarter", "id": q.quarter, "detail": {
        "effective_from": str(q.effective_from), "effective_to": str(q.effective_to),
        "source": q.source, "rows": str(q.rows), "imported_at": str(q.imported_at)}}


@router.get("/v1/fee-schedules/asp/{quarter}", summary="One ASP quarter, per HCPCS")
async def asp_quarter(quarter: str, uow: UoW) -> dict[str, Any]:
    q: AspQuarter = await reports.asp_quarter(uow=uow, quarter=quarter)
    return {"quarter": q.quarter, "effective_from": q.effective_from,
            "effective_to": q.effective_to, "source": q.source,
            "prices": [{"hcpcs": e.hcpcs, "description": e.description, "dosage": e.dosage,
                        "payment_limit": str(e.payment_limit), "asp": str(round(e.asp, 4)),
                        "line": e.line} for e in sorted(q.entries.values(),
                                                         key=lambda e: e.hcpcs)]}


@router.post("/v1/fee-schedules/asp", status_code=201,
             summary="Load a quarterly ASP pricing file (CSV body); all or nothing",
             openapi_extra={"requestBody": text_request_body("The CMS ASP pricing file",
                                                             "text/csv")})
async def load_asp(request: Request, uow: UoW, now: Now,
                   quarter: str = Query(pattern=r"^[1-9]\d{3}Q[1-4]$"),
                   source: str = Query("CMS ASP pricing file", max_length=300),
                   ) -> dict[str, Any]:
    loaded = await catalog.import_asp(uow=uow, text=await text_body(request), quarter=quarter,
                                      source=source, now=now)
    q = loaded.quarter
    return {"quarter": q.quarter, "effective_from": q.effective_from.isoformat(),
            "effective_to": q.effective_to.isoformat(), "rows": len(q.entries),
            "replaced": loaded.replaced, "source": q.source}


@router.put("/v1/fee-schedules/contracts/{payer_id}", status_code=200,
            summary="Define or replace a payer contract")
async def put_contract(payer_id: str, body: s.ContractIn, uow: UoW) -> dict[str, Any]:
    policy = CodingPolicy(
        rounding=Rounding(body.policy.rounding), jw_jz=body.policy.jw_jz,
        unclassified_needs_review=body.policy.unclassified_needs_review,
        hydration_codes=frozenset(body.policy.hydration_codes)
        if body.policy.hydration_codes is not None else DEFAULT_HYDRATION,
        hydration_indications=frozenset(body.policy.hydration_indications)
        if body.policy.hydration_indications is not None else DEFAULT_HYDRATION_INDICATIONS,
        complex_admin=frozenset(body.policy.complex_admin),
        evidence_development=EvidenceSettings(**body.policy.evidence_development.model_dump()))
    contract = PayerContract(
        payer_id=payer_id, name=body.name, kind=PayerKind(body.kind),
        drug_basis=DrugBasis(body.drug_basis), drug_percent=body.drug_percent,
        drug_rates=body.drug_rates, admin_rates=body.admin_rates, coinsurance=body.coinsurance,
        sequestration=body.sequestration, policy=policy, x12_payer_id=body.x12_payer_id,
        claim_filing=body.claim_filing, source=body.source)
    await catalog.save_contract(uow=uow, contract=contract)
    return {"payer_id": payer_id, "saved": True}


@router.put("/v1/fee-schedules/charge-master", summary="Replace the practice's charge master")
async def put_charges(body: s.ChargeMasterIn, uow: UoW) -> dict[str, Any]:
    bad = [code for code, rate in body.rates.items() if rate < 0]
    if bad:
        raise InvalidInput(f"rates.{bad[0]}", "a charge cannot be negative")
    await catalog.replace_charge_master(uow=uow, rates=body.rates, version=body.version)
    return {"version": body.version, "codes": len(body.rates)}


@router.put("/v1/fee-schedules/hcpcs/{code}", summary="Define or update a HCPCS descriptor")
async def put_descriptor(code: str, body: s.DescriptorIn, uow: UoW) -> dict[str, Any]:
    if not s.HCPCS_RE.match(code):
        raise InvalidInput("code", "not a HCPCS code")
    await catalog.save_descriptor(uow=uow, descriptor=HcpcsDescriptor(
        code, body.description, body.amount, body.unit, body.up_to, body.unclassified,
        body.source))
    return {"code": code, "saved": True}
