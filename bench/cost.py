"""Cost per request and at rest, in one run: CPU time per proxied request, idle CPU and
resident memory of every process of the platform.

    python -m bench.cost [--seconds 5] [--idle-seconds 20] [--concurrency 1 16 32]
                         [--venv runtime|dev]

The services run from `.venv-runtime` (`make runtime-venv`): what the images install
(requirements-runtime.lock, no test tooling). `--venv dev` runs them from the development
venv instead, where httpx and httpcore find rich, click, pygments and trio installed and
import them (about 4-7 MB more per process).

What it starts (real processes, as production runs them): the platform of the end-to-end
tests (tests/e2e/stack.py: the broker, the four services, the sandboxes and the gateway on
throwaway PostgreSQL databases) with the production defaults for every poll interval (the
test stack's speed-ups removed); a tiny stub upstream (services/gateway/bench/upstream.py)
behind a second gateway; and Debian's nginx (`make loadtools`) proxying the same stub and
the real orders service side by side, as the baseline.

The load generator is wrk (`make loadtools`), one thread, N connections = N requests in
flight. CPU per request = the process's CPU time (user + system, from /proc, children
included) over the run / the requests wrk saw answered. Figures:
- the gateway's CPU ms per proxied GET /v1/drugs at each concurrency, against the stub and
  against the real orders service, beside nginx's, with req/s;
- the orders service's CPU ms per GET /v1/drugs (the catalog read), direct;
- idle CPU (% of one core) per process over a window with no traffic;
- resident memory (MB) per process, at rest after boot and after the load.
Everything shares this machine's cores with wrk: compare figures from one machine.

Issue 19 point 5, CPU ms per request (utime + stime over the requests wrk saw answered),
before -> after the h-cpu branch, `--seconds 5`, two runs before and three after within 45
minutes on the shared 2-core machine (other helpers' benchmarks and test suites busy beside
them: load average 2.7-5.2 in the "before" runs, 5.0-6.7 in the "after" ones, which inflates
every figure; the stub alone costs the same 0.03-0.05 ms in all). The "before" runs: one on
the branch's starting commit, one with its sources put first on PYTHONPATH.

    gateway -> stub     c=1   1.09-1.25 -> 0.44-0.48    c=16  0.84-0.86 -> 0.37-0.44
                        c=32  1.06-1.11 -> 0.35-0.38
    gateway -> orders   c=1   2.18-2.27 -> 0.54-0.70    c=16  1.72-2.25 -> 0.46-0.49
                        c=32  1.24-1.80 -> 0.38-0.41
    catalog read        c=1   2.42-2.87 -> 0.45-0.61    c=16  2.64-2.82 -> 0.30-0.44
    (orders, direct)    c=32  3.01-3.35 -> 0.31-0.48
    nginx (baseline)    0.02-0.05 against the stub, 0.08-0.23 against orders (all runs)

Against the targets, on that loaded machine: the catalog read (<= 0.5 ms) is met with 16 and 32
in flight in every run, at 1 in flight in one run of three (0.45; 0.50 and 0.61 in the
others); the gateway (<= 0.3 ms) is not yet met (0.35-0.70). The real gateway's own background
work (4.8-5.6 % of a core at rest in these runs: its Kafka readers, webhook and audit workers)
is counted too: at the 380-600 req/s of one request in flight against orders that is 0.1-0.15
ms per request, which is why that column is above the stub gateway's.

What made the difference, by profile (py-spy, perf): the gateway's upstream connection
(httpcore's h11 over anyio -> adapters/h1.py on httptools) and httpx's request/response
plumbing (-> adapters/wire.py); the cyclic GC (gc.freeze after start-up, young threshold
20000); the router layers for literal table routes (edge.py calls them directly); in orders,
a session + transaction per catalog read (-> one version query on a connection of its own,
adapters/catalog_head.py, the rendered list cached per version), plain-def dependencies run in
worker threads, and the OpenTelemetry FastAPI instrumentation (-> telemetry.ServerSpans).

Resident memory, MB at rest / loaded, quiet machine, defaults (02:00-02:03 on 2026-12-08):

    process         before (dev venv, 23:36 the day before)   dev venv   runtime venv
    orders          113 / 116                                  111 / 115  107 / 111
    scheduling      100 / 101                                   99 / 99    95 / 95
    authorization   117 / 117                                  116 / 116  109 / 109
    reimbursement   121 / 122                                  119 / 121  113 / 115
    gateway         129 / 132                                  126 / 129  120 / 122

"dev venv" is after two changes to the code: no WebSocket protocol in uvicorn (cli.serve) and
the gateway's generated contract classes built on first use, its request classes at start
(contract_base.py). "runtime venv" adds the images' dependency set (requirements-runtime.lock):
without the test tooling installed, httpx and httpcore no longer import rich, click, pygments
and trio. CPU per request moves by up to 25 % between runs minutes apart on this machine (the
stub alone, which does not change, from 0.104 to 0.129 ms at N = 1), so compare CPU figures
within one run.

Tried and not kept (03:00, four runs alternating, N = 1 and 16): sending each response's head
and body as one socket write (uvicorn writes them apart; a transport wrapper held a turn's
writes and sent them together). Gateway -> stub at N = 1 measured 0.482 / 0.353 ms with it and
0.340 / 0.426 without, orders direct 0.498 / 0.438 with and 0.409 / 0.383 without: no gain
beyond the noise, so uvicorn's own protocol stays.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from chairside_shared.processes import ServiceProcess

ROOT = Path(__file__).resolve().parents[1]
GATEWAY_BENCH = ROOT / "services/gateway/bench"
WRK = "/usr/bin/wrk"
NGINX = "/usr/sbin/nginx"
PY_SPY = Path(sys.executable).with_name("py-spy")
RUNTIME_PYTHON = ROOT / ".venv-runtime" / "bin" / "python"
ROUTE = "/v1/drugs"
TICK = os.sysconf("SC_CLK_TCK")
# Who the gateway says the caller is, for calls made to the service directly.
CALLER = {"x-chairside-client-id": "bench", "x-chairside-scopes": "orders:read"}
TARGETS = {"gateway_ms": 0.3, "catalog_ms": 0.5, "idle_pct": 1.0, "rss_mb": 120.0}
# The e2e stack polls fast so tests see effects at once; at rest production runs the defaults.
TEST_SPEEDUPS = ("OUTBOX_POLL_INTERVAL_S", "OUTBOX_IDLE_POLL_S", "BROKER_CHECK_INTERVAL_S",
                 "CONSUMER_RETRY_BACKOFF_S", "EXCHANGE_POLL_INTERVAL_S",
                 "ELIGIBILITY_POLL_INTERVAL_S", "POLLER_ENABLED")

# wrk prints its summary as one JSON line (its Lua `done` hook), so nothing parses its text.
WRK_SUMMARY = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "socket_errors": %d, "status_errors": %d, '
    .. '"p50_us": %d, "p99_us": %d}\\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(99)))
end
"""


# ------------------------------------------------------------------ /proc
def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                ppid = int(_stat_fields(int(entry))[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def _stat_fields(pid: int) -> list[str]:
    raw = Path(f"/proc/{pid}/stat").read_text()
    return raw[raw.rindex(")") + 2:].split()  # fields from the 3rd (state) on


def cpu_seconds(pid: int) -> float:
    """User + system time of a process and its live descendants (nginx's workers)."""
    total = 0
    for p in _descendants(pid):
        try:
            f = _stat_fields(p)
        except OSError:
            continue
        total += int(f[11]) + int(f[12])  # utime, stime
    return total / TICK


def rss_mb(pid: int) -> float:
    total = 0
    for p in _descendants(pid):
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


# ------------------------------------------------------------------ load
@dataclass
class Run:
    target: str
    upstream: str
    concurrency: int
    requests: int
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int
    cpu_ms: dict[str, float]  # process -> CPU ms per request


def wrk(url: str, *, seconds: int, concurrency: int, headers: dict[str, str],
        script: Path) -> dict:
    args = [WRK, "-t1", f"-c{concurrency}", f"-d{seconds}s", "--timeout", "10s", "-s",
            str(script)]
    for k, v in headers.items():
        args += ["-H", f"{k}: {v}"]
    out = subprocess.run([*args, url], capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def measure(target: str, upstream: str, url: str, watched: dict[str, int], *, seconds: int,
            concurrency: int, headers: dict[str, str], script: Path,
            profile_dir: Path | None = None) -> Run:
    spy = None
    profiled = {"gateway": "gateway", "direct": upstream}.get(target)
    if profile_dir is not None and profiled in ("gateway", "orders"):
        # py-spy's collapsed stacks of the gateway (or orders) under this load; it stops the
        # process for each sample (whole stacks, not torn ones), so a profiled run's figures
        # are not the plain run's
        out = profile_dir / f"{target}-{upstream}-c{concurrency}.txt"
        spy = subprocess.Popen([str(PY_SPY), "record", "--format", "raw",
                                "--rate", "400", "--duration", str(seconds), "--pid",
                                str(watched[profiled]), "--output", str(out)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    before = {name: cpu_seconds(pid) for name, pid in watched.items()}
    res = wrk(url, seconds=seconds, concurrency=concurrency, headers=headers, script=script)
    after = {name: cpu_seconds(pid) for name, pid in watched.items()}
    if spy is not None:
        spy.wait(30)
    n = max(res["requests"], 1)
    return Run(target, upstream, concurrency, res["requests"],
               res["requests"] / (res["duration_us"] / 1e6), res["p50_us"] / 1000,
               res["p99_us"] / 1000, res["socket_errors"] + res["status_errors"],
               {name: (after[name] - before[name]) * 1000 / n for name in watched})


async def token(gateway_url: str) -> dict[str, str]:
    async with httpx.AsyncClient(base_url=gateway_url) as c:
        r = await c.post("/v1/oauth/token", data={
            "grant_type": "client_credentials", "client_id": "demo-admin",
            "client_secret": "demo-admin-secret"})
        r.raise_for_status()
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


def need_tools() -> None:
    missing = [t for t in (WRK, NGINX) if not os.access(t, os.X_OK)]
    if missing:
        sys.exit(f"{', '.join(missing)} missing: run `make loadtools` (Debian's wrk and nginx)")


# ------------------------------------------------------------------ the run
class _IdleOnly(Exception):
    """--idle-only: the at-rest window is all that was asked for."""


async def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.cost", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--seconds", type=int, default=5, help="per load run (whole seconds)")
    p.add_argument("--idle-seconds", type=float, default=20, help="the at-rest window")
    p.add_argument("--settle-seconds", type=float, default=15,
                   help="wait after start-up before the at-rest window")
    p.add_argument("--concurrency", type=int, nargs="+", default=[1, 16, 32])
    p.add_argument("--idle-only", action="store_true", help="the at-rest figures alone")
    p.add_argument("--profile", type=Path, metavar="DIR",
                   help="py-spy's collapsed stacks of the gateway and orders per run, in DIR")
    p.add_argument("--venv", choices=("runtime", "dev"), default="runtime",
                   help="run the services from .venv-runtime (as the images; default) or "
                        "from the development venv")
    p.add_argument("--env", action="append", default=[], metavar="NAME=VALUE",
                   help="a setting for every process of the platform (compare settings)")
    args = p.parse_args(argv)
    need_tools()
    python = sys.executable
    if args.venv == "runtime":
        if not os.access(RUNTIME_PYTHON, os.X_OK):
            sys.exit(f"{RUNTIME_PYTHON} missing: run `make runtime-venv` (or pass --venv dev)")
        python = str(RUNTIME_PYTHON)
    sys.path.insert(0, str(GATEWAY_BENCH))
    from run import free_port, start_nginx  # services/gateway/bench/run.py

    from tests.e2e.stack import build_stack, create_databases, drop_databases

    work = Path(tempfile.mkdtemp(prefix="chairside-cost-"))
    script = work / "summary.lua"
    script.write_text(WRK_SUMMARY)
    print(f"starting the platform from {python} (logs in {work}/logs) ...", flush=True)
    urls, names = await create_databases("cost")
    extra = dict(kv.split("=", 1) for kv in args.env)
    stack = build_stack(work, urls, extra_env={"PYTHONUNBUFFERED": "1", **extra})
    for proc in stack.processes.values():
        proc.python = python
        for key in [k for k in proc.env if k.endswith(TEST_SPEEDUPS) and k not in extra]:
            del proc.env[key]
    stub_port, stub_gw_port = free_port(), free_port()
    stub = ServiceProcess("stub", "uvicorn", stub_port, env={"PYTHONPATH": str(GATEWAY_BENCH)},
                          args=["upstream:app", "--port", str(stub_port), "--log-level",
                                "warning", "--no-access-log"], health_path="/healthz")
    stub_gw = ServiceProcess("gateway (stub)", "gateway", stub_gw_port, env={
        "GATEWAY_PORT": str(stub_gw_port), "GATEWAY_DATA_DIR": str(work / "stubgw"),
        "GATEWAY_ORDERS_URL": stub.url, "GATEWAY_LOG_LEVEL": "WARNING", "PYTHONUNBUFFERED": "1",
        "KAFKA_BOOTSTRAP_SERVERS": stack.broker.bootstrap_servers,
        "GATEWAY_RATE_LIMIT_CAPACITY": "1000000000", "GATEWAY_RATE_LIMIT_PER_S": "1000000000",
    }, log_path=work / "logs" / "gateway-stub.log", python=python)
    (work / "stubgw").mkdir()
    nginx_procs: list[subprocess.Popen] = []
    runs: list[Run] = []
    try:
        stack.broker.start()
        await asyncio.to_thread(stack.start_all)
        procs = {name: pr.process.pid for name, pr in stack.processes.items()
                 if pr.process is not None}
        procs = {"broker": stack.broker.process.pid, **procs}  # type: ignore[union-attr]

        print(f"at rest: settling {args.settle_seconds:.0f} s, then measuring "
              f"{args.idle_seconds:.0f} s with no traffic ...", flush=True)
        await asyncio.sleep(args.settle_seconds)
        before = {n: cpu_seconds(pid) for n, pid in procs.items()}
        t0 = time.monotonic()
        await asyncio.sleep(args.idle_seconds)
        window = time.monotonic() - t0
        idle = {n: (cpu_seconds(pid) - before[n]) / window * 100 for n, pid in procs.items()}
        rss_rest = {n: rss_mb(pid) for n, pid in procs.items()}
        if args.idle_only:
            raise _IdleOnly

        stub.start().wait_ready(120)
        stub_gw.start().wait_ready(120)
        nginx_urls = []
        for upstream_port in (stub_port, stack.processes["orders"].port):
            (conf := work / f"nginx-{upstream_port}").mkdir()
            proc, port = start_nginx(NGINX, upstream_port, conf)
            nginx_procs.append(proc)
            nginx_urls.append(f"http://127.0.0.1:{port}")
        nginx_stub, nginx_orders = nginx_urls
        real_auth = await token(stack.gateway_url)
        stub_auth = await token(stub_gw.url)
        assert stub.process and stub_gw.process
        gw_pid, orders_pid = procs["gateway"], procs["orders"]
        plans = [
            ("direct", "stub", stub.url, {"stub": stub.process.pid}, {}),
            ("gateway", "stub", stub_gw.url,
             {"gateway": stub_gw.process.pid, "stub": stub.process.pid}, stub_auth),
            ("nginx", "stub", nginx_stub,
             {"nginx": nginx_procs[0].pid, "stub": stub.process.pid}, {}),
            ("direct", "orders", stack.url("orders"), {"orders": orders_pid}, CALLER),
            ("gateway", "orders", stack.gateway_url,
             {"gateway": gw_pid, "orders": orders_pid}, real_auth),
            ("nginx", "orders", nginx_orders,
             {"nginx": nginx_procs[1].pid, "orders": orders_pid}, CALLER),
        ]
        for target, upstream, base, watched, headers in plans:
            # warm-up: connections, lazy imports, caches
            wrk(base + ROUTE, seconds=1, concurrency=4, headers=headers, script=script)
            for c in args.concurrency:
                run = measure(target, upstream, base + ROUTE, watched, seconds=args.seconds,
                              concurrency=c, headers=headers, script=script,
                              profile_dir=args.profile)
                runs.append(run)
                print(f"  {target:<8} -> {upstream:<7} c={c:<3} {run.rps:>7.0f} req/s  "
                      + "  ".join(f"{k} {v:.3f} ms CPU/req" for k, v in run.cpu_ms.items()),
                      flush=True)
        rss_load = {n: rss_mb(pid) for n, pid in procs.items()}
        assert stub_gw.process
        rss_load["gateway (stub)"] = rss_mb(stub_gw.process.pid)
    except _IdleOnly:
        rss_load = {}
    finally:
        for ng in nginx_procs:
            ng.terminate()
            ng.wait(10)
        stub_gw.stop()
        stub.stop()
        await asyncio.to_thread(stack.stop_all)
        await drop_databases(names)
    report(runs, idle, window, rss_rest, rss_load)
    shutil.rmtree(work, ignore_errors=True)
    return 0


def _verdict(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def report(runs: list[Run], idle: dict[str, float], window: float,
           rss_rest: dict[str, float], rss_load: dict[str, float]) -> None:
    print(f"\nGET {ROUTE} with wrk (1 thread, N connections = N in flight); "
          "CPU ms per request of each process")
    print(f"{'target':<9}{'upstream':<9}{'N':>4}{'req/s':>9}{'p50 ms':>8}{'p99 ms':>8}"
          f"{'errors':>7}  {'proxy CPU':>10}{'upstream CPU':>14}")
    for r in runs:
        proxy = next((v for k, v in r.cpu_ms.items() if k in ("gateway", "nginx")), None)
        up = r.cpu_ms.get(r.upstream)
        print(f"{r.target:<9}{r.upstream:<9}{r.concurrency:>4}{r.rps:>9.0f}{r.p50_ms:>8.2f}"
              f"{r.p99_ms:>8.2f}{r.errors:>7}  "
              f"{'' if proxy is None else f'{proxy:.3f}':>10}{up or 0:>14.3f}")
    print(f"\nat rest ({window:.0f} s, no traffic): CPU % of one core, resident memory MB")
    print(f"{'process':<24}{'idle CPU %':>11}{'RSS at rest':>13}{'RSS loaded':>12}")
    for name in idle:
        print(f"{name:<24}{idle[name]:>11.2f}{rss_rest[name]:>13.0f}"
              f"{rss_load.get(name, 0):>12.0f}")
    print(f"{'all':<24}{sum(idle.values()):>11.2f}{sum(rss_rest.values()):>13.0f}"
          f"{sum(v for k, v in rss_load.items() if k in rss_rest):>12.0f}")
    if "gateway (stub)" in rss_load:
        print(f"{'gateway (stub), loaded':<24}{'':>11}{'':>13}{rss_load['gateway (stub)']:>12.0f}")

    gw = [r.cpu_ms["gateway"] for r in runs if r.target == "gateway"]
    catalog = [r.cpu_ms["orders"] for r in runs if r.target == "direct" and r.upstream == "orders"]
    services = ("orders", "scheduling", "authorization", "reimbursement", "gateway")
    worst_idle = max((idle[s], s) for s in services if s in idle)
    worst_rss = max((max(rss_rest[s], rss_load.get(s, 0)), s) for s in services if s in rss_rest)
    print("\ntargets")
    if gw:
        print(f"  gateway CPU per proxied request <= {TARGETS['gateway_ms']} ms at any "
              f"concurrency: worst {max(gw):.3f} ms: {_verdict(max(gw) <= TARGETS['gateway_ms'])}")
    if catalog:
        print(f"  catalog read (orders GET {ROUTE}) <= {TARGETS['catalog_ms']} ms CPU: worst "
              f"{max(catalog):.3f} ms: {_verdict(max(catalog) <= TARGETS['catalog_ms'])}")
    print(f"  each service idle <= {TARGETS['idle_pct']} % of a core: worst {worst_idle[1]} "
          f"{worst_idle[0]:.2f} %: {_verdict(worst_idle[0] <= TARGETS['idle_pct'])}"
          f"   (broker {idle.get('broker', 0):.2f} %)")
    print(f"  each service <= {TARGETS['rss_mb']:.0f} MB resident: worst {worst_rss[1]} "
          f"{worst_rss[0]:.0f} MB: {_verdict(worst_rss[0] <= TARGETS['rss_mb'])}")


if __name__ == "__main__":
    # A SIGTERM (timeout, kill) interrupts like Ctrl-C, so the finally above stops the platform
    # (left to the default action, it orphaned the broker and every service)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    sys.exit(asyncio.run(main()))
