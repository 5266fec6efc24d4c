"""One order, many concurrent attempts to give it chair time: the scenarios run on PostgreSQL
(tests/integration) and on SQLite (tests/sqlite) alike. Each ends with exactly one current
appointment for the order, and every refused request is a clean 409 problem."""

from __future__ import annotations

import asyncio
from datetime import date, datetime, timedelta
from uuid import UUID, uuid4

import httpx
from sched_it import DAY, local, setup_clinic, signed_order
from sqlalchemy import inspect, select, text

from scheduling.adapters import orm
from scheduling.service import booking

ALREADY = "already has an appointment; move it instead"
# An order's current claim on chair time: a queued same-day request or a live appointment.
CURRENT = ("queued", "held", "booked", "checked_in", "in_chair")
INDEX = "ux_appointments_order_current"


def clinic_days(n: int, first: date = DAY) -> list[date]:
    """The next n weekdays from ``first`` (the clinic's default week is Monday-Friday)."""
    days, d = [], first
    while len(days) < n:
        if d.weekday() < 5:
            days.append(d)
        d += timedelta(days=1)
    return days


async def current_appointments(runtime, order_id: UUID) -> list[dict]:
    """Rows straight from the table: what the database holds, not what a handler believes."""
    t = orm.appointments
    async with runtime.session_factory() as session:
        rows = (await session.execute(select(t).where(
            t.c.order_id == order_id, t.c.status.in_(CURRENT)))).all()
    return [dict(r._mapping) for r in rows]


def assert_refused_cleanly(responses: list[httpx.Response], order_id: UUID) -> None:
    won = [r for r in responses if r.status_code == 201]
    lost = [r for r in responses if r.status_code != 201]
    assert len(won) == 1, [(r.status_code, r.text[:200]) for r in responses]
    for r in lost:
        assert r.status_code == 409, r.text
        assert r.headers["content-type"].startswith("application/problem+json")
        # the loser finds the order booked, or (on a loaded machine) still locked by the
        # winner past the lock wait: either way a clean refusal naming the order
        assert r.json()["detail"] in (f"order {order_id} {ALREADY}",
                                      f"order {order_id} is being changed by another request"), \
            r.text


async def book(client: httpx.AsyncClient, order_id: UUID, start: datetime,
               chair: str | None = None) -> httpx.Response:
    body = {"order_id": str(order_id), "start": start.isoformat()}
    if chair:
        body["chair_id"] = chair
    return await client.post("/v1/appointments", json=body)


async def same_start_on_eight_days(client: httpx.AsyncClient, runtime) -> None:
    days = clinic_days(8)
    for d in days:
        await setup_clinic(client, chairs=2, nurses=1, day=d)
    order = await signed_order(runtime)
    responses = await asyncio.gather(*(book(client, order, local(9, 0, d)) for d in days))
    assert_refused_cleanly(responses, order)
    live = await current_appointments(runtime, order)
    assert len(live) == 1 and str(live[0]["id"]) == next(
        r.json()["id"] for r in responses if r.status_code == 201)


async def several_starts_on_one_day(client: httpx.AsyncClient, runtime) -> None:
    await setup_clinic(client, chairs=4, nurses=2)
    order = await signed_order(runtime)
    starts = [local(9 + i // 2, 30 * (i % 2)) for i in range(8)]  # 09:00, 09:30 ... 12:30
    responses = await asyncio.gather(*(book(client, order, s) for s in starts))
    assert_refused_cleanly(responses, order)
    assert len(await current_appointments(runtime, order)) == 1


async def holds_and_bookings_race(client: httpx.AsyncClient, runtime, policy) -> None:
    """order.signed (a consumer placing a hold) racing staff booking the same order."""
    for d in clinic_days(2):
        await setup_clinic(client, chairs=3, nurses=2, day=d)
    order = await signed_order(runtime, window=(local(8), local(18, 0, clinic_days(2)[1])))

    async def hold(now: datetime) -> None:
        async with runtime.uow() as uow:
            await booking.hold_for_order(uow, await uow.orders.get(order), now, policy)
            await uow.commit()

    outcomes = await asyncio.gather(
        *(hold(local(7, 0)) for _ in range(4)),
        *(book(client, order, local(10 + i)) for i in range(4)))
    api = [o for o in outcomes if isinstance(o, httpx.Response)]
    assert all(r.status_code in (201, 409) for r in api), [r.text for r in api]
    assert all(ALREADY in r.json()["detail"] for r in api if r.status_code == 409)
    assert len(await current_appointments(runtime, order)) == 1


async def index_refuses_a_second_current_appointment(runtime) -> None:
    """Bypassing every handler: the table itself keeps one current appointment per order."""
    from sqlalchemy.exc import IntegrityError

    order = uuid4()
    t = orm.appointments

    def row(status: str, hour: int, **kw: object) -> dict:
        slot = {} if status == "queued" else {
            "chair_id": "c01", "start_at": local(hour), "end_at": local(hour + 1)}
        return {"id": uuid4(), "order_id": order, "status": status, "minutes": 60,
                "acuity_class": "standard", **slot, **kw}

    async with runtime.session_factory() as session:
        await session.execute(t.insert().values(**row("booked", 8)))
        # history does not count: cancelled, no-show and completed visits of the same order
        for status, hour in (("cancelled", 9), ("no_show", 10), ("completed", 11)):
            await session.execute(t.insert().values(**row(status, hour)))
        # nor appointments that belong to no order
        await session.execute(t.insert().values(**{**row("held", 12), "order_id": None}))
        await session.commit()
    for status, hour in (("held", 13), ("booked", 14), ("checked_in", 15), ("in_chair", 16),
                         ("queued", 0)):
        async with runtime.session_factory() as session:
            try:
                await session.execute(t.insert().values(**row(status, hour)))
                await session.commit()
            except IntegrityError as exc:
                assert INDEX in str(exc.orig) or \
                    "appointments.order_id" in str(exc.orig), exc
            else:
                raise AssertionError(f"a second {status} appointment for one order was stored")
    async with runtime.session_factory() as session:
        statuses = (await session.execute(select(t.c.status).where(t.c.order_id == order))).all()
    assert sorted(s for (s,) in statuses) == ["booked", "cancelled", "completed", "no_show"]



async def migration_stops_on_duplicates(url: str) -> None:
    """A database the bug already wrote to: the upgrade names the order instead of failing
    half-way, builds the index once the extra appointment is cancelled, and downgrades."""
    from alembic import command

    from chairside_shared import db
    from chairside_shared.migrations import alembic_config, upgrade
    from scheduling.bootstrap import MIGRATIONS

    def indexes(conn) -> list[str]:
        return [i["name"] for i in inspect(conn).get_indexes("appointments")]

    await asyncio.to_thread(upgrade, MIGRATIONS, url, "scheduling_0002")
    engine = db.create_engine(url)
    order, t = uuid4(), orm.appointments
    extra = uuid4()
    try:
        async with engine.begin() as conn:  # 0002 builds today's tables: undo the index
            await conn.execute(text(f"DROP INDEX {INDEX}"))
            for i, hour in ((uuid4(), 9), (extra, 11)):
                await conn.execute(t.insert().values(
                    id=i, order_id=order, status="held", minutes=60, acuity_class="standard",
                    chair_id="c01", start_at=local(hour), end_at=local(hour + 1)))
        try:
            await asyncio.to_thread(upgrade, MIGRATIONS, url)
        except RuntimeError as exc:
            assert str(order) in str(exc) and "cancel the extra ones" in str(exc), exc
        else:
            raise AssertionError("the index was built over two live appointments of one order")
        async with engine.begin() as conn:
            await conn.execute(t.update().where(t.c.id == extra).values(status="cancelled"))
        await asyncio.to_thread(upgrade, MIGRATIONS, url)
        async with engine.connect() as conn:
            assert INDEX in await conn.run_sync(indexes)
        await asyncio.to_thread(command.downgrade, alembic_config(MIGRATIONS, url),
                                "scheduling_0002")
        async with engine.connect() as conn:
            assert INDEX not in await conn.run_sync(indexes)
    finally:
        await engine.dispose()


async def moves_race(client: httpx.AsyncClient, runtime) -> None:
    """Staff moving one appointment to several days at once: it ends on one of them, once."""
    days = clinic_days(6)
    for d in days:
        await setup_clinic(client, chairs=2, nurses=1, day=d)
    order = await signed_order(runtime)
    r = await book(client, order, local(9))
    assert r.status_code == 201, r.text
    responses = await asyncio.gather(*(client.post(
        f"/v1/appointments/{r.json()['id']}/move", json={"start": local(10, 0, d).isoformat()})
        for d in days[1:]))
    assert {x.status_code for x in responses} <= {200, 409}, [x.text for x in responses]
    assert any(x.status_code == 200 for x in responses)
    [current] = await current_appointments(runtime, order)
    assert current["start_at"] in {local(10, 0, d) for d in days[1:]}
