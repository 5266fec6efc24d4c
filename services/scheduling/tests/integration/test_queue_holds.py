"""Same-day queue and hold expiry on PostgreSQL: a same-day order that cannot be placed waits;
a cancellation offers the freed chair time to the queue first and emits the resulting hold;
an unconfirmed hold expires and its capacity goes to the queue too."""

from __future__ import annotations

from datetime import timedelta

import pytest
from prometheus_client import REGISTRY
from sched_it import DAY, local, setup_clinic, signed_order
from sqlalchemy import select

from scheduling.domain.appointment import Status
from scheduling.service import booking

pytestmark = pytest.mark.integration


async def _hold(svc, order_id, now):
    async with svc.runtime.uow() as uow:
        order = await uow.orders.get(order_id)
        appt = await booking.hold_for_order(uow, order, now, svc.settings.booking_policy())
        await uow.commit()
    return appt


def _metric(name: str, labels: dict[str, str]) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


async def _outbox_types(svc) -> list[tuple[str, str]]:
    t = svc.runtime.spec.tables.outbox
    async with svc.runtime.session_factory() as session:
        rows = (await session.execute(select(t.c.event_type, t.c.key).order_by(t.c.id))).all()
    return [(r.event_type, r.key) for r in rows]


async def test_queue_gets_freed_capacity_first(svc):
    await setup_clinic(svc.client, chairs=1, nurses=1)
    now = local(9)  # same-day orders on the clinic day itself
    blocker = await signed_order(svc.runtime, minutes=480, urgency="same_day")
    first = await _hold(svc, blocker, now)
    assert first.status is Status.HELD and first.start == local(9, 45)  # 45 min pharmacy prep
    queued_before = _metric("scheduling_order_requests_total",
                            {"urgency": "same_day", "outcome": "queued"})
    older = await signed_order(svc.runtime, minutes=120, urgency="same_day",
                               authorization="not_required")
    newer = await signed_order(svc.runtime, minutes=120, urgency="same_day")
    q1 = await _hold(svc, older, now)
    q2 = await _hold(svc, newer, now + timedelta(minutes=5))
    assert (q1.status, q2.status) == (Status.QUEUED, Status.QUEUED)
    assert _metric("scheduling_order_requests_total",
                   {"urgency": "same_day", "outcome": "queued"}) == queued_before + 2
    # staff cancel the blocker at 10:00: the oldest queued request gets the chair, booked at
    # once because its order needs no prior authorization
    svc.clock.now = local(10)
    r = await svc.client.post(f"/v1/appointments/{first.id}/cancel")
    assert r.status_code == 200
    async with svc.runtime.uow() as uow:
        a1 = (await uow.appointments.for_order(older))[0]
        a2 = (await uow.appointments.for_order(newer))[0]
    assert a1.status is Status.BOOKED and a1.start == local(10) and a1.chair_id == "c01"
    assert a2.status is Status.HELD and a2.start == local(12)  # right after, same chair
    types = await _outbox_types(svc)
    assert ("appointment.cancelled", str(blocker)) in types
    assert [t for t, k in types if k == str(older)] == [
        "appointment.queued", "appointment.held", "appointment.booked"]
    board = (await svc.client.get("/v1/board", params={"date": local(9).date().isoformat()}))
    assert board.json()["queue"] == []


async def test_unconfirmed_hold_expires_and_frees_capacity(svc):
    await setup_clinic(svc.client, chairs=1, nurses=1)
    await setup_clinic(svc.client, chairs=1, nurses=1, day=DAY + timedelta(days=3))
    now = local(8)
    order = await signed_order(svc.runtime, minutes=60)
    appt = await _hold(svc, order, now)
    assert appt.status is Status.HELD
    policy = svc.settings.booking_policy()
    async with svc.runtime.uow() as uow:
        assert await booking.expire_holds(uow, now + timedelta(minutes=policy.hold_minutes - 1),
                                          policy) == 0
        assert await booking.expire_holds(uow, now + timedelta(minutes=policy.hold_minutes),
                                          policy) == 1
        await uow.commit()
    async with svc.runtime.uow() as uow:
        gone = (await uow.appointments.for_order(order))[0]
    assert gone.status is Status.CANCELLED and gone.reason == "hold_expired"
    # approval after expiry: scheduling holds a fresh slot and books it
    async with svc.runtime.uow() as uow:
        await booking.authorization_decided(uow, order, "approved", now + timedelta(days=3),
                                            policy)
        await uow.commit()
    async with svc.runtime.uow() as uow:
        appts = await uow.appointments.for_order(order)
    assert sorted(str(a.status) for a in appts) == ["booked", "cancelled"]
    fresh = next(a for a in appts if a.status is Status.BOOKED)
    assert fresh.start == local(8, 45, DAY + timedelta(days=3))


async def test_queue_closes_at_the_end_of_its_day(svc):
    await setup_clinic(svc.client, chairs=1, nurses=1)
    now = local(9)
    blocker = await signed_order(svc.runtime, minutes=480, urgency="same_day")
    waiting = await signed_order(svc.runtime, minutes=120, urgency="same_day")
    await _hold(svc, blocker, now)
    assert (await _hold(svc, waiting, now)).status is Status.QUEUED
    policy = svc.settings.booking_policy()
    async with svc.runtime.uow() as uow:
        await booking.expire_holds(uow, local(17, 59), policy)  # same day: still waiting
        await uow.commit()
    async with svc.runtime.uow() as uow:
        assert (await uow.appointments.for_order(waiting))[0].status is Status.QUEUED
        await booking.expire_holds(uow, local(7, 0, DAY + timedelta(days=1)), policy)
        await uow.commit()
    async with svc.runtime.uow() as uow:
        entry = (await uow.appointments.for_order(waiting))[0]
    assert entry.status is Status.CANCELLED and entry.reason == "queue_closed"


async def test_planned_order_with_a_long_window_gets_a_hold(svc):
    await setup_clinic(svc.client, chairs=1, nurses=1)
    order = await signed_order(svc.runtime, minutes=60,
                               window=(local(10), local(10) + timedelta(days=120)))
    appt = await _hold(svc, order, local(7))
    assert appt is not None and appt.status is Status.HELD and appt.start == local(10)


async def test_order_whose_window_is_over_is_left_unplaced_without_error(svc):
    await setup_clinic(svc.client, chairs=1, nurses=1)
    order = await signed_order(svc.runtime, window=(local(8), local(9)))
    assert await _hold(svc, order, local(12)) is None
    async with svc.runtime.uow() as uow:
        assert await uow.appointments.for_order(order) == []


async def test_todays_utilization_and_queue_reach_metrics(svc):
    from scheduling.bootstrap import refresh_figures_once

    await setup_clinic(svc.client, chairs=1, nurses=1)
    now = local(9)
    await _hold(svc, await signed_order(svc.runtime, minutes=240, urgency="same_day"), now)
    await _hold(svc, await signed_order(svc.runtime, minutes=480, urgency="same_day"), now)
    await refresh_figures_once(svc.runtime, now=now)
    board = (await svc.client.get("/v1/board", params={"date": now.date().isoformat()})).json()
    used = board["utilization"]
    assert used["booked_chair_minutes"] == 240 and len(board["queue"]) == 1
    assert _metric("scheduling_chair_utilization_ratio", {}) == used["ratio"] > 0
    assert _metric("scheduling_chair_minutes", {"kind": "booked"}) == 240
    assert _metric("scheduling_chair_minutes", {"kind": "available"}) == \
        used["available_chair_minutes"]
    assert _metric("scheduling_same_day_queue_length", {}) == 1
    body = (await svc.client.get("/metrics")).text
    assert f"scheduling_chair_utilization_ratio {float(used['ratio'])}" in body


async def test_orders_with_no_room_in_their_window_are_a_worklist_on_the_board(svc):
    await setup_clinic(svc.client, chairs=1, nurses=1)
    now = local(9)
    svc.clock.now = now
    late = await signed_order(svc.runtime, minutes=60, window=(local(7), local(8)))
    assert await _hold(svc, late, now) is None  # its window was over when it was signed
    queued = await signed_order(svc.runtime, minutes=900, urgency="same_day")
    assert (await _hold(svc, queued, now)).status is Status.QUEUED
    denied = await signed_order(svc.runtime, minutes=60, authorization="denied")
    placed = await signed_order(svc.runtime, minutes=60)
    assert (await _hold(svc, placed, now)).status is Status.HELD

    def unplaced():
        return svc.client.get("/v1/board", params={"date": now.date().isoformat()})
    board = (await unplaced()).json()
    assert [u["order_id"] for u in board["unplaced"]] == [str(late)]
    [entry] = board["unplaced"]
    assert (entry["urgency"], entry["minutes"], entry["practice_id"]) == (
        "planned", 60, "demo-clinic")
    assert denied and queued  # neither is staff's to place: released, and waiting in the queue
    # staff book it by hand; it leaves the worklist
    r = await svc.client.post("/v1/appointments", json={
        "order_id": str(late), "chair_id": "c01", "start": local(14).isoformat()})
    assert r.status_code == 201, r.text
    assert (await unplaced()).json()["unplaced"] == []
