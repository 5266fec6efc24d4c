"""The Scheduling API on PostgreSQL: booking, conflicts with next options, lifecycle, bad input,
board, optimizer, and the database's own chair invariant."""

from __future__ import annotations

from datetime import datetime
from uuid import uuid4

import pytest
from sched_it import DAY, local, setup_clinic, signed_order
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from scheduling.adapters import orm

pytestmark = pytest.mark.integration


def parse(value: str) -> datetime:
    return datetime.fromisoformat(value)


async def test_slots_book_conflict_and_lifecycle(svc):
    c = svc.client
    await setup_clinic(c, chairs=2, nurses=1)
    r = await c.get("/v1/slots", params={"minutes": 60, "from": local(8).isoformat(),
                                         "to": local(18).isoformat(), "limit": 3})
    assert r.status_code == 200, r.text
    assert [parse(x["start"]) for x in r.json()] == [local(8), local(8, 5), local(8, 10)]
    assert [x["chair_id"] for x in r.json()] == ["c01", "c01", "c01"]
    first, second = await signed_order(svc.runtime), await signed_order(
        svc.runtime, authorization="approved")
    r = await c.post("/v1/appointments", json={"order_id": str(first), "chair_id": "c01",
                                               "start": local(9).isoformat()})
    assert r.status_code == 201, r.text
    a = r.json()
    assert a["status"] == "held" and a["chair_id"] == "c01" and a["hold_expires_at"]
    # same chair, overlapping: 409 with reasons and the next options
    r = await c.post("/v1/appointments", json={"order_id": str(second), "chair_id": "c01",
                                               "start": local(9, 30).isoformat()})
    assert r.status_code == 409, r.text
    body = r.json()
    assert r.headers["content-type"].startswith("application/problem+json")
    assert "chair_busy" in {x["code"] for x in body["reasons"]}
    assert body["next_options"] and all(parse(o["start"]) >= local(9, 30)
                                        for o in body["next_options"])
    # another chair at the same start: the single nurse is still starting the first patient
    r = await c.post("/v1/appointments", json={"order_id": str(second), "chair_id": "c02",
                                               "start": local(9, 5).isoformat()})
    assert r.status_code == 409 and "nurse_start" in {x["code"] for x in r.json()["reasons"]}
    r = await c.post("/v1/appointments", json={"order_id": str(second), "chair_id": "c02",
                                               "start": local(9, 15).isoformat()})
    assert r.status_code == 201 and r.json()["status"] == "booked"  # authorization approved
    b = r.json()
    # lifecycle of the booked one; illegal steps answer 409
    r = await c.post(f"/v1/appointments/{b['id']}/start")
    assert r.status_code == 409 and r.json()["type"].endswith("illegal-transition")
    svc.clock.now = local(9, 0)  # within the check-in and start windows of the 9:15 slot
    for step, status in [("check-in", "checked_in"), ("start", "in_chair")]:
        r = await c.post(f"/v1/appointments/{b['id']}/{step}")
        assert r.status_code == 200 and r.json()["status"] == status
    svc.clock.now = local(9, 45)
    async with svc.runtime.uow() as uow:  # as order.administered records it
        await uow.orders.record_administered(second, local(9, 45))
        await uow.commit()
    r = await c.post(f"/v1/appointments/{b['id']}/complete")
    assert r.json()["status"] == "completed" and parse(r.json()["end"]) == local(9, 45)
    r = await c.post(f"/v1/appointments/{a['id']}/cancel", json={"reason": "patient asked"})
    assert r.json()["status"] == "cancelled" and r.json()["reason"] == "patient asked"
    r = await c.post(f"/v1/appointments/{a['id']}/no-show")
    assert r.status_code == 409
    r = await c.get("/v1/appointments", params={"date": DAY.isoformat()})
    assert {x["status"] for x in r.json()["items"]} == {"cancelled", "completed"}


async def test_move_and_no_double_booking_in_the_database(svc):
    c = svc.client
    await setup_clinic(c, chairs=2, nurses=2)
    o1, o2 = await signed_order(svc.runtime), await signed_order(svc.runtime)
    a = (await c.post("/v1/appointments", json={"order_id": str(o1), "chair_id": "c01",
                                                "start": local(10).isoformat()})).json()
    b = (await c.post("/v1/appointments", json={"order_id": str(o2), "chair_id": "c02",
                                                "start": local(10).isoformat()})).json()
    r = await c.post(f"/v1/appointments/{a['id']}/move", json={"start": local(10, 30).isoformat(),
                                                              "chair_id": "c02"})
    assert r.status_code == 409
    r = await c.post(f"/v1/appointments/{a['id']}/move", json={"start": local(10, 30).isoformat()})
    assert r.status_code == 200 and parse(r.json()["start"]) == local(10, 30)
    assert r.json()["chair_id"] == "c01"
    # the database refuses an overlapping live appointment even if code were bypassed
    async with svc.runtime.uow() as uow:
        with pytest.raises(IntegrityError, match="ex_appointments_chair_no_overlap"):
            await uow.session.execute(orm.appointments.insert().values(
                id=uuid4(), status="booked", minutes=30, acuity_class="standard",
                chair_id="c02", start_at=local(10, 15), end_at=local(10, 45)))
            await uow.session.commit()
    async with svc.runtime.uow() as uow:
        rows = (await uow.session.execute(select(orm.appointments.c.id))).all()
    assert len(rows) == 2 and b["id"]


@pytest.mark.parametrize("body, field", [
    ({"chair_id": "nope", "start": "T09:00"}, "chair_id"),
    ({"chair_id": "c01", "start": "T06:00"}, "start"),
    ({"chair_id": "c01", "start": "T17:30"}, "start"),
    ({"order_id": "unknown", "chair_id": "c01", "start": "T09:00"}, "order_id"),
])
async def test_bad_booking_input_is_422_and_stores_nothing(svc, body, field):
    await setup_clinic(svc.client, chairs=1)
    order = await signed_order(svc.runtime, minutes=60)
    hh, mm = map(int, body["start"][1:].split(":"))
    payload = {"order_id": str(uuid4()) if body.get("order_id") else str(order),
               "chair_id": body["chair_id"], "start": local(hh, mm).isoformat()}
    r = await svc.client.post("/v1/appointments", json=payload)
    assert r.status_code == 422, r.text
    assert r.json()["errors"][0]["field"] == field
    r = await svc.client.get("/v1/appointments")
    assert r.json()["items"] == []


async def test_bad_admin_and_query_input(svc):
    c = svc.client
    await setup_clinic(c, chairs=1, nurses=1)
    r = await c.post("/v1/nurse-shifts", json={"nurse_id": "rn0",
                                               "start": local(17).isoformat(),
                                               "end": local(20).isoformat()})
    assert r.status_code == 422 and "overlap" in r.json()["detail"]
    r = await c.post("/v1/nurse-shifts", json={"nurse_id": "rn9", "start": local(9).isoformat(),
                                               "end": local(17).isoformat(), "breaks": [
                                                   {"start": local(8).isoformat(),
                                                    "end": local(8, 30).isoformat()}]})
    assert r.status_code == 422
    for minutes in (0, -1, 24 * 60 + 1):
        r = await c.get("/v1/slots", params={"minutes": minutes})
        assert r.status_code == 422 and r.json()["errors"][0]["field"] == "minutes"
    r = await c.get("/v1/slots", params={"minutes": 30, "acuity_class": "mystery"})
    assert r.status_code == 422
    r = await c.put("/v1/ratio-policy", json={"ratios": {"standard": 0}})
    assert r.status_code == 422
    r = await c.put("/v1/clinic-hours", json={"timezone": "Mars/Base", "weekly": []})
    assert r.status_code == 422
    r = await c.get("/v1/ratio-policy")
    assert r.json()["ratios"] == {"standard": 4, "elevated": 2, "high": 1}


async def test_board_and_optimizer_apply(svc):
    c = svc.client
    await setup_clinic(c, chairs=2, nurses=1)
    orders = [await signed_order(svc.runtime, minutes=60) for _ in range(2)]
    for o, hh in zip(orders, (14, 15), strict=True):
        r = await c.post(
            "/v1/appointments", json={"order_id": str(o), "start": local(hh).isoformat()}
        )
        assert r.status_code == 201, r.text
    # both patients asked for 08:00-ish: record that as their requested start
    async with svc.runtime.uow() as uow:
        await uow.session.execute(orm.appointments.update().values(requested_start=local(8)))
        await uow.session.commit()
    r = await c.get("/v1/board", params={"date": DAY.isoformat()})
    board = r.json()
    assert [len(ch["appointments"]) for ch in board["chairs"]] == [2, 0]
    assert board["utilization"]["booked_chair_minutes"] == 120
    assert len(board["nurse_load"]) == 40 and board["nurse_load"][0]["nurses_available"] == 1
    r = await c.post("/v1/schedule/optimize", params={"date": DAY.isoformat()})
    res = r.json()
    assert r.status_code == 200 and res["status"] in ("optimal", "feasible") and not res["applied"]
    assert len(res["moves"]) == 2 and res["after"]["total_wait_minutes"] < \
        res["before"]["total_wait_minutes"]
    assert res["objective"] == res["after"]["total_wait_minutes"]  # no overtime here
    assert 0 <= res["lower_bound"] <= res["objective"] and 0.0 <= res["gap"] <= 1.0
    r = await c.post("/v1/schedule/optimize", params={"date": DAY.isoformat(), "apply": "true"})
    assert r.json()["applied"] is True
    r = await c.get("/v1/appointments", params={"date": DAY.isoformat()})
    starts = sorted(parse(x["start"]) for x in r.json()["items"])
    assert starts[0] == local(8)
    # a second optimization has nothing left to improve
    r = await c.post("/v1/schedule/optimize", params={"date": DAY.isoformat()})
    assert r.json()["moves"] == []
