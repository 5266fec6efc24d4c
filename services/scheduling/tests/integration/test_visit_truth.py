"""Visit truth on PostgreSQL and the real broker: check-in and start only within their windows
around the slot (409 naming why), the escort warning at check-in of a no-drive order, actual
start and end, booked and actual chair minutes on the board; completing the appointment is
refused while the order is not completed (changing nothing), and ``order.administered``
completes it, once, however often it arrives."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from integration.test_event_flow import _is, decided, publish, read_scheduling_events, signed
from sched_it import DAY, local, setup_clinic, signed_order

from chairside_shared import contracts
from chairside_shared.messaging.kafka import ensure_topics
from chairside_shared.testing.plugin import eventually, running, settings_for_test
from scheduling.bootstrap import MIGRATIONS, build_runtime
from scheduling.domain.clinic import Chair, NurseShift
from scheduling.service import handlers
from scheduling.settings import SchedulingSettings

pytestmark = pytest.mark.integration


async def booked(svc, start, *, driver=False) -> tuple[uuid.UUID, str]:
    order = await signed_order(svc.runtime, authorization="approved", driver=driver)
    r = await svc.client.post("/v1/appointments", json={"order_id": str(order),
                                                        "start": start.isoformat()})
    assert r.status_code == 201 and r.json()["status"] == "booked", r.text
    return order, r.json()["id"]


async def test_windows_warning_actual_times_and_refused_completion(svc):
    c = svc.client
    await setup_clinic(c, chairs=2, nurses=2)
    order, appt = await booked(svc, local(10), driver=True)
    _, late = await booked(svc, local(13))

    svc.clock.now = local(8, 59)  # 61 min early
    r = await c.post(f"/v1/appointments/{appt}/check-in")
    assert r.status_code == 409 and r.json()["type"].endswith("outside-visit-window")
    assert r.json()["reason"] == "too_early" and r.json()["action"] == "check-in"
    svc.clock.now = local(13, 31)  # 31 min late for the 13:00 slot
    r = await c.post(f"/v1/appointments/{late}/check-in")
    assert r.status_code == 409 and r.json()["reason"] == "too_late"
    assert (await c.get(f"/v1/appointments/{late}")).json()["status"] == "booked"

    svc.clock.now = local(9, 0)  # exactly 60 min before: accepted, with the escort warning
    r = await c.post(f"/v1/appointments/{appt}/check-in")
    assert r.status_code == 200 and r.json()["status"] == "checked_in", r.text
    assert [w["code"] for w in r.json()["warnings"]] == ["escort_missing"]

    svc.clock.now = local(9, 29)  # start opens 30 min before the slot
    r = await c.post(f"/v1/appointments/{appt}/start")
    assert r.status_code == 409 and r.json()["action"] == "start"
    svc.clock.now = local(10, 5)
    r = await c.post(f"/v1/appointments/{appt}/start")
    assert r.status_code == 200 and datetime.fromisoformat(r.json()["started_at"]) == local(
        10, 5)

    svc.clock.now = local(10, 50)
    r = await c.post(f"/v1/appointments/{appt}/complete")
    assert r.status_code == 409 and r.json()["type"].endswith("order-not-completed")
    assert (await c.get(f"/v1/appointments/{appt}")).json()["status"] == "in_chair"

    board = (await c.get("/v1/board", params={"date": DAY.isoformat()})).json()
    used = board["utilization"]
    assert used["actual_chair_minutes"] == 45  # 10:05 to now (10:50), still in the chair
    assert used["booked_minutes_of_started"] == 60 and used["actual_to_booked"] == 0.75
    assert used["booked_chair_minutes"] >= 120 and used["actual_ratio"] > 0


async def test_an_escort_on_file_means_no_warning(svc):
    await setup_clinic(svc.client, chairs=1, nurses=1)
    order, appt = await booked(svc, local(10), driver=True)
    async with svc.runtime.uow() as uow:  # as order.escort_confirmed records it
        await uow.orders.record_escort(order, local(8))
        await uow.commit()
    svc.clock.now = local(9, 50)
    r = await svc.client.post(f"/v1/appointments/{appt}/check-in")
    assert r.status_code == 200 and r.json()["warnings"] == []


def administered(order_id: uuid.UUID, given_at, completed_at) -> contracts.OrderAdministered:
    return contracts.OrderAdministered(
        order_id=order_id, practice_id="demo-clinic", patient_id=uuid.uuid4(),
        diagnoses=["G43.909"], administrations=[contracts.Administration(
            line_sequence=1, drug_code="ketorolac", mode="push", started_at=given_at,
            stopped_at=given_at + timedelta(minutes=2), dose_given=Decimal(15),
            dose_unit="mg")], completed_at=completed_at)


async def test_order_administered_completes_the_appointment_once(make_database, fresh_broker):
    url = await make_database("schedtruth", MIGRATIONS)
    settings = settings_for_test(SchedulingSettings, database_url=url, broker=fresh_broker,
                                 hold_sweep_interval_s=3600)
    await ensure_topics(settings, [contracts.ORDERS_TOPIC, contracts.AUTHORIZATION_TOPIC],
                        client_id="test-setup")
    runtime = build_runtime(settings)
    async with running(runtime):
        async with runtime.uow() as uow:
            for i in (1, 2):
                await uow.config.save_chair(Chair(id=f"c0{i}"))
            await uow.config.add_shift(NurseShift(id=str(uuid.uuid4()), nurse_id="rn1",
                                                  start=local(8), end=local(18)))
            await uow.commit()
        in_chair, checked_in = uuid.uuid4(), uuid.uuid4()
        for oid in (in_chair, checked_in):
            await publish(fresh_broker, "order.signed", signed(oid, minutes=60), oid)
            await eventually(lambda o=oid: _is(runtime, o, ["held"]))
            await publish(fresh_broker, "authorization.approved",
                          decided("authorization.approved", oid), oid)
            await eventually(lambda o=oid: _is(runtime, o, ["booked"]))
        appts = {}
        for oid in (in_chair, checked_in):
            async with runtime.uow() as uow:
                appts[oid] = (await uow.appointments.for_order(oid))[0]
            await handlers.check_in(uow=runtime.uow(), appt_id=appts[oid].id,
                                    now=appts[oid].start)
        await handlers.start_visit(uow=runtime.uow(), appt_id=appts[in_chair].id,
                                   now=appts[in_chair].start)
        ends = {oid: appts[oid].start + timedelta(minutes=50) for oid in appts}
        given = appts[checked_in].start + timedelta(minutes=5)
        event_id = str(uuid.uuid4())
        for _ in range(2):  # redelivery: one effect
            await publish(fresh_broker, "order.administered",
                          administered(in_chair, appts[in_chair].start, ends[in_chair]),
                          in_chair, event_id)
        await publish(fresh_broker, "order.administered",
                      administered(checked_in, given, ends[checked_in]), checked_in)
        # a second, distinct event for the same order (e.g. replayed from the DLQ) too
        await publish(fresh_broker, "order.administered",
                      administered(in_chair, appts[in_chair].start, ends[in_chair]), in_chair)
        for oid in appts:
            assert await eventually(lambda o=oid: _is(runtime, o, ["completed"])) is True
        async with runtime.uow() as uow:
            done = {oid: (await uow.appointments.for_order(oid))[0] for oid in appts}
            order = await uow.orders.get(in_chair)
        assert order is not None and order.administered_at == ends[in_chair]
        assert done[in_chair].completed_at == ends[in_chair]
        assert done[checked_in].started_at == given  # never started here: first drug given
        assert done[checked_in].completed_at == ends[checked_in]
        events = await read_scheduling_events(fresh_broker, 12)
        mine = [t for t, key in events if key == str(in_chair)]
        assert mine == ["appointment.held", "appointment.booked", "appointment.checked_in",
                        "appointment.started", "appointment.completed"], mine
