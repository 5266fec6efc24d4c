"""PHI key rotation without downtime, on PostgreSQL: rows written under key A stay readable
once B is current (new rows use B); `python -m orders rotate-phi-keys` rewraps A's data keys to
B in batches while the service runs; after A leaves the keyring, every row still opens."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import subprocess
import sys
from contextlib import asynccontextmanager

import httpx
import pytest
import sqlalchemy as sa

from chairside_shared.testing.plugin import running, settings_for_test
from orders.adapters.orm import coverage_versions, patient_demographics
from orders.bootstrap import MIGRATIONS
from orders.main import create_app
from orders.settings import OrdersSettings

from .conftest import STAFF
from .test_api import born

pytestmark = pytest.mark.integration


def _key() -> str:
    return base64.b64encode(os.urandom(32)).decode()


A, B, INDEX = _key(), _key(), _key()


@asynccontextmanager
async def orders_with(url, broker, keys: str, current: str):
    settings = settings_for_test(OrdersSettings, database_url=url, broker=broker, phi_keys=keys,
                                 phi_current_key_id=current, phi_index_key=INDEX)
    app = create_app(settings)
    async with running(app.state.runtime):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                     base_url="http://orders", headers=STAFF) as client:
            yield client, app.state.runtime


async def a_patient(c, mrn: str, family: str) -> str:
    r = await c.post("/v1/patients", json={
        "practice_id": "demo-clinic", "mrn": mrn, "birth_date": born(50), "sex": "male",
        "demographics": {"family_name": family, "given_name": "Rotor",
                         "address": {"line1": "1 Key Rd", "city": "Salem", "state": "MA",
                                     "postal_code": "01970"}},
        "coverages": [{"payer_id": "medicare", "member_id": f"MB-{mrn}"}]})
    assert r.status_code == 201, r.text
    return r.json()["id"]


async def an_order(c, pid: str) -> str:
    r = await c.post("/v1/orders", json={
        "patient_id": pid, "urgency": "planned", "diagnosis": ["G43.909"],
        "payer": {"payer_id": "medicare", "member_id": "MB-ORDER-1"},
        "lines": [{"drug_code": "ketorolac", "dose": "15", "dose_unit": "mg", "mode": "push",
                   "minutes": 2, "sequence": 1}]})
    assert r.status_code == 201, r.text
    return r.json()["id"]


async def readable(c, pid: str, family: str) -> None:
    got = await c.get(f"/v1/patients/{pid}/demographics")
    assert got.status_code == 200 and got.json()["family_name"] == family, got.text
    [cov] = (await c.get(f"/v1/patients/{pid}/coverages")).json()["items"]
    cid = cov["id"]
    await c.patch(f"/v1/patients/{pid}/coverages/{cid}", json={"group_number": "G"})
    versions = (await c.get(f"/v1/patients/{pid}/coverages/{cid}/history")).json()["items"]
    assert [v["member_id"] for v in versions][-2:] == [cov["member_id"]] * 2
    ids = (await c.get("/v1/patients/lookup", params={
        "family_name": family, "given_name": "Rotor", "birth_date": born(50)})).json()
    assert pid in ids["patient_ids"]


async def key_ids(runtime) -> dict[str, set[str]]:
    async with runtime.session_factory() as session:
        return {t.name: set((await session.execute(sa.select(t.c.key_id))).scalars())
                for t in (patient_demographics, coverage_versions)}


def rotate(url: str, keys: str, current: str) -> tuple[int, dict]:
    env = {**os.environ, "ORDERS_DATABASE_URL": url, "ORDERS_PHI_KEYS": keys,
           "ORDERS_PHI_CURRENT_KEY_ID": current, "ORDERS_PHI_INDEX_KEY": INDEX,
           "ORDERS_ENVIRONMENT": "test", "ORDERS_LOG_JSON": "true"}
    done = subprocess.run([sys.executable, "-m", "orders", "rotate-phi-keys", "--batch-size",
                           "1"], env=env, capture_output=True, text=True, timeout=120)
    assert done.stdout.strip(), done.stderr[-3000:]
    return done.returncode, json.loads(done.stdout.strip().splitlines()[-1])


async def test_rotate_from_key_a_to_key_b_without_downtime(make_database, broker):
    url = await make_database("orders_keys", MIGRATIONS)
    async with orders_with(url, broker, f"a:{A}", "a") as (c, runtime):
        old = await a_patient(c, "R-1", "Oldkeyson")
        order = await an_order(c, old)
        assert await key_ids(runtime) == {"patient_demographics": {"a"},
                                          "coverage_versions": {"a"}}

    both = f"a:{A},b:{B}"
    async with orders_with(url, broker, both, "b") as (c, runtime):
        await readable(c, old, "Oldkeyson")  # the old rows open with the old key
        new = await a_patient(c, "R-2", "Newkeyson")
        ids = await key_ids(runtime)
        assert ids == {"patient_demographics": {"a", "b"}, "coverage_versions": {"a", "b"}}
        # the command rewraps while this service keeps serving
        code, report = await asyncio.to_thread(rotate, url, both, "b")
        await readable(c, new, "Newkeyson")
        assert code == 0 and report["stale"] == 0, report
        # the old patient's demographics and coverage v1, the order's member id
        assert report["rewrapped"] == 3
        assert report["before"]["patient_demographics"] == {"a": 1, "b": 1}
        assert report["after"]["patient_demographics"] == {"b": 2}
        assert (report["before"]["orders"], report["after"]["orders"]) == ({"a": 1}, {"b": 1})
        assert await key_ids(runtime) == {"patient_demographics": {"b"},
                                          "coverage_versions": {"b"}}
        code, again = await asyncio.to_thread(rotate, url, both, "b")
        assert (code, again["rewrapped"]) == (0, 0)

    async with orders_with(url, broker, f"b:{B}", "b") as (c, _):  # key A is gone
        await readable(c, old, "Oldkeyson")
        got = (await c.get(f"/v1/orders/{order}")).json()
        assert got["payer"]["member_id"] == "MB-ORDER-1", got
        await readable(c, new, "Newkeyson")
