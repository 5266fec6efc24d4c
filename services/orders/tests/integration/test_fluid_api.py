"""IV fluid lines through the orders API on real PostgreSQL (clinical-loop.md §6): 422s that
name the fluid field and store nothing, the catalog's monitoring text on the order's lines and
on the administration record, and order.signed / order.administered carrying the fluid's
purpose, rate and indication code for hydration coding."""

from __future__ import annotations

from datetime import timedelta

import pytest

from orders.adapters.orm import orders
from orders.seed import seed_catalog

from .test_api import NOW, line, new_order, new_patient, outbox_events

pytestmark = pytest.mark.integration

HYDRATION = {"purpose": "hydration", "rate_ml_per_h": "1000", "indication": "E86.0"}


def ns(volume="1000", drug="ns_1000", minutes=60, fluid=None, seq=1):
    return line(drug, volume, seq, unit="mL", mode="infusion", minutes=minutes,
                fluid=HYDRATION if fluid is None else fluid)


BAD = [
    ("volume above the bag", ns("1200"), "lines.0.dose"),
    ("no rate", ns(fluid={"purpose": "hydration", "indication": "E86.0"}),
     "lines.0.fluid.rate_ml_per_h"),
    ("hydration without indication", ns(fluid={"purpose": "hydration", "rate_ml_per_h": "500"}),
     "lines.0.fluid.indication"),
    ("indication not ICD-10", ns(fluid={**HYDRATION, "indication": "thirsty"}),
     "lines.0.fluid.indication"),
    ("no purpose", {**ns(), "fluid": None}, "lines.0.fluid"),
    ("unknown purpose", ns(fluid={**HYDRATION, "purpose": "bolus"}), "lines.0.fluid.purpose"),
    ("bag runs out", ns(minutes=90), "lines.0.minutes"),
    ("fluid on a drug", line("ketorolac", 30, fluid=HYDRATION), "lines.0.fluid"),
]


@pytest.mark.parametrize("why,ln,field", BAD, ids=[b[0] for b in BAD])
async def test_bad_fluid_line_is_422_naming_the_field(svc, why, ln, field):
    c = svc.client
    pt = await new_patient(c)
    r = await c.post("/v1/orders", json={"patient_id": pt["id"], "urgency": "same_day",
                                         "lines": [ln]})
    assert r.status_code == 422, r.text
    assert field in {e["field"] for e in r.json()["errors"]}, r.json()
    assert await svc.count(orders) == 0 and await outbox_events(svc) == []


async def test_a_visit_with_hydration_then_a_drug(svc):
    c = svc.client
    pt = await new_patient(c)
    order = await new_order(c, pt["id"], lines=[
        ns(), line("eptinezumab", 100, 2, mode="infusion", minutes=40)],
        diagnosis=["G43.909", "E86.0"])
    ns_text = list(seed_catalog().drug("ns_1000").monitoring)
    assert order["lines"][0]["monitoring"] == ns_text
    assert order["lines"][0]["fluid"] == {"purpose": "hydration", "rate_ml_per_h": "1000",
                                          "indication": "E86.0"}
    assert order["lines"][1]["monitoring"] == list(seed_catalog().drug("eptinezumab").monitoring)
    signed = (await c.post(f"/v1/orders/{order['id']}/sign")).json()
    assert signed["status"] == "signed", signed
    [(etype, _, payload)] = await outbox_events(svc)
    assert etype == "order.signed"
    assert payload["lines"][0]["fluid"]["purpose"] == "hydration"
    assert payload["lines"][0]["hcpcs"] == "J7030" and payload["lines"][1]["fluid"] is None

    given = [(1, 0, 60, "1000", "mL"), (2, 60, 100, "100", "mg")]
    for seq, start, stop, dose, unit in given:
        r = await c.post(f"/v1/orders/{order['id']}/administrations", json={
            "line_sequence": seq, "started_at": (NOW + timedelta(minutes=start)).isoformat(),
            "stopped_at": (NOW + timedelta(minutes=stop)).isoformat(), "dose_given": dose,
            "dose_unit": unit, "ndc": "00338-0049-04" if seq == 1 else "70001-0001-01"})
        assert r.status_code == 201, r.text
        if seq == 1:
            assert r.json()["monitoring"] == ns_text
    fetched = (await c.get(f"/v1/orders/{order['id']}")).json()
    assert fetched["administrations"][0]["monitoring"] == ns_text
    done = await c.post(f"/v1/orders/{order['id']}/complete", json={
        "rendering_provider_npi": "1234567893",
        "discharge_override_reason": "hydration visit: discharge recorded on paper"})
    assert done.status_code == 200, done.text
    etype, _, payload = (await outbox_events(svc))[-1]
    assert etype == "order.administered"
    fluid = payload["administrations"][0]["fluid"]
    assert fluid == {"purpose": "hydration", "rate_ml_per_h": "1000", "indication": "E86.0"}
    assert payload["administrations"][1]["fluid"] is None
