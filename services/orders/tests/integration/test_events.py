"""Events on the real broker: order.signed/cancelled leave through the outbox; authorization
and appointment events are consumed once (inbox) and keep the order's statuses current."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from chairside_shared import contracts
from chairside_shared.messaging.envelope import decode, encode, kafka_headers
from chairside_shared.testing.plugin import eventually, running

from .conftest import STAFF, _service, count

pytestmark = pytest.mark.integration
NOW = datetime.now(UTC)


@pytest.fixture
async def svc(make_database, fresh_broker):
    """Our own broker: other tests' events must not reach this consumer group."""
    app = await _service(make_database, fresh_broker)
    async with running(app.state.runtime):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                     base_url="http://orders", headers=STAFF) as client:
            yield app.state.runtime, client, fresh_broker


async def signed_order(client) -> str:
    r = await client.post("/v1/patients", json={"practice_id": "demo-clinic", "mrn": "E-1",
                                                "birth_date": "1984-02-02", "weight_kg": "60"})
    pid = r.json()["id"]
    r = await client.post("/v1/orders", json={
        "patient_id": pid, "urgency": "planned", "diagnosis": ["G43.709"],
        "lines": [{"drug_code": "eptinezumab", "dose": "100", "dose_unit": "mg",
                   "mode": "infusion", "minutes": 30, "sequence": 1}],
        "payer": {"payer_id": "demo-payer", "member_id": "M-9"}})
    oid = r.json()["id"]
    assert (await client.post(f"/v1/orders/{oid}/sign")).status_code == 200
    return oid


async def read_topic(broker, topic: str, want: int):
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=broker.bootstrap_servers,
                                auto_offset_reset="earliest", enable_auto_commit=False,
                                group_id=f"reader-{uuid.uuid4().hex[:6]}")
    await consumer.start()
    seen = []
    try:
        async def enough():
            batch = await consumer.getmany(timeout_ms=200)
            for records in batch.values():
                seen.extend(decode(r.key, r.value, r.headers) for r in records)
            return len(seen) >= want
        await eventually(enough, timeout_s=30)
    finally:
        await consumer.stop()
    return seen


async def produce(broker, topic: str, events: list) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=broker.bootstrap_servers)
    await producer.start()
    try:
        for e in events:
            await producer.send_and_wait(topic, value=e.value.encode(), key=e.key.encode(),
                                         headers=kafka_headers(e.headers))
    finally:
        await producer.stop()


def event(event_type: str, key: str, payload) -> object:
    return encode(event_type=event_type, payload=payload, source="test", key=key)


async def test_order_signed_and_cancelled_reach_the_broker(svc):
    runtime, client, broker = svc
    oid = await signed_order(client)
    assert (
        await client.post(f"/v1/orders/{oid}/cancel", json={"reason": "better"})
    ).status_code == 200
    got = await read_topic(broker, contracts.ORDERS_TOPIC, 2)
    assert [(e.type, e.key) for e in got] == [("order.signed", oid), ("order.cancelled", oid)]
    signed = got[0].payload
    assert isinstance(signed, contracts.OrderSigned)
    assert signed.acuity_class == "elevated" and signed.lines[0].hcpcs == "J3032"
    assert signed.payer.payer_id == "demo-payer" and signed.payer.member_id is None
    assert "M-9" not in signed.model_dump_json() and signed.requested_window is None
    assert got[1].payload.previous_status == "signed"


async def test_authorization_and_appointment_events_update_the_order_once(svc):
    runtime, client, broker = svc
    oid = await signed_order(client)
    approved = event("authorization.approved", oid, contracts.AuthorizationApproved(
        case_id=uuid.uuid4(), order_id=oid, payer_id="demo-payer", auth_number="A-1",
        lines=[contracts.ApprovedUnits(hcpcs="J3032", approved_units=100)],
        valid_from=NOW.date(), valid_to=(NOW + timedelta(days=90)).date(), decided_at=NOW))
    booked = event("appointment.booked", oid, contracts.AppointmentChanged(
        appointment_id=uuid.uuid4(), order_id=oid, status="booked", occurred_at=NOW))
    unknown = event("appointment.booked", str(uuid.uuid4()), contracts.AppointmentChanged(
        appointment_id=uuid.uuid4(), order_id=uuid.uuid4(), status="booked", occurred_at=NOW))
    # every event twice: the inbox must absorb the duplicates
    await produce(broker, contracts.AUTHORIZATION_TOPIC, [approved, approved])
    await produce(broker, contracts.SCHEDULING_TOPIC, [booked, unknown, booked])

    async def current():
        doc = (await client.get(f"/v1/orders/{oid}")).json()
        return doc if (doc["authorization_status"], doc["status"]) == ("approved",
                                                                      "scheduled") else None
    doc = await eventually(current, timeout_s=30)
    inbox = runtime.spec.tables.inbox
    await eventually(lambda: count_ge(runtime, inbox, 3), timeout_s=30)
    assert await count(runtime, inbox, inbox.c.event_id == approved.event_id) == 1
    assert await count(runtime, inbox, inbox.c.event_id == booked.event_id) == 1
    actions = [h["action"] for h in doc["history"]]
    assert actions.count("appointment_booked") == 1 and actions.count("authorization") == 1
    dead = runtime.spec.tables.dead_letters
    assert await count(runtime, dead) == 0

    started = event("appointment.started", oid, contracts.AppointmentChanged(
        appointment_id=uuid.uuid4(), order_id=oid, status="in_chair",
        occurred_at=NOW + timedelta(hours=1)))
    await produce(broker, contracts.SCHEDULING_TOPIC, [started])

    async def in_progress():
        return (await client.get(f"/v1/orders/{oid}")).json()["status"] == "in_progress"
    await eventually(in_progress, timeout_s=30)


async def count_ge(runtime, table, n):
    return await count(runtime, table) >= n


async def test_a_denial_shows_the_payers_reason_on_the_order(svc):
    runtime, client, broker = svc
    oid = await signed_order(client)
    reason = "Medical necessity not established: no documented failure of 2 preventive classes"
    denied = event("authorization.denied", oid, contracts.AuthorizationDenied(
        case_id=uuid.uuid4(), order_id=oid, payer_id="demo-payer", reason=reason,
        reason_code="MN", decided_at=NOW))
    await produce(broker, contracts.AUTHORIZATION_TOPIC, [denied, denied])

    async def shown():
        doc = (await client.get(f"/v1/orders/{oid}")).json()
        return doc if doc["authorization_status"] == "denied" else None
    doc = await eventually(shown, timeout_s=30)
    assert doc["authorization_reason"] == reason
    entries = [h for h in doc["history"] if h["action"] == "authorization"]
    assert [h["detail"] for h in entries] == [
        {"event": "authorization.denied", "status": "denied", "reason": reason}]
