"""Fan-out of bus events to the open streams of this process.

The bus reader calls `publish` for every record it reads; each connection has its own bounded
queue, filled without waiting: a connection whose queue is full is dropped (it reconnects
with Last-Event-ID and is replayed from the window), so neither the reader nor any other
connection ever waits for a slow client.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field

from gateway.domain.principal import Principal
from gateway.domain.stream import BadEventId, Position, StreamEvent, decode_position, visible_to
from gateway.service.stream.window import Entry, ReplayWindow, TopicPartition

log = logging.getLogger("gateway.stream")


@dataclass(eq=False)
class Subscriber:
    principal: Principal
    types: frozenset[str] | None
    queue: asyncio.Queue[Entry]
    after: Position = field(default_factory=dict)  # live entries below these offsets were seen
    dropped: asyncio.Event = field(default_factory=asyncio.Event)

    def wants(self, entry: Entry) -> bool:
        return entry.offset >= self.after.get(entry.tp, 0) and \
            visible_to(self.principal, entry.event, self.types)


@dataclass
class Opened:
    subscriber: Subscriber
    replay: list[Entry]
    reset: str | None  # why the client must refetch (its position is outside the window)
    position_id: str  # where this stream starts when it starts from now


class StreamHub:
    def __init__(self, window: ReplayWindow, *, queue_size: int, max_streams: int) -> None:
        self.window = window
        self.queue_size, self.max_streams = queue_size, max_streams
        self.subscribers: set[Subscriber] = set()
        self.reading = asyncio.Event()  # the reader has its partitions (events now arrive)
        self.caught_up = asyncio.Event()  # ... and has read the window back from the bus
        self.dropped_total = 0
        self.delivered_total = 0

    @property
    def full(self) -> bool:
        return len(self.subscribers) >= self.max_streams

    def publish(self, tp: TopicPartition, offset: int, event: StreamEvent | None) -> None:
        if event is None:
            self.window.advance(tp, offset)
            return
        entry = self.window.append(tp, offset, event)
        for sub in list(self.subscribers):
            if not sub.wants(entry):
                continue
            try:
                sub.queue.put_nowait(entry)
                self.delivered_total += 1
            except asyncio.QueueFull:
                self.drop(sub)

    def drop(self, sub: Subscriber) -> None:
        if sub in self.subscribers:
            self.subscribers.discard(sub)
            self.dropped_total += 1
            sub.dropped.set()
            log.warning("stream dropped: client too slow",
                        extra={"client_id": sub.principal.client_id})

    def open(self, principal: Principal, types: frozenset[str] | None,
             last_event_id: str | None) -> Opened:
        """Subscribe, and what to send first. No await between the window's snapshot and the
        subscription: nothing read in between is lost or sent twice."""
        sub = Subscriber(principal, types, asyncio.Queue(self.queue_size))
        replay: list[Entry] = []
        reset = None
        if last_event_id is not None:
            try:
                position = decode_position(last_event_id, self.window.topics)
            except BadEventId:
                reset = "unknown-event-id"
            else:
                held = self.window.after(position)
                if held is None:
                    reset = "outside-window"
                else:
                    replay = [e for e in held if visible_to(principal, e.event, types)]
                    sub.after = dict(position)
        self.subscribers.add(sub)
        return Opened(sub, replay, reset, self.window.position_id())

    def close(self, sub: Subscriber) -> None:
        self.subscribers.discard(sub)
