"""Outcome routes: a visit's pain scores, follow-ups and outcome (/v1/orders/{id}/...), a
patient's preventive assessments and response history (/v1/patients/{id}/...), and the
outcome reports (/v1/reports/...)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Query, Request

from chairside_shared.inputs import Day
from chairside_shared.web import get_runtime
from orders.domain.history import ResponseHistory, Stats
from orders.domain.outcomes import FollowUp
from orders.entrypoints.api import outcome_schemas as s
from orders.entrypoints.api.deps import Caller, UoW, require
from orders.entrypoints.api.outcome_views import assessments_view, visit_view
from orders.service import outcome_reports as reports
from orders.service import outcomes as h

orders_router = APIRouter(prefix="/v1/orders", tags=["outcomes"])
patients_router = APIRouter(prefix="/v1/patients", tags=["outcomes"])
reports_router = APIRouter(prefix="/v1/reports", tags=["reports"])


@orders_router.post("/{order_id}/pain-scores", status_code=201, response_model=s.VisitOutcomeOut,
                    summary="Record a pain score (NRS) at a visit time point")
async def add_pain_score(order_id: UUID, body: s.PainScoreIn, uow: UoW,
                         caller: Caller) -> dict[str, Any]:
    require(caller, "orders:write")
    return visit_view(await h.record_pain_score(uow=uow, order_id=order_id, point=body.point,
                                                nrs=body.nrs, at=body.at, scope=caller))


@orders_router.get("/{order_id}/pain-scores", response_model=s.PainScoresOut,
                   summary="The visit's pain scores")
async def list_pain_scores(order_id: UUID, uow: UoW, caller: Caller) -> dict[str, Any]:
    require(caller, "orders:read")
    return {"items": visit_view(await h.order_outcome(uow=uow, order_id=order_id,
                                                      scope=caller))["scores"]}


@orders_router.post("/{order_id}/follow-ups", status_code=201, response_model=s.VisitOutcomeOut,
                    summary="Record the 24, 48 or 72 h follow-up (staff or partner practice)")
async def add_follow_up(order_id: UUID, body: s.FollowUpIn, uow: UoW,
                        caller: Caller) -> dict[str, Any]:
    require(caller, "orders:write")

    def hours(v: Any) -> float | None:
        return None if v is None else float(v)

    call = FollowUp(checkpoint_hours=body.checkpoint_hours, rescue_used=body.rescue_used,
                    rescue_hours=hours(body.rescue_hours), recurrence=body.recurrence,
                    recurrence_hours=hours(body.recurrence_hours), ed_visit=body.ed_visit,
                    ed_hours=hours(body.ed_hours))
    return visit_view(await h.record_follow_up(uow=uow, order_id=order_id, follow_up=call,
                                               scope=caller))


@orders_router.get("/{order_id}/outcomes", response_model=s.VisitOutcomeOut,
                   summary="The visit's outcome: response class, sustained relief, ED return")
async def get_outcome(order_id: UUID, uow: UoW, caller: Caller) -> dict[str, Any]:
    require(caller, "orders:read")
    return visit_view(await h.order_outcome(uow=uow, order_id=order_id, scope=caller))


@patients_router.post("/{patient_id}/assessments", status_code=201,
                      response_model=s.AssessmentsOut,
                      summary="Record a diary period, MIDAS or HIT-6 (publishes outcome.assessed)")
async def add_assessment(patient_id: UUID, body: s.AssessmentIn, uow: UoW,
                         caller: Caller) -> dict[str, Any]:
    require(caller, "patients:write")
    new = h.NewAssessment(kind=body.kind, taken_on=body.taken_on, drug_code=body.drug_code,
                          period_start=body.period_start, migraine_days=body.migraine_days,
                          headache_days=body.headache_days, items=tuple(body.items))
    await h.record_assessment(uow=uow, patient_id=patient_id, new=new, scope=caller)
    return assessments_view(await h.patient_assessments(
        uow=uow, patient_id=patient_id, drug_code=body.drug_code, payer_id=None, scope=caller))


@patients_router.get("/{patient_id}/assessments", response_model=s.AssessmentsOut,
                     summary="Preventive assessments and the change from baseline")
async def list_assessments(patient_id: UUID, uow: UoW, caller: Caller,
                           drug_code: str | None = Query(None, min_length=1, max_length=64),
                           payer_id: str | None = Query(None, min_length=1, max_length=64),
                           ) -> dict[str, Any]:
    require(caller, "patients:read")
    return assessments_view(await h.patient_assessments(
        uow=uow, patient_id=patient_id, drug_code=drug_code, payer_id=payer_id, scope=caller))


def _stats(st: Stats, names: dict[str, str] | None = None) -> dict[str, Any]:
    return {"key": st.key, "name": (names or {}).get(st.key), "visits": st.visits,
            "settled": st.settled, "successes": st.successes,
            "success_rate": st.success_rate, "last_results": list(st.last_results)}


def responses_view(patient_id: UUID, hist: ResponseHistory) -> dict[str, Any]:
    return {
        "patient_id": patient_id,
        "visits": [{"order_id": v.order_id, "protocol_id": v.protocol_id,
                    "completed_at": v.completed_at,
                    "drug_codes": list(dict.fromkeys(g.drug_code for g in v.drugs)),
                    "response": v.outcome.response, "result": v.result,
                    "relief_at_discharge": v.outcome.relief_at_discharge,
                    "time_to_relief_min": v.outcome.time_to_relief_min,
                    "sustained_relief_24h": v.outcome.sustained_relief_24h,
                    "ed_return_72h": v.outcome.ed_return_72h,
                    "reactions": [vars(r) for r in v.reactions]} for v in hist.visits],
        "by_protocol": [_stats(st, hist.protocol_names) for st in hist.by_protocol.values()],
        "by_drug": [_stats(st) for st in hist.by_drug.values()],
        "best_protocol_id": hist.best_protocol,
        "last_successful_protocol_id": hist.last_successful_protocol,
    }


@patients_router.get("/{patient_id}/responses", response_model=s.ResponsesOut,
                     summary="Response history per protocol and drug")
async def get_responses(patient_id: UUID, uow: UoW, caller: Caller) -> dict[str, Any]:
    require(caller, "patients:read")
    return responses_view(patient_id, await h.patient_responses(uow=uow, patient_id=patient_id,
                                                                scope=caller))


def _rate(r: Any) -> dict[str, Any]:
    return {"count": r.count, "known": r.known, "rate": r.rate}


@reports_router.get("/outcomes", response_model=s.OutcomesReportOut,
                    response_model_by_alias=True,
                    summary="Outcomes by protocol: relief, pain-free, sustained relief, "
                            "72 h ED return")
async def outcomes_report(uow: UoW, caller: Caller, from_: Day | None = Query(None, alias="from"),
                          to: Day | None = None) -> dict[str, Any]:
    require(caller, "orders:read")
    rep = await reports.outcomes_report(uow=uow, start=from_, end=to, scope=caller)
    return {"from": from_, "to": to, "rules_version": rep.rules_version, "protocols": [
        {"protocol_id": r.protocol_id, "protocol_name": rep.names.get(r.protocol_id or ""),
         "visits": r.visits, "relief": _rate(r.relief), "pain_free": _rate(r.pain_free),
         "sustained_relief_24h": _rate(r.sustained_relief_24h),
         "ed_return_72h": _rate(r.ed_return_72h)} for r in rep.rows]}


@reports_router.get("/ed-avoided", response_model=s.EdAvoidedOut, response_model_by_alias=True,
                    summary="ED visits avoided (relief, no ED return within 72 h) x ED cost")
async def ed_avoided_report(request: Request, uow: UoW, caller: Caller,
                            from_: Day | None = Query(None, alias="from"),
                            to: Day | None = None) -> dict[str, Any]:
    require(caller, "orders:read")
    cost = getattr(get_runtime(request).settings, "ed_visit_cost_usd", None)
    rep, source = await reports.ed_avoided_report(uow=uow, start=from_, end=to, scope=caller,
                                                  cost_usd=cost)
    return {"from": from_, "to": to, **vars(rep), "cost_source": source}


__all__ = ["orders_router", "patients_router", "reports_router"]
