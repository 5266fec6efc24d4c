"""Booking respects the order's prior authorization, on PostgreSQL (issue 16): the approval is
kept from ``authorization.approved`` (through the consumer's handler); a visit after its valid
dates, or needing more units than remain under the auth number, is refused with a 409 naming
``start`` and the reason (nothing booked), or, by setting, held with the reason and no expiry;
either way ``appointment.renewal_needed`` is staged in the outbox for authorization. An
approval that arrives for a hold outside it releases the hold; moves outside it are refused."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from types import SimpleNamespace

import httpx
import pytest
from auth_it import approve, renewals
from sched_it import DAY, local, setup_clinic, signed_order

from chairside_shared.migrations import upgrade_async
from chairside_shared.testing.plugin import settings_for_test
from scheduling.bootstrap import MIGRATIONS
from scheduling.entrypoints.api.deps import get_now
from scheduling.main import create_app
from scheduling.service import booking
from scheduling.settings import SchedulingSettings

pytestmark = pytest.mark.integration


async def _service(make_database, broker, **overrides):
    url = await make_database("schedpa", MIGRATIONS)
    settings = settings_for_test(SchedulingSettings, database_url=url, broker=broker,
                                 hold_sweep_interval_s=3600, **overrides)
    app = create_app(settings)
    clock = SimpleNamespace(now=local(7, 0))
    app.dependency_overrides[get_now] = lambda: clock.now
    await upgrade_async(MIGRATIONS, url)
    return app, clock


@pytest.fixture
async def refuse(make_database, broker):
    app, clock = await _service(make_database, broker)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://scheduling") as client:
        yield SimpleNamespace(runtime=app.state.runtime, client=client, clock=clock)
    await app.state.runtime.engine.dispose()


@pytest.fixture
async def hold(make_database, broker):
    app, clock = await _service(make_database, broker, auth_mismatch="hold")
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://scheduling") as client:
        yield SimpleNamespace(runtime=app.state.runtime, client=client, clock=clock)
    await app.state.runtime.engine.dispose()


async def appointments(svc, order_id):
    async with svc.runtime.uow() as uow:
        return await uow.appointments.for_order(order_id)


async def test_a_visit_after_the_approval_is_refused_and_nothing_booked(refuse):
    svc = refuse
    await setup_clinic(svc.client, chairs=2, nurses=1)
    order = await signed_order(svc.runtime)
    await approve(svc, order, valid_to=DAY - timedelta(days=1))
    r = await svc.client.post("/v1/appointments", json={"order_id": str(order),
                                                        "start": local(10).isoformat()})
    assert r.status_code == 409, r.text
    body = r.json()
    assert r.headers["content-type"].startswith("application/problem+json")
    assert body["type"].endswith("authorization-mismatch")
    assert [e["field"] for e in body["errors"]] == ["start"]
    assert [x["code"] for x in body["reasons"]] == ["outside_valid_dates"]
    assert body["valid_to"] == (DAY - timedelta(days=1)).isoformat()
    assert body["visit_date"] == DAY.isoformat()
    assert await appointments(svc, order) == []
    [event] = await renewals(svc)
    assert event["order_id"] == str(order) and event["outcome"] == "refused"
    assert event["reasons"] == ["outside_valid_dates"] and event["visit_date"] == DAY.isoformat()
    assert event["auth_number"] == "PA-1" and event["appointment_id"] is None

    # renewed: the approval event books the order within its new dates (as any approval of
    # an order with no hold does), and nothing more is told to authorization
    await approve(svc, order, valid_to=DAY + timedelta(days=30))
    [appt] = await appointments(svc, order)
    assert appt.status == "booked" and appt.start >= local(8)
    assert len(await renewals(svc)) == 1


async def test_units_under_one_auth_number_are_shared(refuse):
    svc = refuse
    await setup_clinic(svc.client, chairs=2, nurses=2)
    first, second = await signed_order(svc.runtime), await signed_order(svc.runtime)
    r = await svc.client.post("/v1/appointments", json={"order_id": str(first),
                                                        "start": local(9).isoformat()})
    assert r.status_code == 201 and r.json()["status"] == "held", r.text  # PA pending
    for order in (first, second):  # one approval, 150 units; each visit draws 100
        await approve(svc, order, valid_to=DAY + timedelta(days=30), approved=150)
    assert [a.status for a in await appointments(svc, first)] == ["booked"]
    # the approval's own hold for the second order is refused: 50 units left
    assert await appointments(svc, second) == []
    [event] = await renewals(svc)
    assert (event["order_id"], event["reasons"]) == (str(second), ["units_exceeded"])
    r = await svc.client.post("/v1/appointments", json={"order_id": str(second),
                                                        "start": local(11).isoformat()})
    assert r.status_code == 409, r.text
    [reason] = r.json()["reasons"]
    assert (reason["code"], reason["needed"], reason["remaining"]) == ("units_exceeded", 100, 50)
    assert await appointments(svc, second) == []
    # the first visit cancelled: its units come back
    appt = (await appointments(svc, first))[0]
    r = await svc.client.post(f"/v1/appointments/{appt.id}/cancel", json={"reason": "x"})
    assert r.status_code == 200, r.text
    r = await svc.client.post("/v1/appointments", json={"order_id": str(second),
                                                        "start": local(11).isoformat()})
    assert r.status_code == 201, r.text


async def test_hold_setting_keeps_the_visit_held_with_the_reason(hold):
    svc = hold
    await setup_clinic(svc.client, chairs=2, nurses=1)
    order = await signed_order(svc.runtime)
    await approve(svc, order, valid_to=DAY - timedelta(days=1))
    r = await svc.client.post("/v1/appointments", json={"order_id": str(order),
                                                        "start": local(10).isoformat()})
    assert r.status_code == 201, r.text
    assert r.json()["status"] == "held"
    [appt] = await appointments(svc, order)
    assert appt.status == "held" and appt.reason == "authorization:outside_valid_dates"
    assert appt.hold_expires_at is None  # waits for the renewal, never swept
    [event] = await renewals(svc)
    assert event["outcome"] == "held" and event["appointment_id"] == str(appt.id)
    # the renewal approved (dates now cover the visit): the hold is confirmed
    await approve(svc, order, valid_to=DAY + timedelta(days=60))
    [appt] = await appointments(svc, order)
    assert appt.status == "booked" and appt.reason is None


async def test_an_approval_that_does_not_cover_a_hold_releases_it(refuse):
    svc = refuse
    await setup_clinic(svc.client, chairs=1, nurses=1)
    order = await signed_order(svc.runtime)
    r = await svc.client.post("/v1/appointments", json={"order_id": str(order),
                                                        "start": local(10).isoformat()})
    assert r.status_code == 201 and r.json()["status"] == "held", r.text  # PA pending
    await approve(svc, order, valid_to=DAY - timedelta(days=1))
    [appt] = await appointments(svc, order)
    assert appt.status == "cancelled" and appt.reason == "authorization:outside_valid_dates"
    [event] = await renewals(svc)
    assert event["outcome"] == "refused" and event["appointment_id"] == str(appt.id)


async def test_a_booked_visit_is_not_moved_outside_the_approval(refuse):
    svc = refuse
    later = DAY + timedelta(days=7)
    await setup_clinic(svc.client, chairs=1, nurses=1)
    await setup_clinic(svc.client, chairs=1, nurses=1, day=later)
    order = await signed_order(svc.runtime)
    r = await svc.client.post("/v1/appointments", json={"order_id": str(order),
                                                        "start": local(10).isoformat()})
    assert r.status_code == 201, r.text
    appt = r.json()["id"]
    await approve(svc, order, valid_to=DAY + timedelta(days=1))
    assert (await svc.client.get(f"/v1/appointments/{appt}")).json()["status"] == "booked"
    r = await svc.client.post(f"/v1/appointments/{appt}/move",
                              json={"start": local(10, day=later).isoformat()})
    assert r.status_code == 409 and r.json()["type"].endswith("authorization-mismatch"), r.text
    got = (await svc.client.get(f"/v1/appointments/{appt}")).json()
    assert datetime.fromisoformat(got["start"]) == local(10)  # not moved
    [event] = await renewals(svc)
    assert event["outcome"] == "refused" and event["visit_date"] == later.isoformat()
    # within the approval a taken slot is still the usual 409 with next options
    other = await signed_order(svc.runtime, authorization="not_required")
    r = await svc.client.post("/v1/appointments", json={"order_id": str(other),
                                                        "start": local(13).isoformat()})
    assert r.status_code == 201, r.text
    r = await svc.client.post(f"/v1/appointments/{appt}/move",
                              json={"start": local(13).isoformat()})
    assert r.status_code == 409 and r.json()["type"].endswith("slot-unavailable"), r.text
    r = await svc.client.post(f"/v1/appointments/{appt}/move",
                              json={"start": local(15).isoformat()})
    assert r.status_code == 200 and r.json()["status"] == "booked", r.text


async def test_orders_without_an_approval_book_as_before(refuse):
    """not required, or still pending: no approval on file, nothing checked."""
    svc = refuse
    await setup_clinic(svc.client, chairs=2, nurses=1)
    free = await signed_order(svc.runtime, authorization="not_required")
    pending = await signed_order(svc.runtime)
    for order, status in ((free, "booked"), (pending, "held")):
        r = await svc.client.post("/v1/appointments", json={
            "order_id": str(order), "start": local(9 if order == free else 11).isoformat()})
        assert r.status_code == 201 and r.json()["status"] == status, r.text
    assert await renewals(svc) == []


async def test_an_approved_order_is_held_only_within_its_dates(refuse):
    """order.signed after the approval (events of two topics in any order): the automatic
    hold is searched within the approval's days, so none is offered after valid_to."""
    svc = refuse
    await setup_clinic(svc.client, chairs=1, nurses=1)
    order = await signed_order(svc.runtime, authorization="approved")
    await approve(svc, order, valid_to=DAY - timedelta(days=1))
    async with svc.runtime.uow() as uow:
        req = await uow.orders.get(order)
        await booking.hold_for_order(uow, req, local(7), uow.options.policy)
        await uow.commit()
    assert await appointments(svc, order) == []


async def test_hold_setting_holds_an_approvals_own_visit_past_its_units(hold):
    svc = hold
    await setup_clinic(svc.client, chairs=2, nurses=2)
    first, second = await signed_order(svc.runtime), await signed_order(svc.runtime)
    for order in (first, second):
        await approve(svc, order, valid_to=DAY + timedelta(days=30), approved=150)
    assert [a.status for a in await appointments(svc, first)] == ["booked"]
    [appt] = await appointments(svc, second)
    assert appt.status == "held" and appt.reason == "authorization:units_exceeded"
    assert appt.hold_expires_at is None
    [event] = await renewals(svc)
    assert event["outcome"] == "held" and event["appointment_id"] == str(appt.id)


async def test_two_orders_booked_at_once_never_draw_more_than_the_approval(refuse):
    """Issue 16 point 8: two orders under one approval (150 units, 100 a visit) booked at the
    same moment on different days: one is booked, the other refused for its units. Without
    the approval number's lock both looked before either committed, and both were booked."""
    svc = refuse
    for day in (DAY, DAY + timedelta(days=1)):
        await setup_clinic(svc.client, chairs=2, nurses=2, day=day)
    first, second = await signed_order(svc.runtime), await signed_order(svc.runtime)
    for order in (first, second):
        await approve(svc, order, valid_to=DAY + timedelta(days=30), approved=150)
    for order in (first, second):  # what the approvals placed themselves is let go
        for appt in await appointments(svc, order):
            r = await svc.client.post(f"/v1/appointments/{appt.id}/cancel",
                                      json={"reason": "rebooking"})
            assert r.status_code == 200, r.text
    for _ in range(2):  # looks before either commits are likely, not certain: try twice
        results = await asyncio.gather(*(
            svc.client.post("/v1/appointments", json={"order_id": str(o), "start": s})
            for o, s in ((first, local(9).isoformat()),
                         (second, local(9, day=DAY + timedelta(days=1)).isoformat()))))
        codes = sorted(r.status_code for r in results)
        assert codes == [201, 409], [r.text for r in results]
        [refused] = [r.json() for r in results if r.status_code == 409]
        assert [x["code"] for x in refused["reasons"]] == ["units_exceeded"]
        booked = [a for o in (first, second) for a in await appointments(svc, o)
                  if a.status == "booked"]
        assert len(booked) == 1
        r = await svc.client.post(f"/v1/appointments/{booked[0].id}/cancel",
                                  json={"reason": "again"})
        assert r.status_code == 200, r.text
