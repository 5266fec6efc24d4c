"""Batched reads (service/shared_reads.py): the keys asked for while a read is in flight are
read together by the next one, each asker gets its own key's answer, and a failed read fails
every asker of its batch (nobody waits forever)."""

from __future__ import annotations

import asyncio

import pytest

from scheduling.service.shared_reads import BatchedReads


class Reads:
    def __init__(self) -> None:
        self.batches: list[list[int]] = []
        self.release = asyncio.Event()

    async def read(self, keys: list[int]) -> dict[int, str]:
        self.batches.append(sorted(keys))
        await self.release.wait()
        return {k: f"row {k}" for k in keys}


async def test_keys_asked_while_a_read_is_in_flight_are_read_together():
    batched, reads = BatchedReads(), Reads()
    first = asyncio.create_task(batched.get("orders", 1, reads.read))
    await asyncio.sleep(0.01)  # the first read is in flight
    later = [asyncio.create_task(batched.get("orders", k, reads.read)) for k in (2, 3, 3, 4)]
    await asyncio.sleep(0.01)
    reads.release.set()
    assert await first == "row 1"
    assert [await t for t in later] == ["row 2", "row 3", "row 3", "row 4"]
    assert reads.batches == [[1], [2, 3, 4]]


async def test_the_requests_of_one_moment_share_one_read():
    batched, reads = BatchedReads(), Reads()
    reads.release.set()
    got = await asyncio.gather(*(batched.get("orders", k, reads.read) for k in range(50)))
    assert got == [f"row {k}" for k in range(50)]
    assert reads.batches == [list(range(50))]


async def test_kinds_are_read_apart():
    batched, reads = BatchedReads(), Reads()
    reads.release.set()
    await asyncio.gather(batched.get("orders", 1, reads.read),
                         batched.get("recalls", 1, reads.read))
    assert reads.batches == [[1], [1]]


async def test_a_failed_read_fails_every_asker_of_its_batch_and_the_next_batch_reads_again():
    batched = BatchedReads()
    calls = []

    async def broken(keys: list[int]) -> dict[int, str]:
        calls.append(sorted(keys))
        if len(calls) == 1:
            raise ConnectionError("database gone")
        return dict.fromkeys(keys, "fine")

    results = await asyncio.gather(*(batched.get("orders", k, broken) for k in (1, 2)),
                                   return_exceptions=True)
    assert [type(r) for r in results] == [ConnectionError, ConnectionError]
    assert await batched.get("orders", 3, broken) == "fine"
    assert calls == [[1, 2], [3]]


async def test_an_asker_that_gives_up_leaves_the_others_their_answer():
    batched, reads = BatchedReads(), Reads()
    impatient = asyncio.create_task(batched.get("orders", 1, reads.read))
    patient = asyncio.create_task(batched.get("orders", 1, reads.read))
    await asyncio.sleep(0.01)
    impatient.cancel()
    reads.release.set()
    assert await patient == "row 1"
    with pytest.raises(asyncio.CancelledError):
        await impatient
