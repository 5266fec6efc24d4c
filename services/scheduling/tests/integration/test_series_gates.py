"""A series respects the rules single bookings do, on PostgreSQL (issue 16): the pharmacy's
hoods (each visit's preparation needs a staffed hood; its appointment keeps prep_minutes) and
the order's prior authorization (a visit outside the approval refuses the whole series, nothing
booked, authorization told)."""

from __future__ import annotations

from datetime import datetime

import pytest
from auth_it import approve, renewals
from sched_it import local
from series_it import MON, WEEK, body, clinic_week, counts, patient_orders

from scheduling.domain.booking import visits_of
from scheduling.domain.verify import verify_day
from scheduling.service.days import load_clinic, load_day

pytestmark = pytest.mark.integration


async def _appointments(svc, order_id):
    async with svc.runtime.uow() as uow:
        return await uow.appointments.for_order(order_id)


async def test_series_visits_respect_the_pharmacy_hood_and_keep_their_prep(svc):
    c, days = svc.client, WEEK[:2]
    await clinic_week(c, chairs=2, nurses=2, days=days)
    r = await c.put("/v1/pharmacy-hoods", json={"hoods": 1})
    assert r.status_code == 200, r.text
    for day in days:  # the pharmacist opens with the clinic: no preparation before 08:00
        r = await c.post("/v1/pharmacy-shifts", json={
            "pharmacist_id": "rph0", "start": local(8, 0, day).isoformat(),
            "end": local(18, 0, day).isoformat()})
        assert r.status_code == 201, r.text
    # another patient's visit at 08:30 on day 1 holds the hood 08:00-08:30
    other = (await patient_orders(svc.runtime, 1, minutes=60, prep=30))[0]
    r = await c.post("/v1/appointments", json={"order_id": str(other), "chair_id": "c01",
                                               "start": local(8, 30, MON).isoformat()})
    assert r.status_code == 201, r.text
    orders = await patient_orders(svc.runtime, 2, prep=30)
    r = await c.post("/v1/series", json=body(orders, window=("08:00", "12:00")))
    assert r.status_code == 201, r.text
    starts = [datetime.fromisoformat(v["appointment"]["start"]) for v in r.json()["visits"]]
    # day 1: 08:30 would prepare in the busy hood → 09:00; day 2: the pharmacy opens at 08:00
    assert starts == [local(9, 0, MON), local(8, 30, WEEK[1])]
    for oid in orders:
        assert [a.prep_minutes for a in await _appointments(svc, oid)] == [30]
    async with svc.runtime.uow() as uow:
        clinic = await load_clinic(uow, svc.settings.booking_policy())
        for day in days:
            loaded = await load_day(uow, clinic, day, svc.clock.now)
            assert loaded is not None and loaded.state.pharmacy is not None
            s = loaded.state
            assert verify_day(s.frame, s.chairs, s.nurses, clinic.ratios,
                              visits_of(loaded.appointments, s.frame),
                              pharmacy=s.pharmacy) == []


async def test_a_visit_after_the_approval_refuses_the_whole_series(svc):
    c = svc.client
    await clinic_week(c, chairs=2, nurses=1)
    orders = await patient_orders(svc.runtime, 2)
    await approve(svc, orders[0], valid_to=WEEK[-1], auth="PA-1")
    await approve(svc, orders[1], valid_to=MON, auth="PA-2")  # the second visit is Tuesday
    before = {o: [(a.id, a.status, a.start) for a in await _appointments(svc, o)]
              for o in orders}
    live = await counts(svc.runtime, orders)
    r = await c.post("/v1/series", json=body(orders))
    assert r.status_code == 409, r.text
    p = r.json()
    assert p["type"].endswith("series-infeasible")
    assert p["failed"]["position"] == 2 and p["failed"]["day"] == WEEK[1].isoformat()
    assert p["failed"]["reason"] == "authorization_mismatch"
    assert p["failed"]["blocked_by"] == ["outside_valid_dates"]
    # nothing booked or moved, no series
    assert await counts(svc.runtime, orders) == (live[0], 0)
    assert {o: [(a.id, a.status, a.start) for a in await _appointments(svc, o)]
            for o in orders} == before
    told = [e for e in await renewals(svc) if e["outcome"] == "refused"]
    assert [(e["order_id"], e["visit_date"]) for e in told] == [
        (str(orders[1]), WEEK[1].isoformat())]
