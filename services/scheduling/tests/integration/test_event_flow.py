"""Holds and bookings driven by events through the real broker:
order.signed → held; authorization.approved → booked; authorization.denied → released;
order.cancelled → released; the same event twice → one appointment; scheduling's own events
reach scheduling.events keyed by order id."""

from __future__ import annotations

import asyncio
import json
import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from sched_it import DAY, local

from chairside_shared import contracts
from chairside_shared.messaging.envelope import encode, kafka_headers
from chairside_shared.messaging.kafka import ensure_topics
from chairside_shared.testing.plugin import eventually, running, settings_for_test
from scheduling.bootstrap import MIGRATIONS, build_runtime
from scheduling.domain.clinic import Chair, NurseShift
from scheduling.settings import SchedulingSettings

pytestmark = pytest.mark.integration


def signed(order_id: uuid.UUID, minutes: int = 90) -> contracts.OrderSigned:
    line = contracts.OrderLine(sequence=1, drug_code="ketorolac", dose=Decimal(15),
                               dose_unit="mg", mode="push", minutes=minutes)
    return contracts.OrderSigned(
        order_id=order_id, practice_id="demo-clinic", patient_id=uuid.uuid4(), urgency="planned",
        requested_window=contracts.Window(**{"from": local(8), "to": local(18)}), lines=[line],
        estimated_chair_minutes=minutes, acuity_class="standard", requires_driver=False,
        diagnoses=["G43.909"], patient_age_band="18-64", patient_age_years=40,
        pediatric=False, catalog_version=1, signed_at=datetime.now(UTC))


def decided(kind: str, order_id: uuid.UUID) -> contracts.EventPayload:
    now = datetime.now(UTC)
    if kind == "authorization.approved":
        return contracts.AuthorizationApproved(
            case_id=uuid.uuid4(), order_id=order_id, payer_id="p1", auth_number="A1",
            lines=[], valid_from=DAY - timedelta(days=7), valid_to=DAY + timedelta(days=30),
            decided_at=now)
    if kind == "authorization.denied":
        return contracts.AuthorizationDenied(case_id=uuid.uuid4(), order_id=order_id,
                                             payer_id="p1", reason="not necessary",
                                             decided_at=now)
    return contracts.OrderCancelled(order_id=order_id, practice_id="demo-clinic",
                                    reason="patient better", previous_status="signed",
                                    cancelled_at=now)


async def publish(broker, event_type: str, payload, order_id, event_id=None) -> None:
    enc = encode(event_type=event_type, payload=payload, source="test", key=str(order_id),
                 event_id=event_id)
    producer = AIOKafkaProducer(bootstrap_servers=broker.bootstrap_servers)
    await producer.start()
    try:
        await producer.send_and_wait(contracts.contract_for(event_type).topic,
                                     value=enc.value.encode(), key=str(order_id).encode(),
                                     headers=kafka_headers(enc.headers))
    finally:
        await producer.stop()


async def statuses(runtime, order_id) -> list[str]:
    async with runtime.uow() as uow:
        return [str(a.status) for a in await uow.appointments.for_order(order_id)]


async def read_scheduling_events(broker, n: int, *, quiet_s: float = 2.0
                                 ) -> list[tuple[str, str]]:
    """The topic's events once ``n`` have come and nothing more for ``quiet_s`` (so an extra,
    duplicate event is caught too); at most 20 s."""
    consumer = AIOKafkaConsumer(contracts.SCHEDULING_TOPIC,
                                bootstrap_servers=broker.bootstrap_servers,
                                auto_offset_reset="earliest", group_id=f"r-{uuid.uuid4()}")
    await consumer.start()
    out: list[tuple[str, str]] = []
    try:
        clock = asyncio.get_running_loop().time
        deadline, quiet_until = clock() + 20, None
        while clock() < deadline and (quiet_until is None or clock() < quiet_until):
            for records in (await consumer.getmany(timeout_ms=250)).values():
                out += [(dict(r.headers)["ce_type"].decode(), r.key.decode()) for r in records]
                quiet_until = None
            if len(out) >= n and quiet_until is None:
                quiet_until = clock() + quiet_s
    finally:
        await consumer.stop()
    return out


async def test_events_drive_holds_bookings_and_releases(make_database, fresh_broker):
    url = await make_database("schedflow", MIGRATIONS)
    settings = settings_for_test(SchedulingSettings, database_url=url, broker=fresh_broker,
                                 hold_sweep_interval_s=3600)
    await ensure_topics(settings, [contracts.ORDERS_TOPIC, contracts.AUTHORIZATION_TOPIC],
                        client_id="test-setup")
    runtime = build_runtime(settings)
    async with running(runtime):
        async with runtime.uow() as uow:
            for i in (1, 2, 3):
                await uow.config.save_chair(Chair(id=f"c0{i}"))
            await uow.config.add_shift(NurseShift(id=str(uuid.uuid4()), nurse_id="rn1",
                                                  start=local(8), end=local(18)))
            await uow.commit()
        approved, denied, cancelled = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
        first_event = str(uuid.uuid4())
        await publish(fresh_broker, "order.signed", signed(approved), approved, first_event)
        await publish(fresh_broker, "order.signed", signed(approved), approved, first_event)
        for oid in (denied, cancelled):
            await publish(fresh_broker, "order.signed", signed(oid), oid)
        for oid in (approved, denied, cancelled):
            assert await eventually(lambda o=oid: _is(runtime, o, ["held"])) is True
        await publish(fresh_broker, "authorization.approved",
                      decided("authorization.approved", approved), approved)
        await publish(fresh_broker, "authorization.denied",
                      decided("authorization.denied", denied), denied)
        await publish(fresh_broker, "order.cancelled", decided("order.cancelled", cancelled),
                      cancelled)
        await eventually(lambda: _is(runtime, approved, ["booked"]))
        await eventually(lambda: _is(runtime, denied, ["cancelled"]))
        await eventually(lambda: _is(runtime, cancelled, ["cancelled"]))
        async with runtime.uow() as uow:
            booked = (await uow.appointments.for_order(approved))[0]
            gone = (await uow.appointments.for_order(denied))[0]
        assert booked.start >= local(8) and booked.end <= local(18)
        assert gone.reason == "authorization_denied"
        # three holds, one booking, two releases: exactly these, none twice
        events = await read_scheduling_events(fresh_broker, 6)
        assert len(events) == 6, events
        mine = [t for t, key in events if key == str(approved)]
        assert mine == ["appointment.held", "appointment.booked"]
        assert ("appointment.cancelled", str(denied)) in events
        # every event names the order's practice: the gateway routes webhooks on it
        assert await practices_published(fresh_broker, 6) == ["demo-clinic"] * 6


async def practices_published(broker, n: int) -> list[str | None]:
    consumer = AIOKafkaConsumer(contracts.SCHEDULING_TOPIC,
                                bootstrap_servers=broker.bootstrap_servers,
                                auto_offset_reset="earliest", group_id=f"p-{uuid.uuid4()}")
    await consumer.start()
    out: list[str | None] = []
    try:
        for _ in range(40):
            for records in (await consumer.getmany(timeout_ms=250)).values():
                out += [json.loads(r.value).get("practice_id") for r in records]
            if len(out) >= n:
                break
    finally:
        await consumer.stop()
    return out


async def _is(runtime, order_id, expected) -> bool:
    return await statuses(runtime, order_id) == expected
