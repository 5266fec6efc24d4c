"""``make run``: the whole platform on the embedded defaults, as one supervised process tree.

Starts the broker on 127.0.0.1:9092, the four domain services, the payer and clearinghouse
sandboxes and the gateway
on their api.md ports with SQLite files under ``data/``, waits until each answers its readiness
check, prints the URLs and demo credentials, and stops everything on Ctrl-C or SIGTERM (each
child runs in its own process group, so nothing is left behind).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import signal
import sys
import time
from pathlib import Path

from chairside_shared.broker import EmbeddedBroker, wait_for_port
from chairside_shared.processes import ServiceProcess, stop_all

# name, module, port, readiness path
SERVICES = [
    ("orders", "orders", 8001, "/readyz"),
    ("scheduling", "scheduling", 8002, "/readyz"),
    ("authorization", "authorization", 8003, "/readyz"),
    ("reimbursement", "reimbursement", 8004, "/readyz"),
    ("payer-sandbox", "payer_sandbox", 8090, "/healthz"),
    ("clearinghouse-sandbox", "clearinghouse_sandbox", 8091, "/healthz"),
    ("gateway", "gateway", 8000, "/readyz"),
]


def _runnable(module: str) -> bool:
    return importlib.util.find_spec(f"{module}.__main__") is not None


def service_wiring(urls: dict[str, str]) -> dict[str, str]:
    """How the processes find each other, given the URL each one is reached at (by module
    name; ``gateway``: the address clients use, the tokens' issuer)."""
    return {
        "GATEWAY_ISSUER": urls["gateway"],
        "AUTHORIZATION_PAYER_DEFAULT_BASE_URL": f"{urls['payer_sandbox']}/fhir",
        # eligibility: 270s to the clearinghouse sandbox, payer identity from orders
        "AUTHORIZATION_CLEARINGHOUSE_URL": f"{urls['clearinghouse_sandbox']}/x12",
        "AUTHORIZATION_ORDERS_URL": urls["orders"],
        **{f"GATEWAY_{m.upper()}_URL": urls[m]
           for m in ("orders", "scheduling", "authorization", "reimbursement")},
        # the 837P needs the subscriber's demographics, which only orders holds
        "REIMBURSEMENT_ORDERS_URL": urls["orders"],
        # claims: 837P batches to the clearinghouse sandbox, 999 / 277CA / 835 from its mailbox
        "REIMBURSEMENT_CLEARINGHOUSE_URL": urls["clearinghouse_sandbox"],
        # the sandbox answers at once: fetch its mailbox every 2 s, so `make demo` shows a
        # claim's 999 / 277CA / 835 within seconds (production keeps the 30 s default)
        "REIMBURSEMENT_EXCHANGE_POLL_INTERVAL_S": "2",
        # `make demo` books visits at whatever time of the day the demo runs: check-in and
        # start are accepted a week around the slot (production keeps 60/30 and 30/60)
        **dict.fromkeys(WIDE_VISIT_WINDOWS, "10080"),
    }


def build_processes(data_dir: Path, bootstrap: str, offset: int = 0) -> list[ServiceProcess]:
    """``offset`` shifts every port (a second stack beside a running one, or a test)."""
    logs = data_dir / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    ports = {module: port + offset for _, module, port, _ in SERVICES}
    wiring = service_wiring({m: f"http://127.0.0.1:{port}" for m, port in ports.items()})
    procs = []
    for name, module, _, health in SERVICES:
        if not _runnable(module):
            print(f"  (skipping {name}: package {module} has no __main__ yet)")
            continue
        port = ports[module]
        prefix = module.upper() + "_"
        env = {
            **wiring,
            "KAFKA_BOOTSTRAP_SERVERS": bootstrap,
            f"{prefix}DATA_DIR": str(data_dir),
            f"{prefix}PORT": str(port),
        }
        args = [] if module.endswith("_sandbox") else ["serve"]
        procs.append(ServiceProcess(name, module, port, env=env, args=args,
                                    log_path=logs / f"{name}.log", health_path=health))
    return procs


WIDE_VISIT_WINDOWS = ("SCHEDULING_CHECKIN_OPENS_BEFORE_MINUTES",
                      "SCHEDULING_CHECKIN_CLOSES_AFTER_MINUTES",
                      "SCHEDULING_START_OPENS_BEFORE_MINUTES",
                      "SCHEDULING_START_CLOSES_AFTER_MINUTES")


def run(data_dir: Path, broker_port: int, offset: int = 0) -> int:
    data_dir.mkdir(parents=True, exist_ok=True)
    stopping = False

    def _stop(_signum, _frame):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    broker = EmbeddedBroker(port=broker_port, log_path=data_dir / "logs" / "broker.log")
    (data_dir / "logs").mkdir(parents=True, exist_ok=True)
    procs: list[ServiceProcess] = []
    try:
        print(f"starting the broker on 127.0.0.1:{broker_port} ...", flush=True)
        broker.start()
        procs = build_processes(data_dir, broker.bootstrap_servers, offset)
        for p in procs:
            p.start()
        for p in procs:
            wait_for_port(p.port, timeout_s=60)
            p.wait_ready(timeout_s=120)
            print(f"  {p.name:<14} {p.url}   (log: {p.log_path})", flush=True)
        _banner(procs)
        while not stopping:
            for p in procs:
                if not p.running:
                    print(f"{p.name} exited; stopping everything (see {p.log_path})",
                          file=sys.stderr)
                    stopping = True
            if broker.process is not None and broker.process.poll() is not None:
                print("the broker exited; stopping everything", file=sys.stderr)
                stopping = True
            time.sleep(0.5)
        return 0
    except Exception as exc:
        print(f"make run failed: {exc}", file=sys.stderr)
        return 1
    finally:
        print("stopping ...", flush=True)
        stop_all(list(reversed(procs)))
        broker.stop()
        print("stopped.", flush=True)


def _banner(procs: list[ServiceProcess]) -> None:
    gateway = next((p for p in procs if p.name == "gateway"), None)
    banner(gateway.url if gateway else None,
           "embedded defaults: SQLite under data/, in-memory broker")


def banner(url: str | None, what: str) -> None:
    """What ``make run`` and ``make run-cluster`` print once everything answers."""
    print(f"\nChairside is running ({what}).")
    if url is not None:
        print(f"  API:      {url}/v1   docs: {url}/docs")
        print(f"  Board:    {url}/board/   (staff sign-in: demo-scheduler / "
              "demo-scheduler-password, development settings only)")
    print("  Demo clients (local use only; production settings refuse them):")
    print("    demo-admin   / demo-admin-secret     all scopes, clinic staff (demo-clinic)")
    print("    demo-partner / demo-partner-secret   partner scopes, practice demo-partner")
    print(f"  Token:    curl -s -d grant_type=client_credentials -d client_id=demo-admin "
          f"-d client_secret=demo-admin-secret {url or ''}/v1/oauth/token")
    print("Press Ctrl-C to stop.\n", flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m chairside_shared.devstack")
    parser.add_argument("command", choices=["run", "cluster"])
    parser.add_argument("--data-dir", type=Path, default=Path(os.environ.get("CHAIRSIDE_DATA",
                                                                             "data")))
    parser.add_argument("--broker-port", type=int, default=9092)
    parser.add_argument("--port-offset", type=int, default=0,
                        help="add this to every service port (default: the api.md ports)")
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["cluster"]:  # its own options: python -m chairside_shared.cluster -h
        from chairside_shared import cluster

        sys.exit(cluster.main(argv[1:]))
    args = parser.parse_args(argv)
    sys.exit(run(args.data_dir.resolve(), args.broker_port, args.port_offset))


if __name__ == "__main__":
    main()
