"""Recalls on PostgreSQL and the broker: authorization.approved (payer quantity limit) and
order.administered of eptinezumab open a recall with the right dates; a new order of the drug
links to it and is never held before its earliest day; staff booking earlier is refused; the
recall sweep offers slots (recall.offered on the bus, ids and dates only) and flags overdue
recalls (recall.overdue)."""

from __future__ import annotations

import asyncio
import json
import uuid
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from sched_it import TZ

from chairside_shared import contracts
from chairside_shared.messaging.envelope import encode, kafka_headers
from chairside_shared.messaging.kafka import ensure_topics
from chairside_shared.testing.plugin import eventually, running, settings_for_test
from scheduling.bootstrap import MIGRATIONS, build_runtime, recall_sweep_once
from scheduling.domain.clinic import Chair, NurseShift
from scheduling.domain.recall import RecallTooEarly
from scheduling.service import handlers
from scheduling.service.recalls import repo
from scheduling.settings import SchedulingSettings

pytestmark = pytest.mark.integration
RECALL = {"earliest_days": 84, "target_from_days": 84, "target_to_days": 98, "latest_days": 98,
              "pre_dose_checks": ["outcome_assessment"]}  # catalog.json: eptinezumab.recall


def at(day: date, hh: int) -> datetime:
    return datetime.combine(day, time(hh), tzinfo=TZ).astimezone(UTC)


def administered(order_id, patient_id, given_on: date, units: int = 300
                 ) -> contracts.OrderAdministered:
    given = contracts.Administration(
        line_sequence=1, drug_code="eptinezumab", hcpcs="J3032", mode="infusion",
        started_at=at(given_on, 10), stopped_at=at(given_on, 11), dose_given=Decimal(units),
        dose_unit="mg")
    return contracts.OrderAdministered(
        order_id=order_id, practice_id="partner-neuro", patient_id=patient_id,
        diagnoses=["G43.709"], administrations=[given], completed_at=at(given_on, 12),
        recalls=[contracts.RecallFacts(drug_code="eptinezumab", hcpcs="J3032",
                                       units_given=units, **RECALL)])


def approved(order_id, valid_to: date) -> contracts.AuthorizationApproved:
    return contracts.AuthorizationApproved(
        case_id=uuid.uuid4(), order_id=order_id, payer_id="summit-health", auth_number="A-1",
        lines=[contracts.ApprovedUnits(hcpcs="J3032", approved_units=300)],
        valid_from=valid_to - timedelta(days=180), valid_to=valid_to,
        decided_at=datetime.now(UTC),
        quantity_limits=[contracts.QuantityLimitFacts(hcpcs="J3032", units=300,
                                                      period_days=84)])


def signed(order_id, patient_id) -> contracts.OrderSigned:
    line = contracts.OrderLine(sequence=1, drug_code="eptinezumab", hcpcs="J3032",
                               dose=Decimal(300), dose_unit="mg", mode="infusion", minutes=30)
    return contracts.OrderSigned(
        order_id=order_id, practice_id="partner-neuro", patient_id=patient_id,
        urgency="planned", lines=[line], estimated_chair_minutes=60, acuity_class="standard",
        requires_driver=False, diagnoses=["G43.709"], patient_age_band="18-64",
        patient_age_years=40, pediatric=False, catalog_version=1,
        signed_at=datetime.now(UTC))


async def publish(broker, event_type: str, payload, order_id) -> None:
    enc = encode(event_type=event_type, payload=payload, source="test", key=str(order_id))
    producer = AIOKafkaProducer(bootstrap_servers=broker.bootstrap_servers)
    await producer.start()
    try:
        await producer.send_and_wait(contracts.contract_for(event_type).topic,
                                     value=enc.value.encode(), key=str(order_id).encode(),
                                     headers=kafka_headers(enc.headers))
    finally:
        await producer.stop()


async def recall_of(runtime, order_id):
    async with runtime.uow() as uow:
        return await repo(uow).of_source(order_id)


async def read_recall_events(broker, keys: set[str], n: int) -> list[dict]:
    consumer = AIOKafkaConsumer(contracts.SCHEDULING_TOPIC,
                                bootstrap_servers=broker.bootstrap_servers,
                                auto_offset_reset="earliest", group_id=f"r-{uuid.uuid4()}")
    await consumer.start()
    out: list[dict] = []
    try:
        deadline = asyncio.get_running_loop().time() + 20
        while len(out) < n and asyncio.get_running_loop().time() < deadline:
            for records in (await consumer.getmany(timeout_ms=250)).values():
                for r in records:
                    if r.key.decode() in keys:
                        out.append({"type": dict(r.headers)["ce_type"].decode(),
                                    **json.loads(r.value)})
    finally:
        await consumer.stop()
    return out


async def test_recall_from_dose_to_offer_and_overdue(make_database, broker):
    url = await make_database("schedrecall", MIGRATIONS)
    settings = settings_for_test(SchedulingSettings, database_url=url, broker=broker,
                                 hold_sweep_interval_s=3600, recall_sweep_interval_s=3600)
    await ensure_topics(settings, [contracts.ORDERS_TOPIC, contracts.AUTHORIZATION_TOPIC],
                        client_id="test-setup")
    runtime = build_runtime(settings)
    today = datetime.now(TZ).date()
    dose_day = today - timedelta(days=70)  # clinical-loop test 16: last dose 70 days ago
    async with running(runtime):
        async with runtime.uow() as uow:
            await uow.config.save_chair(Chair(id="c01"))
            for n in range(0, 40):  # nurse shifts from today through the target window
                d = today + timedelta(days=n)
                await uow.config.add_shift(NurseShift(id=str(uuid.uuid4()), nurse_id="rn1",
                                                      start=at(d, 8), end=at(d, 18)))
            await uow.commit()
        patient, first = uuid.uuid4(), uuid.uuid4()
        await publish(broker, "authorization.approved", approved(first, today + timedelta(90)),
                      first)

        async def limits_known():
            async with runtime.uow() as uow:
                return await repo(uow).limits_of(first, "J3032")
        assert (await eventually(limits_known))[0].units == 300
        await publish(broker, "order.administered", administered(first, patient, dose_day),
                      first)
        recall = await eventually(lambda: recall_of(runtime, first))
        assert recall.status == "due"
        assert recall.earliest == dose_day + timedelta(days=84) > today
        assert (recall.target_from, recall.target_to, recall.latest) == (
            dose_day + timedelta(days=84), dose_day + timedelta(days=98),
            dose_day + timedelta(days=98))
        assert recall.limit is not None and recall.limit.units == 300
        assert recall.auth_valid_to == today + timedelta(90)
        assert recall.pre_dose_checks == ("outcome_assessment",)

        # a dose 100 days ago (another patient, no payer limit): past its latest day
        late_order = uuid.uuid4()
        await publish(broker, "order.administered",
                      administered(late_order, uuid.uuid4(), today - timedelta(days=100), 100),
                      late_order)
        late = await eventually(lambda: recall_of(runtime, late_order))
        assert late.limit is None and late.latest < today

        # the approval arrives after the dose: the recall learns the payer's limit then
        # (a 28-day catalog interval, 200 units of a 300 / 84 days cap: day 84 after the dose)
        slow, slow_day = uuid.uuid4(), today - timedelta(days=10)
        facts = administered(slow, uuid.uuid4(), slow_day, 200)
        facts = facts.model_copy(update={"recalls": [facts.recalls[0].model_copy(update={
            "earliest_days": 28, "target_from_days": 28, "target_to_days": 35,
            "latest_days": 42})]})
        await publish(broker, "order.administered", facts, slow)
        before = await eventually(lambda: recall_of(runtime, slow))
        assert (before.earliest, before.limit) == (slow_day + timedelta(days=28), None)
        await publish(broker, "authorization.approved", approved(slow, today + timedelta(60)),
                      slow)

        async def capped():
            r = await recall_of(runtime, slow)
            return r if r.limit is not None else None
        after = await eventually(capped)
        assert (after.earliest, after.target_to, after.latest) == (
            (slow_day + timedelta(days=84),) * 3)
        assert after.auth_valid_to == today + timedelta(60)

        result = await recall_sweep_once(runtime)
        assert (result.offered, result.overdue) == (1, 1)
        assert (await recall_of(runtime, first)).status == "offered"
        assert (await recall_of(runtime, late_order)).status == "overdue"
        assert (await recall_sweep_once(runtime)).offered == 0  # offered once

        events = await read_recall_events(broker, {str(recall.id), str(late.id)}, 2)
        kinds = {e["type"]: e for e in events}
        assert set(kinds) == {"recall.offered", "recall.overdue"}, events
        offered = kinds["recall.offered"]["data"] if "data" in kinds["recall.offered"] \
            else kinds["recall.offered"]
        assert offered["practice_id"] == "partner-neuro"
        assert offered["earliest"] == recall.earliest.isoformat()
        assert offered["slots"], offered
        for slot in offered["slots"]:
            start = datetime.fromisoformat(slot["start"]).astimezone(TZ).date()
            assert recall.earliest <= start <= recall.target_to

        # the next order of the drug links to the recall; its hold is not before earliest
        nxt = uuid.uuid4()
        await publish(broker, "order.signed", signed(nxt, patient), nxt)

        async def held():
            async with runtime.uow() as uow:
                return [a for a in await uow.appointments.for_order(nxt) if a.start]
        hold = (await eventually(held))[0]
        assert hold.start.astimezone(TZ).date() >= recall.earliest
        linked = await recall_of(runtime, first)
        assert (linked.status, linked.next_order_id) == ("booked", nxt)

        # staff booking the next dose before the earliest day: 409 naming start and the day
        with pytest.raises(RecallTooEarly) as refused:
            await handlers.move_appointment(
                uow=runtime.uow(), appt_id=hold.id, start=at(today + timedelta(days=1), 9),
                chair_id="c01", now=datetime.now(UTC))
        assert refused.value.extra["earliest"] == recall.earliest.isoformat()
        assert refused.value.errors[0].field == "start"

        # from the earliest day on, the same move is made
        day = recall.earliest
        while day.weekday() > 4 or day == hold.start.astimezone(TZ).date():
            day += timedelta(days=1)
        moved = await handlers.move_appointment(
            uow=runtime.uow(), appt_id=hold.id, start=at(day, 9), chair_id="c01",
            now=datetime.now(UTC))
        assert moved.start == at(day, 9)

        # the next dose's order cancelled: the recall is open again (it was offered)
        await publish(broker, "order.cancelled", contracts.OrderCancelled(
            order_id=nxt, practice_id="partner-neuro", reason="patient moved",
            previous_status="scheduled", cancelled_at=datetime.now(UTC)), nxt)

        async def reopened():
            r = await recall_of(runtime, first)
            return r if r.status == "offered" else None
        assert (await eventually(reopened)).next_order_id is None
