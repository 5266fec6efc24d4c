"""Live-stream benchmark: streams held open by one gateway process, memory per stream, and
event-to-client latency (bus publish -> `data:` line read by a client).

    .venv/bin/python services/gateway/bench/stream.py [--streams 500] [--events 100]

Starts the embedded broker and one gateway process (`python -m gateway serve`, SQLite, demo
seed), opens `--streams` streams with an admin token from this process (raw sockets, so the
client side stays cheap), then publishes `--events` appointment events 50 ms apart. Prints:
streams open, the gateway's RSS before/after and per stream, latency to one probe client
(p50/p95/max) and to the last of all clients (fan-out p50/max). The clients share the
machine's cores with the gateway and the broker: absolute latencies are upper bounds.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import socket
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import httpx
from aiokafka import AIOKafkaProducer

from chairside_shared.broker import EmbeddedBroker
from chairside_shared.contracts import CONTRACTS
from chairside_shared.messaging.envelope import encode, kafka_headers
from chairside_shared.messaging.kafka import ensure_topics
from chairside_shared.processes import ServiceProcess
from chairside_shared.settings import ServiceSettings


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


class Client:
    """One stream on a raw socket: records when each event id is first seen."""

    def __init__(self) -> None:
        self.seen: dict[str, float] = {}
        self.task: asyncio.Task[None] | None = None

    async def open(self, port: int, token: str) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(f"GET /v1/stream HTTP/1.1\r\nHost: bench\r\nAuthorization: Bearer {token}"
                     f"\r\nAccept: text/event-stream\r\n\r\n".encode())
        await writer.drain()
        head = await reader.readuntil(b"\r\n\r\n")
        if not head.startswith(b"HTTP/1.1 200"):
            writer.close()
            raise RuntimeError(head.split(b"\r\n")[0].decode())
        self.writer = writer
        self.task = asyncio.create_task(self._read(reader))

    async def _read(self, reader: asyncio.StreamReader) -> None:
        while chunk := await reader.read(65536):
            now = time.perf_counter()
            at = chunk.find(b'"id":"')
            while at != -1:
                event_id = chunk[at + 6:at + 42].decode()
                self.seen.setdefault(event_id, now)
                at = chunk.find(b'"id":"', at + 42)

    def close(self) -> None:
        if self.task:
            self.task.cancel()
        self.writer.close()


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


async def run(streams: int, events: int) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="gw-stream-bench-"))
    broker = EmbeddedBroker(log_path=workdir / "broker.log").start()
    port = free_port()
    gateway = ServiceProcess("gateway", "gateway", port, env={
        "GATEWAY_PORT": str(port), "GATEWAY_DATA_DIR": str(workdir),
        "KAFKA_BOOTSTRAP_SERVERS": broker.bootstrap_servers, "GATEWAY_LOG_LEVEL": "WARNING",
        "GATEWAY_RATE_LIMIT_CAPACITY": "1000000000", "GATEWAY_RATE_LIMIT_PER_S": "1000000000",
        "GATEWAY_STREAM_MAX_STREAMS": str(streams + 10),
    }, log_path=workdir / "gateway.log")
    settings = ServiceSettings(KAFKA_BOOTSTRAP_SERVERS=broker.bootstrap_servers)
    topics = sorted({c.topic for c in CONTRACTS.values()})
    await ensure_topics(settings, topics, client_id="stream-bench")
    producer = AIOKafkaProducer(bootstrap_servers=broker.bootstrap_servers,
                                enable_idempotence=False, linger_ms=0)
    clients: list[Client] = []
    try:
        gateway.start().wait_ready()
        assert gateway.process is not None
        pid = gateway.process.pid
        async with httpx.AsyncClient(base_url=gateway.url) as c:
            r = await c.post("/v1/oauth/token", data={
                "grant_type": "client_credentials", "client_id": "demo-admin",
                "client_secret": "demo-admin-secret"})
            r.raise_for_status()
            token = r.json()["access_token"]
            await asyncio.sleep(6)  # the reader finds the topics (metadata refresh: 5 s)
        await producer.start()
        before = rss_kib(pid)
        for start in range(0, streams, 50):
            batch = [Client() for _ in range(min(50, streams - start))]
            await asyncio.gather(*(b.open(port, token) for b in batch))
            clients += batch
        await asyncio.sleep(1)
        after = rss_kib(pid)
        sent: dict[str, float] = {}
        contract = CONTRACTS["appointment.booked"]
        for i in range(events):
            now = datetime.now(UTC).isoformat()
            payload = contract.model.model_validate({
                "appointment_id": str(uuid.uuid4()), "order_id": str(uuid.uuid4()),
                "practice_id": "demo-clinic", "chair_id": "C1", "start": now, "end": now,
                "status": "booked", "occurred_at": now})
            enc = encode(event_type="appointment.booked", payload=payload, source="bench",
                         key=f"k{i % 8}")
            sent[enc.event_id] = time.perf_counter()
            await producer.send_and_wait(contract.topic, value=enc.value.encode(),
                                         key=enc.key.encode(),
                                         headers=kafka_headers(enc.headers))
            await asyncio.sleep(0.05)
        await asyncio.sleep(3)
        probe = clients[0]
        probe_lat = [probe.seen[e] - t for e, t in sent.items() if e in probe.seen]
        fan_out = [max(c.seen.get(e, float("inf")) for c in clients) - t
                   for e, t in sent.items()]
        complete = [x for x in fan_out if x != float("inf")]
        print(f"streams open on one gateway process: {len(clients)} (fd limit "
              f"{resource.getrlimit(resource.RLIMIT_NOFILE)[0]}, "
              f"GATEWAY_STREAM_MAX_STREAMS {streams + 10})")
        print(f"gateway RSS: {before / 1024:.1f} MiB before, {after / 1024:.1f} MiB with "
              f"{len(clients)} streams -> {(after - before) / max(1, len(clients)):.1f} KiB "
              f"per stream")
        print(f"event -> probe client ({len(probe_lat)}/{events} events): "
              f"p50 {_pct(probe_lat, .5):.1f} ms, p95 {_pct(probe_lat, .95):.1f} ms, "
              f"max {max(probe_lat) * 1000:.1f} ms")
        if complete:
            print(f"event -> all {len(clients)} clients ({len(complete)}/{events} events "
                  f"reached all): p50 {_pct(complete, .5):.1f} ms, "
                  f"max {max(complete) * 1000:.1f} ms, mean "
                  f"{statistics.mean(complete) * 1000:.1f} ms")
    finally:
        for client in clients:
            client.close()
        await producer.stop()
        gateway.stop()
        broker.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--streams", type=int, default=500)
    parser.add_argument("--events", type=int, default=100)
    args = parser.parse_args()
    asyncio.run(run(args.streams, args.events))
    return 0


if __name__ == "__main__":
    sys.exit(main())
