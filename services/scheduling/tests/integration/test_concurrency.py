"""Concurrent bookings for the last feasible slot: exactly one wins, every other request gets
409 with next options, and the chair and nurse-ratio invariants hold afterwards: 200 through the
app in this process, and 400 over HTTP against the service running as its own process."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta
from types import SimpleNamespace

import httpx
import pytest
from sched_it import DAY, local, setup_clinic, signed_order

from chairside_shared.broker import free_port
from chairside_shared.processes import ServiceProcess
from chairside_shared.testing.plugin import settings_for_test
from scheduling.bootstrap import MIGRATIONS, build_runtime
from scheduling.domain.appointment import Status
from scheduling.domain.booking import visits_of
from scheduling.domain.verify import verify_day
from scheduling.service.days import load_clinic, load_day
from scheduling.settings import SchedulingSettings

pytestmark = pytest.mark.integration
N = 200
HANG_GUARD_S = 120  # not a latency figure: how long before calling the requests stuck


async def _orders(runtime, n: int, minutes: int = 60) -> list:
    return await asyncio.gather(*(signed_order(runtime, minutes=minutes) for _ in range(n)))


async def _book(client, order, start, chair):
    body = {"order_id": str(order), "start": start.isoformat()}
    if chair:
        body["chair_id"] = chair
    return await client.post("/v1/appointments", json=body)


async def _invariants(svc) -> list:
    async with svc.runtime.uow() as uow:
        clinic = await load_clinic(uow, svc.settings.booking_policy())
        day = await load_day(uow, clinic, DAY, local(7))
        live = [a for a in day.appointments if a.status is not Status.CANCELLED]
        state = day.state
        return live, verify_day(state.frame, state.chairs, state.nurses, clinic.ratios,
                                visits_of(live, state.frame))


async def _race(svc, requests) -> tuple[list, list]:
    responses = await asyncio.gather(*(_book(svc.client, *r) for r in requests))
    won = [r for r in responses if r.status_code == 201]
    lost = [r for r in responses if r.status_code != 201]
    return won, lost


async def _last_slot_left(c, runtime) -> None:
    """One chair, two nurses; the clinic day is full but for 09:00-10:00, the next day free."""
    await setup_clinic(c, chairs=1, nurses=2)
    await setup_clinic(c, chairs=1, nurses=2, day=DAY + timedelta(days=1))  # for next options
    fill = await _orders(runtime, 2)
    assert (await _book(c, fill[0], local(8), "c01")).status_code == 201
    r = await c.post("/v1/appointments", json={"order_id": str(fill[1]), "chair_id": "c01",
                                               "start": local(10).isoformat()})
    assert r.status_code == 201
    # fill the rest of the day in one long visit record: 10:00-18:00 is 480 minutes
    async with runtime.uow() as uow:
        from scheduling.adapters import orm
        await uow.session.execute(orm.appointments.update().where(
            orm.appointments.c.start_at == local(10)).values(end_at=local(18), minutes=480))
        await uow.session.commit()


async def test_last_chair_slot_goes_to_exactly_one(svc):
    await _last_slot_left(svc.client, svc.runtime)
    orders = await _orders(svc.runtime, N)
    won, lost = await _race(svc, [(o, local(9), "c01") for o in orders])
    assert len(won) == 1, [r.text for r in lost[:2]]
    assert {r.status_code for r in lost} == {409}
    assert all(r.json()["next_options"] for r in lost)
    # A loser refused busy (the locks stayed taken past its wait) got options read without
    # them, possibly before the winner committed; those refused on the merits saw the day as
    # the winner left it: the next free time is the next day.
    # A busy refusal is a slot-unavailable problem whose reason is "busy" (refusals.py).
    decided = [r.json() for r in lost
               if all(reason["code"] != "busy" for reason in r.json()["reasons"])]
    assert decided, "every loser was refused busy"
    first_next = decided[0]["next_options"][0]
    assert first_next["start"][:10] == (DAY + timedelta(days=1)).isoformat(), decided[0]
    live, violations = await _invariants(svc)
    assert violations == [] and len(live) == 3


async def _post_over_http(port: int, order, start) -> tuple[int, dict]:
    """One booking on its own connection, plain HTTP/1.1: 400 of them at once stay cheap for
    this process (whose CPU is shared with the service's)."""
    payload = json.dumps({"order_id": str(order), "chair_id": "c01",
                          "start": start.isoformat()}).encode()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(f"POST /v1/appointments HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     f"Content-Type: application/json\r\nContent-Length: {len(payload)}\r\n"
                     "Connection: close\r\n\r\n".encode() + payload)
        raw = await reader.read()  # until the service closes the connection
    finally:
        writer.close()
    head, _, body = raw.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), json.loads(body) if body else {}


async def test_400_bookings_of_one_slot_over_http_end_in_one_201_and_409s(make_database,
                                                                         broker, tmp_path):
    """The service as its own process (uvicorn), as the gateway calls it: contention ends in
    409s with next options, never in a 5xx or a request left hanging."""
    url = await make_database("schedhttp", MIGRATIONS)
    port = free_port()
    proc = ServiceProcess("scheduling", "scheduling", port, log_path=tmp_path / "svc.log", env={
        "SCHEDULING_DATABASE_URL": url, "SCHEDULING_PORT": str(port),
        "SCHEDULING_ENVIRONMENT": "test", "SCHEDULING_SEED_DEMO_DATA": "false",
        "SCHEDULING_HOLD_SWEEP_INTERVAL_S": "3600",
        "KAFKA_BOOTSTRAP_SERVERS": broker.bootstrap_servers}).start()
    settings = settings_for_test(SchedulingSettings, database_url=url, broker=broker)
    runtime = build_runtime(settings)  # this process's own access to the same database
    try:
        await asyncio.to_thread(proc.wait_ready, 60)
        async with httpx.AsyncClient(base_url=proc.url) as c:
            await _last_slot_left(c, runtime)
        orders = await _orders(runtime, 400)
        answers = await asyncio.wait_for(asyncio.gather(*(
            _post_over_http(port, o, local(9)) for o in orders)), HANG_GUARD_S)
        proc.stop()
        statuses = [status for status, _ in answers]
        failed = [line for line in (tmp_path / "svc.log").read_text().splitlines()
                  if "unhandled error" in line]
        assert statuses.count(201) == 1 and statuses.count(409) == 399, (
            sorted(set(statuses)), failed[:1])
        refused = [body for status, body in answers if status == 409]
        assert all(body["next_options"] for body in refused)
        assert all(body["next_options"][0]["start"][:10] >= DAY.isoformat() for body in refused)
        live, violations = await _invariants(SimpleNamespace(runtime=runtime, settings=settings))
        assert violations == [] and len(live) == 3
    finally:
        proc.stop()
        await runtime.engine.dispose()


async def test_last_nurse_capacity_goes_to_exactly_one(svc):
    """Different chairs, so no table constraint can help: only the day lock keeps the ratio."""
    c = svc.client
    await setup_clinic(c, chairs=8, nurses=1)
    running = await _orders(svc.runtime, 3, minutes=180)
    for i, o in enumerate(running):  # 3 of the nurse's 4 units used from 09:30 to 12:00
        r = await _book(c, o, local(9, 15 * i), f"c0{i + 1}")
        assert r.status_code == 201, r.text
    orders = await _orders(svc.runtime, N)
    # starts 15 minutes apart, so set-ups never collide: every pair still overlaps in time
    starts = [local(10, 15 * (i % 3)) for i in range(N)]
    chairs = [f"c0{4 + i % 5}" for i in range(N)]
    won, lost = await _race(svc, list(zip(orders, starts, chairs, strict=True)))
    assert len(won) == 1, [r.text for r in lost[:2]]
    assert {r.status_code for r in lost} == {409}
    codes = {x["code"] for r in lost for x in r.json()["reasons"]}
    assert "nurse_capacity" in codes
    assert all(r.json()["next_options"] for r in lost)
    live, violations = await _invariants(svc)
    assert violations == [] and len(live) == 4
