"""Outcomes through the gateway only, on the real processes: a cocktail visit with its NRS
series (clinic staff) and the 72 h call from the partner practice (acceptance rows 9 and 12),
the partner's preventive assessments (row 18, and the HIT-6 422 naming the item), the
response history, and the outcome reports (the 'to' before 'from' 422)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from .client import ApiError
from .visits import COCKTAIL, MEDICARE, give, new_order, new_patient, status_of, visit_when

pytestmark = pytest.mark.e2e


async def test_a_visit_outcome_and_the_reports(stack, api):
    patient = await new_patient(api)
    draft = await new_order(api, patient["id"], COCKTAIL, payer=MEDICARE)
    oid = draft["id"]
    await api.post(f"/v1/orders/{oid}/sign", who="demo-partner")
    v = await visit_when(api, oid, lambda v: status_of(v["appointment"]) == "booked"
                         and v["order"]["status"] == "scheduled", "booked")
    for point, nrs in (("arrival", 8), ("pre_drug", 8), ("120_min", 2)):
        await api.post(f"/v1/orders/{oid}/pain-scores", {"point": point, "nrs": nrs})
    # the chairside series is the clinic's: a partner may read it, not write it
    with pytest.raises(ApiError) as refused:
        await api.post(f"/v1/orders/{oid}/pain-scores", {"point": "discharge", "nrs": 2},
                       who="demo-partner")
    assert refused.value.status == 403
    await give(api, v["order"], v["appointment"]["id"])
    await api.post(f"/v1/orders/{oid}/pain-scores", {"point": "discharge", "nrs": 2})
    out = await api.post(f"/v1/orders/{oid}/follow-ups", {
        "checkpoint_hours": 72, "ed_visit": True, "ed_hours": 40}, who="demo-partner")
    assert out["outcome"]["response"] == "relief" and out["outcome"]["pain_free_2h"] is False
    assert out["outcome"]["ed_return_72h"] is True
    hist = await api.get(f"/v1/patients/{patient['id']}/responses", who="demo-partner")
    assert hist["visits"][0]["order_id"] == oid and hist["visits"][0]["ed_return_72h"] is True

    today = datetime.now(UTC).date()
    doc = await api.post(f"/v1/patients/{patient['id']}/assessments", {
        "kind": "hit6", "taken_on": today.isoformat(), "items": [13, 13, 11, 11, 10, 10]},
        who="demo-partner")
    assert doc["items"][-1]["total"] == 68 and doc["items"][-1]["grade"] == "severe"
    with pytest.raises(ApiError) as bad:
        await api.post(f"/v1/patients/{patient['id']}/assessments", {
            "kind": "hit6", "taken_on": today.isoformat(), "items": [13, 13, 12, 11, 10, 10]},
            who="demo-partner")
    assert bad.value.status == 422 and "items[2]" in bad.value.response.text

    span = {"from": (today - timedelta(days=1)).isoformat(), "to": today.isoformat()}
    report = await api.get("/v1/reports/outcomes", params=span)
    assert sum(r["visits"] for r in report["protocols"]) >= 1
    saved = await api.get("/v1/reports/ed-avoided", params=span)
    assert saved["ed_returns"] >= 1 and saved["cost_source"] == "default (unverified)"
    with pytest.raises(ApiError) as backwards:
        await api.get("/v1/reports/outcomes", params={"from": span["to"], "to": span["from"]})
    assert backwards.value.status == 422 and "to" in backwards.value.response.text
