"""The gateway's choice of HTTP client, by measurement: each candidate sends GET requests to
the stub upstream (upstream.py, its own process) with 1, 16 and 32 in flight; printed per
candidate: this process's CPU time per request (the client's whole cost: pool, HTTP/1.1,
event loop) and req/s.

    .venv/bin/python services/gateway/bench/clients.py [--requests 3000]

Candidates: httpx's pooled transport as the gateway had it (limits 100 / 50 keep-alive),
the same with the pool cut to what is in flight, the gateway's LIFO pool over httpcore's
connections (gateway.adapters.pool), and aiohttp's client when it is installed (it is not a
dependency: `uv pip install aiohttp` into the venv to include it).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx

from chairside_shared.broker import free_port
from chairside_shared.processes import ServiceProcess
from gateway.adapters.pool import lifo_transport

HERE = Path(__file__).resolve().parent
Send = Callable[[], Awaitable[int]]


def httpx_sender(transport: httpx.AsyncHTTPTransport, url: str) -> Send:
    async def send() -> int:
        r = await transport.handle_async_request(httpx.Request("GET", url, extensions={
            "timeout": {"connect": 1, "read": 5, "write": 5, "pool": 5}}))
        try:
            await r.aread()
        finally:
            await r.aclose()
        return r.status_code
    return send


async def run(send: Send, n: int, concurrency: int) -> tuple[float, float]:
    for _ in range(50):
        await send()
    left = n

    async def worker() -> None:
        nonlocal left
        while left > 0:
            left -= 1
            if await send() != 200:
                raise RuntimeError("upstream answered non-200")

    cpu, wall = time.process_time(), time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return cpu * 1e6 / n, n / wall


async def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--requests", type=int, default=3000)
    p.add_argument("--concurrency", type=int, nargs="+", default=[1, 16, 32])
    args = p.parse_args()
    port = free_port()
    stub = ServiceProcess("stub", "uvicorn", port, env={"PYTHONPATH": str(HERE)},
                          args=["upstream:app", "--port", str(port), "--log-level", "warning",
                                "--no-access-log"], health_path="/healthz")
    url = f"{stub.url}/v1/drugs"
    stub.start().wait_ready()
    try:
        print(f"{'client':<44}{'in flight':>10}{'CPU us/req':>12}{'req/s':>9}")
        for c in args.concurrency:
            candidates: list[tuple[str, Callable[[], tuple[Send, Callable[[], Awaitable[None]]]]]]
            candidates = [
                ("httpx transport, limits 100/50 (before)", lambda: _httpx(url, 100, 50)),
                ("httpx transport, limits = in flight", lambda c=c: _httpx(url, c, c)),
                ("LIFO pool over httpcore (gateway now)", lambda: _lifo(url)),
            ]
            try:
                import aiohttp  # noqa: F401

                candidates.append(("aiohttp ClientSession", lambda: _aiohttp(url)))
            except ImportError:
                pass
            for name, make in candidates:
                send, close = make()
                us, rps = await run(send, args.requests, c)
                await close()
                print(f"{name:<44}{c:>10}{us:>12.0f}{rps:>9.0f}", flush=True)
    finally:
        stub.stop()


def _httpx(url: str, conns: int, keep: int) -> tuple[Send, Callable[[], Awaitable[None]]]:
    t = httpx.AsyncHTTPTransport(limits=httpx.Limits(max_connections=conns,
                                                     max_keepalive_connections=keep))
    return httpx_sender(t, url), t.aclose


def _lifo(url: str) -> tuple[Send, Callable[[], Awaitable[None]]]:
    t = lifo_transport(max_connections=100, max_keepalive=50, keepalive_expiry=30)
    return httpx_sender(t, url), t.aclose


def _aiohttp(url: str) -> tuple[Send, Callable[[], Awaitable[None]]]:
    import aiohttp

    session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=100))

    async def send() -> int:
        async with session.get(url) as r:
            await r.read()
            return r.status
    return send, session.close


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
