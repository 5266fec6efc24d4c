"""Pharmacy as a resource on real PostgreSQL and the broker: hoods and pharmacist shifts
configured through the admin API; bookings whose preparation does not fit are refused with a
409 naming ``start``; ten biologics signed for one morning never need more hoods than are
staffed."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from aiokafka import AIOKafkaProducer
from sched_it import DAY, local, setup_clinic

from chairside_shared import contracts
from chairside_shared.messaging.envelope import encode, kafka_headers
from chairside_shared.messaging.kafka import ensure_topics
from chairside_shared.testing.plugin import eventually, running, settings_for_test
from scheduling.bootstrap import MIGRATIONS, build_runtime
from scheduling.domain.booking import visits_of
from scheduling.domain.clinic import Chair, NurseShift
from scheduling.domain.pharmacy import pharmacy_violations, prep_interval
from scheduling.domain.pharmacy_staff import PharmacistShift, pharmacy_day
from scheduling.service import booking
from scheduling.service.days import load_clinic
from scheduling.settings import SchedulingSettings

pytestmark = pytest.mark.integration


async def _order(runtime, prep: int | None, minutes: int = 60) -> uuid.UUID:
    order_id = uuid.uuid4()
    async with runtime.uow() as uow:
        await booking.record_signed_order(
            uow, order_id=order_id, practice_id="demo-clinic", patient_id=uuid.uuid4(),
            urgency="planned", minutes=minutes, acuity_class="standard", pediatric=False,
            requires_driver=False, signed_at=datetime.now(UTC), prep_minutes=prep)
        await uow.commit()
    return order_id


async def _pharmacy(client, hoods: int, start: datetime, end: datetime, people: int = 1) -> None:
    r = await client.put("/v1/pharmacy-hoods", json={"hoods": hoods})
    assert r.json() == {"hoods": hoods, "limited": True}
    for i in range(people):
        r = await client.post("/v1/pharmacy-shifts", json={
            "pharmacist_id": f"rph{i}", "start": start.isoformat(), "end": end.isoformat()})
        assert r.status_code == 201, r.text


async def _book(client, order_id, start: datetime, chair: str | None = None):
    body = {"order_id": str(order_id), "start": start.isoformat()}
    if chair:
        body["chair_id"] = chair
    return await client.post("/v1/appointments", json=body)


async def test_booking_whose_prep_does_not_fit_is_refused_naming_start(svc):
    await setup_clinic(svc.client, chairs=3, nurses=3)
    await _pharmacy(svc.client, 1, local(8), local(18))  # opens with the clinic
    a, b = await _order(svc.runtime, 30), await _order(svc.runtime, 30)
    r = await _book(svc.client, a, local(8))
    assert r.status_code == 409, r.text
    body = r.json()
    assert body["errors"] == [{"field": "start", "message": body["reasons"][0]["detail"]}]
    assert [x["code"] for x in body["reasons"]] == ["pharmacy_closed"]
    assert body["next_options"][0]["start"] == local(8, 30).isoformat()
    assert (await _book(svc.client, a, local(9))).status_code == 201
    r = await _book(svc.client, b, local(9, 15), "c02")  # its prep 08:45-09:15 meets a's
    assert r.status_code == 409
    assert [x["code"] for x in r.json()["reasons"]] == ["pharmacy_capacity"]
    assert r.json()["errors"][0]["field"] == "start"
    slots = await svc.client.get("/v1/slots", params={
        "minutes": 60, "prep_minutes": 30, "from": local(8).isoformat(), "limit": 3})
    assert [datetime.fromisoformat(s["start"]) for s in slots.json()] == [
        local(8, 30), local(9, 30), local(9, 35)]
    # an order with no preparation (fluids, pushes) is not held back by the hoods
    none = await _order(svc.runtime, 0)
    assert (await _book(svc.client, none, local(9, 15), "c02")).status_code == 201


async def test_moving_into_a_busy_hood_is_refused(svc):
    await setup_clinic(svc.client, chairs=2, nurses=2)
    await _pharmacy(svc.client, 1, local(7), local(18))
    a, b = await _order(svc.runtime, 30), await _order(svc.runtime, 30)
    assert (await _book(svc.client, a, local(9))).status_code == 201
    r = await _book(svc.client, b, local(10), "c02")
    assert r.status_code == 201
    moved = await svc.client.post(f"/v1/appointments/{r.json()['id']}/move",
                                  json={"start": local(9, 10).isoformat(), "chair_id": "c02"})
    assert moved.status_code == 409
    assert moved.json()["errors"][0]["field"] == "start"
    ok = await svc.client.post(f"/v1/appointments/{r.json()['id']}/move",
                               json={"start": local(9, 30).isoformat(), "chair_id": "c02"})
    assert ok.status_code == 200, ok.text


async def test_no_pharmacy_configured_books_as_before(svc):
    await setup_clinic(svc.client, chairs=2, nurses=2)
    assert (await svc.client.get("/v1/pharmacy-hoods")).json() == {"hoods": None,
                                                                   "limited": False}
    a, b = await _order(svc.runtime, 30), await _order(svc.runtime, 30)
    assert (await _book(svc.client, a, local(8))).status_code == 201
    assert (await _book(svc.client, b, local(8), "c02")).status_code == 201


async def test_pharmacy_admin_refuses_bad_configuration(svc):
    r = await svc.client.put("/v1/pharmacy-hoods", json={"hoods": -1})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "hoods"
    first = {"pharmacist_id": "rph1", "start": local(7).isoformat(),
             "end": local(15).isoformat()}
    created = await svc.client.post("/v1/pharmacy-shifts", json=first)
    assert created.status_code == 201
    overlap = await svc.client.post("/v1/pharmacy-shifts", json={
        **first, "start": local(14).isoformat(), "end": local(18).isoformat()})
    assert overlap.status_code == 422 and overlap.json()["errors"][0]["field"] == "start"
    listed = await svc.client.get("/v1/pharmacy-shifts", params={"from": local(0).isoformat()})
    assert [s["pharmacist_id"] for s in listed.json()] == ["rph1"]
    gone = await svc.client.delete(f"/v1/pharmacy-shifts/{created.json()['id']}")
    assert gone.status_code == 204
    again = await svc.client.delete(f"/v1/pharmacy-shifts/{created.json()['id']}")
    assert again.status_code == 404
    assert (await svc.client.put("/v1/pharmacy-hoods", json={"hoods": None})).json() == {
        "hoods": None, "limited": False}


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


def _biologic(order_id: uuid.UUID) -> contracts.OrderSigned:
    line = contracts.OrderLine(sequence=1, drug_code="eptinezumab", dose=Decimal(100),
                               dose_unit="mg", mode="infusion", minutes=30)
    return contracts.OrderSigned(
        order_id=order_id, practice_id="demo-clinic", patient_id=uuid.uuid4(),
        urgency="planned", lines=[line],
        requested_window=contracts.Window(**{"from": local(8), "to": local(13)}),
        estimated_chair_minutes=60, acuity_class="standard", requires_driver=False,
        diagnoses=["G43.709"], patient_age_band="18-64", patient_age_years=40,
        pediatric=False, catalog_version=1, signed_at=datetime.now(UTC), prep_minutes=30)


async def test_ten_biologics_signed_for_one_morning_never_exceed_the_hoods(make_database,
                                                                           fresh_broker):
    url = await make_database("schedpharm", MIGRATIONS)
    settings = settings_for_test(SchedulingSettings, database_url=url, broker=fresh_broker,
                                 hold_sweep_interval_s=3600)
    await ensure_topics(settings, [contracts.ORDERS_TOPIC, contracts.AUTHORIZATION_TOPIC],
                        client_id="test-setup")
    runtime = build_runtime(settings)
    async with running(runtime):
        async with runtime.uow() as uow:
            for i in range(1, 13):
                await uow.config.save_chair(Chair(id=f"c{i:02d}"))
            for n in range(6):
                await uow.config.add_shift(NurseShift(id=str(uuid.uuid4()), nurse_id=f"rn{n}",
                                                      start=local(8), end=local(18)))
            await uow.pharmacy.save_hoods(2)
            for p in range(2):
                await uow.pharmacy.add_shift(PharmacistShift(
                    id=str(uuid.uuid4()), pharmacist_id=f"rph{p}", start=local(7),
                    end=local(17)))
            await uow.commit()
        orders = [uuid.uuid4() for _ in range(10)]
        for oid in orders:
            await publish(fresh_broker, "order.signed", _biologic(oid), oid)

        async def all_held() -> bool:
            async with runtime.uow() as uow:
                found = [a for o in orders for a in await uow.appointments.for_order(o)]
            return len(found) == 10 and all(str(a.status) == "held" for a in found)
        assert await eventually(all_held) is True
        async with runtime.uow() as uow:
            appts = [a for o in orders for a in await uow.appointments.for_order(o)]
            clinic = await load_clinic(uow, settings.booking_policy())
            frame = clinic.frame(DAY)
            pharmacists = await uow.pharmacy.shifts(local(0), local(23))
    picture = pharmacy_day(frame, 2, pharmacists)
    visits = visits_of(appts, frame)
    assert all(v.prep_minutes == 30 for v in visits)
    assert pharmacy_violations(picture, visits) == []
    running_at: dict[int, int] = {}
    for v in visits:
        for t in range(*prep_interval(v)):
            running_at[t] = running_at.get(t, 0) + 1
    assert max(running_at.values()) == 2  # both hoods used, never a third preparation
    assert sorted(a.start for a in appts) == [
        local(h, m) for h, m in ((8, 0), (8, 0), (8, 30), (8, 30), (9, 0), (9, 0), (9, 30),
                                 (9, 30), (10, 0), (10, 0))]
