"""The newest catalog version is read fresh for every caller: a caller is only ever answered by
a query that started after it arrived, and callers arriving meanwhile share the next query."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

from orders.adapters.catalog_head import CatalogHead


class Database:
    """The newest version as a query sees it when it starts; each query waits for `release`."""

    def __init__(self) -> None:
        self.version = 1
        self.started: list[int] = []
        self.release = asyncio.Event()

    async def query(self) -> int:
        seen = self.version
        self.started.append(seen)
        await self.release.wait()
        self.release.clear()
        return seen


def head_on(db: Database) -> CatalogHead:
    head = CatalogHead(SimpleNamespace(dialect=SimpleNamespace(name="test")))  # type: ignore[arg-type]
    head._query = db.query  # type: ignore[method-assign]
    return head


async def _until(cond) -> None:
    for _ in range(200):
        if cond():
            return
        await asyncio.sleep(0)
    raise AssertionError("never happened")


async def test_a_caller_is_never_answered_by_a_query_that_started_before_it():
    db = Database()
    head = head_on(db)
    first = asyncio.create_task(head.latest())
    await _until(lambda: db.started == [1])  # its query is running, it saw version 1
    db.version = 2  # a PUT commits meanwhile, then three readers arrive
    later = [asyncio.create_task(head.latest()) for _ in range(3)]
    await asyncio.sleep(0)
    db.release.set()
    assert await first == 1
    await _until(lambda: len(db.started) == 2)
    db.release.set()
    assert await asyncio.gather(*later) == [2, 2, 2]
    assert db.started == [1, 2]  # the three shared one query, started after they arrived


async def test_a_caller_that_goes_away_does_not_cancel_the_others_answer():
    db = Database()
    head = head_on(db)
    leaving, staying = (asyncio.create_task(head.latest()) for _ in range(2))
    await _until(lambda: db.started == [1])
    leaving.cancel()
    await asyncio.sleep(0)
    db.release.set()
    assert await staying == 1
    assert leaving.cancelled()


async def test_a_failed_query_fails_its_callers_and_the_next_caller_asks_again():
    db = Database()
    head = head_on(db)
    calls = 0

    async def flaky() -> int:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise ConnectionError("database down")
        return 7

    head._query = flaky  # type: ignore[method-assign]
    try:
        await head.latest()
    except ConnectionError:
        pass
    else:
        raise AssertionError("the failure was not passed on")
    assert await head.latest() == 7
