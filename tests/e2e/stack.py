"""The whole platform as real processes on PostgreSQL, for the end-to-end and fault tests and
the load bench: the embedded broker, the four domain services, the payer and clearinghouse
sandboxes and the gateway, each on a free port with a throwaway database of its own.

The wiring is the one ``make run`` uses (chairside_shared.devstack), with PostgreSQL instead
of SQLite files and the demo seed on, so the catalog, chairs, nurses, payers, fee schedules
and the demo API clients exist.
"""

from __future__ import annotations

import asyncio
import importlib.util
import os
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from chairside_shared import db
from chairside_shared.broker import EmbeddedBroker, free_port
from chairside_shared.devstack import WIDE_VISIT_WINDOWS
from chairside_shared.processes import ServiceProcess, stop_all
from chairside_shared.testing.templates import migrated_database

ADMIN_URL = os.environ.get(
    "CHAIRSIDE_TEST_PG", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres")
DOMAIN = ("orders", "scheduling", "authorization", "reimbursement")
WITH_DATABASE = (*DOMAIN, "gateway")


def pick_port() -> int:
    """A free port below the kernel's ephemeral range (32768-60999 here): a port taken from
    that range can be handed to some outgoing connection before our process binds it."""
    import random
    import socket

    for _ in range(200):
        port = random.randrange(20000, 32000)
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    return free_port()


def open_clinic_timezone(now: datetime | None = None, local_hour: int = 10) -> str:
    """A fixed-offset zone in which it is about ``local_hour`` o'clock now.

    Same-day booking depends on the clinic's local time (opening hours, pharmacy lead time,
    the latest start for patients who need a driver). Choosing the clinic's zone this way lets
    the suite run at any wall-clock hour and still find the clinic open, mid-morning.
    """
    now = now or datetime.now(UTC)
    offset = (local_hour - now.hour) % 24
    if offset > 12:
        offset -= 24
    # POSIX sign convention: Etc/GMT+10 is ten hours *behind* UTC.
    return "Etc/GMT" if offset == 0 else f"Etc/GMT{'-' if offset > 0 else '+'}{abs(offset)}"


@dataclass
class Stack:
    workdir: Path
    broker: EmbeddedBroker
    processes: dict[str, ServiceProcess]
    databases: dict[str, str]  # service -> async URL of its database
    clinic_timezone: str
    db_names: dict[str, str] = field(default_factory=dict)

    @property
    def gateway_url(self) -> str:
        return self.processes["gateway"].url

    @property
    def sandbox_url(self) -> str:
        return self.processes["payer_sandbox"].url

    @property
    def clearinghouse_url(self) -> str:
        return self.processes["clearinghouse_sandbox"].url

    def url(self, name: str) -> str:
        return self.processes[name].url

    def today(self) -> date:
        """The clinic's date now. Not UTC's: the stack's zone puts the clinic mid-morning, so
        for part of every UTC day the clinic is already in tomorrow (or still in yesterday)."""
        return datetime.now(ZoneInfo(self.clinic_timezone)).date()

    # ------------------------------------------------------------------ process control
    def start_all(self, timeout_s: float = 120) -> None:
        for proc in self.processes.values():
            proc.start()
        for proc in self.processes.values():
            proc.wait_ready(timeout_s)

    def kill(self, name: str) -> None:
        self.processes[name].stop(kill=True)

    def restart(self, name: str, timeout_s: float = 120) -> None:
        proc = self.processes[name]
        proc.stop(kill=True)
        proc.start()
        proc.wait_ready(timeout_s)

    def stop_all(self) -> None:
        stop_all(list(reversed(self.processes.values())))
        self.broker.stop()

    def log_tail(self, name: str, chars: int = 3000) -> str:
        path = self.processes[name].log_path
        if path is None or not path.exists():
            return ""
        return path.read_text(errors="replace")[-chars:]


def run_settings(tz: str) -> dict[str, str]:
    """What an end-to-end run sets beside the wiring, for every process (the cluster's
    tests too): the clinic's zone and days, wide visit windows, quick pollers, loose limits."""
    return {
        # One clinic, one time zone, open every day (see open_clinic_timezone).
        "SCHEDULING_CLINIC_TIMEZONE": tz,
        "SCHEDULING_CLINIC_WEEKDAYS": "[0,1,2,3,4,5,6]",
        # Visits are booked at any time of the run's day and checked in at once: check-in and
        # start are accepted a week around the slot (the windows have their own tests).
        **dict.fromkeys(WIDE_VISIT_WINDOWS, "10080"),
        "AUTHORIZATION_CLINIC_TIMEZONE": tz,
        "REIMBURSEMENT_CLINIC_TIMEZONE": tz,
        # The clearinghouse sandbox's 999 / 277CA are fetched every 0.5 s.
        "REIMBURSEMENT_EXCHANGE_POLL_INTERVAL_S": "0.5",
        # The tests ask the payer themselves (POST .../inquire), so no poller races them.
        "AUTHORIZATION_POLLER_ENABLED": "false",
        # Eligibility checks opened on signing are sent at once: tests that wait for things to
        # settle see the 271 land within their window, not 2 s later.
        "AUTHORIZATION_ELIGIBILITY_POLL_INTERVAL_S": "0.2",
        # The tests drive many calls a second from one client.
        "GATEWAY_RATE_LIMIT_CAPACITY": "100000",
        "GATEWAY_RATE_LIMIT_PER_S": "100000",
        "GATEWAY_TOKEN_RATE_LIMIT_CAPACITY": "1000",
        "GATEWAY_TOKEN_RATE_LIMIT_PER_S": "1000",
        # Most modules never plan a day nor forecast staffing: OR-Tools and statsmodels are then
        # not imported at all (seconds of CPU per stack). Those that do set PRELOAD_MODELS.
        "SCHEDULING_PRELOAD_MODELS": "false",
    }


def service_settings(name: str) -> dict[str, str]:
    """The settings of one service with a database, in an end-to-end run."""
    p = name.upper() + "_"
    return {
        f"{p}ENVIRONMENT": "test",
        f"{p}SEED_DEMO_DATA": "true",
        f"{p}OUTBOX_POLL_INTERVAL_S": "0.2",
        f"{p}OUTBOX_IDLE_POLL_S": "0.2",
        f"{p}BROKER_CHECK_INTERVAL_S": "0.5",
        f"{p}CONSUMER_RETRY_BACKOFF_S": "0.05",
        # Two idle connections per process, ten in a burst: two test workers' platforms at once
        # (the cluster module's ten processes among them) stay inside PostgreSQL's default 100.
        f"{p}DB_POOL_SIZE": "2",
        f"{p}DB_POOL_OVERFLOW": "8",
    }


def build_stack(workdir: Path, databases: dict[str, str], *, otlp_endpoint: str | None = None,
                extra_env: dict[str, str] | None = None) -> Stack:
    """Processes wired to each other (not started). ``extra_env`` is added to every process."""
    logs = workdir / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    ports: dict[str, int] = {}
    for name in ("broker", *WITH_DATABASE, "payer_sandbox", "clearinghouse_sandbox"):
        while (port := pick_port()) in ports.values():
            pass
        ports[name] = port
    broker = EmbeddedBroker(port=ports["broker"], log_path=logs / "broker.log")
    tz = open_clinic_timezone()
    common: dict[str, str] = {
        "KAFKA_BOOTSTRAP_SERVERS": broker.bootstrap_servers,
        "GATEWAY_ISSUER": f"http://127.0.0.1:{ports['gateway']}",
        "AUTHORIZATION_PAYER_DEFAULT_BASE_URL": f"http://127.0.0.1:{ports['payer_sandbox']}/fhir",
        "AUTHORIZATION_CLEARINGHOUSE_URL":
            f"http://127.0.0.1:{ports['clearinghouse_sandbox']}/x12",
        "AUTHORIZATION_ORDERS_URL": f"http://127.0.0.1:{ports['orders']}",
        # The subscriber's birth date at 837P export comes from the orders service.
        "REIMBURSEMENT_ORDERS_URL": f"http://127.0.0.1:{ports['orders']}",
        # Claims go to the clearinghouse sandbox as 837P batches (its 999 / 277CA are fetched
        # from its mailbox by the reimbursement exchange worker).
        "REIMBURSEMENT_CLEARINGHOUSE_URL": f"http://127.0.0.1:{ports['clearinghouse_sandbox']}",
        **{f"GATEWAY_{m.upper()}_URL": f"http://127.0.0.1:{ports[m]}" for m in DOMAIN},
        **run_settings(tz),
        "PYTHONUNBUFFERED": "1",
    }
    if otlp_endpoint:
        common["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp_endpoint
    processes: dict[str, ServiceProcess] = {
        "payer_sandbox": ServiceProcess(
            "payer-sandbox", "payer_sandbox", ports["payer_sandbox"], args=[],
            env={**common, "PAYER_SANDBOX_PORT": str(ports["payer_sandbox"])},
            log_path=logs / "payer_sandbox.log", health_path="/healthz"),
        "clearinghouse_sandbox": ServiceProcess(
            "clearinghouse-sandbox", "clearinghouse_sandbox", ports["clearinghouse_sandbox"],
            args=[], env={**common,
                          "CLEARINGHOUSE_SANDBOX_PORT": str(ports["clearinghouse_sandbox"])},
            log_path=logs / "clearinghouse_sandbox.log", health_path="/healthz"),
    }
    for name in WITH_DATABASE:
        p = name.upper() + "_"
        env = {
            **common,
            f"{p}PORT": str(ports[name]),
            f"{p}DATABASE_URL": databases[name],
            f"{p}DATA_DIR": str(workdir),
            **service_settings(name),
            # PostgreSQL databases here are copies of a migrated template (create_databases),
            # as production's pre-start `migrate` leaves them: the servers neither migrate nor
            # load Alembic (SQLite files, as `make run` has them, are migrated at start-up).
            **({f"{p}AUTO_MIGRATE": "false"} if databases[name].startswith("postgresql")
               else {}),
            **(extra_env or {}),
        }
        processes[name] = ServiceProcess(name, name, ports[name], env=env,
                                         log_path=logs / f"{name}.log")
    # Start order: the outside parties first, the gateway last (it fronts the rest).
    order = ["payer_sandbox", "clearinghouse_sandbox", *DOMAIN, "gateway"]
    return Stack(workdir=workdir, broker=broker,
                 processes={k: processes[k] for k in order}, databases=databases,
                 clinic_timezone=tz)


async def create_databases(tag: str) -> tuple[dict[str, str], dict[str, str]]:
    """Each service's database already migrated: a copy of this run's template (the processes'
    own migration at start-up then finds it at head). Callers outside pytest drop the templates
    at the end (``chairside_shared.testing.templates.drop_templates``)."""
    names = {s: f"cs_e2e_{tag}_{s[:5]}_{uuid.uuid4().hex[:6]}" for s in WITH_DATABASE}
    urls = {s: await migrated_database(ADMIN_URL, n, migrations_of(s)) for s, n in names.items()}
    return urls, names


def migrations_of(service: str) -> str:
    spec = importlib.util.find_spec(service)
    assert spec is not None and spec.origin is not None, service
    return str(Path(spec.origin).parent / "migrations")


async def drop_databases(names: dict[str, str]) -> None:
    for name in names.values():
        await db.drop_database(ADMIN_URL, name)


async def start_stack(workdir: Path, tag: str, **kw: object) -> Stack:
    urls, names = await create_databases(tag)
    stack = build_stack(workdir, urls, **kw)  # type: ignore[arg-type]
    stack.db_names = names
    return await _started(stack)


async def start_sqlite_stack(workdir: Path, **kw: object) -> Stack:
    """The same processes on SQLite files, as ``make run`` has them (the embedded default)."""
    urls = {s: f"sqlite+aiosqlite:///{workdir / f'{s}.db'}" for s in WITH_DATABASE}
    return await _started(build_stack(workdir, urls, **kw))  # type: ignore[arg-type]


async def _started(stack: Stack) -> Stack:
    stack.broker.start()
    try:
        await asyncio.to_thread(stack.start_all)
    except BaseException:
        await stop_stack(stack)
        raise
    return stack


async def stop_stack(stack: Stack) -> None:
    await asyncio.to_thread(stack.stop_all)
    await drop_databases(stack.db_names)
