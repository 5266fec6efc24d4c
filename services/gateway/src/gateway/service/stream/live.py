"""The live stream of one gateway process: its replay window, its fan-out hub and the bus
reader feeding them, started and stopped with the app."""

from __future__ import annotations

import asyncio
import contextlib

from chairside_shared.contracts import CONTRACTS
from gateway.adapters.bus_reader import BusReader
from gateway.service.stream.hub import StreamHub
from gateway.service.stream.window import ReplayWindow
from gateway.settings import GatewaySettings

# Sorted, so that every replica numbers them alike inside event ids.
STREAM_TOPICS: tuple[str, ...] = tuple(sorted({c.topic for c in CONTRACTS.values()}))


class LiveStream:
    def __init__(self, settings: GatewaySettings) -> None:
        self.settings = settings
        window = ReplayWindow(STREAM_TOPICS, settings.stream_window_events,
                              settings.stream_window_s)
        self.hub = StreamHub(window, queue_size=settings.stream_queue_size,
                             max_streams=settings.stream_max_streams)
        self.reader = BusReader(
            settings.kafka_bootstrap_servers, STREAM_TOPICS,
            window=settings.stream_window_events, publish=self.hub.publish,
            track=window.track, on_reading=self.hub.reading.set,
            on_caught_up=self.hub.caught_up.set,
            fetch_max_wait_ms=settings.consumer_fetch_max_wait_ms,
            idle_fetch_max_wait_ms=settings.consumer_idle_fetch_max_wait_ms,
            idle_after_s=settings.consumer_idle_after_s,
            yield_every=settings.stream_queue_size // 4)
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self.reader.run(), name="gateway-stream-reader")

    async def stop(self) -> None:
        for sub in list(self.hub.subscribers):
            self.hub.close(sub)
            sub.dropped.set()  # ends the connection's loop
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
            self._task = None
