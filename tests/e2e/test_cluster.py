"""The cluster topology of ``make run-cluster`` under the end-to-end tests: two replicas of
every service and of the gateway on PostgreSQL, topics of 6 partitions, nginx in front, the
gateways' rate limits in Redis. Everything goes through the load balancer.

- the whole same-day cocktail visit of test_visits.py (signed, booked, given, billed,
  accepted, paid) runs here unchanged;
- every topic has 6 partitions;
- the gateways share their limits: failed token requests spread over both replicas empty one
  bucket;
- one replica of scheduling (a consumer mid-backlog) and one gateway are SIGKILLed while two
  practices sign orders, and started again: every order is placed once, every event applied
  once, every request answered, and every service's state reconciles.
"""

from __future__ import annotations

import asyncio
import re
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest
import redis.asyncio as aioredis
from aiokafka.admin import AIOKafkaAdminClient
from chairside_client import AuthenticatedClient
from chairside_client.api.gateway import post_oauth_token
from chairside_client.api.orders import post_orders_order_id_sign
from chairside_client.models import Problem, TokenRequest, TokenRequestGrantType

from chairside_shared import db
from chairside_shared.broker import wait_for_port
from chairside_shared.cluster import (
    DOMAIN,
    EVENT_TOPICS,
    PARTITIONS,
    PORT_NAMES,
    REPLICATED,
    Cluster,
    build_cluster,
    default_ports,
)
from chairside_shared.nginx import Nginx
from chairside_shared.testing.templates import migrated_database

from .client import Api, until
from .reconcile import reconcile
from .stack import (
    ADMIN_URL,
    migrations_of,
    open_clinic_timezone,
    pick_port,
    run_settings,
    service_settings,
)
from .test_faults import placed, run_and_bill, scalar, signed_cocktail
from .test_visits import test_same_day_migraine_cocktail_without_pa  # noqa: F401 - runs here

pytestmark = pytest.mark.e2e
REDIS_URL = "redis://127.0.0.1:6379/0"
# Failed token requests allowed per (caller, client id) in a burst; one more is refused
# (about a minute to refill one).
TOKEN_BURST = 3


@dataclass
class ClusterStack:
    """What the end-to-end helpers read from a stack (databases, zone, logs), for a cluster."""

    cluster: Cluster
    clinic_timezone: str
    redis_prefix: str

    @property
    def gateway_url(self) -> str:
        return self.cluster.url

    @property
    def databases(self) -> dict[str, str]:
        return self.cluster.databases

    @property
    def processes(self) -> dict:
        return self.cluster.processes

    def log_tail(self, name: str, chars: int = 3000) -> str:
        return self.cluster.log_tail(name, chars)


@pytest.fixture(scope="module")
async def stack(tmp_path_factory) -> AsyncIterator[ClusterStack]:
    tag = uuid.uuid4().hex[:6]
    names = {m: f"cs_e2e_cluster_{m[:5]}_{tag}" for m in REPLICATED}
    urls = {m: await migrated_database(ADMIN_URL, n, migrations_of(m)) for m, n in names.items()}
    ports: dict[str, int] = {}
    for name in PORT_NAMES:
        while (port := pick_port()) in ports.values():
            pass
        ports[name] = port
    tz = open_clinic_timezone()
    settings = {**run_settings(tz), "GATEWAY_TOKEN_RATE_LIMIT_CAPACITY": str(TOKEN_BURST),
                "GATEWAY_TOKEN_RATE_LIMIT_PER_S": "0.02",
                # 14 processes on two shared cores: a claim's submission (X12 work) can take
                # more than the 5 s default; a POST the gateway gives up on while the service
                # completes it meets 409 on the client's retry (the services do not know
                # the Idempotency-Key).
                "GATEWAY_UPSTREAM_TIMEOUT_S": "15",
                # a POST left in progress by the killed gateway is taken over within the
                # client's retries (above the upstream deadline)
                "GATEWAY_IDEMPOTENCY_LEASE_S": "20"}
    for m in REPLICATED:
        settings |= service_settings(m)
    prefix = f"chairside:test-{tag}:"
    cluster = build_cluster(tmp_path_factory.mktemp("e2e-cluster"), urls, ports,
                            redis_url=REDIS_URL, redis_prefix=prefix, extra_env=settings)
    try:
        await asyncio.to_thread(cluster.start)
        print(f"cluster started in {cluster.started_s:.1f} s")
        yield ClusterStack(cluster, tz, prefix)
    finally:
        await asyncio.to_thread(cluster.stop)
        for name in names.values():
            await db.drop_database(ADMIN_URL, name)
        r = aioredis.from_url(REDIS_URL)
        try:
            if keys := [k async for k in r.scan_iter(match=f"{prefix}*")]:
                await r.delete(*keys)
        finally:
            await r.aclose()


@pytest.fixture(scope="module")
async def api(stack) -> AsyncIterator[Api]:
    client = Api(stack.gateway_url)
    client.retry_s = 45  # while a replica is down, as a careful client does
    try:
        yield client
    finally:
        await client.aclose()


LOG_LINE = re.compile(r"\S+ (\d+) (\S+) (\S+) (\d+) upstream=(.*) upstream_status=")


def lb_rows(stack: ClusterStack, since: int = 0) -> list[tuple[str, str, int, str]]:
    """(method, path, status, port of the gateway that answered) of the load balancer's
    requests, from nginx's access log line ``since`` on (nginx lists every replica it tried,
    the one that answered last)."""
    lb = str(stack.cluster.ports["lb"])
    rows = []
    for line in stack.cluster.nginx.access_log.read_text().splitlines()[since:]:
        m = LOG_LINE.match(line)
        assert m, line
        server_port, method, uri, status, tried = m.groups()
        if server_port == lb:
            rows.append((method, uri, int(status), tried.split(", ")[-1].rsplit(":", 1)[-1]))
    return rows


def log_length(stack: ClusterStack) -> int:
    return len(stack.cluster.nginx.access_log.read_text().splitlines())


def gateway_ports(stack: ClusterStack) -> set[str]:
    return {str(stack.cluster.ports[f"gateway-{r}"]) for r in (1, 2)}


# ------------------------------------------------------------------------------ topology
def test_every_replica_reaches_its_peers_through_nginx(tmp_path):
    """Pure (starts only `nginx -t`): every peer address a process is given is nginx's port
    of that peer (both its replicas behind it), the load balancer or a sandbox, never one
    replica; nginx accepts the configuration written for it."""
    ports = default_ports(18100)
    cluster = build_cluster(tmp_path, dict.fromkeys(REPLICATED, "postgresql+asyncpg://x/y"),
                            ports, redis_url=REDIS_URL, redis_prefix="chairside:unused:")
    balanced = {ports[n] for n in ("lb", *DOMAIN, "payer_sandbox", "clearinghouse_sandbox")}
    replicas = {ports[n] for n in ports if "-" in n}
    peers: Counter[int] = Counter()
    for name in (n for m in REPLICATED for n in cluster.replicas(m)):
        env = cluster.processes[name].env
        for var, value in env.items():
            if var.endswith(("_URL", "_ISSUER")) and value.startswith("http://127.0.0.1:"):
                port = int(value.split(":")[2].split("/")[0])
                assert port in balanced and port not in replicas, (name, var, value)
                peers[port] += 1
        assert env[f"{name.split('-')[0].upper()}_PORT"] == str(ports[name])
    # each domain service and the load balancer are named by the others (both replicas)
    assert all(peers[ports[n]] >= 2 for n in ("lb", *DOMAIN)), peers
    assert cluster.nginx.balanced == {
        ports["lb"]: [ports["gateway-1"], ports["gateway-2"]],
        **{ports[m]: [ports[f"{m}-1"], ports[f"{m}-2"]] for m in DOMAIN}}
    assert "syntax is ok" in cluster.nginx.check()


async def test_the_load_balancer_answers_problem_json_when_no_replica_does(tmp_path):
    """Pure (nginx alone, no replica up): what a client gets while a gateway dies with its
    request in flight parses as a Problem the typed client retries, not nginx's HTML."""
    ports = [pick_port() for _ in range(3)]
    nginx = Nginx(tmp_path, {ports[0]: ports[1:]}).start()
    try:
        await asyncio.to_thread(wait_for_port, ports[0])
        client = AuthenticatedClient(base_url=f"http://127.0.0.1:{ports[0]}", token="t")
        r = await post_orders_order_id_sign.asyncio_detailed(client=client,
                                                             order_id=uuid.uuid4())
    finally:
        nginx.stop()
    assert r.status_code == 502 and isinstance(r.parsed, Problem), r.content
    assert r.parsed.type_.endswith("replica-unavailable") and r.headers["retry-after"] == "1"


async def test_every_topic_has_six_partitions(stack):
    admin = AIOKafkaAdminClient(bootstrap_servers=stack.cluster.broker.bootstrap_servers)
    await admin.start()
    try:
        described = await admin.describe_topics([*EVENT_TOPICS])
    finally:
        await admin.close()
    assert {t["topic"]: len(t["partitions"]) for t in described} == dict.fromkeys(
        EVENT_TOPICS, PARTITIONS)


# ------------------------------------------------------------------------------ shared limits
async def test_the_gateways_share_one_rate_limit_bucket(stack, api):
    """Per-process buckets would let 2 x TOKEN_BURST failures through; Redis lets
    TOKEN_BURST through whichever gateway each request reaches."""
    probe = f"cluster-probe-{uuid.uuid4().hex[:6]}"
    since = log_length(stack)
    statuses = []
    for _ in range(TOKEN_BURST + 1):
        r = await post_oauth_token.asyncio_detailed(
            client=api.typed.anonymous, body=TokenRequest(
                grant_type=TokenRequestGrantType.CLIENT_CREDENTIALS, client_id=probe,
                client_secret="not-the-secret"))
        statuses.append(int(r.status_code))
    assert statuses == [401] * TOKEN_BURST + [429]
    token_calls = [row for row in lb_rows(stack, since) if row[1] == "/v1/oauth/token"]
    assert {row[3] for row in token_calls} == gateway_ports(stack), token_calls
    redis = aioredis.from_url(REDIS_URL)
    try:
        bucket = await redis.hgetall(f"{stack.redis_prefix}bucket:token-pair:127.0.0.1:{probe}")
    finally:
        await redis.aclose()
    assert float(bucket[b"tokens"]) < 1


# ------------------------------------------------------------------------------ faults
async def test_replicas_killed_mid_flow_lose_nothing_and_apply_nothing_twice(stack, api):
    cluster = stack.cluster
    sched, orders_db = stack.databases["scheduling"], stack.databases["orders"]
    appointments = "SELECT count(*) FROM appointments"
    before = await scalar(sched, appointments)
    since = log_length(stack)
    signed: list[str] = []

    async def practice(n: int) -> None:
        for _ in range(n):
            signed.append(await signed_cocktail(api))

    # Two practices sign orders through the load balancer the whole time.
    day = asyncio.gather(practice(7), practice(7))

    async def scheduling_at_work() -> bool:
        return await scalar(sched, appointments) > before

    await until(scheduling_at_work, timeout_s=90, what="scheduling books the first order")
    cluster.kill("scheduling-1")  # a consumer, with events of its partitions in flight
    cluster.kill("gateway-1")  # with requests in flight
    at_kill = len(signed)
    assert at_kill < 14, "the orders were all signed before the kill"

    async def signed_meanwhile() -> bool:  # the practices keep signing on the survivors
        return len(signed) >= at_kill + 3

    await until(signed_meanwhile, timeout_s=90,
                what="orders signed while a gateway and a scheduling replica are down")
    await asyncio.to_thread(cluster.restart, "scheduling-1")
    await asyncio.to_thread(cluster.restart, "gateway-1")
    restarted = log_length(stack)
    await day

    for oid in signed:
        await placed(api, oid, timeout_s=90)
    # Nothing lost, nothing applied twice: one order.signed per order, all sent and received
    # by scheduling, and one appointment per order.
    ids = ", ".join(f"'{oid}'" for oid in signed)
    assert await scalar(orders_db, "SELECT count(*) FROM outbox WHERE event_type = "
                                   f"'order.signed' AND key IN ({ids})") == len(signed) == 14
    assert await scalar(orders_db, "SELECT count(*) FROM outbox WHERE sent_at IS NULL") == 0
    assert await scalar(sched, appointments) - before == len(signed)
    assert await scalar(sched, "SELECT max(n) FROM (SELECT count(*) AS n FROM appointments "
                               f"WHERE order_id IN ({ids}) GROUP BY order_id) AS x") == 1
    await run_and_bill(api, signed[-1])
    # Both gateways served, and the one that was killed serves again since its restart.
    assert {row[3] for row in lb_rows(stack, since)} == gateway_ports(stack)
    assert {row[3] for row in lb_rows(stack, restarted)} == gateway_ports(stack)
    await reconcile(stack, api, timeout_s=90)
