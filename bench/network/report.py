"""What a phase printed: per-route latency and answers, throughput, the visits' end-to-end
figures, the event lag read from the services' databases, and who spent the CPU."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

import asyncpg

from bench.clinic import percentile
from bench.network.traffic import Phase
from bench.procstat import backends_cpu_s, cpu_s

DOMAIN = ("orders", "scheduling", "authorization", "reimbursement")


def ms(xs: list[float], p: float) -> str:
    return f"{percentile(xs, p) * 1000:.0f}" if xs else "-"


def routes(phase: Phase) -> None:
    gw = phase.gw
    total = sum(len(v) for v in gw.timings.values())
    print(f"\n{phase.name}: {total} requests in {phase.total_s:.0f} s "
          f"({phase.wall_s:.0f} s of arrivals, then the referrals under way finished): "
          f"{total / phase.total_s:.1f} req/s")
    print(f"{'route':<60}{'n':>6}{'req/s':>7}{'p50':>7}{'p95':>7}{'p99':>7}  answers")
    for route in sorted(gw.timings, key=lambda r: -len(gw.timings[r])):
        if route.split(" ", 1)[1].startswith("setup"):
            continue
        xs = gw.timings[route]
        answers = ", ".join(f"{s}: {n}" for s, n in sorted(gw.statuses[route].items()))
        print(f"{route:<60}{len(xs):>6}{len(xs) / phase.total_s:>7.2f}"
              f"{ms(xs, 50):>7}{ms(xs, 95):>7}{ms(xs, 99):>7}  {answers}")
    print("(latencies in ms, as the client saw them through nginx and a gateway)")
    for name, xs in (("signed -> chair booked", phase.sign_to_booked),
                     ("completed -> claim built", phase.complete_to_claim)):
        print(f"end to end {name:<26} n={len(xs):<4}" + (
            f" p50 {percentile(xs, 50):.2f} s  p95 {percentile(xs, 95):.2f} s"
            f"  p99 {percentile(xs, 99):.2f} s  max {max(xs):.2f} s" if xs else " -"))
    print("outcomes:", dict(phase.outcomes) or "none", "; failures:",
          dict(phase.failures) or "none", f"; 429s waited out: {gw.throttled}")


async def event_lag(db_prefix: str, since: datetime) -> None:
    """outbox.created_at (the event written with its state change) -> inbox.processed_at (a
    consumer applied it), per event type, for the events of this phase."""
    created: dict[str, tuple[str, datetime]] = {}
    handled: list[tuple[str, str, datetime]] = []
    for m in DOMAIN:
        conn = await asyncpg.connect(host="127.0.0.1", user="postgres",
                                     database=f"{db_prefix}_{m}")
        try:
            for r in await conn.fetch("SELECT event_id, event_type, created_at FROM outbox "
                                      "WHERE created_at >= $1", since):
                created[r["event_id"]] = (r["event_type"], r["created_at"])
            handled += [(r["event_id"], r["consumer"], r["processed_at"]) for r in
                        await conn.fetch("SELECT event_id, consumer, processed_at FROM inbox "
                                         "WHERE processed_at >= $1", since)]
        finally:
            await conn.close()
    lags: dict[str, list[float]] = defaultdict(list)
    for event_id, _consumer, at in handled:
        if event_id in created:
            kind, made = created[event_id]
            lags[kind].append((at - made).total_seconds())
    everything = [x for xs in lags.values() for x in xs]
    print(f"\nevent lag (outbox created -> consumer applied), {len(created)} events written, "
          f"{len(everything)} applications: p50 {ms(everything, 50)} ms  "
          f"p95 {ms(everything, 95)} ms  p99 {ms(everything, 99)} ms")
    for kind in sorted(lags, key=lambda k: -len(lags[k]))[:8]:
        xs = lags[kind]
        print(f"  {kind:<40} n={len(xs):<5} p50 {ms(xs, 50):>5} ms  p95 {ms(xs, 95):>5} ms"
              f"  p99 {ms(xs, 99):>5} ms")


class Cpu:
    """CPU seconds of every watched process, this generator and PostgreSQL's backends of the
    cluster's databases, between start and stop."""

    def __init__(self, pids: dict[str, int], databases: list[str]) -> None:
        self.pids, self.databases = pids, databases

    def snapshot(self) -> dict[str, float]:
        import time
        out = {}
        for name, pid in self.pids.items():
            try:
                out[name] = cpu_s(pid)
            except OSError:
                continue
        # per backend: one that ended between two snapshots is left out, not subtracted
        out.update({f"postgres pid {pid}": v for pid, v in backends_cpu_s(self.databases).items()})
        out["load generator"] = time.process_time()
        return out

    def report(self, before: dict[str, float], after: dict[str, float], wall_s: float,
               requests: int) -> None:
        spent = {k: after[k] - before.get(k, 0.0) for k in after
                 if not k.startswith("postgres pid")}
        spent["postgres"] = sum(v - before.get(k, 0.0) for k, v in after.items()
                                if k.startswith("postgres pid"))
        services = sum(v for k, v in spent.items() if k not in ("load generator",))
        print(f"\nCPU over {wall_s:.0f} s (% of one core; the machine has 2):")
        by_service: dict[str, float] = defaultdict(float)
        for k, v in spent.items():
            by_service[k.rsplit("-", 1)[0] if k[-2:] in ("-1", "-2") else k] += v
        print("  " + ", ".join(f"{k} {v / wall_s:.0%}" for k, v in
                               sorted(by_service.items(), key=lambda kv: -kv[1])))
        gen = spent.get("load generator", 0.0)
        print(f"  load generator {gen / wall_s:.1%} of a core, {gen / max(requests, 1) * 1000:.2f}"
              f" ms CPU per request; the servers {services / wall_s:.0%} "
              f"({services / max(gen, 1e-9):.0f}x the generator)")
