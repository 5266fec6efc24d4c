"""The locks a unit of work takes on clinic days and orders, and how long it waits for them.

Nurse capacity cannot be written as a table constraint, so every path that adds chair time to a
day takes the day's lock first and reads the day after it. An order's lock does the same for one
order: every path that gives an order an appointment (or releases its appointments) takes it
before reading the order's appointments, so "this order has none yet" stays true until commit
(the unique index on current appointments per order is the backstop). An order's lock comes
before any day lock; days are locked in date order; an authorization number's lock comes last
(a booking reads the units other orders draw under it, then draws). On PostgreSQL these are
transaction-scoped advisory locks (released by commit or rollback); on SQLite (single
process, `make run`) one in-process lock per database serializes all of it.

Bookings and moves first queue in this process, one per clinic day (``queue``), holding no
database connection: otherwise every request waiting for a busy day holds one of the pool's
connections while it waits, and the rest of the service waits for the pool.

A booking waiting in a day's queue looked at the day first, without a lock. When a booking in
this process commits on that day meanwhile (the day's ``changes`` count moves), what it saw is
old: it leaves the queue as soon as its turn comes (``DayChanged``, without touching the
database) and looks again, its look shared with the others who leave with it. Under contention
for one slot, the losers that queued before the winner committed are then refused by one
shared read instead of one at a time under the locks. Commits elsewhere (another replica, an
event handler) are not counted: those waiters go on to the locked check, as before.

Consumers and background loops wait as long as it takes: an event must not fail for arriving
at a busy moment. An API request waits at most ``deadline`` (its budget, counted from the start
of its unit of work) in all, and then gets ``Busy``: the gateway gives up on a service after its
upstream deadline, and "busy, here are the next options" is a better answer than its 503.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import zlib
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any
from uuid import UUID

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from scheduling.domain.errors import Busy

_DAY_NAMESPACE = 0x5C4E  # advisory lock key spaces of the scheduling service
_ORDER_NAMESPACE = 0x5C4F
_AUTHORIZATION_NAMESPACE = 0x5C50
_LOCK = text("SELECT pg_advisory_xact_lock(:ns, :key)")
_TRY_LOCK = text("SELECT pg_try_advisory_xact_lock(:ns, :key)")
# lock_timeout bounds advisory lock waits too; LOCAL ends with the transaction
_BOUND = text("SELECT set_config('lock_timeout', :ms, true)")
_UNBOUND = text("SET LOCAL lock_timeout TO DEFAULT")
_LOCK_NOT_AVAILABLE = "55P03"
_SQLITE_LOCKS: dict[str, asyncio.Lock] = {}


def database_key(session: AsyncSession) -> str:
    """The database a session talks to (its engine's URL), to key what is per database."""
    bind = session.bind
    engine = bind.engine if isinstance(bind, AsyncConnection) else bind
    return str(engine.url)


def _order_key(order_id: UUID) -> int:
    """32 bits of the order id: two orders sharing a key only wait for each other."""
    return int.from_bytes(order_id.bytes[:4], "big", signed=True)


def _authorization_key(auth_number: str) -> int:
    """32 bits of the authorization number: two numbers sharing a key only wait for each
    other."""
    return int.from_bytes(zlib.crc32(auth_number.encode()).to_bytes(4, "big"), "big",
                          signed=True)


class DayChanged(Exception):
    """A booking committed on the day (in this process) since the request looked at it."""


Leave = Callable[[bool, bool], None]  # (held the place, committed a change to the day)


class DayQueues:
    """This process's queues for clinic days (one per runtime); a day's entry lives while
    someone holds or waits for it. ``changes`` counts the commits made from a day's queue (one
    int per day ever queued for, kept for the life of the process)."""

    def __init__(self) -> None:
        self._queues: dict[tuple[str, date], tuple[asyncio.Lock, list[int]]] = {}
        self._changes: dict[tuple[str, date], int] = {}
        self._bumped: dict[tuple[str, date], asyncio.Event] = {}  # set at the next change

    def changes(self, key: tuple[str, date]) -> int:
        return self._changes.get(key, 0)

    async def enter(self, key: tuple[str, date], wait: Callable[[asyncio.Lock], Awaitable[None]],
                    seen: int | None = None) -> Leave:
        """Wait for the day's place; with ``seen`` (the day's ``changes`` when the caller
        looked at it), DayChanged instead as soon as it moves: the waiter leaves the queue
        then, without waiting for its turn."""
        lock, users = self._queues.setdefault(key, (asyncio.Lock(), [0]))
        users[0] += 1

        def leave(held: bool = True, changed: bool = False) -> None:
            if changed:  # before the next in line takes the place, so that it sees it
                self._changes[key] = self._changes.get(key, 0) + 1
                bumped = self._bumped.pop(key, None)
                if bumped is not None:
                    bumped.set()
            if held:
                lock.release()
            users[0] -= 1
            if not users[0]:
                del self._queues[key]
                self._bumped.pop(key, None)
        try:
            if seen is None:
                await wait(lock)
                return leave
            taken = await self._first(key, seen, wait, lock)
        except BaseException:
            leave(held=False)
            raise
        if not taken:
            leave(held=False)
            raise DayChanged()
        return leave

    async def _first(self, key: tuple[str, date], seen: int,
                     wait: Callable[[asyncio.Lock], Awaitable[None]], lock: asyncio.Lock) -> bool:
        """True with the place taken; False when the day changed first (place not taken)."""
        if self.changes(key) != seen:
            return False
        bumped = self._bumped.setdefault(key, asyncio.Event())
        place = asyncio.ensure_future(wait(lock))
        change = asyncio.ensure_future(bumped.wait())
        try:
            await asyncio.wait({place, change}, return_when=asyncio.FIRST_COMPLETED)
        except BaseException:  # cancelled: never keep a place nobody will leave
            await _stop(change)
            if await _stop(place):
                lock.release()
            raise
        await _stop(change)
        taken = await _stop(place)
        if self.changes(key) == seen:
            if not taken:
                place.result()  # Busy: the wait budget ran out first
            return True
        if taken:
            lock.release()  # taken just as the day changed: pass it on
        return False


async def _stop(task: asyncio.Future[Any]) -> bool:
    """Cancel ``task`` unless done; True when it had completed without an error."""
    if not task.done():
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, Busy):
            await task
    return not task.cancelled() and task.exception() is None


class Locks:
    """The day and order locks one transaction holds, and its places in the day queues."""

    def __init__(self, session: AsyncSession, deadline: float | None = None,
                 queues: DayQueues | None = None) -> None:
        self.session = session
        self.deadline = deadline  # event-loop time; None = wait as long as it takes
        self.postgres = session.bind.dialect.name == "postgresql"
        self._queues = queues or DayQueues()
        self._held: set[date | UUID | tuple[str, str]] = set()
        self._sqlite: asyncio.Lock | None = None
        self._queued: list[Leave] = []

    def changes(self, day: date) -> int:
        """How many commits this process made from the day's queue (see DayQueues)."""
        return self._queues.changes((database_key(self.session), day))

    async def queue(self, *days: date, seen: dict[date, int] | None = None) -> None:
        """Wait in this process's queue of each day (in date order). Call it holding no
        database lock or connection: end the transaction first. DayChanged when a day's
        ``changes`` moved from ``seen`` (its places taken so far are let go)."""
        url = database_key(self.session)
        for day in sorted(set(days)):
            busy = f"other requests are booking {day.isoformat()}"
            try:
                self._queued.append(await self._queues.enter(
                    (url, day), functools.partial(self._acquire, busy=busy),
                    None if seen is None else seen.get(day)))
            except DayChanged:
                self.release()
                raise

    async def days(self, *days: date) -> None:
        for day in sorted(set(days) - self._held):
            await self._take(_DAY_NAMESPACE, day.toordinal(),
                             f"other requests are booking {day.isoformat()}")
            self._held.add(day)

    async def order(self, order_id: UUID) -> None:
        if order_id not in self._held:
            await self._take(_ORDER_NAMESPACE, _order_key(order_id),
                             f"order {order_id} is being changed by another request")
            self._held.add(order_id)

    async def authorization(self, auth_number: str) -> None:
        """Taken last (after the order and its days): the units other orders under the
        number draw are read and then drawn on by one booking at a time."""
        key = ("authorization", auth_number)
        if key not in self._held:
            await self._take(_AUTHORIZATION_NAMESPACE, _authorization_key(auth_number),
                             f"authorization {auth_number} is being drawn on by another "
                             "request")
            self._held.add(key)

    async def try_order(self, order_id: UUID) -> bool:
        """The order's lock if nobody holds it; never waits (so safe under a day lock)."""
        if order_id in self._held:
            return True
        if self.postgres:
            got = bool((await self.session.execute(_TRY_LOCK, {
                "ns": _ORDER_NAMESPACE, "key": _order_key(order_id)})).scalar())
        else:
            got = self._sqlite is not None or not self._sqlite_lock().locked()
            if got:
                await self._take_sqlite("")
        if got:
            self._held.add(order_id)
        return got

    def release(self, committed: bool = False) -> None:
        """After commit or rollback: the advisory locks ended with the transaction. A commit
        made holding a day's place counts as a change to the day."""
        self._held.clear()
        if self._sqlite is not None:
            self._sqlite.release()
            self._sqlite = None
        while self._queued:
            self._queued.pop()(True, committed)

    def _left(self) -> float | None:
        return None if self.deadline is None else \
            self.deadline - asyncio.get_running_loop().time()

    async def _take(self, ns: int, key: int, busy: str) -> None:
        if not self.postgres:
            await self._take_sqlite(busy)
            return
        params = {"ns": ns, "key": key}
        if self.deadline is None:
            await self.session.execute(_LOCK, params)
            return
        if (await self.session.execute(_TRY_LOCK, params)).scalar():
            return  # free: no timeout to set and reset
        left = self.deadline - asyncio.get_running_loop().time()
        if left <= 0:
            raise Busy(busy)
        await self.session.execute(_BOUND, {"ms": f"{max(1, int(left * 1000))}ms"})
        try:
            await self.session.execute(_LOCK, params)
        except DBAPIError as exc:
            if getattr(exc.orig, "sqlstate", None) == _LOCK_NOT_AVAILABLE:
                raise Busy(busy) from exc
            raise
        # the bound is for this lock only: a row lock later on, or the commit's NOTIFY, must
        # not fail on it
        await self.session.execute(_UNBOUND)

    def _sqlite_lock(self) -> asyncio.Lock:
        return _SQLITE_LOCKS.setdefault(database_key(self.session), asyncio.Lock())

    async def _take_sqlite(self, busy: str) -> None:
        if self._sqlite is None:
            lock = self._sqlite_lock()
            await self._acquire(lock, busy)
            self._sqlite = lock

    async def _acquire(self, lock: asyncio.Lock, busy: str) -> None:
        """An in-process lock, within the deadline."""
        left = self._left()
        if left is None or not lock.locked():
            await lock.acquire()
            return
        try:
            await asyncio.wait_for(lock.acquire(), max(left, 0.001))
        except TimeoutError:
            raise Busy(busy) from None
