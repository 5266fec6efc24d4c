"""Two replicas of the orders service on one PostgreSQL database: a catalog change written
through one is what the very next drug list of the other shows, even while that replica is
busy reading (its reads share version queries) and although each keeps its own rendered lists."""

from __future__ import annotations

import asyncio

import httpx
import sqlalchemy as sa

from chairside_shared.testing.plugin import running, settings_for_test
from orders.adapters.catalog_head import CATALOG_HEAD
from orders.main import create_app
from orders.settings import OrdersSettings

from .conftest import STAFF


def _ketorolac(listed: dict) -> str:
    return next(d["max_dose"] for d in listed["items"] if d["code"] == "ketorolac")


async def test_a_change_on_one_replica_is_listed_at_once_by_the_other(svc, broker):
    replica = create_app(settings_for_test(OrdersSettings, database_url=str(
        svc.runtime.settings.database_url), broker=broker))
    async with running(replica.state.runtime), httpx.AsyncClient(
            transport=httpx.ASGITransport(app=replica), base_url="http://orders-2",
            headers=STAFF) as other:
        doc = (await svc.client.get("/v1/drugs/ketorolac")).json()
        first = (await other.get("/v1/drugs")).json()  # rendered and kept by the replica
        version = first["catalog_version"]
        for dose in ("15", "20", "25"):
            r = await svc.client.put("/v1/drugs/ketorolac",
                                     json={**doc, "max_dose": dose, "usual_dose": dose})
            assert r.status_code == 200, r.text
            version += 1
            listed = (await other.get("/v1/drugs")).json()
            assert (listed["catalog_version"], _ketorolac(listed)) == (version, dose)

        # The same while the replica is busy: reads in flight when the change commits may
        # show the old version; every read begun after the PUT answered shows the new one.
        stop = asyncio.Event()

        async def keep_reading() -> None:
            while not stop.is_set():
                assert (await other.get("/v1/drugs")).status_code == 200

        readers = [asyncio.create_task(keep_reading()) for _ in range(6)]
        try:
            for dose in ("30", "35"):
                await asyncio.sleep(0.05)
                r = await svc.client.put("/v1/drugs/ketorolac",
                                         json={**doc, "max_dose": dose, "usual_dose": dose})
                assert r.status_code == 200, r.text
                version += 1
                after = await asyncio.gather(*(other.get("/v1/drugs") for _ in range(8)))
                assert {(a.json()["catalog_version"], _ketorolac(a.json())) for a in after} \
                    == {(version, dose)}
        finally:
            stop.set()
            await asyncio.gather(*readers)


async def test_the_version_query_survives_its_connection_being_dropped(svc):
    assert (await svc.client.get("/v1/drugs")).status_code == 200
    head = svc.runtime.state[CATALOG_HEAD]
    pid = head._conn.get_server_pid()
    async with svc.runtime.engine.connect() as conn:  # as a restart or an idle timeout would
        await conn.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    r = await svc.client.get("/v1/drugs")
    assert r.status_code == 200 and r.json()["catalog_version"] == 1
    assert head._conn.get_server_pid() != pid
    await svc.runtime.engine.dispose()  # the runtime's stop: the connection goes with it
    assert head._conn is None
