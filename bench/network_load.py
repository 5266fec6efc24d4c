"""A clinic network under load: 10 clinics x 30 chairs against `make run-cluster`'s topology,
at 1x and 5x the expected daily peak, for a bounded time.

    python -m bench.network_load [--seconds 60] [--scales 1 5] [--attach URL] [--profile DIR]

How the network is modelled. The platform is one clinic organisation (one scheduling service
with its chairs, nurses and one clinic-hours calendar; no clinic or site field in the API), with
referring partner practices as its tenants. So the network is:
- 300 chairs n01-c01 ... n10-c30 (PUT /v1/chairs) and one nurse per 4 chairs per "clinic"
  (POST /v1/nurse-shifts, 07:45-18:15, on the next three open weekdays), beside the demo's 10
  chairs and 4 nurses. Scheduling books each referral on any free chair of the pool;
- per clinic one staff API client (all scopes) and one partner API client bound to its own
  referring practice net-partner-NN (python -m gateway create-client), so rate limits, tokens
  and practice scoping are per clinic as they would be;
- clinic k's staff run the visits of the referrals partner k signed.
The expected daily peak and its assumptions are in bench/network/peak.py and printed first.

By default it starts the cluster itself (bench.network.setup.start_cluster: the very topology
`make run-cluster` runs, from this tree, on databases <db-prefix>_<service> recreated, ports
from --port) and stops it at the end; --attach URL uses a running one (`make run-cluster`: URL
http://127.0.0.1:8100, --port 8100 --db-prefix chairside_cluster) and reads its databases.

The load generator is this process (asyncio + httpx, open-loop arrivals). It prints its own
CPU beside the servers' to show it is not the bottleneck. --profile DIR records every replica
with py-spy during the last phase (raw collapsed stacks, one file per replica).
Every process shares this machine with the generator: compare figures from one machine.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

from bench.clinic import ApiError, Gateway
from bench.network import report
from bench.network.peak import Peak
from bench.network.setup import (
    SERVICES,
    Target,
    attach,
    build_network,
    clinic_zone,
    create_clients,
    open_days,
    start_cluster,
    stock_for,
)
from bench.network.traffic import Phase
from bench.procstat import Profile


async def run(target: Target, args: argparse.Namespace) -> None:
    peak = Peak()
    for line in peak.describe(1):
        print(line)
    print(f"load generator: this process; cluster at {target.url}; watched processes: "
          f"{', '.join(sorted(target.pids))}", flush=True)
    staff, partners, secrets = await create_clients(target, peak.clinics)
    setup = Gateway(target.url, secrets=secrets, max_connections=16)
    try:
        tz = await clinic_zone(setup)
        days = open_days(3, tz)
        began = time.monotonic()
        await build_network(setup, peak, tz, days)
        stock = await stock_for(setup)
        print(f"network set up in {time.monotonic() - began:.0f} s: {peak.chairs} chairs, "
              f"nurse shifts on {', '.join(d.isoformat() for d in days)}", flush=True)
        if args.prefill:
            await prefill(Phase("prefill", 1, setup, peak, tz, days, staff, partners, stock),
                          args.prefill)
    finally:
        await setup.aclose()
    cpu = report.Cpu(target.pids, [target.database(s) for s in SERVICES])
    for i, scale in enumerate(args.scales):
        gw = Gateway(target.url, secrets=secrets, max_connections=200)
        for cid in [*staff, *partners]:  # tokens first: the phase measures the API calls
            await gw.token(cid)
        phase = Phase(f"{scale:g}x the expected peak", scale, gw, peak, tz, days, staff,
                      partners, stock)
        for line in peak.describe(scale)[1:2]:
            print(f"\n=== phase {phase.name}: {args.seconds:.0f} s; {line}", flush=True)
        profiles = []
        if args.profile and i == len(args.scales) - 1:
            args.profile.mkdir(parents=True, exist_ok=True)
            profiles = [Profile(pid, args.profile / f"{name}.txt", rate=args.profile_rate)
                        for name, pid in target.pids.items() if name != "broker"]
        before = cpu.snapshot()
        try:
            await phase.run(args.seconds)
        finally:
            for prof in profiles:
                prof.stop()
        after = cpu.snapshot()
        report.routes(phase)
        await report.event_lag(target.db_prefix, phase.started_at)
        cpu.report(before, after, phase.total_s, sum(len(v) for v in gw.timings.values()))
        await gw.aclose()


async def prefill(phase: Phase, n: int, concurrency: int = 8) -> None:
    """Referrals signed ahead for the boards' day (days[0]), so the staff boards show a day
    as booked as it is by the peak hour; waits until scheduling has placed them."""
    began, gate = time.monotonic(), asyncio.Semaphore(concurrency)
    day = phase.days[0]

    async def one(i: int) -> None:
        async with gate:
            try:
                await phase.refer(i % phase.peak.clinics, day)
            except ApiError as exc:
                phase.failures[f"prefill: {exc.status}"] += 1

    await asyncio.gather(*(one(i) for i in range(n)))
    deadline, placed = time.monotonic() + 60, 0
    while time.monotonic() < deadline:
        appts = await phase.gw.pages("/v1/appointments", {"date": day.isoformat()},
                                     route="setup appointments")
        placed = sum(1 for a in appts if a["status"] == "booked")
        if placed >= 0.9 * n:
            break
        await asyncio.sleep(2)
    print(f"prefill: {n} referrals for {day} (failed: {dict(phase.failures) or 'none'}), "
          f"{placed} visits booked on it, in {time.monotonic() - began:.0f} s", flush=True)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.network_load", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--seconds", type=float, default=45, help="arrivals per phase")
    p.add_argument("--scales", type=float, nargs="+", default=[1, 5],
                   help="phases, as multiples of the expected peak")
    p.add_argument("--attach", metavar="URL", help="a running cluster's load balancer")
    p.add_argument("--port", type=int, default=18100, help="the cluster's base port")
    p.add_argument("--db-prefix", default="chairside_netload")
    p.add_argument("--prefill", type=int, default=100,
                   help="visits booked ahead on the boards' day (750 = a full day)")
    p.add_argument("--profile", type=Path, help="py-spy every replica in the last phase")
    p.add_argument("--profile-rate", type=int, default=50, help="py-spy samples/s")
    args = p.parse_args(argv)
    if args.attach:
        target = attach(args.attach, args.port, args.db_prefix)
    else:
        work = Path(tempfile.mkdtemp(prefix="chairside-netload-"))
        print(f"starting the cluster (logs in {work}/logs) ...", flush=True)
        began = time.monotonic()
        target = start_cluster(work, args.port, args.db_prefix)
        print(f"cluster up in {time.monotonic() - began:.0f} s", flush=True)
    try:
        asyncio.run(run(target, args))
    finally:
        if target.cluster is not None:
            print("stopping the cluster ...", flush=True)
            target.cluster.stop()  # type: ignore[attr-defined]
    return 0


if __name__ == "__main__":
    sys.exit(main())
