"""/v1/reports/referrals: what each partner practice refers and what becomes of it, per week
or month, as JSON or (the ``.csv`` route, same filters) CSV; a bound partner gets its own
practice only (the gateway forces ``practice_id``)."""

from __future__ import annotations

import csv
import io
from dataclasses import asdict
from typing import Any, Literal

from fastapi import APIRouter, Query, Response

from chairside_shared.inputs import Day
from reimbursement.domain.referral_reports import CSV_COLUMNS, csv_cells
from reimbursement.entrypoints.api import report_schemas as rs
from reimbursement.entrypoints.api.deps import Now, UoW
from reimbursement.entrypoints.api.reports import CSV
from reimbursement.service import referrals
from reimbursement.service.referrals import ReferralReport

router = APIRouter(tags=["billing"])
PracticeQuery = Query(None, min_length=1, max_length=64,
                      description="one practice (a partner client gets its own only)")
PeriodQuery = Query("month", description="group by ISO week or calendar month of signing")


async def _report(uow: UoW, now: Now, from_: Day | None, to: Day | None,
                  period: Literal["week", "month"], practice_id: str | None) -> ReferralReport:
    return await referrals.referral_report(uow=uow, start=from_, end=to, period=period,
                                           practice_id=practice_id, now=now)


@router.get("/v1/reports/referrals", response_model=rs.ReferralReportOut,
            response_model_by_alias=True,
            summary="Referrals per practice and period: orders, conversion to visits, days to "
                    "chair, no-show and PA approval rates")
async def referral_report(uow: UoW, now: Now, from_: Day | None = Query(None, alias="from"),
                          to: Day | None = None,
                          period: Literal["week", "month"] = PeriodQuery,
                          practice_id: str | None = PracticeQuery) -> dict[str, Any]:
    r = await _report(uow, now, from_, to, period, practice_id)
    return {"from_": r.start, "to": r.end, "period": r.period, "practice_id": r.practice_id,
            "rows": [asdict(row) for row in r.rows]}


@router.get("/v1/reports/referrals.csv", response_class=Response, responses=CSV,
            summary="The referral report as CSV (same filters), one row per practice and period")
async def referral_report_csv(uow: UoW, now: Now,
                              from_: Day | None = Query(None, alias="from"),
                              to: Day | None = None,
                              period: Literal["week", "month"] = PeriodQuery,
                              practice_id: str | None = PracticeQuery) -> Response:
    r = await _report(uow, now, from_, to, period, practice_id)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_cells(row) for row in r.rows)
    return Response(out.getvalue(), media_type="text/csv")
