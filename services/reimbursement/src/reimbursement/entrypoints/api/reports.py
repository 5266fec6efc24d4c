"""/v1/reports: margin per visit, drug, payer, practice or protocol (JSON or CSV); days in A/R
and aging; the revenue cycle (A/R by payer and age bucket, claim rates, denials by CARC), each
cycle report also as CSV."""

from __future__ import annotations

import csv
import io
from dataclasses import asdict
from datetime import date
from decimal import Decimal
from typing import Any

from fastapi import APIRouter, Query, Response

from chairside_shared.inputs import Day
from chairside_shared.web import FromDay, ToDay
from reimbursement.domain.reports import MarginBy
from reimbursement.domain.revenue_reports import AgingRow, CycleReport, cycle_rows
from reimbursement.entrypoints.api import report_schemas as rs
from reimbursement.entrypoints.api import schemas as s
from reimbursement.entrypoints.api.deps import Now, UoW
from reimbursement.entrypoints.api.views import plain
from reimbursement.service import reports, revenue_reports
from reimbursement.service.purchasing import reports as purchasing_reports
from reimbursement.service.revenue_reports import Period

router = APIRouter(tags=["billing"])
CSV: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {"schema": {"type": "string"}}}}}


MarginByQuery = Query("visit", description="visit (order id), drug (HCPCS), payer, practice "
                      "(the referring practice) or protocol (the order's protocol id; "
                      "no-protocol: written line by line)")


@router.get("/v1/reports/margin", response_model=s.MarginReport, response_model_by_alias=True,
            summary="Margin per visit, drug, payer, practice or protocol")
async def margin(uow: UoW, from_: FromDay, to: ToDay,
                 by: MarginBy = MarginByQuery) -> dict[str, Any]:
    rows = await reports.margin_report(uow=uow, start=from_, end=to, by=by)
    gpo = await _gpo(uow, by, from_, to)
    return {"by": by, "from_": from_, "to": to, "rows": [
        plain(r) | {"claims": r.claims} | gpo.get(r.key, {}) for r in rows],
            "total_margin": sum((r.margin for r in rows), Decimal(0))}


async def _gpo(uow: UoW, by: MarginBy, start: date, end: date) -> dict[str, dict[str, Any]]:
    """By drug: each row's WAC cost and GPO savings (service/purchasing/reports.py)."""
    if by != "drug":
        return {}
    found = await purchasing_reports.margin_drug_savings(uow=uow, start=start, end=end)
    return {k: {"wac_cost": v.wac_cost, "gpo_savings": v.savings} for k, v in found.items()}


@router.get("/v1/reports/margin.csv", response_class=Response, responses=CSV,
            summary="The margin report as CSV (same filters), one row per key")
async def margin_csv(uow: UoW, from_: FromDay, to: ToDay,
                     by: MarginBy = MarginByQuery) -> Response:
    rows = await reports.margin_report(uow=uow, start=from_, end=to, by=by)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    gpo = await _gpo(uow, by, from_, to)
    extra = ("wac_cost", "gpo_savings") if by == "drug" else ()
    writer.writerow(("key", "claims", "charges", "revenue", "acquisition_cost", "waste_cost",
                     "margin", *extra))
    writer.writerows((r.key, r.claims, f"{r.charges:.2f}", f"{r.revenue:.2f}",
                      f"{r.acquisition_cost:.2f}", f"{r.waste_cost:.2f}", f"{r.margin:.2f}",
                      *(_cell(gpo.get(r.key, {}).get(k)) for k in extra))
                     for r in rows)
    return Response(out.getvalue(), media_type="text/csv")


@router.get("/v1/reports/ar", response_model=s.ArReportOut, response_model_by_alias=True,
            summary="Days in A/R, aging, denial rates and drug waste cost")
async def ar(uow: UoW, now: Now, from_: Day | None = Query(None, alias="from"),
             to: Day | None = None) -> dict[str, Any]:
    period = await reports.ar_report(uow=uow, start=from_, end=to, now=now)
    report = period.report
    return plain(report) | {"from_": period.start, "to": period.end,
                            "open_claims": report.open_claims,
                            "aging": [{"bucket": b, "claims": n, "outstanding": str(v)}
                                      for b, n, v in report.aging]}


def aging_doc(p: Period, rows: list[AgingRow]) -> dict[str, Any]:
    return {"from_": p.start, "to": p.end, "rows": [asdict(r) for r in rows],
            "total_claims": sum(r.claims for r in rows),
            "total_outstanding": sum((r.outstanding for r in rows), Decimal(0))}


def aging_csv(rows: list[AgingRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("payer_id", "bucket", "claims", "outstanding"))
    writer.writerows((r.payer_id, r.bucket, r.claims, f"{r.outstanding:.2f}") for r in rows)
    return out.getvalue()


def cycle_doc(p: Period, report: CycleReport) -> dict[str, Any]:
    return asdict(report) | {"from_": p.start, "to": p.end}


def cycle_csv(report: CycleReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("metric", "value"))
    writer.writerows(cycle_rows(report))
    return out.getvalue()


@router.get("/v1/reports/ar-aging", response_model=rs.ArAgingOut, response_model_by_alias=True,
            summary="Open receivables (sent, still owed) per payer and age bucket")
async def ar_aging(uow: UoW, now: Now, from_: Day | None = Query(None, alias="from"),
                   to: Day | None = None) -> dict[str, Any]:
    p, rows = await revenue_reports.aging_by_payer(uow=uow, start=from_, end=to, now=now)
    return aging_doc(p, rows)


@router.get("/v1/reports/ar-aging.csv", response_class=Response, responses=CSV,
            summary="A/R by payer and age bucket as CSV (same filters)")
async def ar_aging_csv(uow: UoW, now: Now, from_: Day | None = Query(None, alias="from"),
                       to: Day | None = None) -> Response:
    _, rows = await revenue_reports.aging_by_payer(uow=uow, start=from_, end=to, now=now)
    return Response(aging_csv(rows), media_type="text/csv")


@router.get("/v1/reports/cycle", response_model=rs.CycleReportOut,
            response_model_by_alias=True,
            summary="Revenue cycle: clean-claim and first-pass rates, denials by CARC, net "
                    "collection, days in A/R, underpayments")
async def cycle(uow: UoW, now: Now, from_: Day | None = Query(None, alias="from"),
                to: Day | None = None) -> dict[str, Any]:
    p, report = await revenue_reports.cycle_report(uow=uow, start=from_, end=to, now=now)
    return cycle_doc(p, report)


@router.get("/v1/reports/cycle.csv", response_class=Response, responses=CSV,
            summary="The revenue-cycle report as CSV: one metric,value row each")
async def cycle_as_csv(uow: UoW, now: Now, from_: Day | None = Query(None, alias="from"),
                       to: Day | None = None) -> Response:
    _, report = await revenue_reports.cycle_report(uow=uow, start=from_, end=to, now=now)
    return Response(cycle_csv(report), media_type="text/csv")


def _cell(value: Decimal | None) -> str:
    return "" if value is None else f"{value:.2f}"
