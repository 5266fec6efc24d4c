"""Outcomes through the gateway only, on the real processes: a cocktail visit with its NRS
series (clinic staff) and the 72 h call from the partner practice (acceptance rows 9 and 12),
the partner's preventive assessments (row 18, and the HIT-6 422 naming the item), the
response history, and the outcome reports (the 'to' before 'from' 422)."""

from __future__ import annotations

from datetime import timedelta
from uuid import UUID

import pytest
from chairside_client.api.orders import (
    get_patients_patient_id_responses,
    get_reports_ed_avoided,
    get_reports_outcomes,
    post_orders_order_id_follow_ups,
    post_orders_order_id_pain_scores,
    post_patients_patient_id_assessments,
)
from chairside_client.models import (
    OrdersAssessmentIn,
    OrdersAssessmentsOut,
    OrdersEdAvoidedOut,
    OrdersFollowUpIn,
    OrdersOutcomesReportOut,
    OrdersPainScoreIn,
    OrdersResponsesOut,
    OrdersVisitOutcomeOut,
)

from .client import Api, ApiError
from .visits import COCKTAIL, MEDICARE, give, new_order, new_patient, sign, status_of, visit_when

pytestmark = pytest.mark.e2e


async def pain_score(api: Api, order_id: str, point: str, nrs: int, *,
                     who: str = "demo-admin") -> dict:
    return await api.wire(OrdersVisitOutcomeOut, post_orders_order_id_pain_scores.asyncio_detailed,
                          client=await api.as_(who), order_id=UUID(order_id),
                          body=OrdersPainScoreIn.from_dict({"point": point, "nrs": nrs}))


async def hit6(api: Api, patient_id: str, taken_on: str, items: list[int]) -> dict:
    return await api.wire(OrdersAssessmentsOut,
                          post_patients_patient_id_assessments.asyncio_detailed,
                          client=await api.as_("demo-partner"), patient_id=UUID(patient_id),
                          body=OrdersAssessmentIn.from_dict({
                              "kind": "hit6", "taken_on": taken_on, "items": items}))


async def test_a_visit_outcome_and_the_reports(stack, api):
    patient = await new_patient(api)
    draft = await new_order(api, patient["id"], COCKTAIL, payer=MEDICARE)
    oid = draft["id"]
    await sign(api, oid)
    v = await visit_when(api, oid, lambda v: status_of(v["appointment"]) == "booked"
                         and v["order"]["status"] == "scheduled", "booked")
    for point, nrs in (("arrival", 8), ("pre_drug", 8), ("120_min", 2)):
        await pain_score(api, oid, point, nrs)
    # the chairside series is the clinic's: a partner may read it, not write it
    with pytest.raises(ApiError) as refused:
        await pain_score(api, oid, "discharge", 2, who="demo-partner")
    assert refused.value.status == 403
    await give(api, v["order"], v["appointment"]["id"])
    await pain_score(api, oid, "discharge", 2)
    out = await api.wire(OrdersVisitOutcomeOut, post_orders_order_id_follow_ups.asyncio_detailed,
                         client=await api.as_("demo-partner"), order_id=UUID(oid),
                         body=OrdersFollowUpIn.from_dict({
                             "checkpoint_hours": 72, "ed_visit": True, "ed_hours": 40}))
    assert out["outcome"]["response"] == "relief" and out["outcome"]["pain_free_2h"] is False
    assert out["outcome"]["ed_return_72h"] is True
    hist = await api.wire(OrdersResponsesOut, get_patients_patient_id_responses.asyncio_detailed,
                          client=await api.as_("demo-partner"), patient_id=UUID(patient["id"]))
    assert hist["visits"][0]["order_id"] == oid and hist["visits"][0]["ed_return_72h"] is True

    today = stack.today()
    doc = await hit6(api, patient["id"], today.isoformat(), [13, 13, 11, 11, 10, 10])
    assert doc["items"][-1]["total"] == 68 and doc["items"][-1]["grade"] == "severe"
    with pytest.raises(ApiError) as bad:  # 12 is no HIT-6 answer: an int the model allows
        await hit6(api, patient["id"], today.isoformat(), [13, 13, 12, 11, 10, 10])
    assert bad.value.status == 422 and "items[2]" in bad.value.response.text

    yesterday, staff = today - timedelta(days=1), await api.as_()
    report = await api.wire(OrdersOutcomesReportOut, get_reports_outcomes.asyncio_detailed,
                            client=staff, from_=yesterday, to=today)
    assert sum(r["visits"] for r in report["protocols"]) >= 1
    saved = await api.wire(OrdersEdAvoidedOut, get_reports_ed_avoided.asyncio_detailed,
                           client=staff, from_=yesterday, to=today)
    assert saved["ed_returns"] >= 1 and saved["cost_source"] == "default (unverified)"
    with pytest.raises(ApiError) as backwards:
        await api.wire(OrdersOutcomesReportOut, get_reports_outcomes.asyncio_detailed,
                       client=staff, from_=today, to=yesterday)
    assert backwards.value.status == 422 and "to" in backwards.value.response.text
