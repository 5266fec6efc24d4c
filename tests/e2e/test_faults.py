"""Faults in the middle of a clinic day, each followed by a reconciliation of every service's
state: every signed order reaches a consistent state everywhere, no event is lost, no effect
happens twice (one appointment per order, one claim per visit, stock drawn once).

- the broker is killed (it is in-memory: it comes back empty) and restarted;
- a consumer (scheduling) is killed in the middle of a batch of events and restarted;
- one service's PostgreSQL connections are terminated, repeatedly, and it recovers.

The client retries what failed while a part was down (same Idempotency-Key), as a careful
front end does.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from uuid import UUID

import pytest
from chairside_client.api.orders import post_orders_order_id_cancel
from chairside_client.models import OrdersCancelIn, OrdersOrderOut
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from .client import Api
from .reconcile import reconcile
from .stack import ADMIN_URL
from .visits import (
    COCKTAIL,
    MEDICARE,
    give,
    new_order,
    new_patient,
    sign,
    status_of,
    visit,
    visit_when,
)

pytestmark = pytest.mark.e2e
PLACED = ("booked", "held", "queued")


@pytest.fixture(scope="module")
async def api(stack) -> AsyncIterator[Api]:
    client = Api(stack.gateway_url)
    client.retry_s = 45
    try:
        yield client
    finally:
        await client.aclose()


async def signed_cocktail(api: Api) -> str:
    patient = await new_patient(api)
    order = await new_order(api, patient["id"], COCKTAIL, urgency="same_day", payer=MEDICARE)
    await sign(api, order["id"])
    return order["id"]


async def placed(api: Api, oid: str, timeout_s: float = 60) -> dict:
    return await visit_when(api, oid, lambda v: status_of(v["appointment"]) in PLACED
                            and v["order"]["authorization_status"] == "not_required",
                            "placed", timeout_s=timeout_s)


async def run_and_bill(api: Api, oid: str, timeout_s: float = 60) -> dict:
    """Give a booked visit and wait for its claim."""
    v = await visit_when(api, oid, lambda v: status_of(v["appointment"]) == "booked"
                         and v["order"]["status"] == "scheduled", "booked",
                         timeout_s=timeout_s)
    await give(api, v["order"], v["appointment"]["id"])
    return await visit_when(api, oid, lambda v: v["claim"] is not None
                            and status_of(v["appointment"]) == "completed", "claim built",
                            timeout_s=timeout_s)


async def scalar(url: str, sql: str) -> int:
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            return int((await conn.execute(text(sql))).scalar_one())
    finally:
        await engine.dispose()


# ------------------------------------------------------------------------------ broker
async def test_broker_killed_mid_day_and_restarted(stack, api):
    before = [await signed_cocktail(api) for _ in range(3)]
    for oid in before:
        await placed(api, oid)

    stack.broker.stop(kill=True)  # in-memory: topics, events and offsets are gone
    # The day goes on: staff work, partners sign; every change waits in its outbox.
    during = [await signed_cocktail(api) for _ in range(3)]
    for oid in before[:2]:
        v = await visit_when(api, oid, lambda v: status_of(v["appointment"]) == "booked",
                             "booked")
        # order.administered waits in the outbox: the chair time completes after the restart
        await give(api, v["order"], v["appointment"]["id"], chair_time=False)
    unsent = await scalar(stack.databases["orders"],
                          "SELECT count(*) FROM outbox WHERE sent_at IS NULL")
    assert unsent >= 5  # 3 order.signed + 2 order.administered, held back
    for oid in during:
        assert status_of((await visit(api, oid))["appointment"]) is None

    stack.broker.start()  # same address, empty
    for oid in before[:2]:
        v = await visit_when(api, oid, lambda v: v["claim"] is not None
                             and status_of(v["appointment"]) == "completed",
                             "claim and chair time after restart", timeout_s=90)
        assert v["order"]["status"] == "administered"
    for oid in during:
        await placed(api, oid, timeout_s=90)
    for oid in [before[2], *during]:
        await run_and_bill(api, oid)
    await reconcile(stack, api, timeout_s=90)


# ------------------------------------------------------------------------------ consumer
async def test_consumer_killed_mid_batch_and_restarted(stack, api):
    sched = stack.databases["scheduling"]
    appointments = "SELECT count(*) FROM appointments"
    start_count = await scalar(sched, appointments)
    stack.kill("scheduling")
    # A backlog for scheduling: 24 signed orders wait in Kafka (a service that got faster
    # placed all of 12 between two looks of an engine made for each look).
    orders = list(await asyncio.gather(*(signed_cocktail(api) for _ in range(24))))
    await asyncio.sleep(1)

    await asyncio.to_thread(stack.processes["scheduling"].start)
    deadline = time.monotonic() + 90
    engine = create_async_engine(sched)
    try:
        async with engine.connect() as conn:  # one connection: a look takes a millisecond
            while (await conn.execute(text(appointments))).scalar_one() == start_count:
                assert time.monotonic() < deadline, "scheduling never started on its backlog"
                await conn.commit()  # the next look sees what committed since
                await asyncio.sleep(0.005)
    finally:
        await engine.dispose()
    stack.kill("scheduling")  # in the middle of the batch
    done_at_kill = await scalar(sched, appointments) - start_count
    assert 1 <= done_at_kill < len(orders), done_at_kill

    await asyncio.to_thread(stack.restart, "scheduling")
    for oid in orders:
        await placed(api, oid, timeout_s=90)
    # Redelivered events had no second effect: one appointment per order.
    per_order = await scalar(sched, "SELECT max(n) FROM (SELECT count(*) AS n FROM "
                                    "appointments GROUP BY order_id) AS x")
    assert per_order == 1
    booked = []
    for oid in orders:
        v = await visit(api, oid)
        if status_of(v["appointment"]) == "booked":
            booked.append(oid)
    assert booked
    await run_and_bill(api, booked[0])
    await reconcile(stack, api, timeout_s=90)
    # 24 same-day visits fill most of the clinic's day: the next test of the module found
    # its visits queued behind them (the visit at 'queued', never booked, in 1 run of 5).
    # Their orders are cancelled, and scheduling gives the chairs back.
    rest = [oid for oid in orders if oid != booked[0]]
    for oid in rest:
        await api.wire(OrdersOrderOut, post_orders_order_id_cancel.asyncio_detailed,
                       client=await api.as_(), order_id=UUID(oid),
                       body=OrdersCancelIn(reason="fault test over"))
    for oid in rest:
        await visit_when(api, oid, lambda v: status_of(v["appointment"]) in (None, "cancelled"),
                         "chair given back")


# ------------------------------------------------------------------------------ database
async def test_a_services_database_connections_dropped_and_recovered(stack, api):
    """The orders service loses every PostgreSQL connection (API pool, outbox relay and its
    LISTEN connection, consumer), several times while visits go on."""
    db_name = stack.db_names["orders"]
    orders = [await signed_cocktail(api) for _ in range(3)]
    for oid in orders:
        await placed(api, oid)

    admin = create_async_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    terminated = 0
    stop = asyncio.Event()

    async def drop_connections() -> None:
        nonlocal terminated
        while not stop.is_set():
            async with admin.connect() as conn:
                terminated += (await conn.execute(text(
                    "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM "
                    "pg_stat_activity WHERE datname = :db AND pid <> pg_backend_pid()) t"),
                    {"db": db_name})).scalar_one()
            await asyncio.sleep(0.7)

    chaos = asyncio.create_task(drop_connections())
    try:
        later = [await signed_cocktail(api) for _ in range(2)]
        for oid in orders:
            await run_and_bill(api, oid, timeout_s=90)
    finally:
        stop.set()
        await chaos
        await admin.dispose()
    assert terminated >= 3, terminated

    for oid in later:
        await run_and_bill(api, oid, timeout_s=90)
    # Raw: the orders service's own readiness probe, not an operation of the public API.
    ready = await api.http.get(stack.url("orders") + "/readyz")
    assert ready.status_code == 200, ready.text
    await reconcile(stack, api, timeout_s=90)
