"""One order holds at most one chair, on PostgreSQL: concurrent bookings of one order (on eight
days, or several starts on one day) and holds racing bookings end with one current appointment
and clean 409s; the table refuses a second one even when every handler is bypassed; the
same-day queue and an order's cancellation do not trip over a booking in flight."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import order_races as races
import pytest
from sched_it import DAY, local, setup_clinic, signed_order
from sqlalchemy import text

from chairside_shared.testing.plugin import eventually
from scheduling.domain.appointment import Status
from scheduling.service import booking, commands

pytestmark = pytest.mark.integration


async def test_same_start_on_eight_days_books_the_order_once(svc):
    await races.same_start_on_eight_days(svc.client, svc.runtime)


async def test_several_starts_on_one_day_book_the_order_once(svc):
    await races.several_starts_on_one_day(svc.client, svc.runtime)


async def test_holds_racing_bookings_leave_one_appointment(svc):
    await races.holds_and_bookings_race(svc.client, svc.runtime, svc.settings.booking_policy())


async def test_moves_racing_leave_the_appointment_on_one_chair(svc):
    await races.moves_race(svc.client, svc.runtime)


async def test_the_table_refuses_a_second_current_appointment(svc):
    await races.index_refuses_a_second_current_appointment(svc.runtime)


async def _hold(svc, order_id, now):
    async with svc.runtime.uow() as uow:
        appt = await booking.hold_for_order(uow, await uow.orders.get(order_id), now,
                                            svc.settings.booking_policy())
        await uow.commit()
    return appt


async def test_queue_leaves_an_order_being_booked_alone(svc):
    """Staff book a queued same-day request for tomorrow while a cancellation frees chair time
    today: the queue must not place the same request at the same moment (before, one of the
    two failed with "changed meanwhile")."""
    tomorrow = DAY + timedelta(days=1)
    await setup_clinic(svc.client, chairs=1, nurses=1)
    await setup_clinic(svc.client, chairs=1, nurses=1, day=tomorrow)
    svc.clock.now = now = local(9)
    policy = svc.settings.booking_policy()
    blocker = await _hold(svc, await signed_order(svc.runtime, minutes=480, urgency="same_day"),
                          now)
    waiting = await signed_order(svc.runtime, minutes=120, urgency="same_day")
    assert (await _hold(svc, waiting, now)).status is Status.QUEUED
    async with svc.runtime.uow() as staff:
        appt = await commands.book(staff, order_id=waiting, start=local(10, 0, tomorrow),
                                   chair_id="c01", now=now, policy=policy)
        r = await svc.client.post(f"/v1/appointments/{blocker.id}/cancel")
        assert r.status_code == 200, r.text
        await staff.commit()
    [current] = await races.current_appointments(svc.runtime, waiting)
    assert current["id"] == appt.id and current["status"] == "held"
    assert current["start_at"] == local(10, 0, tomorrow)


async def _advisory_waiters(svc) -> int:
    async with svc.runtime.session_factory() as session:
        return (await session.execute(text(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
        ))).scalar()


async def test_cancelling_an_order_releases_a_booking_in_flight(svc):
    """order.cancelled arrives while staff are booking that order: the booking must not
    survive the cancellation (the release waits for the booking, then releases it)."""
    await setup_clinic(svc.client, chairs=1, nurses=1)
    order = await signed_order(svc.runtime)
    policy = svc.settings.booking_policy()

    async def cancelled() -> None:
        async with svc.runtime.uow() as uow:
            await booking.release_order(uow, order, "order_cancelled", local(7), policy,
                                        cancelled=True)
            await uow.commit()

    async with svc.runtime.uow() as staff:
        await commands.book(staff, order_id=order, start=local(10), chair_id=None,
                            now=local(7), policy=policy)
        release = asyncio.create_task(cancelled())
        await eventually(lambda: _done_or_waiting(release, svc))
        await staff.commit()
    await release
    assert await races.current_appointments(svc.runtime, order) == []
    async with svc.runtime.uow() as uow:
        assert (await uow.orders.get(order)).cancelled is True


async def _done_or_waiting(task: asyncio.Task, svc) -> bool:
    return task.done() or await _advisory_waiters(svc) > 0


async def test_migration_stops_on_orders_the_bug_double_booked(make_database):
    await races.migration_stops_on_duplicates(await make_database("schedmig"))
