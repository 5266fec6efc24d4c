"""Composed views: one visit across four services, and the day's board."""

import uuid

import pytest
from gateway_testkit.walk import seed_practice

pytestmark = pytest.mark.integration


async def test_visit_composes_the_four_parts(g, fakes):
    data = seed_practice(fakes, "demo-partner", "MRN-V-2")
    seed_practice(fakes, "practice-b", "MRN-V-3")  # another order's records must not leak in
    r = await g.client.get(f"/v1/visits/{data.order['id']}", headers=await g.auth("demo-partner"))
    assert r.status_code == 200
    body = r.json()
    assert body["order"]["id"] == data.order["id"]
    assert body["authorization"]["id"] == data.authorization["id"]
    assert body["appointment"]["id"] == data.appointment["id"]
    assert body["claim"]["id"] == data.claim["id"]


async def test_visit_of_an_order_with_no_claim_yet_has_null_parts(g, fakes):
    data = seed_practice(fakes, "demo-clinic", "MRN-V-4")
    fakes["reimbursement"].docs["claims"].clear()
    body = (await g.client.get(f"/v1/visits/{data.order['id']}", headers=await g.auth())).json()
    assert body["claim"] is None and body["appointment"]["id"] == data.appointment["id"]


async def test_visit_of_unknown_or_foreign_order_is_404(g, fakes):
    other = seed_practice(fakes, "practice-b", "MRN-V-5")
    headers = await g.auth("demo-partner")
    assert (await g.client.get(f"/v1/visits/{other.order['id']}", headers=headers)).status_code \
        == 404
    assert (await g.client.get(f"/v1/visits/{uuid.uuid4()}", headers=headers)).status_code == 404


async def test_visit_for_a_partner_when_orders_is_down_is_503_not_a_guess(g, fakes):
    data = seed_practice(fakes, "demo-partner", "MRN-V-6")
    fakes["orders"].fail_with = [503] * 20
    r = await g.client.get(f"/v1/visits/{data.order['id']}", headers=await g.auth("demo-partner"))
    assert r.status_code == 503 and "retry-after" in r.headers


async def test_visit_for_staff_when_orders_is_down_marks_the_order_unavailable(g, fakes):
    data = seed_practice(fakes, "demo-clinic", "MRN-V-7")
    fakes["orders"].fail_with = [503] * 20
    body = (await g.client.get(f"/v1/visits/{data.order['id']}", headers=await g.auth())).json()
    assert body["order"] == {"unavailable": True, "service": "orders"}
    assert body["claim"]["id"] == data.claim["id"]


async def test_board_adds_each_appointments_order(g, fakes):
    a = seed_practice(fakes, "demo-clinic", "MRN-B-1")
    b = seed_practice(fakes, "demo-partner", "MRN-B-2")
    r = await g.client.get("/v1/board", params={"date": "2026-03-02"}, headers=await g.auth())
    assert r.status_code == 200
    body = r.json()
    assert body["date"] == "2026-03-02" and body["chairs"]
    assert set(body["orders"]) == {a.order["id"], b.order["id"]}
    assert body["orders"][a.order["id"]]["status"] == "draft"
    assert (await g.client.get("/v1/board", params={"date": "2026-03-02"},
                               headers=await g.auth("demo-partner"))).status_code == 403


async def test_board_with_orders_down_keeps_the_chairs(g, fakes):
    a = seed_practice(fakes, "demo-clinic", "MRN-B-3")
    fakes["orders"].fail_with = [503] * 20
    body = (await g.client.get("/v1/board", params={"date": "2026-03-02"},
                               headers=await g.auth())).json()
    assert body["chairs"][0]["appointments"][0]["id"] == a.appointment["id"]
    assert body["orders"][a.order["id"]] == {"unavailable": True, "service": "orders"}
