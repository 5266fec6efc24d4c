"""/v1/pricing: payer contracts, named fee schedules and the charge master as effective-dated
versions (admin writes; old versions kept), and /v1/underpayments, the contract-variance
worklist (JSON and CSV). Bad input is a 422 naming the field; overlapping dates a 409 naming
the version they collide with."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import PlainTextResponse

from chairside_shared.errors import InvalidInput
from chairside_shared.inputs import Day
from reimbursement.domain.fees import PayerKind
from reimbursement.domain.pricing import (
    PRACTICE,
    Admission,
    ContractTerms,
    DrugPricing,
    RateTable,
    Tolerance,
    Version,
)
from reimbursement.domain.variance import VarianceStatus
from reimbursement.entrypoints.api import pricing_schemas as ps
from reimbursement.entrypoints.api.deps import Now, UoW
from reimbursement.service import pricing, underpayments
from reimbursement.service.underpayments import VarianceRow

router = APIRouter(tags=["billing"])


def _key() -> Any:
    """A payer or fee schedule id in the path (a fresh Path per parameter: FastAPI binds it)."""
    return Path(min_length=1, max_length=64, pattern=ps.KEY_PATTERN)


def _number() -> Any:
    return Path(ge=1, le=1_000_000)

MEDICARE_SEQUESTRATION = Decimal("0.02")
REFUSALS: dict[int | str, dict[str, Any]] = {
    409: {"description": "The effective dates overlap an existing version (named)"},
    422: {"description": "A field breaks a rule; each is named"}}
CSV_COLUMNS = ("claim_id", "account_number", "payer_id", "service_date", "contract_version",
               "lines", "code", "modifiers", "units", "expected", "allowed", "paid",
               "sequestration", "variance", "tolerance", "status")


class CsvResponse(PlainTextResponse):
    media_type = "text/csv"


def _who(request: Request) -> str:
    """Who added a version: the signed-in staff user the gateway names, else the calling
    client; a direct call to the service (tests, tools) is "service"."""
    h = request.headers
    return (h.get("x-chairside-user-id") or h.get("x-chairside-client-id") or "service")[:120]


# --------------------------------------------------------------------------- contracts
@router.get("/v1/pricing/contracts", response_model=ps.ContractVersionPage,
            summary="Every payer contract version (filter by payer)")
async def list_contracts(uow: UoW, payer_id: str | None = Query(
        None, min_length=1, max_length=64, pattern=ps.KEY_PATTERN)) -> dict[str, Any]:
    found = await pricing.contract_versions(uow=uow, payer_id=payer_id)
    return {"items": [contract_doc(v) for v in found], "next_cursor": None}


@router.get("/v1/pricing/contracts/{payer_id}/versions", response_model=ps.ContractVersionPage,
            summary="A payer's contract versions, oldest first")
async def contract_versions(uow: UoW, payer_id: str = _key(),
                            plan: str | None = Query(None, max_length=64)) -> dict[str, Any]:
    found = await pricing.contract_versions(uow=uow, payer_id=payer_id, plan=plan)
    return {"items": [contract_doc(v) for v in found], "next_cursor": None}


@router.post("/v1/pricing/contracts/{payer_id}/versions", response_model=ps.ContractVersionOut,
             status_code=201, responses=REFUSALS,
             summary="Add a contract version (effective-dated; earlier versions are kept)")
async def add_contract(body: ps.ContractVersionIn, request: Request, uow: UoW, now: Now,
                       payer_id: str = _key()) -> dict[str, Any]:
    drug_pricing = DrugPricing(body.drug_pricing)
    if drug_pricing is DrugPricing.FEE_SCHEDULE and not body.rates and not body.fee_schedule_id:
        raise InvalidInput("rates", "fee_schedule pricing needs rates or a fee_schedule_id")
    kind = PayerKind(body.payer_kind)
    sequestration = body.sequestration
    if sequestration is None:
        sequestration = MEDICARE_SEQUESTRATION if kind is PayerKind.MEDICARE else Decimal(0)
    terms = ContractTerms(
        name=body.name, payer_kind=kind, drug_pricing=drug_pricing,
        drug_percent=body.drug_percent, fee_schedule_id=body.fee_schedule_id,
        rates=body.rates, sequestration=sequestration,
        tolerance=Tolerance(body.tolerance_amount, body.tolerance_percent))
    version, admission = await pricing.add_contract_version(
        uow=uow, payer_id=payer_id, plan=body.plan, effective_from=body.effective_from,
        effective_to=body.effective_to, terms=terms, source=body.source,
        created_by=_who(request), now=now)
    return contract_doc(version, admission)


@router.get("/v1/pricing/contracts/{payer_id}/versions/{version}",
            response_model=ps.ContractVersionOut, summary="One contract version",
            responses={404: {"description": "No such version"}})
async def get_contract(uow: UoW, payer_id: str = _key(), version: int = _number(),
                       plan: str = Query("", max_length=64)) -> dict[str, Any]:
    found = await pricing.contract_versions(uow=uow, payer_id=payer_id, plan=plan)
    return contract_doc(pricing.one(found, version, f"contract {payer_id}"))


# --------------------------------------------------------------------------- fee schedules
@router.get("/v1/pricing/fee-schedules", response_model=ps.RateTableVersionPage,
            summary="Every named fee schedule version")
async def list_fee_schedules(uow: UoW) -> dict[str, Any]:
    found = await pricing.rate_table_versions(uow=uow, kind="fee_schedule")
    return {"items": [table_doc(v) for v in found], "next_cursor": None}


@router.get("/v1/pricing/fee-schedules/{schedule_id}/versions",
            response_model=ps.RateTableVersionPage, summary="A fee schedule's versions")
async def fee_schedule_versions(uow: UoW, schedule_id: str = _key()) -> dict[str, Any]:
    found = await pricing.rate_table_versions(uow=uow, kind="fee_schedule", owner=schedule_id)
    return {"items": [table_doc(v) for v in found], "next_cursor": None}


@router.post("/v1/pricing/fee-schedules/{schedule_id}/versions",
             response_model=ps.RateTableVersionOut, status_code=201, responses=REFUSALS,
             summary="Add a fee schedule version (per HCPCS/CPT, amount per unit)")
async def add_fee_schedule(body: ps.RateTableVersionIn, request: Request, uow: UoW, now: Now,
                           schedule_id: str = _key()) -> dict[str, Any]:
    version, admission = await pricing.add_rate_table_version(
        uow=uow, kind="fee_schedule", owner=schedule_id, effective_from=body.effective_from,
        effective_to=body.effective_to, table=RateTable(body.name, body.rates),
        source=body.source, created_by=_who(request), now=now)
    return table_doc(version, admission)


@router.get("/v1/pricing/fee-schedules/{schedule_id}/versions/{version}",
            response_model=ps.RateTableVersionOut, summary="One fee schedule version",
            responses={404: {"description": "No such version"}})
async def get_fee_schedule(uow: UoW, schedule_id: str = _key(),
                           version: int = _number()) -> dict[str, Any]:
    found = await pricing.rate_table_versions(uow=uow, kind="fee_schedule", owner=schedule_id)
    return table_doc(pricing.one(found, version, f"fee schedule {schedule_id}"))


# --------------------------------------------------------------------------- charge master
@router.get("/v1/pricing/charge-master/versions", response_model=ps.RateTableVersionPage,
            summary="The charge master's versions (billed charge per code and unit)")
async def charge_master_versions(uow: UoW) -> dict[str, Any]:
    found = await pricing.rate_table_versions(uow=uow, kind="charge_master", owner=PRACTICE)
    return {"items": [table_doc(v) for v in found], "next_cursor": None}


@router.post("/v1/pricing/charge-master/versions", response_model=ps.RateTableVersionOut,
             status_code=201, responses=REFUSALS,
             summary="Add a charge master version; claims on its dates are charged by it")
async def add_charge_master(body: ps.RateTableVersionIn, request: Request, uow: UoW,
                            now: Now) -> dict[str, Any]:
    version, admission = await pricing.add_rate_table_version(
        uow=uow, kind="charge_master", owner=PRACTICE, effective_from=body.effective_from,
        effective_to=body.effective_to, table=RateTable(body.name, body.rates),
        source=body.source, created_by=_who(request), now=now)
    return table_doc(version, admission)


@router.get("/v1/pricing/charge-master/versions/{version}",
            response_model=ps.RateTableVersionOut, summary="One charge master version",
            responses={404: {"description": "No such version"}})
async def get_charge_master(uow: UoW, version: int = _number()) -> dict[str, Any]:
    found = await pricing.rate_table_versions(uow=uow, kind="charge_master", owner=PRACTICE)
    return table_doc(pricing.one(found, version, "the charge master"))


# --------------------------------------------------------------------------- underpayments
async def _rows(uow: UoW, status: str, payer_id: str | None, from_: Any, to: Any,
                ) -> list[VarianceRow]:
    if from_ is not None and to is not None and to < from_:
        raise InvalidInput("to", "must not be before from")
    statuses: set[VarianceStatus] = ({"underpaid", "overpaid"} if status == "flagged"
                                     else {status})  # type: ignore[arg-type]
    return await underpayments.variances(uow=uow, statuses=statuses, payer_id=payer_id,
                                         service_from=from_, service_to=to)


StatusQuery = Query("flagged", description="flagged = underpaid and overpaid")


@router.get("/v1/underpayments", response_model=ps.UnderpaymentPage,
            summary="Paid claim lines whose payer allowed strays from the contract beyond its "
                    "tolerance (largest shortfall first)")
async def underpayment_list(
    uow: UoW, status: Literal["flagged", "underpaid", "overpaid", "within_tolerance"] =
    StatusQuery, payer_id: str | None = Query(None, max_length=64),
    from_: Day | None = Query(None, alias="from"), to: Day | None = None,
) -> dict[str, Any]:
    rows = await _rows(uow, status, payer_id, from_, to)
    return {"items": [variance_doc(r) for r in rows], "next_cursor": None,
            "total_variance": sum((r.line.variance or Decimal(0) for r in rows), Decimal(0))}


@router.get("/v1/underpayments/csv", response_class=CsvResponse,
            summary="The underpayment worklist as CSV (same filters)")
async def underpayment_csv(
    uow: UoW, status: Literal["flagged", "underpaid", "overpaid", "within_tolerance"] =
    StatusQuery, payer_id: str | None = Query(None, max_length=64),
    from_: Day | None = Query(None, alias="from"), to: Day | None = None,
) -> CsvResponse:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in await _rows(uow, status, payer_id, from_, to):
        doc = variance_doc(r)
        writer.writerow([
            doc["claim_id"], doc["account_number"], doc["payer_id"], doc["service_date"],
            "" if r.contract.version is None else r.contract.version,
            " ".join(map(str, doc["lines"])), doc["code"], " ".join(doc["modifiers"]),
            doc["units"], *(_cents(doc[k]) for k in (
                "expected", "allowed", "paid", "sequestration", "variance", "tolerance")),
            doc["status"]])
    return CsvResponse(out.getvalue())


# --------------------------------------------------------------------------- documents
def _version_doc(v: Version[Any], admission: Admission | None) -> dict[str, Any]:
    closed = None
    if admission is not None and admission.closes is not None:
        closed = {"version": admission.closes, "effective_to": admission.closed_to}
    return {"kind": v.kind, "owner": v.owner, "plan": v.plan, "version": v.number,
            "effective_from": v.effective_from, "effective_to": v.effective_to,
            "source": v.source, "created_by": v.created_by, "created_at": v.created_at,
            "closed": closed}


def contract_doc(v: Version[ContractTerms], admission: Admission | None = None,
                 ) -> dict[str, Any]:
    t = v.body
    return _version_doc(v, admission) | {"terms": {
        "name": t.name, "payer_kind": t.payer_kind.value, "drug_pricing": t.drug_pricing.value,
        "drug_percent": t.drug_percent, "fee_schedule_id": t.fee_schedule_id,
        "rates": dict(t.rates), "sequestration": t.sequestration,
        "tolerance_amount": t.tolerance.amount, "tolerance_percent": t.tolerance.percent}}


def table_doc(v: Version[RateTable], admission: Admission | None = None) -> dict[str, Any]:
    return _version_doc(v, admission) | {"name": v.body.name, "rates": dict(v.body.rates)}


def variance_doc(r: VarianceRow) -> dict[str, Any]:
    ln = r.line
    return {"claim_id": str(r.claim_id), "account_number": r.account_number,
            "payer_id": r.payer_id, "service_date": r.service_date.isoformat(),
            "contract": {"payer_id": r.contract.payer_id, "plan": r.contract.plan,
                         "version": r.contract.version, "name": r.contract.name},
            "lines": list(ln.lines), "code": ln.code, "modifiers": list(ln.modifiers),
            "units": ln.units, "expected": ln.expected, "allowed": ln.allowed, "paid": ln.paid,
            "sequestration": ln.sequestration, "variance": ln.variance,
            "tolerance": ln.tolerance, "status": ln.status}


def _cents(value: Decimal | None) -> str:
    return "" if value is None else f"{value:.2f}"
