"""The cluster the run goes against (started here, or attached to), and the network on it:
the chairs and nurses of 10 clinics, one staff and one partner API client per clinic, and
drug stock for the visits."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from zoneinfo import ZoneInfo

from bench.clinic import Gateway
from bench.demo_plan import REGIMENS
from bench.network.peak import Peak

ADMIN_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
SERVICES = ("orders", "scheduling", "authorization", "reimbursement", "gateway")
REGIMEN = "non-sedating cocktail"


@dataclass
class Target:
    """What the run needs of a cluster: its URL, databases and the pids to watch."""
    url: str
    db_prefix: str
    ports: dict[str, int]
    cluster: object | None = None  # the Cluster this run started (None: attached)
    pids: dict[str, int] = field(default_factory=dict)

    def database(self, service: str) -> str:
        return f"{self.db_prefix}_{service}"


def listening_pid(port: int) -> int | None:
    """The process listening on 127.0.0.1:``port`` (attached mode: ss, from iproute2)."""
    out = subprocess.run(["ss", "-ltnpH", f"sport = :{port}"], capture_output=True,
                         text=True, check=False).stdout
    for part in out.split("pid=")[1:]:
        return int(part.split(",", 1)[0])
    return None


def watched_pids(ports: dict[str, int]) -> dict[str, int]:
    """Every replica and the broker, by name (nginx's workers are not Python: left out)."""
    from chairside_shared.cluster import REPLICAS, REPLICATED
    names = [f"{m}-{r}" for m in REPLICATED for r in REPLICAS] + ["broker"]
    return {n: pid for n in names if (pid := listening_pid(ports[n])) is not None}


def start_cluster(work: Path, port: int, db_prefix: str) -> Target:
    """`make run-cluster`'s topology, on databases <db_prefix>_<service>, from this tree."""
    from chairside_shared.cluster import build_cluster, create_databases, default_ports

    ports = default_ports(port)
    databases = asyncio.run(create_databases(ADMIN_URL, db_prefix))
    cluster = build_cluster(work, databases, ports, redis_url="redis://127.0.0.1:6379/0",
                            redis_prefix=f"{db_prefix}:", extra_env={
                                **{f"{m.upper()}_LOG_LEVEL": "WARNING" for m in SERVICES}})
    try:
        cluster.start()
    except BaseException:
        cluster.stop()
        raise
    return Target(cluster.url, db_prefix, ports, cluster, watched_pids(ports))


def attach(url: str, port: int, db_prefix: str) -> Target:
    from chairside_shared.cluster import default_ports

    ports = default_ports(port)
    return Target(url, db_prefix, ports, None, watched_pids(ports))


async def create_clients(target: Target, clinics: int) -> tuple[list[str], list[str], dict]:
    """One staff client (all scopes) and one partner client (bound to its referring practice,
    ``net-partner-NN``) per clinic, made the way an operator does (python -m gateway)."""
    env = {**os.environ, "GATEWAY_DATABASE_URL":
           ADMIN_URL.rsplit("/", 1)[0] + "/" + target.database("gateway")}
    tag = uuid.uuid4().hex[:6]
    limit = asyncio.Semaphore(4)  # 20 Python start-ups on two cores

    async def one(name: str, practice: str | None) -> tuple[str, str]:
        async with limit:
            proc = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "gateway", "create-client", name,
                *(["--practice", practice] if practice else []), env=env,
                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
            out, err = await proc.communicate()
        if proc.returncode != 0:
            raise RuntimeError(f"create-client failed: {err.decode()[-500:]}")
        fields = dict(line.split("=", 1) for line in out.decode().split() if "=" in line)
        return fields["client_id"], fields["client_secret"]

    made = await asyncio.gather(
        *(one(f"net-staff-{i:02d}-{tag}", None) for i in range(1, clinics + 1)),
        *(one(f"net-partner-{i:02d}-{tag}", f"net-partner-{i:02d}")
          for i in range(1, clinics + 1)))
    staff = [cid for cid, _ in made[:clinics]]
    partners = [cid for cid, _ in made[clinics:]]
    return staff, partners, dict(made)


def chair_id(clinic: int, chair: int) -> str:
    return f"n{clinic:02d}-c{chair:02d}"


async def build_network(gw: Gateway, peak: Peak, tz: ZoneInfo, days: list[date]) -> None:
    """300 recliners (n01-c01 ... n10-c30) and one nurse per 4 chairs, 07:45-18:15, on each
    day referrals may ask for. The demo's 10 chairs and 4 nurses stay (site one has them)."""
    nurses = peak.chairs_per_clinic // peak.chairs_per_nurse
    limit = asyncio.Semaphore(8)

    async def put(path: str, body: dict, method: str = "PUT") -> None:
        async with limit:
            await gw.call(method, path, json=body, route=f"setup {path.split('/')[2]}")

    await asyncio.gather(*(put(f"/v1/chairs/{chair_id(k, c)}", {"id": chair_id(k, c)})
                           for k in range(1, peak.clinics + 1)
                           for c in range(1, peak.chairs_per_clinic + 1)))
    # an attached cluster may have them from an earlier run
    have = {(sh["nurse_id"], datetime.fromisoformat(sh["start"]).astimezone(tz).date())
            for sh in await gw.get("/v1/nurse-shifts", route="setup nurse-shifts")}
    await asyncio.gather(*(put("/v1/nurse-shifts", {
        "nurse_id": f"n{k:02d}-rn{n + 1}",
        "start": datetime.combine(d, clock(7, 45), tz).isoformat(),
        "end": datetime.combine(d, clock(18, 15), tz).isoformat(), "breaks": []}, "POST")
        for d in days for k in range(1, peak.clinics + 1) for n in range(nurses)
        if (f"n{k:02d}-rn{n + 1}", d) not in have))


async def stock_for(gw: Gateway, packages: int = 2000) -> dict[str, tuple[str, str]]:
    """A large lot of each product the regimen uses."""
    drugs = {d["code"]: d for d in await gw.pages("/v1/drugs")}
    items = await gw.pages("/v1/inventory")
    out = {}
    for ln in REGIMENS[REGIMEN]:
        item = next(i for i in items if i["hcpcs"] == drugs[ln["drug_code"]]["hcpcs"])
        lot = f"NET{uuid.uuid4().hex[:6].upper()}"
        await gw.post("/v1/inventory", {"ndc": item["ndc"], "lot_number": lot,
                                        "expires_on": "2030-12-31", "packages": packages})
        out[ln["drug_code"]] = (item["ndc"], lot)
    return out


async def clinic_zone(gw: Gateway) -> ZoneInfo:
    hours = await gw.get("/v1/clinic-hours", route="setup clinic-hours")
    return ZoneInfo(hours["timezone"])


def open_days(hours_days: int, tz: ZoneInfo) -> list[date]:
    """The next ``hours_days`` weekdays after today (the clinic's today)."""
    d, out = datetime.now(tz).date(), []
    while len(out) < hours_days:
        d += timedelta(days=1)
        if d.weekday() < 5:
            out.append(d)
    return out
