"""Contention for one slot on PostgreSQL, answered by looks without locks: a burst's first
looks at their orders are read together (service/first_look.py), and the requests that queued
for the day before the winner committed look at it again when their turn comes, instead of each
taking the locks to learn that the slot is gone (service/locks.py, DayChanged). Counted in
statements, never in time."""

from __future__ import annotations

import asyncio
import itertools
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from uuid import uuid4

import pytest
from sched_it import DAY, local, setup_clinic, signed_order
from sqlalchemy import event

from scheduling.entrypoints.api.deps import get_now

pytestmark = pytest.mark.integration
N = 40


@contextmanager
def statements(runtime) -> Iterator[Counter[str]]:
    """What the service sends to the database meanwhile, by kind."""
    seen: Counter[str] = Counter()

    def count(_conn, _cursor, statement: str, *_args) -> None:
        if "advisory" in statement:
            seen["advisory lock"] += 1
        elif "FROM order_requests" in statement:
            seen["order read"] += 1

    engine = runtime.engine.sync_engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", count)


async def _book(client, order, hh: int, chair: str = "c01"):
    return await client.post("/v1/appointments", json={
        "order_id": str(order), "chair_id": chair, "start": local(hh).isoformat()})


async def test_the_losers_of_one_slot_are_refused_by_shared_looks_not_under_the_locks(svc):
    await setup_clinic(svc.client, chairs=1, nurses=1)
    orders = [await signed_order(svc.runtime) for _ in range(N)]
    with statements(svc.runtime) as sent:
        answers = await asyncio.gather(*(_book(svc.client, o, 9) for o in orders))
    assert [r.status_code for r in answers].count(201) == 1
    lost = [r for r in answers if r.status_code != 201]
    assert {r.status_code for r in lost} == {409}
    assert all(r.headers["content-type"].startswith("application/problem+json")
               and r.json()["next_options"] for r in lost)
    # one look per order and one locked check per request would be N of each; the winner
    # reads its order again under the lock, and takes the order's and the day's lock
    assert sent["order read"] < N / 2, sent
    assert sent["advisory lock"] < N / 2, sent


async def test_orders_looked_at_together_are_each_answered_for_themselves(svc, monkeypatch):
    """Four looks in one batch, each answered for its own order. The looks are held until all
    four have asked: what reaches the look together is otherwise up to the database's timing
    (the clinic's shared read comes first), and a batch of three is not what is tested here."""
    from scheduling.service import commands

    together = asyncio.Barrier(4)
    look = commands.look_at_order

    async def held(uow, order_id):
        await together.wait()
        return await look(uow, order_id)

    await setup_clinic(svc.client, chairs=2, nurses=2)
    booked, cancelled, fresh = [await signed_order(svc.runtime) for _ in range(3)]
    assert (await _book(svc.client, booked, 10)).status_code == 201
    async with svc.runtime.uow() as uow:
        await uow.orders.record_cancelled(cancelled)
        await uow.commit()
    unknown = uuid4()
    monkeypatch.setattr(commands, "look_at_order", held)
    with statements(svc.runtime) as sent:
        again, gone, nobody, new = await asyncio.gather(
            _book(svc.client, booked, 11), _book(svc.client, cancelled, 12),
            _book(svc.client, unknown, 13), _book(svc.client, fresh, 14, "c02"))
    assert sent["order read"] <= 2, sent  # the four looks in one read, the booking's own
    assert again.status_code == 409 and "already has an appointment" in again.json()["detail"]
    assert gone.status_code == 409 and gone.json()["detail"] == f"order {cancelled} is cancelled"
    assert nobody.status_code == 422 and nobody.json()["errors"][0]["field"] == "order_id"
    assert new.status_code == 201 and new.json()["order_id"] == str(fresh)


async def test_the_losers_of_one_slot_share_their_next_options_search(svc, monkeypatch):
    """The next options of a refused slot are the same for every request like it: a burst of
    losers runs a handful of searches, not one each (the requests' clocks differ by
    microseconds and are not part of what is shared), and every loser gets the same options."""
    from scheduling.service import refusals

    searches = 0
    search = refusals._next_options

    async def counted(*args, **kwargs):
        nonlocal searches
        searches += 1
        return await search(*args, **kwargs)

    monkeypatch.setattr(refusals, "_next_options", counted)
    # each request reads the clock a moment after the one before, as a live service does
    ticks = itertools.count()
    svc.app.dependency_overrides[get_now] = lambda: svc.clock.now + timedelta(
        microseconds=next(ticks))
    await setup_clinic(svc.client, chairs=1, nurses=1)
    await setup_clinic(svc.client, chairs=1, nurses=1, day=DAY + timedelta(days=1))
    orders = [await signed_order(svc.runtime) for _ in range(N)]
    # the day's last start: the options are the next day's, read from the database
    answers = await asyncio.gather(*(_book(svc.client, o, 17) for o in orders))
    lost = [r for r in answers if r.status_code == 409]
    assert len(lost) == N - 1 and [r.status_code for r in answers].count(201) == 1
    assert searches < N / 4, searches
    options = {tuple(o["start"] for o in r.json()["next_options"]) for r in lost}
    assert len(options) == 1, options
    assert [o[:10] for o in next(iter(options))] == [str(DAY + timedelta(days=1))] * 5
