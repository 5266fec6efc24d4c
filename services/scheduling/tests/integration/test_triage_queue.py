"""Same-day triage on PostgreSQL and the broker: order.signed's triage reaches the queue; the
board lists the queue in triage order with each request's priority and its parts; freed chair
time (a cancellation, an expired hold) goes to the highest priority, not the oldest request."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from integration.test_event_flow import publish, signed
from sched_it import DAY, local, setup_clinic

from chairside_shared import contracts
from chairside_shared.messaging.kafka import ensure_topics
from chairside_shared.testing.plugin import eventually, running, settings_for_test
from scheduling.bootstrap import MIGRATIONS, build_runtime
from scheduling.domain.appointment import Status
from scheduling.service import booking
from scheduling.settings import SchedulingSettings

pytestmark = pytest.mark.integration


async def _order(runtime, *, minutes: int, pediatric: bool = False, category: str | None = None,
                 hours: int | None = None, authorization: str = "not_required",
                 urgency: str = "same_day", window: tuple[datetime, datetime] | None = None
                 ) -> uuid.UUID:
    order_id = uuid.uuid4()
    async with runtime.uow() as uow:
        await booking.record_signed_order(
            uow, order_id=order_id, practice_id="demo-clinic", patient_id=uuid.uuid4(),
            urgency=urgency, minutes=minutes, acuity_class="standard", pediatric=pediatric,
            requires_driver=False, signed_at=datetime.now(UTC), authorization=authorization,
            triage_category=category, headache_hours=hours,
            window_from=window[0] if window else None, window_to=window[1] if window else None)
        await uow.commit()
    return order_id


async def _hold(svc, order_id, now):
    async with svc.runtime.uow() as uow:
        order = await uow.orders.get(order_id)
        appt = await booking.hold_for_order(uow, order, now, svc.settings.booking_policy())
        await uow.commit()
    return appt


async def _appt(svc, order_id):
    async with svc.runtime.uow() as uow:
        return (await uow.appointments.for_order(order_id))[0]


async def test_board_orders_the_queue_by_triage_and_freed_time_goes_to_the_top(svc):
    await setup_clinic(svc.client, chairs=1, nurses=1, ped=1)
    blocker = await _order(svc.runtime, minutes=480)
    first = await _hold(svc, blocker, local(9))
    assert first.status is Status.BOOKED and first.start == local(9, 45)
    routine = await _order(svc.runtime, minutes=180)
    adult_sm = await _order(svc.runtime, minutes=180, category="status_migrainosus")
    child = await _order(svc.runtime, minutes=180, pediatric=True, hours=72)  # 3-day migraine
    for order_id, at in ((routine, local(9)), (adult_sm, local(9, 20)), (child, local(9, 30))):
        assert (await _hold(svc, order_id, at)).status is Status.QUEUED
    assert (await _appt(svc, child)).priority == 150  # triaged: 120 + 30, stored

    svc.clock.now = local(9, 40)
    board = (await svc.client.get("/v1/board", params={"date": local(9).date().isoformat()}))
    assert board.status_code == 200, board.text
    queue = board.json()["queue"]
    assert [q["order_id"] for q in queue] == [str(child), str(adult_sm), str(routine)]
    parts = [{k: q["triage"][k] for k in ("rank", "score", "category", "headache_hours",
                                          "category_points", "pediatric_points",
                                          "waited_minutes", "aging_points")} for q in queue]
    assert parts == [
        {"rank": 1, "score": 160, "category": "status_migrainosus", "headache_hours": 72,
         "category_points": 120, "pediatric_points": 30, "waited_minutes": 10,
         "aging_points": 10},
        {"rank": 2, "score": 140, "category": "status_migrainosus", "headache_hours": None,
         "category_points": 120, "pediatric_points": 0, "waited_minutes": 20,
         "aging_points": 20},
        {"rank": 3, "score": 40, "category": "routine", "headache_hours": None,
         "category_points": 0, "pediatric_points": 0, "waited_minutes": 40,
         "aging_points": 40}]
    assert {q["triage"]["bound_minutes"] for q in queue} == {150}
    assert {q["triage"]["rule_version"] for q in queue} == {1}

    # staff cancel the blocker at 10:00: the child (queued last) gets the chair first, then the
    # adult in status migrainosus; the routine request, queued first, comes last
    svc.clock.now = local(10)
    r = await svc.client.post(f"/v1/appointments/{first.id}/cancel")
    assert r.status_code == 200, r.text
    got = {name: await _appt(svc, oid) for name, oid in
           (("child", child), ("adult_sm", adult_sm), ("routine", routine))}
    assert got["child"].status is Status.BOOKED and got["child"].start == local(10, 15)
    assert got["adult_sm"].status is Status.BOOKED and got["adult_sm"].start == local(13, 15)
    assert got["routine"].status is Status.QUEUED  # 16:15 + 180 min runs past closing


async def test_an_expired_hold_goes_to_the_highest_priority_not_the_oldest(svc):
    await setup_clinic(svc.client, chairs=1, nurses=1)
    policy = svc.settings.booking_policy()
    expiry = local(7)
    # a planned visit holds the whole day, its hold taken two days before and never confirmed
    blocker = await _order(svc.runtime, minutes=600, authorization="pending", urgency="planned",
                           window=(local(8), local(18)))
    held = await _hold(svc, blocker, expiry - timedelta(minutes=policy.hold_minutes))
    assert held.status is Status.HELD and held.start == local(8)
    old = await _order(svc.runtime, minutes=120, category="prolonged_attack")
    urgent = await _order(svc.runtime, minutes=120, category="refractory_to_home_rescue")
    assert (await _hold(svc, old, local(6))).status is Status.QUEUED
    assert (await _hold(svc, urgent, local(6, 5))).status is Status.QUEUED
    async with svc.runtime.uow() as uow:
        assert await booking.expire_holds(uow, expiry, policy) == 1
        await uow.commit()
    # at expiry the prolonged attack (45 points) has waited 5 minutes longer than the request
    # refractory to home rescue (60 points): 15 points short, so the refractory one goes first
    a_old, a_urgent = await _appt(svc, old), await _appt(svc, urgent)
    assert a_urgent.status is Status.BOOKED and a_old.status is Status.BOOKED
    assert (a_urgent.start, a_old.start) == (local(8), local(10))


async def test_the_queue_shows_on_a_closed_day_too(svc):
    """Requests wait on a Saturday (closed): the board still lists them, in triage order."""
    saturday = DAY + timedelta(days=(5 - DAY.weekday()) % 7)
    routine = await _order(svc.runtime, minutes=60)
    refractory = await _order(svc.runtime, minutes=60, category="refractory_to_home_rescue")
    assert (await _hold(svc, routine, local(9, 0, saturday))).status is Status.QUEUED
    assert (await _hold(svc, refractory, local(9, 30, saturday))).status is Status.QUEUED
    svc.clock.now = local(10, 0, saturday)
    board = (await svc.client.get("/v1/board", params={"date": saturday.isoformat()})).json()
    assert board["closed"] is True
    assert [(q["order_id"], q["triage"]["score"]) for q in board["queue"]] == [
        (str(refractory), 90), (str(routine), 60)]


async def test_order_signed_carries_triage_through_the_broker(make_database, fresh_broker):
    url = await make_database("schedtriage", MIGRATIONS)
    settings = settings_for_test(SchedulingSettings, database_url=url, broker=fresh_broker,
                                 hold_sweep_interval_s=3600)
    await ensure_topics(settings, [contracts.ORDERS_TOPIC, contracts.AUTHORIZATION_TOPIC],
                        client_id="test-setup")
    runtime = build_runtime(settings)
    async with running(runtime):
        # no chairs: a same-day order waits in the queue
        child, adult = uuid.uuid4(), uuid.uuid4()
        base = signed(child).model_copy(update={"urgency": "same_day", "pediatric": True,
                                                "patient_age_band": "6-11",
                                                "patient_age_years": 9, "headache_hours": 80,
                                                "requested_window": None})
        await publish(fresh_broker, "order.signed", base, child)
        plain = signed(adult).model_copy(update={
            "urgency": "same_day", "requested_window": None,
            "triage_category": "refractory_to_home_rescue"})
        await publish(fresh_broker, "order.signed", plain, adult)

        async def queued(order_id):
            async with runtime.uow() as uow:
                return [a for a in await uow.appointments.for_order(order_id)
                        if a.status is Status.QUEUED]
        assert await eventually(lambda: _has(queued, child)) is True
        assert await eventually(lambda: _has(queued, adult)) is True
        c, a = (await queued(child))[0], (await queued(adult))[0]
        assert (c.triage_category, c.headache_hours, c.priority) == ("status_migrainosus", 80,
                                                                      150)
        assert (a.triage_category, a.headache_hours, a.priority) == (
            "refractory_to_home_rescue", None, 60)
        async with runtime.uow() as uow:
            order = await uow.orders.get(child)
        assert order is not None and order.signed is not None
        assert (order.signed.triage_category, order.signed.headache_hours) == (None, 80)


async def _has(read, order_id) -> bool:
    return bool(await read(order_id))
