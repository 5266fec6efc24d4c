"""Contention bench: N concurrent POST /v1/appointments for one slot on PostgreSQL.

    .venv/bin/python services/scheduling/bench/booking_contention.py [--requests 400]
        [--mode process|inproc] [--deadline 5] [--json out.json]

``process`` (default) runs ``python -m scheduling serve`` as its own process on a throwaway
database and the embedded broker, and fires the requests at it over HTTP, as the gateway does
(with a minimal client: see ``_fire_http``).
``inproc`` drives the ASGI app in this process (no broker, no network).

The clinic day is full but for one 09:00 slot on chair c01, so every loser needs next options
from the following days (the expensive answer). Prints p50/p99/max latency, the status counts
and how many answers took longer than the gateway's upstream deadline (those are the 503s a
client would see through the gateway).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
import uuid
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
from sqlalchemy import update

from chairside_shared import db
from chairside_shared.broker import EmbeddedBroker, free_port
from chairside_shared.migrations import upgrade_async
from chairside_shared.processes import ServiceProcess
from scheduling.adapters import orm
from scheduling.bootstrap import MIGRATIONS

ADMIN_URL = os.environ.get("CHAIRSIDE_TEST_PG",
                           "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres")
TZ = ZoneInfo("America/New_York")


def next_tuesday() -> date:
    today = datetime.now(TZ).date()
    return today + timedelta(days=(1 - today.weekday()) % 7 or 7)


def local(day: date, hh: int, mm: int = 0) -> datetime:
    return datetime.combine(day, clock(hh, mm), tzinfo=TZ).astimezone(UTC)


async def _orders(url: str, n: int) -> list[uuid.UUID]:
    """Signed orders as order.signed would record them (no hold), in one statement."""
    engine = db.create_engine(url)
    ids = [uuid.uuid4() for _ in range(n)]
    now = datetime.now(UTC)
    try:
        async with engine.begin() as conn:
            await conn.execute(orm.order_requests.insert(), [{
                "order_id": i, "practice_id": "bench", "patient_id": uuid.uuid4(),
                "urgency": "planned", "minutes": 60, "acuity_class": "standard",
                "pediatric": False, "requires_driver": False, "signed_at": now,
                "authorization": "pending"} for i in ids])
    finally:
        await engine.dispose()
    return ids


async def _clinic(c: httpx.AsyncClient, url: str, day: date) -> None:
    """One chair, two nurses, on ``day`` and the next week; ``day`` full but 09:00-10:00."""
    r = await c.put("/v1/chairs/c01", json={"id": "c01"})
    r.raise_for_status()
    for offset in range(8):
        d = day + timedelta(days=offset)
        for n in range(2):
            r = await c.post("/v1/nurse-shifts", json={
                "nurse_id": f"rn{n}", "start": local(d, 8).isoformat(),
                "end": local(d, 18).isoformat(), "breaks": []})
            r.raise_for_status()
    fill = await _orders(url, 2)
    for order, start in zip(fill, (local(day, 8), local(day, 10)), strict=True):
        r = await c.post("/v1/appointments", json={"order_id": str(order), "chair_id": "c01",
                                                   "start": start.isoformat()})
        r.raise_for_status()
    engine = db.create_engine(url)
    try:
        async with engine.begin() as conn:  # 10:00-18:00 as one long visit
            await conn.execute(update(orm.appointments).where(
                orm.appointments.c.order_id == fill[1]).values(end_at=local(day, 18),
                                                              minutes=480))
    finally:
        await engine.dispose()


async def _fire(c: httpx.AsyncClient, orders: list[uuid.UUID], start: datetime,
                timeout_s: float) -> list[tuple[str, float, bool]]:
    """All the bookings at once, through the ASGI app (inproc mode)."""
    async def one(order: uuid.UUID) -> tuple[str, float, bool]:
        t0 = time.perf_counter()
        try:
            r = await c.post("/v1/appointments", timeout=timeout_s, json=_body(order, start))
            options = r.status_code == 409 and bool(r.json().get("next_options"))
            return str(r.status_code), time.perf_counter() - t0, options
        except httpx.TimeoutException:
            return "timeout", time.perf_counter() - t0, False

    return await asyncio.gather(*(one(o) for o in orders))


def _body(order: uuid.UUID, start: datetime) -> dict:
    return {"order_id": str(order), "chair_id": "c01", "start": start.isoformat()}


async def _fire_http(port: int, orders: list[uuid.UUID], start: datetime,
                     timeout_s: float) -> list[tuple[str, float, bool]]:
    """All the bookings at once over plain HTTP/1.1 on asyncio streams, one connection each.
    A minimal client, so that on a small machine the load generator's own CPU (httpx costs
    about as much per request as the service) does not pass for the service's latency."""
    async def one(order: uuid.UUID) -> tuple[str, float, bool]:
        payload = json.dumps(_body(order, start)).encode()
        head = (f"POST /v1/appointments HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(payload)}\r\n"
                "Connection: close\r\n\r\n").encode()
        t0 = time.perf_counter()
        writer = None
        try:
            async with asyncio.timeout(timeout_s):
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                writer.write(head + payload)
                raw = await reader.read()  # the server closes after the answer
        except TimeoutError:
            return "timeout", time.perf_counter() - t0, False
        except OSError as exc:
            return type(exc).__name__, time.perf_counter() - t0, False
        finally:
            if writer is not None:
                writer.close()
        elapsed = time.perf_counter() - t0
        status = raw.split(b" ", 2)[1].decode() if raw.startswith(b"HTTP/") else "bad answer"
        options = status == "409" and bool(
            json.loads(raw.split(b"\r\n\r\n", 1)[1]).get("next_options"))
        return status, elapsed, options

    return await asyncio.gather(*(one(o) for o in orders))


def _pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(p / 100 * len(s)) - 1))]


def report(results: list[tuple[str, float, bool]], deadline_s: float) -> dict:
    lat = [r[1] for r in results]
    out = {
        "requests": len(results),
        "statuses": dict(sorted(Counter(r[0] for r in results).items())),
        "409_with_next_options": sum(1 for r in results if r[2]),
        "p50_ms": round(_pct(lat, 50) * 1000, 1), "p99_ms": round(_pct(lat, 99) * 1000, 1),
        "max_ms": round(max(lat) * 1000, 1),
        f"over_{deadline_s:g}s_deadline": sum(1 for x in lat if x > deadline_s),
    }
    print(f"{out['requests']} concurrent bookings of one slot: statuses {out['statuses']}, "
          f"409 with next options {out['409_with_next_options']}")
    print(f"latency p50 {out['p50_ms']:.0f} ms  p99 {out['p99_ms']:.0f} ms  "
          f"max {out['max_ms']:.0f} ms  over the {deadline_s:g} s gateway deadline: "
          f"{out[f'over_{deadline_s:g}s_deadline']}")
    return out


async def run(args: argparse.Namespace) -> dict:
    name = f"cs_bench_sched_{uuid.uuid4().hex[:8]}"
    url = await db.create_database(ADMIN_URL, name)
    day = next_tuesday()
    try:
        await upgrade_async(MIGRATIONS, url)
        orders = await _orders(url, args.requests)
        if args.mode == "inproc":
            return await _inproc(args, url, day, orders)
        return await _process(args, url, day, orders)
    finally:
        await db.drop_database(ADMIN_URL, name)


async def _process(args, url: str, day: date, orders: list[uuid.UUID]) -> dict:
    port = free_port()
    log = Path(args.log) if args.log else None
    with EmbeddedBroker() as broker:
        proc = ServiceProcess("scheduling", "scheduling", port, log_path=log, env={
            "SCHEDULING_DATABASE_URL": url, "SCHEDULING_PORT": str(port),
            "SCHEDULING_ENVIRONMENT": "test", "SCHEDULING_SEED_DEMO_DATA": "false",
            "SCHEDULING_LOG_LEVEL": "WARNING",
            "KAFKA_BOOTSTRAP_SERVERS": broker.bootstrap_servers}).start()
        try:
            await asyncio.to_thread(proc.wait_ready, 60)
            limits = httpx.Limits(max_connections=args.requests + 10,
                                  max_keepalive_connections=args.requests + 10)
            async with httpx.AsyncClient(base_url=proc.url, limits=limits) as c:
                await _clinic(c, url, day)
                cpu0 = _cpu_s(proc.process.pid)
                before = await _served(c)
                results = await _fire_http(port, orders, local(day, 9), args.timeout)
                cpu = _cpu_s(proc.process.pid) - cpu0
                served = {k: v - before.get(k, 0) for k, v in (await _served(c)).items()}
        finally:
            proc.stop()
    out = report(results, args.deadline)
    out["service_side_le_s"] = served
    print("service-side durations (its /metrics histogram, cumulative): " + "  ".join(
        f"<={k}s {v:.0f}" for k, v in served.items()))
    if cpu >= 0:
        out["service_cpu_s"] = round(cpu, 2)
        print(f"service process CPU during the burst: {cpu:.2f} s "
              f"({cpu / len(results) * 1000:.1f} ms per request)")
    return out


async def _served(c: httpx.AsyncClient) -> dict[str, float]:
    """The service's own request-duration histogram for POST /v1/appointments."""
    text = (await c.get("/metrics")).text
    out = {}
    for line in text.splitlines():
        if line.startswith("http_request_duration_seconds_bucket{") and \
                'method="POST"' in line and 'route="/v1/appointments"' in line:
            le = line.split('le="', 1)[1].split('"', 1)[0]
            out[le] = float(line.rsplit(" ", 1)[1])
    return out


def _cpu_s(pid: int) -> float:
    """User + system CPU seconds of a process (Linux /proc), -inf elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("-inf")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _inproc(args, url: str, day: date, orders: list[uuid.UUID]) -> dict:
    from scheduling.main import create_app
    from scheduling.settings import SchedulingSettings

    app = create_app(SchedulingSettings(database_url=url, environment="test",
                                        seed_demo_data=False))
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                     base_url="http://scheduling") as c:
            await _clinic(c, url, day)
            results = await _fire(c, orders, local(day, 9), args.timeout)
    finally:
        await app.state.runtime.engine.dispose()
    return report(results, args.deadline)


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=400)
    ap.add_argument("--mode", choices=("process", "inproc"), default="process")
    ap.add_argument("--deadline", type=float, default=5.0, help="the gateway's, in seconds")
    ap.add_argument("--timeout", type=float, default=60.0, help="client give-up, in seconds")
    ap.add_argument("--log", help="write the service's log here")
    ap.add_argument("--json", help="also write the figures to this file")
    args = ap.parse_args(argv)
    out = asyncio.run(run(args))
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2))
    return out


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
