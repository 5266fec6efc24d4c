"""GET /v1/stream: Server-Sent Events from the bus, per connection (docs/stream.md).

A plain ASGI response rather than sse-starlette or StreamingResponse: the connection has to
end the moment the hub drops it, even while a write is blocked on a client that stopped
reading (a generator can only notice between writes), and the framing is a few lines.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from typing import Any

from fastapi import Request
from starlette.responses import Response

from chairside_shared.contracts import CONTRACTS
from gateway.domain import problems as pb
from gateway.domain.principal import Principal
from gateway.domain.stream import STREAM_SCOPES, scope_for
from gateway.service.container import Gateway
from gateway.service.proxy import Call
from gateway.service.stream.hub import Opened, StreamHub
from gateway.service.stream.window import Entry

log = logging.getLogger("gateway.stream")
RETRY_MS = 2000  # the reconnection delay EventSource clients are told


def parse_types(raw: str | None, principal: Principal) -> frozenset[str] | None:
    if raw is None or not raw.strip():
        return None
    asked = frozenset(t.strip() for t in raw.split(",") if t.strip())
    unknown = sorted(t for t in asked if t not in CONTRACTS or scope_for(t) is None)
    if unknown:
        raise pb.validation([{"field": "types", "message": f"unknown event type: {unknown[0]}"}],
                            "query parameter not valid")
    for t in sorted(asked):
        scope = scope_for(t)
        if scope is not None and not principal.has(scope):
            raise pb.insufficient_scope(scope)
    return asked


def message(entry: Entry) -> bytes:
    e = entry.event
    doc = {"id": e.event_id, "type": e.type, "occurred_at": e.occurred_at.isoformat(),
           "practice_id": e.practice_id, "data": e.data}
    return (f"id: {entry.id}\nevent: {e.type}\n"
            f"data: {json.dumps(doc, separators=(',', ':'))}\n\n").encode()


def reset_message(reason: str, position_id: str) -> bytes:
    doc = json.dumps({"reason": reason, "detail": "events were missed: refetch the board and "
                      "lists, then keep reading this stream"})
    return f"id: {position_id}\nevent: reset\ndata: {doc}\n\n".encode()


async def open_stream(gw: Gateway, request: Request, call: Call) -> Response:
    principal = call.principal
    if not principal.scopes & STREAM_SCOPES:
        raise pb.insufficient_scope(" or ".join(sorted(STREAM_SCOPES)))
    types = parse_types(call.query.get("types"), principal)
    live = gw.stream
    if live is None:
        raise pb.Problem(503, "stream-unavailable", "the live stream is off on this gateway",
                         headers={"Retry-After": "30"})
    hub = live.hub
    if hub.full:
        raise pb.Problem(503, "too-many-streams", "this gateway holds its most streams; "
                         "retry (another replica may serve you)", headers={"Retry-After": "5"})
    last_id = request.headers.get("last-event-id")
    if last_id is not None and not hub.caught_up.is_set():
        # A process that just started is still reading its window back from the bus.
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(hub.caught_up.wait(), gw.settings.stream_resume_wait_s)
    opened = hub.open(principal, types, last_id or None)
    return SseResponse(hub, opened, gw.settings.stream_heartbeat_s,
                       gw.settings.stream_max_duration_s)


class SseResponse(Response):
    media_type = "text/event-stream"

    def __init__(self, hub: StreamHub, opened: Opened, heartbeat_s: float,
                 max_duration_s: float) -> None:
        super().__init__(status_code=200, headers={"cache-control": "no-store",
                                                   "x-accel-buffering": "no"})
        self.hub, self.opened, self.heartbeat_s = hub, opened, heartbeat_s
        self.max_duration_s = max_duration_s
        self.body = b""  # for the pipeline's audit/idempotency code: never stored

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        sub = self.opened.subscriber
        headers = [(k, v) for k, v in self.raw_headers if k != b"content-length"]
        tasks: list[asyncio.Task[Any]] = []
        done: set[asyncio.Task[Any]] = set()
        try:
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            writer = asyncio.create_task(self._write(send))
            tasks = [writer, asyncio.create_task(self._disconnected(receive)),
                     asyncio.create_task(sub.dropped.wait())]
            done, _ = await asyncio.wait(tasks, timeout=self.max_duration_s,
                                         return_when=asyncio.FIRST_COMPLETED)
        finally:
            self.hub.close(sub)
            for t in tasks:
                t.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
        if done and not sub.dropped.is_set():
            return  # the client went away
        # Dropped, past its duration, or the gateway stops: end the body if the client's socket
        # takes it; one that stopped reading is cut off when this returns unfinished.
        with contextlib.suppress(TimeoutError, OSError):
            await asyncio.wait_for(send({"type": "http.response.body", "body": b"",
                                         "more_body": False}), 1.0)

    async def _disconnected(self, receive: Any) -> None:
        while (await receive())["type"] != "http.disconnect":
            pass

    async def _write(self, send: Any) -> None:
        opened, sub = self.opened, self.opened.subscriber

        async def chunk(data: bytes) -> None:
            await send({"type": "http.response.body", "body": data, "more_body": True})

        await chunk(f"retry: {RETRY_MS}\n\n".encode())
        if opened.reset:
            await chunk(reset_message(opened.reset, opened.position_id))
        for entry in opened.replay:
            await chunk(message(entry))
        queue = sub.queue
        while True:
            try:
                # asyncio.timeout, not wait_for: no task per message, so the writer runs as
                # soon as the reader queues an event (a burst must not look like a slow client).
                async with asyncio.timeout(self.heartbeat_s):
                    first = await queue.get()
            except TimeoutError:
                # Nothing queued: this client has had everything read so far, so the reader's
                # position is its resume point too (an idle filtered stream stays resumable).
                await chunk(f": hb\nid: {self.hub.window.position_id()}\n\n".encode())
                continue
            batch = [message(first)]
            while not queue.empty() and len(batch) < 64:
                batch.append(message(queue.get_nowait()))
            await chunk(b"".join(batch))
