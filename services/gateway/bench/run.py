"""Gateway benchmark: one read route (GET /v1/drugs) called directly on the service, through
the gateway, and through nginx proxying to the same service, in one run, side by side.

    .venv/bin/python services/gateway/bench/run.py [--seconds 10] [--concurrency 16]
                                                    [--no-nginx] [--json out.json]

Each target gets the same load: a latency pass (one request at a time, for the added p50)
and a throughput pass (`--concurrency` requests in flight). The gateway runs as it does in
production (`python -m gateway serve`: JWT verification, rate limit, scopes, edge checks,
tracing), with an admin token. nginx is Debian's package, installed by apt-get when missing
(pass --no-nginx to skip it). Targets from the issue: >= 0.5x direct throughput and <= 2 ms
added p50. The load generator shares the machine's cores with the servers, so absolute
figures are lower than on a separate client host; the ratios are the point.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx

from chairside_shared.processes import ServiceProcess

HERE = Path(__file__).resolve().parent
ROUTE = "/v1/drugs"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Stats:
    target: str
    requests: int
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    latency_p50_ms: float  # one request at a time


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


async def _load(url: str, headers: dict[str, str], seconds: float, concurrency: int
                ) -> tuple[int, float, list[float]]:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(limits=limits, timeout=10) as client:
        for _ in range(50):  # warm-up: connections, caches, JIT-less but lazy imports
            (await client.get(url, headers=headers)).raise_for_status()
        latencies: list[float] = []
        deadline = time.perf_counter() + seconds

        async def worker() -> None:
            while time.perf_counter() < deadline:
                t0 = time.perf_counter()
                r = await client.get(url, headers=headers)
                latencies.append(time.perf_counter() - t0)
                if r.status_code != 200:
                    raise RuntimeError(f"{url}: {r.status_code} {r.text[:200]}")

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return len(latencies), time.perf_counter() - start, latencies


async def measure(name: str, url: str, headers: dict[str, str], seconds: float,
                  concurrency: int) -> Stats:
    _, _, single = await _load(url, headers, seconds / 2, 1)
    n, elapsed, lat = await _load(url, headers, seconds, concurrency)
    return Stats(name, n, n / elapsed, _pct(lat, 0.5), _pct(lat, 0.95), _pct(lat, 0.99),
                 statistics.median(single) * 1000)


def ensure_nginx() -> str | None:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists()
                                      else None)
    if found or os.geteuid() != 0:
        return found
    print("installing Debian's nginx (apt-get)...", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=False, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "nginx-light"],
                   check=False, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists()
                                     else None)


def start_nginx(binary: str, upstream_port: int, workdir: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    conf = workdir / "nginx.conf"
    conf.write_text(f"""
worker_processes 1;
daemon off;
pid {workdir}/nginx.pid;
error_log {workdir}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {workdir}/body; proxy_temp_path {workdir}/proxy;
  fastcgi_temp_path {workdir}/fcgi; uwsgi_temp_path {workdir}/uwsgi; scgi_temp_path {workdir}/scgi;
  upstream service {{ server 127.0.0.1:{upstream_port}; keepalive 64; }}
  server {{
    listen 127.0.0.1:{port};
    location / {{
      proxy_pass http://service;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }}
  }}
}}
""")
    proc = subprocess.Popen([binary, "-c", str(conf), "-p", str(workdir)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return proc, port
        except httpx.HTTPError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("nginx did not start: " + (proc.stderr.read() or b"").decode()[-500:])


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--no-nginx", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="gw-bench-"))
    up_port, gw_port = free_port(), free_port()
    upstream = ServiceProcess("upstream", "uvicorn", up_port, env={"PYTHONPATH": str(HERE)},
                              args=["upstream:app", "--port", str(up_port), "--log-level",
                                    "warning", "--no-access-log"], health_path="/healthz")
    gateway = ServiceProcess("gateway", "gateway", gw_port, env={
        "GATEWAY_PORT": str(gw_port), "GATEWAY_DATA_DIR": str(workdir),
        "GATEWAY_ORDERS_URL": f"http://127.0.0.1:{up_port}", "GATEWAY_LOG_LEVEL": "WARNING",
        "GATEWAY_RATE_LIMIT_CAPACITY": "1000000000", "GATEWAY_RATE_LIMIT_PER_S": "1000000000",
    }, log_path=workdir / "gateway.log")
    nginx = None
    results: list[Stats] = []
    try:
        upstream.start().wait_ready()
        gateway.start().wait_ready()
        async with httpx.AsyncClient(base_url=gateway.url) as c:
            r = await c.post("/v1/oauth/token", data={
                "grant_type": "client_credentials", "client_id": "demo-admin",
                "client_secret": "demo-admin-secret"})
            r.raise_for_status()
        auth = {"Authorization": f"Bearer {r.json()['access_token']}"}
        targets = [("direct", upstream.url + ROUTE, {}), ("gateway", gateway.url + ROUTE, auth)]
        binary = None if args.no_nginx else ensure_nginx()
        if binary:
            nginx, nport = start_nginx(binary, up_port, workdir)
            targets.append(("nginx", f"http://127.0.0.1:{nport}{ROUTE}", {}))
        elif not args.no_nginx:
            print("nginx not available (not root, or apt-get failed): skipped", flush=True)
        for name, url, headers in targets:
            results.append(await measure(name, url, headers, args.seconds, args.concurrency))
    finally:
        if nginx is not None:
            nginx.terminate()
            nginx.wait(10)
        gateway.stop()
        upstream.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    report(results, args.concurrency)
    if args.json:
        args.json.write_text(json.dumps([asdict(s) for s in results], indent=2))


def report(results: list[Stats], concurrency: int) -> None:
    direct = results[0]
    print(f"\nGET {ROUTE}, {concurrency} in flight (latency p50 with one in flight)")
    print(f"{'target':<8} {'req/s':>9} {'ratio':>6} {'p50':>7} {'p95':>7} {'p99':>7} "
          f"{'1-flight p50':>13} {'added':>7}")
    for s in results:
        print(f"{s.target:<8} {s.rps:>9.0f} {s.rps / direct.rps:>6.2f} {s.p50_ms:>6.2f}m "
              f"{s.p95_ms:>6.2f}m {s.p99_ms:>6.2f}m {s.latency_p50_ms:>12.2f}m "
              f"{s.latency_p50_ms - direct.latency_p50_ms:>6.2f}m")
    gw = next(s for s in results if s.target == "gateway")
    ratio, added = gw.rps / direct.rps, gw.latency_p50_ms - direct.latency_p50_ms
    print(f"\ngateway: {ratio:.2f}x direct throughput (target >= 0.5), "
          f"+{added:.2f} ms p50 (target <= 2 ms): "
          f"{'MET' if ratio >= 0.5 and added <= 2 else 'NOT MET'}")


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
