"""Contended booking: N concurrent `POST /v1/appointments` for ONE slot on PostgreSQL, straight
at the scheduling service and then through the gateway, side by side.

    python -m bench.contended_booking [--attempts 200] [--rounds 1] [--profile DIR]

It starts what it needs as real processes (the e2e stack's wiring, tests/e2e/stack.py): the
embedded broker, the scheduling service and the gateway, each on a throwaway PostgreSQL
database. The scheduling service starts with no demo seed: one chair, two nurses, and a day that
is full but for 09:00-10:00, so every loser's next options come from the following days (the
expensive answer). Each attempt books its own signed order (recorded as ``order.signed`` would
record it), all for chair c01 at 09:00; between bursts the winner is cancelled, so every burst
contends for the same free slot. A small burst first warms the service up (not reported).

Through the gateway each attempt is the demo staff client's (a bearer token, an Idempotency-Key
of its own, as a careful client sends). The requests go out on bench/rawhttp.py, one connection
each. ``--floor`` adds a burst the service refuses before any handler runs (422, an invalid order
id: no database): the web stack's own cost per request, for comparison.

Prints per path: attempts/s (attempts / the burst's wall time), p50/p95/p99/max latency of all
answers, the winners (must be exactly 1), the 409 losers and whether each is problem+json with
next options, other answers, the slowest loser against the gateway's upstream deadline, and the
CPU each process spent per attempt (scheduling, gateway, the PostgreSQL backends of the run's
databases, this client), and where the service refused the losers (its
``scheduling_booking_attempts_total``). ``--profile DIR`` records with py-spy the scheduling
service during each direct burst and the gateway during each burst through it (collapsed
stacks, and where the samples were). Every process shares the machine with the load generator:
the figures compare changes on one machine, they are not a capacity statement.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
from sqlalchemy import update

from bench import rawhttp
from bench.clinic import DEMO_SECRETS, percentile
from bench.procstat import Profile, backends_cpu_s, cpu_s
from chairside_shared import db
from chairside_shared.processes import ServiceProcess
from tests.e2e.stack import Stack, build_stack, create_databases, drop_databases

CHAIR = "c01"
CPU_OF = ("scheduling", "gateway", "postgres", "client")  # whose CPU the table shows
FLOOR = "direct 422"
STAGES = (  # where the service refused the losers (scheduling_booking_attempts_total)
    ("refused_first_look", "refused at the first look (no lock)"),
    ("refused_look_again", "refused looking again (no lock)"),
    ("refused_under_lock", "refused under the day's lock"),
    ("refused_busy", "refused busy (lock wait budget)"))


@dataclass
class Answer:
    status: str  # the HTTP status, or what went wrong ("timeout", "ConnectionResetError")
    seconds: float
    problem_json: bool = False
    next_options: int = 0


@dataclass
class Burst:
    path: str
    answers: list[Answer]
    wall_s: float
    cpu_s: dict[str, float]
    stages: dict[str, float] = field(default_factory=dict)  # the service's own count

    @property
    def rate(self) -> float:
        return len(self.answers) / self.wall_s

    def losers(self) -> list[Answer]:
        return [a for a in self.answers if a.status == "409"]


# ---------------------------------------------------------------- the clinic and its orders
def local(tz: ZoneInfo, day: date, hh: int, mm: int = 0) -> datetime:
    return datetime.combine(day, clock(hh, mm), tzinfo=tz).astimezone(UTC)


async def signed_orders(url: str, n: int) -> list[uuid.UUID]:
    """Signed orders as order.signed records them (authorization pending), in one statement."""
    from scheduling.adapters import orm

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


async def full_day(c: httpx.AsyncClient, url: str, tz: ZoneInfo, day: date) -> None:
    """One chair, two nurses on ``day`` and the following week; ``day`` full but 09:00-10:00."""
    from scheduling.adapters import orm

    (await c.put(f"/v1/chairs/{CHAIR}", json={"id": CHAIR})).raise_for_status()
    for offset in range(8):
        d = day + timedelta(days=offset)
        for n in range(2):
            (await c.post("/v1/nurse-shifts", json={
                "nurse_id": f"rn{n}", "start": local(tz, d, 8).isoformat(),
                "end": local(tz, d, 18).isoformat(), "breaks": []})).raise_for_status()
    fill = await signed_orders(url, 2)
    for order, start in zip(fill, (local(tz, day, 8), local(tz, day, 10)), strict=True):
        (await c.post("/v1/appointments", json={"order_id": str(order), "chair_id": CHAIR,
                                                 "start": start.isoformat()})).raise_for_status()
    engine = db.create_engine(url)
    try:
        async with engine.begin() as conn:  # 10:00-18:00 as one long visit
            await conn.execute(update(orm.appointments).where(
                orm.appointments.c.order_id == fill[1]).values(end_at=local(tz, day, 18),
                                                              minutes=480))
    finally:
        await engine.dispose()


# ---------------------------------------------------------------- the burst
async def attempt(port: int, order: uuid.UUID | None, start: datetime,
                  headers: dict[str, str], timeout_s: float) -> Answer:
    """One POST /v1/appointments on a connection of its own (no order: an invalid id)."""
    reply = await rawhttp.post(port, "/v1/appointments", json.dumps({
        "order_id": str(order) if order else "floor", "chair_id": CHAIR,
        "start": start.isoformat()}).encode(), headers, timeout_s)
    if reply.status != "409":
        return Answer(reply.status, reply.seconds)
    try:
        doc = json.loads(reply.body)
    except ValueError:
        return Answer(reply.status, reply.seconds)
    return Answer(reply.status, reply.seconds,
                  "content-type: application/problem+json" in reply.head,
                  len(doc.get("next_options") or []))


async def burst(path: str, port: int, orders: Sequence[uuid.UUID | None], start: datetime,
                headers: dict[str, str], watched: dict[str, ServiceProcess],
                timeout_s: float, databases: Sequence[str] = ()) -> Burst:
    pids = {name: p.process.pid for name, p in watched.items() if p.process is not None}
    cpu0 = {name: cpu_s(pid) for name, pid in pids.items()}
    pg0, me0 = backends_cpu_s(list(databases)), time.process_time()
    t0 = time.perf_counter()
    answers = await asyncio.gather(*(attempt(port, o, start, {
        **headers, **({"Idempotency-Key": os.urandom(12).hex()} if "Authorization" in headers
                      else {})}, timeout_s) for o in orders))
    wall = time.perf_counter() - t0
    cpu = {name: cpu_s(pid) - cpu0[name] for name, pid in pids.items()}
    cpu["client"] = time.process_time() - me0
    if databases:
        cpu["postgres"] = sum(v - pg0.get(pid, 0.0)
                              for pid, v in backends_cpu_s(list(databases)).items())
    return Burst(path, list(answers), wall, cpu)


async def free_the_slot(c: httpx.AsyncClient, orders: list[uuid.UUID]) -> None:
    """Cancel the burst's winner (if any), so the next burst contends for the same slot."""
    for order in orders:
        page = (await c.get("/v1/appointments", params={"order_id": str(order)})).json()
        for appt in page["items"]:
            if appt["status"] in ("held", "booked"):
                r = await c.post(f"/v1/appointments/{appt['id']}/cancel",
                                 json={"reason": "bench"})
                r.raise_for_status()


async def stages(c: httpx.AsyncClient) -> dict[str, float]:
    """scheduling_booking_attempts_total by outcome, from the service's /metrics."""
    out = {}
    for line in (await c.get("/metrics")).text.splitlines():
        if line.startswith("scheduling_booking_attempts_total{"):
            outcome = line.split('outcome="', 1)[1].split('"', 1)[0]
            out[outcome] = float(line.rsplit(" ", 1)[1])
    return out


# ---------------------------------------------------------------- report
def deadline_s(stack: Stack) -> float:
    """The gateway's upstream deadline for scheduling (its settings' default unless set)."""
    from gateway.settings import GatewaySettings

    env = {**os.environ, **stack.processes["gateway"].env}
    per_service = json.loads(env.get("GATEWAY_UPSTREAM_TIMEOUTS", "{}"))
    default = float(env.get("GATEWAY_UPSTREAM_TIMEOUT_S",
                            GatewaySettings.model_fields["upstream_timeout_s"].default))
    return float(per_service.get("scheduling", default))


def report(bursts: list[Burst], deadline: float) -> bool:
    """The side-by-side table; True when every burst was correct (one winner, 409s with
    next options for all the others)."""
    rows: list[tuple[str, list[str]]] = [
        ("attempts", []), ("attempts/s", []), ("p50 ms", []), ("p95 ms", []), ("p99 ms", []),
        ("max ms", []), ("winners (201)", []), ("losers (409)", []),
        ("409 problem+json with next options", []), ("other answers", []),
        (f"slowest loser ms (deadline {deadline * 1000:.0f})", []),
        *((f"{k} CPU ms per attempt", []) for k in CPU_OF),
        *((label, []) for _, label in STAGES)]
    ok = True
    for b in bursts:
        lat = [a.seconds * 1000 for a in b.answers]
        if b.path == FLOOR:  # nothing to book: only its cost
            ok &= all(a.status == "422" for a in b.answers)
        losers = b.losers()
        good = [a for a in losers if a.problem_json and a.next_options > 0]
        others = Counter(a.status for a in b.answers if a.status not in ("201", "409"))
        winners = sum(1 for a in b.answers if a.status == "201")
        slowest = max((a.seconds for a in losers), default=0.0)
        if b.path != FLOOR:
            ok &= winners == 1 and len(good) == len(losers) == len(b.answers) - 1
        values = [len(b.answers), f"{b.rate:.0f}", *(f"{percentile(lat, p):.0f}"
                                                      for p in (50, 95, 99)),
                  f"{max(lat):.0f}", winners, len(losers),
                  "all" if len(good) == len(losers) else f"{len(good)} of {len(losers)}",
                  dict(others) or "none",
                  f"{slowest * 1000:.0f} ({slowest / deadline:.0%})",
                  *(f"{b.cpu_s[k] / len(b.answers) * 1000:.1f}" if k in b.cpu_s else "-"
                    for k in CPU_OF),
                  *(f"{b.stages.get(k, 0):.0f}" for k, _ in STAGES)]
        for (_, cells), v in zip(rows, values, strict=True):
            cells.append(str(v))
    width = max(len(label) for label, _ in rows) + 2
    print(f"\n{'':<{width}}" + "".join(f"{b.path:>18}" for b in bursts))
    for label, cells in rows:
        print(f"{label:<{width}}" + "".join(f"{c:>18}" for c in cells))
    return ok


# ---------------------------------------------------------------- the run
async def start(work: Path) -> Stack:
    urls, names = await create_databases("contended")
    stack = build_stack(work, urls)
    stack.db_names = names
    sched = stack.processes["scheduling"]
    sched.env.update({"SCHEDULING_SEED_DEMO_DATA": "false", "SCHEDULING_LOG_LEVEL": "WARNING"})
    stack.processes["gateway"].env["GATEWAY_LOG_LEVEL"] = "WARNING"
    stack.processes = {k: stack.processes[k] for k in ("scheduling", "gateway")}
    for name, process in stack.processes.items():
        # The product's database pools, not the e2e suite's small ones (sized for two test
        # platforms at once): with 2 kept, a burst opened and closed a connection per request.
        for knob in ("DB_POOL_SIZE", "DB_POOL_OVERFLOW"):
            process.env.pop(f"{name.upper()}_{knob}", None)
    stack.broker.start()
    try:
        await asyncio.to_thread(stack.start_all)
    except BaseException:
        await stop(stack)
        raise
    return stack


async def stop(stack: Stack) -> None:
    await asyncio.to_thread(stack.stop_all)
    await drop_databases(stack.db_names)


async def token(gateway_url: str) -> str:
    async with httpx.AsyncClient(base_url=gateway_url) as c:
        r = await c.post("/v1/oauth/token", data={
            "grant_type": "client_credentials", "client_id": "demo-admin",
            "client_secret": DEMO_SECRETS["demo-admin"]})
        r.raise_for_status()
        return str(r.json()["access_token"])


async def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.contended_booking", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--attempts", type=int, default=200, help="concurrent attempts per burst")
    p.add_argument("--rounds", type=int, default=1, help="bursts per path (direct, gateway)")
    p.add_argument("--only", choices=("direct", "gateway"), help="one path only")
    p.add_argument("--timeout", type=float, default=60.0, help="client give-up, in seconds")
    p.add_argument("--profile", type=Path, help="py-spy into this dir: the scheduling service "
                   "during the direct bursts, the gateway during the gateway bursts")
    p.add_argument("--floor", action="store_true",
                   help="also a burst refused before the handler (422): the web stack's cost")
    args = p.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="chairside-contended-"))
    print(f"starting the broker, scheduling and the gateway on PostgreSQL (logs in {work}/logs)",
          flush=True)
    stack = await start(work)
    sched, gateway = stack.processes["scheduling"], stack.processes["gateway"]
    url = stack.databases["scheduling"]
    tz = ZoneInfo(stack.clinic_timezone)
    day = datetime.now(tz).date() + timedelta(days=1)
    slot = local(tz, day, 9)
    try:
        bearer = {"Authorization": f"Bearer {await token(gateway.url)}"}
        paths = [p for p in ("direct", "gateway") if args.only in (None, p)]
        async with httpx.AsyncClient(base_url=sched.url, timeout=30) as c:
            await full_day(c, url, tz, day)
            warm = await signed_orders(url, max(10, args.attempts // 10))
            for port, headers in ((sched.port, {}), (gateway.port, bearer)):
                await burst("warm-up", port, warm, slot, headers, {}, args.timeout)
                await free_the_slot(c, warm)
            bursts = []
            watched = {"scheduling": sched, "gateway": gateway}
            for _ in range(args.rounds if args.floor else 0):
                bursts.append(await burst(FLOOR, sched.port, [None] * args.attempts, slot, {},
                                          watched, args.timeout, list(stack.db_names.values())))
            for r in range(args.rounds):
                for path in paths:
                    orders = await signed_orders(url, args.attempts)
                    port, headers = (sched.port, {}) if path == "direct" else \
                        (gateway.port, bearer)
                    prof = None
                    # direct: the scheduling service; through the gateway: the gateway
                    profiled = sched if path == "direct" else gateway
                    if args.profile and profiled.process is not None:
                        args.profile.mkdir(parents=True, exist_ok=True)
                        prof = Profile(profiled.process.pid, args.profile / f"{path}-{r + 1}.txt")
                        await asyncio.sleep(0.5)  # attached before the burst
                    seen = await stages(c)
                    b = await burst(path, port, orders, slot, headers, watched, args.timeout,
                                    list(stack.db_names.values()))
                    b.stages = {k: v - seen.get(k, 0) for k, v in (await stages(c)).items()}
                    if prof is not None:
                        prof.stop()
                        who = "scheduling service" if path == "direct" else "gateway"
                        print(f"\npy-spy of the {who}, {path} round {r + 1} ({prof.out}):")
                        for line in prof.summary():
                            print(f"  {line}")
                    bursts.append(b)
                    await free_the_slot(c, orders)
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"\n{args.attempts} concurrent bookings of one slot (chair {CHAIR}, "
              f"{slot.isoformat()}), PostgreSQL, scheduling + gateway as processes; "
              f"{os.cpu_count()} cores shared with this client and PostgreSQL "
              f"(load average {load})")
        return 0 if report(bursts, deadline_s(stack)) else 1
    finally:
        await stop(stack)


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
