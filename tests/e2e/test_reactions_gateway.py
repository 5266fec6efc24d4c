"""Infusion reactions through the gateway on the real processes: the center's nurse records a
grade 3 reaction with epinephrine (clinic route), the partner practice reads it on its order
but cannot record one, the charge nurse's worklist shows the alerts (sealed cursor), the next
order of the molecule is hard-stopped, and a refused record (epinephrine, grade 2) is a 422
naming the field."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest
from chairside_client.api.orders import (
    get_alerts,
    get_orders_order_id_reactions,
    get_reports_reactions,
    post_alerts_alert_id_acknowledge,
    post_orders_order_id_reactions,
)
from chairside_client.models import (
    OrdersAlertOut,
    OrdersPageAlertOut,
    OrdersPageReactionOut,
    OrdersReactionIn,
    OrdersReactionOut,
    OrdersReactionReportOut,
)

from .client import Api, ApiError
from .visits import new_order, new_patient, sign

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


async def record(api: Api, order_id: str, grade: int, who: str = "demo-admin") -> dict:
    return await api.wire(OrdersReactionOut, post_orders_order_id_reactions.asyncio_detailed,
                          client=await api.as_(who), order_id=UUID(order_id),
                          body=OrdersReactionIn.from_dict(reaction(grade)))


async def test_a_severe_reaction_through_the_gateway(stack, api):
    patient = await new_patient(api, weight_kg=70)
    draft = await new_order(api, patient["id"], LINE)
    oid = draft["id"]
    await sign(api, oid)

    with pytest.raises(ApiError) as refused:  # epinephrine for a grade 2: a domain rule
        await record(api, oid, 2)
    assert refused.value.status == 422
    assert "grade" in {e["field"] for e in refused.value.body["errors"]}
    with pytest.raises(ApiError) as partner:
        await record(api, oid, 3, who="demo-partner")
    assert partner.value.status in (403, 404)

    rec = await record(api, oid, 3)
    assert rec["grade"] == 3 and rec["fhir"]["criticality"] == "high" and rec["ems_checklist"]
    seen = await api.wire(OrdersPageReactionOut, get_orders_order_id_reactions.asyncio_detailed,
                          client=await api.as_("demo-partner"), order_id=UUID(oid))
    assert [r["id"] for r in seen["items"]] == [rec["id"]]

    staff = await api.as_()
    alerts = [a for a in await api.every(OrdersPageAlertOut, get_alerts.asyncio_detailed,
                                         client=staff)
              if a["reaction_id"] == rec["id"]]
    assert {a["audience"] for a in alerts} == {"charge_nurse", "ordering_provider"}
    await api.call(OrdersAlertOut, post_alerts_alert_id_acknowledge.asyncio_detailed,
                   client=staff, alert_id=UUID(alerts[0]["id"]))

    again = await new_order(api, patient["id"], LINE)
    assert ("reaction.hard_stop", "block") in {(f["code"], f["severity"])
                                               for f in again["findings"]}
    today = stack.today()
    report = await api.wire(OrdersReactionReportOut, get_reports_reactions.asyncio_detailed,
                            client=staff, from_=today - timedelta(days=1), to=today)
    assert {"drug_code": "metoclopramide", "grade": 3, "count": 1} in report["rows"]
