"""The replay window: the last N bus events (and none older than max_age_s) this process read,
each with the opaque id a client resumes from."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from gateway.domain.stream import Position, StreamEvent, encode_position

TopicPartition = tuple[str, int]


@dataclass(frozen=True)
class Entry:
    tp: TopicPartition
    offset: int
    at: float  # monotonic time it was read
    id: str  # the reader's position just after it
    event: StreamEvent


class ReplayWindow:
    """Per partition: `next` (the next offset to read) and `floor` (every offset from the floor
    up to `next` is still held, or was never an event). A client's position below a floor has
    lost events: it gets a reset instead of a replay."""

    def __init__(self, topics: tuple[str, ...], max_events: int, max_age_s: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.topics = topics
        self.max_events, self.max_age_s, self.clock = max_events, max_age_s, clock
        self.entries: deque[Entry] = deque()
        self.next: Position = {}
        self.floor: Position = {}
        self.log_start: Position = {}

    def track(self, tp: TopicPartition, start: int, log_start: int) -> None:
        """A partition the reader starts reading at `start` (its log begins at `log_start`)."""
        self.next.setdefault(tp, start)
        self.floor.setdefault(tp, start)
        self.log_start.setdefault(tp, log_start)

    def position_id(self) -> str:
        return encode_position(self.next, self.topics)

    def advance(self, tp: TopicPartition, offset: int) -> None:
        """A record that is no stream event (malformed, or of a type never streamed)."""
        self.next[tp] = max(self.next.get(tp, 0), offset + 1)

    def append(self, tp: TopicPartition, offset: int, event: StreamEvent) -> Entry:
        self.advance(tp, offset)
        entry = Entry(tp, offset, self.clock(), self.position_id(), event)
        self.entries.append(entry)
        self.trim()
        return entry

    def trim(self) -> None:
        oldest = self.clock() - self.max_age_s
        while self.entries and (len(self.entries) > self.max_events
                                or self.entries[0].at < oldest):
            gone = self.entries.popleft()
            self.floor[gone.tp] = max(self.floor.get(gone.tp, 0), gone.offset + 1)

    def after(self, position: Position) -> list[Entry] | None:
        """The held entries a client at `position` has not seen, or None when some it has not
        seen are gone (or were never read here): then the client must refetch."""
        self.trim()
        for tp, floor in self.floor.items():
            seen = position.get(tp, self.log_start.get(tp, 0))
            if seen < floor:
                return None
        return [e for e in self.entries if e.offset >= position.get(e.tp, 0)]
