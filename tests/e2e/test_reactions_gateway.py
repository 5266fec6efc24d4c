"""Infusion reactions through the gateway on the real processes: the center's nurse records a
grade 3 reaction with epinephrine (clinic route), the partner practice reads it on its order
but cannot record one, the charge nurse's worklist shows the alerts (sealed cursor), the next
order of the molecule is hard-stopped, and a refused record (epinephrine, grade 2) is a 422
naming the field."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from .client import ApiError
from .visits import new_order, new_patient

pytestmark = pytest.mark.e2e
LINE = [{"sequence": 1, "drug_code": "metoclopramide", "dose": "10", "dose_unit": "mg",
         "mode": "infusion", "minutes": 15}]


def reaction(grade: int) -> dict:
    onset = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=30)
    return {"onset_at": onset.isoformat(), "minutes_from_start": 8,
            "suspects": [{"drug_code": "metoclopramide", "rate_at_onset": "60"}],
            "manifestations": ["126485001", "4386001"], "term": "anaphylaxis",
            "grade": grade, "graded_by": "rn-e2e", "kind": "allergy", "outcome": "resolved",
            "resolved_at": (onset + timedelta(minutes=40)).isoformat(), "rechallenge": "no",
            "rescue_meds": [{"drug": "epinephrine", "dose": "0.5", "unit": "mg", "route": "IM",
                             "given_at": (onset + timedelta(minutes=2)).isoformat(),
                             "given_by": "rn-e2e"}]}


async def test_a_severe_reaction_through_the_gateway(stack, api):
    patient = await new_patient(api, weight_kg=70)
    draft = await new_order(api, patient["id"], LINE)
    oid = draft["id"]
    await api.post(f"/v1/orders/{oid}/sign", who="demo-partner")

    with pytest.raises(ApiError) as refused:
        await api.post(f"/v1/orders/{oid}/reactions", reaction(2))
    assert refused.value.status == 422
    assert "grade" in {e["field"] for e in refused.value.body["errors"]}
    with pytest.raises(ApiError) as partner:
        await api.post(f"/v1/orders/{oid}/reactions", reaction(3), who="demo-partner")
    assert partner.value.status in (403, 404)

    rec = await api.post(f"/v1/orders/{oid}/reactions", reaction(3))
    assert rec["grade"] == 3 and rec["fhir"]["criticality"] == "high" and rec["ems_checklist"]
    seen = await api.get(f"/v1/orders/{oid}/reactions", who="demo-partner")
    assert [r["id"] for r in seen["items"]] == [rec["id"]]

    alerts = [a for a in await api.pages("/v1/alerts") if a["reaction_id"] == rec["id"]]
    assert {a["audience"] for a in alerts} == {"charge_nurse", "ordering_provider"}
    await api.post(f"/v1/alerts/{alerts[0]['id']}/acknowledge")

    again = await new_order(api, patient["id"], LINE)
    assert ("reaction.hard_stop", "block") in {(f["code"], f["severity"])
                                               for f in again["findings"]}
    today = datetime.now(UTC).date()
    report = await api.get("/v1/reports/reactions", params={
        "from": (today - timedelta(days=1)).isoformat(), "to": today.isoformat()})
    assert {"drug_code": "metoclopramide", "grade": 3, "count": 1} in report["rows"]
