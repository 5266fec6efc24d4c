"""close_consumer returns in bounded time whatever aiokafka's stop does (messaging/closing.py),
on a stand-in consumer whose stop never ends. (Leaving the group on the real broker:
tests/foundation/test_group_leave.py; a broker killed under live consumers:
tests/e2e/test_faults.py.)"""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

import pytest

from chairside_shared.messaging import closing


class Part:
    def __init__(self) -> None:
        self.closed = 0

    async def close(self) -> None:
        self.closed += 1


class StuckConsumer:
    """Holds partitions; its stop waits for ever (optionally shrugging off one cancel)."""

    def __init__(self, *, stubborn: bool = False, stop_s: float | None = None) -> None:
        self.stubborn, self.stop_s = stubborn, stop_s
        self._group_id = "orders"
        self._fetcher, self._client = Part(), Part()
        self._coordinator = SimpleNamespace(generation=3, member_id="m-1",
                                            _coordination_task=None)
        self.stopped = False

    def assignment(self) -> set[tuple[str, int]]:
        return {("orders.events", 0)}

    async def stop(self) -> None:
        if self.stop_s is not None:
            await asyncio.sleep(self.stop_s)
            self.stopped = True
            return
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            if not self.stubborn:
                raise
            await asyncio.Event().wait()


@pytest.fixture(autouse=True)
def short_bounds(monkeypatch):
    monkeypatch.setattr(closing, "STOP_GRACE_S", 0.05, raising=False)
    monkeypatch.setattr(closing, "STEP_S", 0.05, raising=False)


@pytest.mark.parametrize("stubborn", [False, True])
def test_a_stop_that_never_ends_is_abandoned_and_the_parts_closed(stubborn):
    async def run() -> StuckConsumer:
        consumer = StuckConsumer(stubborn=stubborn)
        coordination = asyncio.ensure_future(asyncio.Event().wait())
        consumer._coordinator._coordination_task = coordination
        await asyncio.wait_for(closing.close_consumer(consumer), 5)  # returns at all
        await asyncio.sleep(0)
        assert coordination.cancelled()
        return consumer

    consumer = asyncio.run(run())
    assert consumer._fetcher.closed == 1 and consumer._client.closed == 1


def test_a_stop_that_ends_in_time_is_left_to_close_the_parts_itself():
    async def run() -> StuckConsumer:
        consumer = StuckConsumer(stop_s=0.01)
        await asyncio.wait_for(closing.close_consumer(consumer), 5)
        return consumer

    consumer = asyncio.run(run())
    assert consumer.stopped
    assert consumer._fetcher.closed == 0 and consumer._client.closed == 0


class StuckProducer:
    """A producer whose flush on stop waits for ever, as against a broker that died."""

    def __init__(self, *, stop_s: float | None = None) -> None:
        self.stop_s = stop_s
        self.client = Part()
        self.client._client_id = "orders-relay"
        self.stopped = False

    async def stop(self) -> None:
        if self.stop_s is not None:
            await asyncio.sleep(self.stop_s)
            self.stopped = True
            return
        await asyncio.Event().wait()


def test_a_producer_whose_stop_never_ends_is_abandoned_and_its_client_closed():
    producer = StuckProducer()
    asyncio.run(asyncio.wait_for(closing.close_producer(producer), 5))
    assert producer.client.closed == 1 and not producer.stopped


def test_a_producer_that_stops_in_time_closes_its_own_client():
    producer = StuckProducer(stop_s=0.01)
    asyncio.run(asyncio.wait_for(closing.close_producer(producer), 5))
    assert producer.stopped and producer.client.closed == 0


def test_the_relay_stops_in_bounded_time_with_a_stuck_producer():
    """The bound is the relay's own (ServiceRuntime and the gateway just await its stop)."""
    from chairside_shared.messaging.relay import OutboxRelay

    class Epoch:
        async def close(self) -> None:
            await asyncio.Event().wait()  # an admin client that never closes either

    async def run() -> StuckProducer:
        relay = OutboxRelay.__new__(OutboxRelay)
        producer = StuckProducer()
        relay._producer, relay._epoch, relay._listen_conn = producer, Epoch(), None
        relay._wake = asyncio.Event()
        await asyncio.wait_for(relay.stop(), 10)
        assert relay._producer is None
        return producer

    assert asyncio.run(run()).client.closed == 1
