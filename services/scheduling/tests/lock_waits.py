"""An API request waits for a busy clinic day no longer than its budget
(SCHEDULING_REQUEST_LOCK_WAIT_S), then answers 409 with next options; run on PostgreSQL
(tests/integration) and SQLite (tests/sqlite)."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sched_it import DAY, local, setup_clinic, signed_order

from scheduling.domain.appointment import Status
from scheduling.service import booking

HANG_GUARD_S = 60  # not a latency figure: how long to wait before calling the requests stuck


async def day_locked_elsewhere(svc) -> None:
    """While the day's lock is held elsewhere (another replica mid-booking, an optimizer
    applying its plan), bookings and moves are answered instead of waiting past the gateway's
    deadline, and store nothing; an event for that day still waits for the lock."""
    c = svc.client
    for d in (DAY, DAY + timedelta(days=1)):
        await setup_clinic(c, chairs=2, nurses=2, day=d)
    first = await signed_order(svc.runtime)
    r = await c.post("/v1/appointments", json={"order_id": str(first), "chair_id": "c01",
                                               "start": local(8).isoformat()})
    assert r.status_code == 201, r.text
    appt = r.json()
    orders = [await signed_order(svc.runtime) for _ in range(40)]
    signed = await signed_order(svc.runtime)
    async with svc.runtime.uow() as elsewhere:
        await elsewhere.lock_days(DAY)
        requests = [asyncio.create_task(c.post("/v1/appointments", json={
            "order_id": str(o), "chair_id": "c02", "start": local(9).isoformat()}))
            for o in orders]
        requests.append(asyncio.create_task(c.post(
            f"/v1/appointments/{appt['id']}/move", json={"start": local(11).isoformat()})))
        event = asyncio.create_task(_hold(svc, signed))  # order.signed for the locked day
        _, pending = await asyncio.wait(requests, timeout=HANG_GUARD_S)
        assert not pending, f"{len(pending)} of {len(requests)} requests still wait for the lock"
        assert not event.done()  # an event is not bounded: it waits for the day
    for r in (t.result() for t in requests):
        assert r.status_code == 409, r.text
        assert r.headers["content-type"].startswith("application/problem+json")
        body = r.json()
        assert "busy" in {x["code"] for x in body["reasons"]} and body["next_options"], body
    held = await event
    assert held is not None and held.status is Status.HELD
    r = await c.get("/v1/appointments", params={"date": DAY.isoformat()})
    items = {x["order_id"]: x for x in r.json()["items"]}
    assert set(items) == {str(first), str(signed)}  # the refused requests stored nothing
    assert items[str(first)]["start"] == appt["start"]
    # the lock is free again: the same request now books
    r = await c.post("/v1/appointments", json={"order_id": str(orders[0]), "chair_id": "c02",
                                               "start": local(9).isoformat()})
    assert r.status_code == 201, r.text


async def _hold(svc, order_id):
    async with svc.runtime.uow() as uow:
        appt = await booking.hold_for_order(uow, await uow.orders.get(order_id), local(7),
                                            svc.settings.booking_policy())
        await uow.commit()
    return appt
