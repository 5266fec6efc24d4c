"""Issue 13: a PA case keeps no member id. An order.signed from an earlier producer that still
carries one opens its case without storing it; the migration removes the ones stored before."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from uuid import uuid4

import pytest
import sqlalchemy as sa

from authorization.adapters.orm import pa_cases
from authorization.bootstrap import MIGRATIONS
from chairside_shared import contracts as c
from chairside_shared import db
from chairside_shared.migrations import alembic_config, upgrade_async

from ..conftest import make_order
from .conftest import T0, feed

pytestmark = pytest.mark.integration
LEGACY = "LEGACY-M-7731"


async def test_a_member_id_in_an_old_event_is_neither_stored_nor_answered(svc):
    order = make_order(signed_at=T0)
    legacy = order.model_copy(update={"payer": c.PayerRef(
        payer_id="summit-health", plan_id="summit-ppo", member_id=LEGACY)})
    decision = await feed(svc, "order_signed", legacy)
    assert decision.outcome == "pa_required"
    async with svc.runtime.session_factory() as session:
        rows = (await session.execute(sa.text("SELECT CAST(p AS text) FROM pa_cases p"))
                ).scalars().all()
    assert len(rows) == 1 and str(order.order_id) in rows[0] and LEGACY not in rows[0]
    [item] = (await svc.client.get("/v1/authorizations", params={
        "order_id": str(order.order_id)})).json()["items"]
    assert item["payer"] == {"payer_id": "summit-health", "plan_id": "summit-ppo",
                             "member_id": None}
    case = (await svc.client.get(f"/v1/authorizations/{item['id']}")).json()
    assert case["payer"]["member_id"] is None and LEGACY not in str(case)


def _case_row(case_id, body) -> dict:
    now = datetime.now(UTC)
    return {"id": case_id, "order_id": uuid4(), "practice_id": "demo-clinic",
            "patient_id": uuid4(), "payer_id": "summit-health", "plan_id": "summit-ppo",
            "status": "draft", "kind": "initial", "expedited": False,
            "request_identifier": f"REQ-{case_id.hex[:8]}", "created_at": now,
            "updated_at": now, "version": 0, "body": body}


@pytest.mark.parametrize("backend", ["postgresql", "sqlite"])
async def test_the_migration_removes_stored_member_ids(backend, make_database, tmp_path):
    from alembic import command

    url = (await make_database("authz_mig") if backend == "postgresql"
           else f"sqlite+aiosqlite:///{tmp_path}/authz.db")
    cfg = alembic_config(MIGRATIONS, url)
    await asyncio.to_thread(command.upgrade, cfg, "authorization_0003_eligibility")
    stored, clean = uuid4(), uuid4()
    engine = db.create_engine(url)
    try:
        async with engine.begin() as conn:  # as cases were stored before
            await conn.execute(pa_cases.insert(), [
                _case_row(stored, {"member_id": LEGACY, "questions": [], "answers": {}}),
                _case_row(clean, {"questions": [], "answers": {}})])
        await upgrade_async(MIGRATIONS, url)
        async with engine.connect() as conn:
            bodies = {r.id: r.body for r in await conn.execute(sa.select(pa_cases))}
        assert bodies == {stored: {"questions": [], "answers": {}},
                          clean: {"questions": [], "answers": {}}}
        await asyncio.to_thread(command.downgrade, cfg, "authorization_0003_eligibility")
        async with engine.connect() as conn:
            bodies = {r.id: r.body for r in await conn.execute(sa.select(pa_cases))}
        assert bodies[stored]["member_id"] == "" and bodies[clean]["member_id"] == ""
    finally:
        await engine.dispose()
