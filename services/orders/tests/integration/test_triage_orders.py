"""Same-day triage on an order: validated at creation and edit (422 naming the field, nothing
stored), shown on the order, and sent with order.signed through the broker."""

from __future__ import annotations

import httpx
import pytest

from chairside_shared import contracts
from chairside_shared.testing.plugin import running
from orders.adapters.orm import orders

from .conftest import STAFF, _service
from .test_api import line, new_order, new_patient, outbox_events
from .test_events import read_topic

pytestmark = pytest.mark.integration

BAD_TRIAGE = [
    ("unknown category", {"triage_category": "migraine_bad"}, "triage_category"),
    ("negative hours", {"headache_hours": -1}, "headache_hours"),
    ("hours past 90 days", {"headache_hours": 90 * 24 + 1}, "headache_hours"),
    ("hours not a number", {"headache_hours": "three days"}, "headache_hours"),
    ("triage on a planned order", {"urgency": "planned",
                                   "triage_category": "status_migrainosus"}, "triage_category"),
    ("hours on a planned order", {"urgency": "planned", "headache_hours": 80},
     "headache_hours"),
]


@pytest.mark.parametrize("why,body,field", BAD_TRIAGE, ids=[b[0] for b in BAD_TRIAGE])
async def test_bad_triage_is_422_naming_the_field_and_stores_nothing(svc, why, body, field):
    pt = await new_patient(svc.client)
    r = await svc.client.post("/v1/orders", json={
        "patient_id": pt["id"], "urgency": "same_day", "lines": [line("ketorolac", 30)], **body})
    assert r.status_code == 422 and r.headers["content-type"] == "application/problem+json"
    assert field in {e["field"] for e in r.json()["errors"]}, (why, r.json())
    assert await svc.count(orders) == 0 and await outbox_events(svc) == []


async def test_triage_is_kept_edited_and_refused_on_a_planned_edit(svc):
    c = svc.client
    pt = await new_patient(c)
    order = await new_order(c, pt["id"], lines=[line("ketorolac", 30)],
                            triage_category="refractory_to_home_rescue", headache_hours=30)
    assert (order["triage_category"], order["headache_hours"]) == (
        "refractory_to_home_rescue", 30)
    r = await c.patch(f"/v1/orders/{order['id']}", json={"headache_hours": 80})
    assert r.status_code == 200 and r.json()["headache_hours"] == 80
    assert r.json()["triage_category"] == "refractory_to_home_rescue"
    r = await c.patch(f"/v1/orders/{order['id']}", json={"urgency": "planned"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "triage_category"
    doc = (await c.get(f"/v1/orders/{order['id']}")).json()
    assert (doc["urgency"], doc["headache_hours"]) == ("same_day", 80)  # unchanged
    r = await c.patch(f"/v1/orders/{order['id']}", json={
        "urgency": "planned", "triage_category": None, "headache_hours": None})
    assert r.status_code == 200, r.text
    assert (r.json()["urgency"], r.json()["triage_category"]) == ("planned", None)


@pytest.fixture
async def on_broker(make_database, fresh_broker):
    app = await _service(make_database, fresh_broker)
    async with running(app.state.runtime):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                     base_url="http://orders", headers=STAFF) as client:
            yield client, fresh_broker


async def test_order_signed_carries_the_triage(on_broker):
    client, broker = on_broker
    kid = await new_patient(client, mrn="K-9", years=9, weight_kg="30")
    adult = await new_patient(client, mrn="A-1")
    child_order = await new_order(client, kid["id"], lines=[line("ondansetron", 2)],
                                  headache_hours=72)
    plain = await new_order(client, adult["id"], lines=[line("ketorolac", 30)])
    urgent = await new_order(client, adult["id"], lines=[line("ondansetron", 4)],
                             triage_category="status_migrainosus")
    for o in (child_order, plain, urgent):
        r = await client.post(f"/v1/orders/{o['id']}/sign")
        assert r.status_code == 200, r.text
    got = {e.key: e.payload for e in await read_topic(broker, contracts.ORDERS_TOPIC, 3)}
    child, routine = got[child_order["id"]], got[plain["id"]]
    assert isinstance(child, contracts.OrderSigned) and isinstance(routine,
                                                                   contracts.OrderSigned)
    assert (child.pediatric, child.urgency, child.triage_category, child.headache_hours) == (
        True, "same_day", None, 72)
    assert (routine.triage_category, routine.headache_hours) == (None, None)
    assert got[urgent["id"]].triage_category == "status_migrainosus"
