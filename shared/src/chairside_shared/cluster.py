"""``make run-cluster``: the platform as a small cluster on this machine.

Two replicas of each domain service and of the gateway on PostgreSQL (one database per
service, shared by its replicas), the embedded broker with topics of 6 partitions, the payer
and clearinghouse sandboxes as ``make run`` has them, and nginx in front:

- the load balancer (default 127.0.0.1:8100) spreads clients over the two gateways;
- one nginx port per domain service (8101-8104) spreads the gateways' and the services' own
  calls over its two replicas. The gateway (and authorization, reimbursement) keep one URL
  per service, as in production where a Kubernetes Service is that URL: no client-side
  balancing to write, and a killed replica is skipped by nginx within one request.

The gateways share their state: PostgreSQL (idempotency keys, signing keys, API clients,
authorization codes, audit, webhook subscriptions and deliveries) and Redis (rate-limit
buckets, under a key prefix of the cluster's own). The first replica of each service
migrates and seeds the demo data; the second starts once it is ready, with the seed off.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from chairside_shared import db
from chairside_shared.broker import EmbeddedBroker
from chairside_shared.contracts.base import (
    AUTHORIZATION_TOPIC,
    ORDERS_TOPIC,
    REIMBURSEMENT_TOPIC,
    SCHEDULING_TOPIC,
    dlq_topic,
)
from chairside_shared.devstack import banner, service_wiring
from chairside_shared.nginx import Nginx
from chairside_shared.processes import ServiceProcess, stop_all

DOMAIN = ("orders", "scheduling", "authorization", "reimbursement")
REPLICATED = (*DOMAIN, "gateway")
REPLICAS = (1, 2)
SANDBOXES = ("payer_sandbox", "clearinghouse_sandbox")
PARTITIONS = 6
EVENT_TOPICS = (ORDERS_TOPIC, SCHEDULING_TOPIC, AUTHORIZATION_TOPIC, REIMBURSEMENT_TOPIC)
# Every port the topology needs: the load balancer, nginx's port per domain service, each
# replica, the sandboxes and the broker.
PORT_NAMES = ("lb", *DOMAIN, *(f"{m}-{r}" for m in REPLICATED for r in REPLICAS),
              *SANDBOXES, "broker")


def default_ports(base: int = 8100) -> dict[str, int]:
    """lb: base; the services' nginx ports: base+1..4 (api.md's order); replicas from
    base+11 (orders-1, orders-2, scheduling-1, ...); sandboxes base+90/91; broker base+99."""
    ports = {"lb": base, **{m: base + 1 + i for i, m in enumerate(DOMAIN)}}
    for i, m in enumerate(REPLICATED):
        for r in REPLICAS:
            ports[f"{m}-{r}"] = base + 10 + 2 * i + r
    return {**ports, "payer_sandbox": base + 90, "clearinghouse_sandbox": base + 91,
            "broker": base + 99}


@dataclass
class Cluster:
    workdir: Path
    ports: dict[str, int]
    broker: EmbeddedBroker
    nginx: Nginx
    processes: dict[str, ServiceProcess]  # sandboxes, then "orders-1", ..., "gateway-2"
    databases: dict[str, str]  # service -> its database's async URL (shared by its replicas)
    started_s: float = 0.0  # how long start() took
    seeding: list[str] = field(default_factory=list)  # the replicas that seed, the first time

    @property
    def url(self) -> str:
        """The load balancer: what clients call."""
        return f"http://127.0.0.1:{self.ports['lb']}"

    def front(self, service: str) -> str:
        return f"http://127.0.0.1:{self.ports[service]}"

    def replicas(self, service: str) -> list[str]:
        return [f"{service}-{r}" for r in REPLICAS]

    def start(self, timeout_s: float = 180) -> None:
        began = time.monotonic()
        self.broker.start()
        asyncio.run(create_topics(self.broker.bootstrap_servers))
        self.nginx.start()
        sandboxes = [self.processes[s] for s in SANDBOXES]
        firsts = [self.processes[f"{m}-1"] for m in REPLICATED]
        seconds = [self.processes[f"{m}-2"] for m in REPLICATED]
        # The first replicas migrate and seed; the second ones start on a ready schema and
        # an existing signing key, so no two processes race to create either.
        for p in [*sandboxes, *firsts]:
            p.start()

        def pair(first: ServiceProcess, second: ServiceProcess) -> None:
            first.wait_ready(timeout_s)
            if first.name in self.seeding:  # a restarted first replica does not seed again
                first.env[f"{first.module.upper()}_SEED_DEMO_DATA"] = "false"
            second.start()
            second.wait_ready(timeout_s)

        with ThreadPoolExecutor(len(firsts)) as pool:
            # each second replica starts as soon as its own first one is ready
            for done in [pool.submit(pair, f, s) for f, s in zip(firsts, seconds, strict=True)]:
                done.result()
        for p in sandboxes:
            p.wait_ready(timeout_s)
        self._wait_balanced(timeout_s)
        self.started_s = time.monotonic() - began

    def _wait_balanced(self, timeout_s: float) -> None:
        """Every nginx port answers a readiness probe (nginx took its configuration)."""
        deadline = time.monotonic() + timeout_s
        for port in ("lb", *DOMAIN):
            url = f"http://127.0.0.1:{self.ports[port]}/readyz"
            while True:
                if not self.nginx.running:
                    raise RuntimeError(f"nginx exited: see {self.workdir / 'logs'}")
                try:
                    if httpx.get(url, timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    raise TimeoutError(f"{url} not ready after {timeout_s}s")
                time.sleep(0.1)

    def kill(self, name: str) -> None:
        """SIGKILL one process (its process group): no shutdown, as a crash."""
        self.processes[name].stop(kill=True)

    def restart(self, name: str, timeout_s: float = 120) -> None:
        p = self.processes[name]
        p.stop(kill=True)
        p.start()
        p.wait_ready(timeout_s)

    def stop(self) -> None:
        self.nginx.stop()
        stop_all(list(self.processes.values()))  # together, one deadline
        self.broker.stop()

    def log_tail(self, name: str, chars: int = 3000) -> str:
        path = self.processes[name].log_path
        if path is None or not path.exists():
            return ""
        return path.read_text(errors="replace")[-chars:]


def build_cluster(workdir: Path, databases: dict[str, str], ports: dict[str, int], *,
                  redis_url: str, redis_prefix: str,
                  extra_env: dict[str, str] | None = None) -> Cluster:
    """The processes wired to each other (not started). ``extra_env`` goes to every process
    (settings of a test run: they win over make run's defaults, not over the cluster's
    broker, Redis, ports, databases and seeding rule)."""
    logs = workdir / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    broker = EmbeddedBroker(port=ports["broker"], log_path=logs / "broker.log")
    local = {name: f"http://127.0.0.1:{ports[name]}" for name in (*DOMAIN, *SANDBOXES)}
    common = {
        **service_wiring({**local, "gateway": f"http://127.0.0.1:{ports['lb']}"}),
        **(extra_env or {}),
        "KAFKA_BOOTSTRAP_SERVERS": broker.bootstrap_servers,
        "KAFKA_TOPIC_PARTITIONS": str(PARTITIONS),
        "GATEWAY_REDIS_URL": redis_url,
        "GATEWAY_REDIS_PREFIX": redis_prefix,
        # on both gateways, not only on the one that seeds (it follows the seed otherwise)
        "GATEWAY_DEMO_STAFF_LOGIN": "true",
        "PYTHONUNBUFFERED": "1",
    }
    processes = {
        "payer_sandbox": ServiceProcess(
            "payer-sandbox", "payer_sandbox", ports["payer_sandbox"], args=[],
            env={**common, "PAYER_SANDBOX_PORT": str(ports["payer_sandbox"])},
            log_path=logs / "payer-sandbox.log", health_path="/healthz"),
        "clearinghouse_sandbox": ServiceProcess(
            "clearinghouse-sandbox", "clearinghouse_sandbox", ports["clearinghouse_sandbox"],
            args=[], env={**common,
                          "CLEARINGHOUSE_SANDBOX_PORT": str(ports["clearinghouse_sandbox"])},
            log_path=logs / "clearinghouse-sandbox.log", health_path="/healthz"),
    }
    seeding = []
    for module in REPLICATED:
        p = module.upper() + "_"
        for r in REPLICAS:
            name = f"{module}-{r}"
            processes[name] = ServiceProcess(name, module, ports[name], env={
                **common,
                f"{p}PORT": str(ports[name]),
                f"{p}DATABASE_URL": databases[module],
                f"{p}DATA_DIR": str(workdir),
                f"{p}SEED_DEMO_DATA": "true" if r == 1 else "false",
            }, log_path=logs / f"{name}.log")
            if r == 1:
                seeding.append(name)
    balanced = {ports["lb"]: [ports[f"gateway-{r}"] for r in REPLICAS],
                **{ports[m]: [ports[f"{m}-{r}"] for r in REPLICAS] for m in DOMAIN}}
    return Cluster(workdir=workdir, ports=ports, broker=broker,
                   nginx=Nginx(workdir, balanced), processes=processes, databases=databases,
                   seeding=seeding)


async def create_topics(bootstrap: str, partitions: int = PARTITIONS) -> None:
    """Every topic with its partitions before any service starts. Otherwise a consumer can
    subscribe first, the broker auto-creates the topic with its own default count, the
    embedded broker cannot add partitions, and the relay's sends to the missing partitions
    (it picks them by key over KAFKA_TOPIC_PARTITIONS) fail."""
    from aiokafka.admin import AIOKafkaAdminClient, NewTopic

    topics = [t for base in EVENT_TOPICS for t in (base, dlq_topic(base))]
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, client_id="cluster-topics")
    await admin.start()
    try:
        await admin.create_topics([NewTopic(t, partitions, 1) for t in topics])
    finally:
        await admin.close()


async def create_databases(admin_url: str, prefix: str) -> dict[str, str]:
    """A fresh database per service (dropped first if it exists): the broker is in-memory,
    so a new cluster starts from nothing everywhere."""
    return {m: await db.create_database(admin_url, f"{prefix}_{m}") for m in REPLICATED}


def run(args: argparse.Namespace) -> int:
    stopping = False

    def _stop(_signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    workdir = args.data_dir.resolve()
    print(f"creating the databases {args.db_prefix}_<service> ...", flush=True)
    databases = asyncio.run(create_databases(args.admin_url, args.db_prefix))
    cluster = build_cluster(workdir, databases, default_ports(args.port),
                            redis_url=args.redis_url, redis_prefix=args.redis_prefix)
    try:
        print(f"starting the broker, nginx and {len(cluster.processes)} processes "
              f"(logs: {workdir / 'logs'}) ...", flush=True)
        cluster.start()
        for name, p in cluster.processes.items():
            print(f"  {name:<22} {p.url}", flush=True)
        for m in DOMAIN:
            print(f"  {m + ' (nginx)':<22} {cluster.front(m)}")
        print(f"started in {cluster.started_s:.1f} s")
        banner(cluster.url, f"2 replicas per service behind nginx at {cluster.url}, "
               f"PostgreSQL, {PARTITIONS} partitions per topic")
        return _supervise(cluster, lambda: stopping)
    except Exception as exc:
        print(f"make run-cluster failed: {exc}", file=sys.stderr)
        return 1
    finally:
        print("stopping ...", flush=True)
        cluster.stop()
        print("stopped.", flush=True)


def _supervise(cluster: Cluster, stopping: Callable[[], bool]) -> int:
    """A replica that exits is started again (as an orchestrator would); without the broker
    or nginx there is no cluster: everything stops."""
    while not stopping():
        if cluster.broker.process is not None and cluster.broker.process.poll() is not None:
            print("the broker exited; stopping everything", file=sys.stderr)
            return 1
        if not cluster.nginx.running:
            print("nginx exited; stopping everything", file=sys.stderr)
            return 1
        for name, p in cluster.processes.items():
            if not p.running:
                print(f"{name} exited (see {p.log_path}); starting it again", file=sys.stderr)
                p.start()
        time.sleep(0.5)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m chairside_shared.devstack cluster",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, default=Path("data/cluster"),
                        help="logs and nginx's files (default: data/cluster)")
    parser.add_argument("--port", type=int, default=8100,
                        help="the load balancer's port; the others follow it (default 8100)")
    parser.add_argument("--admin-url", default="postgresql+asyncpg://postgres@127.0.0.1:5432/"
                        "postgres", help="a PostgreSQL account that may create databases")
    parser.add_argument("--db-prefix", default="chairside_cluster",
                        help="databases <prefix>_<service>, recreated on every start")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/0")
    parser.add_argument("--redis-prefix", default="chairside:cluster:",
                        help="the gateways' keys in Redis (rate-limit buckets)")
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
