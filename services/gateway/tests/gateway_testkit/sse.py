"""Live-stream test parts: publishing real events on the broker, and reading text/event-stream
the way a front end does (fetch streaming with the bearer header)."""

from __future__ import annotations

import asyncio
import json
import uuid
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx
from aiokafka import AIOKafkaProducer

from chairside_shared.contracts import CONTRACTS
from chairside_shared.messaging.envelope import encode, kafka_headers


@dataclass
class Sse:
    event: str | None = None
    id: str | None = None
    data: Any = None
    comments: list[str] = field(default_factory=list)


class SseReader:
    """Messages of one open stream; comments (heartbeats) are kept on the next message or
    returned alone with `comments=True`."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        self.lines = response.aiter_lines()
        self.last_id: str | None = None

    async def next(self, timeout_s: float = 15, comments: bool = False) -> Sse:
        return await asyncio.wait_for(self._next(comments), timeout_s)

    async def _next(self, comments: bool) -> Sse:
        msg = Sse()
        async for line in self.lines:
            if line == "":
                if msg.id is not None:
                    self.last_id = msg.id
                if msg.event or msg.data is not None or (comments and msg.comments):
                    return msg
                continue
            name, _, value = line.partition(":")
            value = value[1:] if value.startswith(" ") else value
            if name == "":
                msg.comments.append(value)
            elif name == "id":
                msg.id = value
            elif name == "event":
                msg.event = value
            elif name == "data":
                msg.data = json.loads(value)
        raise EOFError("stream ended")

    async def events(self, n: int, timeout_s: float = 20) -> list[Sse]:
        return [await self.next(timeout_s) for _ in range(n)]


@asynccontextmanager
async def open_stream(client: httpx.AsyncClient, headers: dict[str, str], **params: str):
    async with client.stream("GET", "/v1/stream", headers=headers, params=params,
                             timeout=httpx.Timeout(10, read=60)) as r:
        assert r.status_code == 200, (await r.aread()).decode()
        assert r.headers["content-type"].startswith("text/event-stream")
        reader = SseReader(r)
        yield reader


class Bus:
    """A producer of real CloudEvents on the test broker (as the services' relays send them)."""

    def __init__(self, bootstrap: str) -> None:
        self.producer = AIOKafkaProducer(bootstrap_servers=bootstrap, enable_idempotence=False,
                                         acks="all", linger_ms=0)

    async def start(self) -> Bus:
        await self.producer.start()
        return self

    async def stop(self) -> None:
        await self.producer.stop()

    async def send(self, event_type: str, key: str = "k", wait: bool = True, **fields: Any) -> str:
        contract = CONTRACTS[event_type]
        payload = contract.model.model_validate(fields)
        enc = encode(event_type=event_type, payload=payload, source="test", key=key)
        fut = await self.producer.send(contract.topic, value=enc.value.encode(),
                                       key=key.encode(), headers=kafka_headers(enc.headers))
        if wait:
            await fut
        return enc.event_id

    async def appointment(self, status: str = "booked", practice_id: str | None = "demo-clinic",
                          key: str = "k", wait: bool = True, **extra: Any) -> str:
        now = datetime.now(UTC)
        event_status = {"started": "in_chair", "moved": "booked"}.get(status, status)
        return await self.send(
            f"appointment.{status}", key=key, wait=wait, appointment_id=str(uuid.uuid4()),
            order_id=str(uuid.uuid4()), practice_id=practice_id, chair_id="C1",
            start=now.isoformat(), end=now.isoformat(), status=event_status,
            occurred_at=now.isoformat(), **extra)

    async def claim(self, status: str = "created", practice_id: str | None = "demo-clinic",
                    key: str = "k") -> str:
        now = datetime.now(UTC)
        return await self.send(
            f"claim.{status}", key=key, claim_id=str(uuid.uuid4()), order_id=str(uuid.uuid4()),
            practice_id=practice_id, status=status, total_charge="100.00",
            occurred_at=now.isoformat())
