"""The whole service running (migrations, seed, consumer, outbox relay, payer poller) on the real
broker, PostgreSQL and the payer sandbox: order events in, authorization events out."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from authorization.bootstrap import MIGRATIONS, build_runtime
from authorization.service import cases as case_service
from authorization.settings import AuthorizationSettings
from chairside_shared import contracts as c
from chairside_shared.messaging.envelope import encode, kafka_headers
from chairside_shared.testing.plugin import eventually, running, settings_for_test
from payer_sandbox.config import demo_config

from ..conftest import KETAMINE, KETOROLAC, make_order
from ..pas_fixtures import TEST_CODES, identity_of, sources
from ..unit.test_case import GOOD

pytestmark = pytest.mark.integration


async def publish(broker, *events: tuple[str, c.EventPayload], repeat: int = 1) -> list[str]:
    producer = AIOKafkaProducer(bootstrap_servers=broker.bootstrap_servers)
    await producer.start()
    ids = []
    try:
        for event_type, payload in events:
            enc = encode(event_type=event_type, payload=payload, source="orders-test",
                         key=str(payload.order_id))
            ids.append(enc.event_id)
            for _ in range(repeat):  # the same event id delivered more than once
                await producer.send_and_wait(c.ORDERS_TOPIC, value=enc.value.encode(),
                                             key=enc.key.encode(),
                                             headers=kafka_headers(enc.headers))
    finally:
        await producer.stop()
    return ids


class Collector:
    """Everything the service published on authorization.events, read from the broker."""

    def __init__(self, broker) -> None:
        self.broker = broker
        self.seen: list[tuple[str, str, dict]] = []
        self._task: asyncio.Task | None = None

    async def __aenter__(self) -> Collector:
        self._consumer = AIOKafkaConsumer(
            c.AUTHORIZATION_TOPIC, bootstrap_servers=self.broker.bootstrap_servers,
            auto_offset_reset="earliest", enable_auto_commit=False, group_id=None)
        await self._consumer.start()
        self._task = asyncio.create_task(self._run())
        return self

    async def _run(self) -> None:
        async for rec in self._consumer:
            headers = {k: v.decode() for k, v in rec.headers}
            self.seen.append((headers["ce_type"], rec.key.decode(), json.loads(rec.value)))

    async def __aexit__(self, *exc: object) -> None:
        self._task.cancel()
        await asyncio.gather(self._task, return_exceptions=True)
        await self._consumer.stop()

    def of(self, order_id) -> list[str]:
        return [t for t, k, _ in self.seen if k == str(order_id)]


async def test_orders_in_authorizations_out(make_database, fresh_broker):
    from payer_sandbox.testing import running_sandbox

    with running_sandbox(demo_config()) as sandbox:
        settings = settings_for_test(
            AuthorizationSettings, database_url=await make_database("authzflow", MIGRATIONS),
            broker=fresh_broker, seed_demo_data=True, payer_default_base_url=sandbox.fhir_base,
            poll_interval_s=0.3, inquire_every_s=0, rxnorm_codes=TEST_CODES,
            eligibility_on_sign=False)  # cases alone (eligibility: test_eligibility_flow)
        runtime = build_runtime(settings)
        now = datetime.now(UTC)
        cocktail = make_order(lines=[KETOROLAC], signed_at=now)
        biologic = make_order(signed_at=now)
        pended = make_order(signed_at=now, member_id="PEND-5")
        ketamine = make_order(payer_id="harbor-health", plan_id="harbor-hmo", lines=[KETAMINE],
                              signed_at=now)
        # orders' payer identity for these orders (the poller reads it on each inquiry)
        runtime.pas = sources(by_order={o.order_id: identity_of(o)
                                        for o in (cocktail, biologic, pended, ketamine)})
        async with running(runtime), Collector(fresh_broker) as out:
            await publish(fresh_broker, ("order.signed", cocktail), ("order.signed", biologic),
                          ("order.signed", pended), ("order.signed", ketamine), repeat=2)

            async def decided():
                return all(out.of(o.order_id) for o in (cocktail, biologic, pended, ketamine))
            await eventually(decided, timeout_s=30)
            assert out.of(cocktail.order_id) == ["authorization.not_required"]
            assert out.of(ketamine.order_id) == ["authorization.not_covered"]
            assert out.of(biologic.order_id) == ["authorization.requested"]

            async with runtime.uow() as uow:  # duplicates had one effect: one case per order
                assert len(await uow.cases.by_order(biologic.order_id)) == 1
                [case] = await uow.cases.by_order(biologic.order_id)
                [slow] = await uow.cases.by_order(pended.order_id)

            t = datetime.now(UTC)
            for k in (case, slow):
                await case_service.answer(uows=runtime.uow, case_id=k.id, answers=GOOD,
                                          actor="test", now=t)
                await case_service.submit(uows=runtime.uow, connector=runtime.connector,
                                          pas=runtime.pas, case_id=k.id, actor="test", now=t)
            await eventually(lambda: _has(out, biologic, "authorization.approved"))
            # the pended case is finished by the running poller's inquiries
            await eventually(lambda: _has(out, pended, "authorization.approved"), timeout_s=30)

            start = datetime.now(UTC)
            given = c.OrderAdministered(
                order_id=biologic.order_id, practice_id="demo-clinic",
                patient_id=biologic.patient_id, diagnoses=["G43.709"], payer=biologic.payer,
                administrations=[c.Administration(
                    line_sequence=1, drug_code="eptinezumab", hcpcs="J3032", mode="infusion",
                    started_at=start, stopped_at=start + timedelta(minutes=30),
                    dose_given=Decimal(150), dose_unit="mg")],
                completed_at=start + timedelta(minutes=35))
            cancel = c.OrderCancelled(order_id=pended.order_id, practice_id="demo-clinic",
                                      reason="patient moved", previous_status="signed",
                                      cancelled_at=start)
            await publish(fresh_broker, ("order.administered", given), ("order.cancelled", cancel),
                          repeat=2)
            await eventually(lambda: _has(out, biologic, "authorization.usage_flagged"))
            await eventually(lambda: _has(out, pended, "authorization.withdrawn"))
            await asyncio.sleep(1.0)  # let any duplicate effect show up
            flags = [p for t, k, p in out.seen if t == "authorization.usage_flagged"]
            assert [f["code"] for f in flags] == ["units_exceeded"]
            assert out.of(biologic.order_id) == ["authorization.requested",
                                                 "authorization.approved",
                                                 "authorization.usage_flagged"]
            assert out.of(pended.order_id) == ["authorization.requested",
                                               "authorization.approved",
                                               "authorization.withdrawn"]
            async with runtime.uow() as uow:
                k = await uow.cases.get(case.id)
            assert k.lines[0].used_units == 150
            # every event names its order's practice: the gateway routes webhooks on it
            assert len({t for t, _, _ in out.seen}) >= 6
            assert {p.get("practice_id") for _, _, p in out.seen} == {"demo-clinic"}


async def _has(out: Collector, order, event_type: str) -> bool:
    return event_type in out.of(order.order_id)
