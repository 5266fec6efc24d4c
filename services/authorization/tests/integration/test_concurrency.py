"""Concurrent writers on one case lose nothing; schema and migrations agree on both databases."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from uuid import uuid4

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.ext.asyncio import create_async_engine

from authorization.adapters import orm  # noqa: F401
from authorization.adapters.metadata import metadata
from authorization.bootstrap import MIGRATIONS
from authorization.domain.errors import ConcurrentUpdate
from authorization.service.cases import retrying
from chairside_shared.migrations import upgrade
from payer_sandbox.config import Rule, SandboxConfig

from ..conftest import make_order
from ..unit.test_case import GOOD
from .conftest import T0, feed
from .test_units_and_payers import administered, approved_case

pytestmark = pytest.mark.integration


async def test_concurrent_administrations_all_count(svc):
    svc.sandbox.set_config(SandboxConfig(default=Rule(review_code="A6", approved_units=1000)))
    pid = uuid4()
    order, url = await approved_case(svc, patient_id=pid)
    others = [make_order(signed_at=T0, patient_id=pid) for _ in range(10)]
    await asyncio.gather(*[
        feed(svc, "order_administered", administered(o, dose="50", order_id=o.order_id))
        for o in others])
    case = (await svc.client.get(url)).json()
    assert case["lines"][0]["used_units"] == 500
    used = [h for h in case["history"] if h["action"] == "units_used"]
    assert len(used) == 10
    assert sorted(h["detail"]["used"] for h in used) == list(range(50, 501, 50))


async def test_concurrent_answers_are_all_recorded(svc):
    order = make_order(signed_at=T0)
    await feed(svc, "order_signed", order)
    item = (await svc.client.get("/v1/authorizations",
                                 params={"order_id": str(order.order_id)})).json()["items"][0]
    url = f"/v1/authorizations/{item['id']}"
    before = item["version"]
    answers = [{"J3032.baseline-migraine-days": n} for n in range(4, 12)]
    rs = await asyncio.gather(*[svc.client.post(f"{url}/answers", json={"answers": a})
                                for a in answers])
    assert all(r.status_code == 200 for r in rs)
    case = (await svc.client.get(url)).json()
    assert case["version"] == before + 8
    assert [h["action"] for h in case["history"]].count("answered") == 8


async def test_concurrent_submits_reach_the_payer_once(svc):
    order = make_order(signed_at=T0)
    await feed(svc, "order_signed", order)
    item = (await svc.client.get("/v1/authorizations",
                                 params={"order_id": str(order.order_id)})).json()["items"][0]
    url = f"/v1/authorizations/{item['id']}"
    await svc.client.post(f"{url}/answers", json={"answers": GOOD})
    rs = await asyncio.gather(*[svc.client.post(f"{url}/submit") for _ in range(5)])
    assert sorted(r.status_code for r in rs) == [200, 409, 409, 409, 409]
    store = svc.sandbox.app.state.store
    ident = (await svc.client.get(url)).json()
    submits = [r for r in store.requests if r["op"] == "submit"]
    record = next(v for v in store.claims.values()
                  if any(r["identifier"] == v.identifier for r in submits))
    assert record.submissions == 1 and ident["status"] == "approved"


async def test_stale_writer_is_refused_then_retried(svc):
    order = make_order(signed_at=T0)
    await feed(svc, "order_signed", order)
    case_id = (await svc.client.get("/v1/authorizations", params={
        "order_id": str(order.order_id)})).json()["items"][0]["id"]
    from uuid import UUID
    cid = UUID(case_id)
    async with svc.uows() as a, svc.uows() as b:
        ka = await a.cases.get(cid)  # both read version 1, without a lock
        kb = await b.cases.get(cid)
        ka.answer({"J3032.baseline-migraine-days": 5}, "a", T0)
        kb.answer({"J3032.baseline-migraine-days": 9}, "b", T0)
        await a.commit()
        with pytest.raises(ConcurrentUpdate):
            await b.commit()

    calls = []

    async def step():
        calls.append(1)
        async with svc.uows() as uow:
            k = await uow.cases.get(cid)
            k.answer({"J3032.baseline-migraine-days": 9}, "b", T0 + timedelta(seconds=1))
            if len(calls) == 1:  # someone else writes between our read and our write
                async with svc.uows() as other:
                    k2 = await other.cases.get(cid)
                    k2.answer({"J3032.baseline-migraine-days": 6}, "c", T0)
                    await other.commit()
            await uow.commit()
    await retrying(step)
    assert len(calls) == 2
    case = (await svc.client.get(f"/v1/authorizations/{case_id}")).json()
    assert [h["actor"] for h in case["history"] if h["action"] == "answered"] == ["a", "c", "b"]


async def test_migrations_match_the_tables_on_postgresql(make_database):
    url = await make_database("authzmig")
    await asyncio.to_thread(upgrade, MIGRATIONS, url)
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            diffs = await conn.run_sync(
                lambda c: compare_metadata(MigrationContext.configure(
                    c, opts={"compare_type": True}), metadata))
            tables = await conn.run_sync(lambda c: set(inspect(c).get_table_names()))
            checks = (await conn.execute(text(
                "SELECT conname FROM pg_constraint WHERE contype = 'c'"))).scalars().all()
    finally:
        await engine.dispose()
    assert diffs == []
    assert {"payers", "policy_sets", "pa_cases", "pa_case_lines", "pa_case_history",
            "pa_case_orders", "order_facts", "unit_usages", "outbox", "inbox"} <= tables
    assert {"ck_pa_case_lines_approved_nonneg", "ck_pa_cases_valid_period"} <= set(checks)


async def test_migrations_run_on_sqlite_up_and_down(tmp_path):
    url = f"sqlite+aiosqlite:///{tmp_path / 'authz.db'}"
    await asyncio.to_thread(upgrade, MIGRATIONS, url)
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            diffs = await conn.run_sync(
                lambda c: compare_metadata(MigrationContext.configure(
                    c, opts={"compare_type": True}), metadata))
    finally:
        await engine.dispose()
    assert diffs == []
    from alembic import command

    from chairside_shared.migrations import alembic_config
    await asyncio.to_thread(command.downgrade, alembic_config(MIGRATIONS, url), "base")
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            left = await conn.run_sync(lambda c: set(inspect(c).get_table_names()))
    finally:
        await engine.dispose()
    assert "pa_cases" not in left and "payers" not in left
