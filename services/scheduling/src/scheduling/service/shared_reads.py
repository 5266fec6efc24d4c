"""Concurrent identical reads share one database round: the first caller reads, the callers
that arrive while it is in flight wait for its result. Nothing is kept once it is done.

Only for reads taken without a lock (a booking's first look at a day, the next options of a
refusal, the clinic's configuration): under contention, hundreds of requests otherwise read the
same day, one after another, each paying a few milliseconds of CPU for the same answer. What a
request decides under a lock it reads itself, in its own transaction.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")
_FAILED = object()


class SharedReads:
    """One key names one read (so one type of result): the futures in flight hold whatever
    the read of their key returns."""

    def __init__(self) -> None:
        self._inflight: dict[Hashable, asyncio.Future[Any]] = {}

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
