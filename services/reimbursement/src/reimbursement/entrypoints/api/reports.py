"""/v1/reports: margin per visit, drug or payer; days in A/R and aging."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from fastapi import APIRouter, Query

from chairside_shared.inputs import Day
from reimbursement.entrypoints.api import schemas as s
from reimbursement.entrypoints.api.deps import Now, UoW
from reimbursement.entrypoints.api.views import plain
from reimbursement.service import reports

router = APIRouter(tags=["billing"])


@router.get("/v1/reports/margin", response_model=s.MarginReport, response_model_by_alias=True,
            summary="Margin per visit, drug or payer")
async def margin(uow: UoW, from_: Day = Query(alias="from"), to: Day = Query(),
                 by: Literal["visit", "drug", "payer"] = "visit") -> dict[str, Any]:
    rows = await reports.margin_report(uow=uow, start=from_, end=to, by=by)
    return {"by": by, "from_": from_, "to": to, "rows": [plain(r) | {"claims": r.claims}
                                                          for r in rows],
            "total_margin": sum((r.margin for r in rows), Decimal(0))}


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
