"""A Traditional Medicare cocktail signed without a plan id (issue 13 item 6), on PostgreSQL and
the real broker: no PA case, authorization.not_required, so the visit can book."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from authorization.adapters import orm
from authorization.bootstrap import MIGRATIONS, build_runtime
from authorization.settings import AuthorizationSettings
from chairside_shared.testing.plugin import eventually, running, settings_for_test

from ..conftest import COCKTAIL, EPTINEZUMAB, make_order
from .conftest import feed, outbox_events
from .test_event_flow import Collector, publish

pytestmark = pytest.mark.integration


async def test_handler_medicare_without_plan_opens_no_case(svc):
    order = make_order(payer_id="medicare", plan_id=None, member_id="1EG4-TE5-MK72",
                       lines=COCKTAIL, diagnoses=["G43.909"])
    decision = await feed(svc, "order_signed", order)
    assert decision.outcome == "not_required" and decision.plan_id == "part-b"
    async with svc.uows() as uow:
        assert await uow.cases.by_order(order.order_id) == []
        facts = await uow.orders.get(order.order_id)
    assert (facts.payer_id, facts.plan_id, facts.outcome) == ("medicare", "part-b",
                                                              "not_required")
    rows = [r for r in await outbox_events(svc) if r.key == str(order.order_id)]
    assert [r.event_type for r in rows] == ["authorization.not_required"]
    assert json.loads(rows[0].payload)["plan_id"] == "part-b"
    # a redelivered order.signed (new event id, same order) changes nothing
    assert await feed(svc, "order_signed", order) is None
    async with svc.runtime.session_factory() as s:
        n = len((await s.execute(select(orm.order_facts).where(
            orm.order_facts.c.order_id == order.order_id))).all())
    assert n == 1


async def test_handler_medicare_biologic_without_plan_uses_the_payer_policy(svc):
    order = make_order(payer_id="medicare", plan_id=None, lines=[EPTINEZUMAB],
                       diagnoses=["G44.209"])  # J3032 policy: G43 only -> not covered
    decision = await feed(svc, "order_signed", order)
    assert decision.outcome == "not_covered"
    rows = [r for r in await outbox_events(svc) if r.key == str(order.order_id)]
    assert [r.event_type for r in rows] == ["authorization.not_covered"]


async def test_medicare_cocktail_without_plan_on_the_broker(make_database, fresh_broker):
    settings = settings_for_test(
        AuthorizationSettings, database_url=await make_database("authzmedicare", MIGRATIONS),
        broker=fresh_broker, seed_demo_data=True, poller_enabled=False,
        eligibility_on_sign=False)  # the case decision alone (eligibility: test_eligibility_*)
    runtime = build_runtime(settings)
    order = make_order(payer_id="medicare", plan_id=None, member_id="1EG4-TE5-MK72",
                       lines=COCKTAIL, diagnoses=["G43.909"], signed_at=datetime.now(UTC))
    async with running(runtime), Collector(fresh_broker) as out:
        await publish(fresh_broker, ("order.signed", order))

        async def decided() -> bool:
            return bool(out.of(order.order_id))
        await eventually(decided, timeout_s=30)
        assert out.of(order.order_id) == ["authorization.not_required"]
        [(_, _, payload)] = [e for e in out.seen if e[1] == str(order.order_id)]
        assert payload["payer_id"] == "medicare" and payload["plan_id"] == "part-b"
        assert {ln["hcpcs"]: ln["pa"] for ln in payload["lines"]} == {
            "J3475": "no-auth", "J1885": "no-auth", "J0780": "no-auth", "J1200": "no-auth"}
        async with runtime.uow() as uow:
            assert await uow.cases.by_order(order.order_id) == []
