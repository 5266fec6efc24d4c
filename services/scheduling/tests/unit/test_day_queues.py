"""A day's queue in this process (service/locks.py): a request that looked at the day before a
booking committed from the queue is sent to look again when its turn comes (DayChanged), and
the place passes on; one that looked after the commit keeps its place."""

from __future__ import annotations

import asyncio
from datetime import date

import pytest

from scheduling.service.locks import DayChanged, DayQueues

DAY = ("db", date(2027, 3, 2))
OTHER_DAY = ("db", date(2027, 3, 3))


async def take(lock: asyncio.Lock) -> None:
    await lock.acquire()


async def test_a_waiter_that_looked_before_a_commit_looks_again_and_passes_its_place_on():
    queues = DayQueues()
    seen = queues.changes(DAY)
    winner = await queues.enter(DAY, take, seen)
    stale = asyncio.create_task(queues.enter(DAY, take, seen))
    also_stale = asyncio.create_task(queues.enter(DAY, take, seen))
    unchecked = asyncio.create_task(queues.enter(DAY, take))  # a move: never sent back
    await asyncio.sleep(0.01)
    winner(True, True)  # held, committed a change to the day
    assert queues.changes(DAY) == seen + 1
    for waiter in (stale, also_stale):
        with pytest.raises(DayChanged):
            await waiter
    leave = await unchecked  # the places passed on down the queue without any work
    leave(True, False)
    fresh = await queues.enter(DAY, take, queues.changes(DAY))  # looked after the commit
    fresh(True, False)
    assert queues.changes(DAY) == seen + 1  # leaving without a commit changes nothing


async def test_a_commit_on_another_day_sends_nobody_back():
    queues = DayQueues()
    seen = queues.changes(DAY)
    other = await queues.enter(OTHER_DAY, take, queues.changes(OTHER_DAY))
    holder = await queues.enter(DAY, take, seen)
    waiter = asyncio.create_task(queues.enter(DAY, take, seen))
    other(True, True)
    holder(True, False)
    leave = await waiter
    leave(True, False)
