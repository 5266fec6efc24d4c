"""Concurrent identical reads share one database round: the first caller reads, the callers
that arrive while it is in flight wait for its result. Nothing is kept once it is done.

Only for reads taken without a lock (a booking's first look at a day, the next options of a
refusal, the clinic's configuration): under contention, hundreds of requests otherwise read the
same day, one after another, each paying a few milliseconds of CPU for the same answer. What a
request decides under a lock it reads itself, in its own transaction.

Reads that differ by key (a booking's first look at its own order) are batched instead
(``BatchedReads``): the requests asking while one read is in flight are answered by the next,
one round of statements for all of them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable
from typing import Any, Generic, TypeVar

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
_FAILED = object()


class SharedReads:
    """One key names one read (so one type of result): the futures in flight hold whatever
    the read of their key returns."""

    def __init__(self) -> None:
        self._inflight: dict[Hashable, asyncio.Future[Any]] = {}
        self.batched = BatchedReads()  # the reads that differ by key (one per runtime too)

    async def run(self, key: Hashable, read: Callable[[], Awaitable[T]]) -> T:
        pending = self._inflight.get(key)
        if pending is not None:
            shared = await asyncio.shield(pending)
            if shared is not _FAILED:
                result: T = shared  # the same read's result, by the key's contract
                return result
            return await read()  # the first reader failed or was cancelled: read ourselves
        pending = asyncio.get_running_loop().create_future()
        self._inflight[key] = pending
        try:
            mine = await read()
        except BaseException:
            pending.set_result(_FAILED)
            raise
        finally:
            del self._inflight[key]
        pending.set_result(mine)
        return mine


class BatchedReads:
    """Reads of one kind by key, batched: the keys asked for while a read of that kind is in
    flight are read together by the next one (one database round for a whole burst of
    requests, each about its own order). Like the shared reads, only for looks taken without a
    lock; the results are shared by whoever asked for the same key, so nobody may modify them.
    Nothing is kept once a batch is answered.
    """

    MAX_KEYS = 500  # one statement's IN list

    def __init__(self) -> None:
        self._kinds: dict[Hashable, _Batch[Any, Any]] = {}

    async def get(self, kind: Hashable, key: K,
                  read: Callable[[list[K]], Awaitable[dict[K, V]]]) -> V:
        """``read(keys)`` must answer every key it is given; the reads asked for one kind are
        interchangeable (any caller's may answer the others)."""
        batch = self._kinds.get(kind)
        if batch is None:
            batch = self._kinds[kind] = _Batch(self.MAX_KEYS, lambda: self._kinds.pop(kind))
        result: V = await batch.get(key, read)
        return result


class _Batch(Generic[K, V]):
    def __init__(self, max_keys: int, done: Callable[[], object]) -> None:
        self._max = max_keys
        self._done = done
        self._read: Callable[[list[K]], Awaitable[dict[K, V]]] | None = None
        self._waiting: dict[K, list[asyncio.Future[V]]] = {}
        self._drain: asyncio.Task[None] | None = None

    async def get(self, key: K, read: Callable[[list[K]], Awaitable[dict[K, V]]]) -> V:
        future: asyncio.Future[V] = asyncio.get_running_loop().create_future()
        self._waiting.setdefault(key, []).append(future)
        self._read = read
        if self._drain is None:
            self._drain = asyncio.create_task(self._run())
        return await future

    async def _run(self) -> None:
        try:
            while self._waiting and self._read is not None:
                # one turn of the loop first: the requests that arrived with this one join it
                await asyncio.sleep(0)
                keys = list(self._waiting)[:self._max]
                batch = {k: self._waiting.pop(k) for k in keys}
                try:
                    found = await self._read(keys)
                except BaseException as exc:  # every asker of the batch gets the error
                    for futures in batch.values():
                        for f in futures:
                            if not f.done():
                                f.set_exception(exc if isinstance(exc, Exception)
                                                else RuntimeError("the batched read stopped"))
                    if not isinstance(exc, Exception):
                        raise
                    continue
                for k, futures in batch.items():
                    for f in futures:
                        if not f.done():
                            f.set_result(found[k])
        finally:  # stopped (the service stopping): nobody waits forever
            for futures in self._waiting.values():
                for f in futures:
                    if not f.done():
                        f.set_exception(RuntimeError("the batched read stopped"))
            self._done()


