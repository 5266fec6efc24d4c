"""The reimbursement service running for real (migrations, relay, consumer) on PostgreSQL and
the embedded broker: order.administered and authorization.approved in, claim.* out."""

from __future__ import annotations

import asyncio
import json
import uuid

import httpx
import pytest
import sqlalchemy as sa
from aiokafka import AIOKafkaConsumer
from reimb_it import (
    EPTI,
    KETO,
    T0,
    administered,
    administration,
    approval,
    publish,
    setup_catalog,
)

from chairside_shared import contracts
from chairside_shared.messaging.envelope import header_dict
from chairside_shared.testing.plugin import eventually, running, settings_for_test
from reimbursement.adapters import orm
from reimbursement.bootstrap import MIGRATIONS
from reimbursement.entrypoints.api.deps import get_now
from reimbursement.main import create_app
from reimbursement.settings import ReimbursementSettings

pytestmark = pytest.mark.integration


async def claims_for(runtime, order_id):
    async with runtime.session_factory() as session:
        return (await session.execute(sa.select(orm.claims).where(
            orm.claims.c.order_id == order_id))).mappings().all()


async def movements(runtime, order_id):
    async with runtime.session_factory() as session:
        return (await session.execute(sa.select(orm.stock_movements).where(
            orm.stock_movements.c.order_id == order_id))).mappings().all()


async def read_topic(broker, topic: str, want: int, timeout_s: float = 20):
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=broker.bootstrap_servers,
                                group_id=f"probe-{uuid.uuid4().hex[:8]}",
                                auto_offset_reset="earliest", enable_auto_commit=False)
    await consumer.start()
    out = []
    try:
        deadline = asyncio.get_running_loop().time() + timeout_s
        while len(out) < want and asyncio.get_running_loop().time() < deadline:
            batch = await consumer.getmany(timeout_ms=500)
            for records in batch.values():
                out += [(header_dict(r.headers), json.loads(r.value)) for r in records]
    finally:
        await consumer.stop()
    return out


async def test_administered_event_builds_a_claim_once_and_claim_events_reach_the_broker(
        make_database, fresh_broker):
    url = await make_database("reimbflow", MIGRATIONS)
    settings = settings_for_test(ReimbursementSettings, database_url=url, broker=fresh_broker)
    app = create_app(settings)
    app.dependency_overrides[get_now] = lambda: T0  # receipts dated before the visit
    runtime = app.state.runtime
    async with running(runtime):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://r") as c:
            await setup_catalog(c)
        event = administered(administration(1, "eptinezumab", EPTI, "300", 0, 35),
                             administration(2, "ketorolac", KETO, "30", 40, 41, "push"))
        await publish(fresh_broker, contracts.AUTHORIZATION_TOPIC, "authorization.approved",
                      approval(event.order_id))
        event_id = await publish(fresh_broker, contracts.ORDERS_TOPIC, "order.administered",
                                 event)
        # Topics are consumed independently: the approval may land before or after the visit;
        # either way the unsubmitted claim ends up carrying the auth number.
        async def authorized():
            rows = await claims_for(runtime, event.order_id)
            return rows if rows and rows[0]["auth_number"] == "PA-778899" else None

        [claim] = await eventually(authorized, timeout_s=30)
        assert claim["status"] == "ready"
        # the same event delivered again has one effect: one claim, one draw of stock
        await publish(fresh_broker, contracts.ORDERS_TOPIC, "order.administered", event,
                      event_id=event_id)
        # a malformed event goes to the DLQ and the next good one is still handled
        await publish(fresh_broker, contracts.ORDERS_TOPIC, "order.administered", event,
                      raw=b"{not json")
        later = administered(administration(1, "ketorolac", KETO, "30", 0, 1, "push"))
        await publish(fresh_broker, contracts.ORDERS_TOPIC, "order.administered", later)
        await eventually(lambda: claims_for(runtime, later.order_id), timeout_s=30)
        assert len(await claims_for(runtime, event.order_id)) == 1
        drawn = await movements(runtime, event.order_id)
        assert sorted((m["ndc"], m["lot_number"], str(m["vials"])) for m in drawn) == [
            (EPTI, "E-LATE", "-2"), (EPTI, "E-SOON", "-1"), (KETO, "K1", "-1")]
        dead = runtime.spec.tables.dead_letters

        async def dead_letters():
            async with runtime.session_factory() as session:
                return (await session.execute(sa.select(dead.c.error))).scalars().all()

        [error] = await eventually(dead_letters, timeout_s=30)
        assert error
        # claim.created for both visits went out through the outbox relay to the broker
        published = await read_topic(fresh_broker, contracts.REIMBURSEMENT_TOPIC, 2)
    created = [(h["ce_type"], body["order_id"], body["status"]) for h, body in published]
    assert sorted(created) == sorted([("claim.created", str(event.order_id), "ready"),
                                      ("claim.created", str(later.order_id), "ready")])
    first = next(body for h, body in published if body["order_id"] == str(event.order_id))
    assert first["total_charge"] == "7927.00" and first["expected_payment"] is not None
