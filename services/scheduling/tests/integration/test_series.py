"""Series booking through the Scheduling API on PostgreSQL (issue 16): a course booked in one
decision, the hold order.signed made moved onto it; clinical-loop test 14 (day 4 has no chair:
the whole series refused, nothing booked, the hold left as it was); the shift offered after a
visit moved; bad input."""

from __future__ import annotations

from datetime import datetime, timedelta
from uuid import uuid4

import pytest
from sched_it import local
from series_it import MON, WEEK, body, clinic_week, counts, patient_orders

from scheduling.domain.booking import visits_of
from scheduling.domain.verify import verify_day
from scheduling.service.days import load_clinic, load_day

pytestmark = pytest.mark.integration


def at(value: str) -> datetime:
    return datetime.fromisoformat(value)


async def _verified(svc) -> None:
    """The verifier finds no broken rule on any day of the week."""
    async with svc.runtime.uow() as uow:
        clinic = await load_clinic(uow, svc.settings.booking_policy())
        for day in WEEK:
            loaded = await load_day(uow, clinic, day, svc.clock.now)
            assert loaded is not None
            s = loaded.state
            assert verify_day(s.frame, s.chairs, s.nurses, clinic.ratios,
                              visits_of(loaded.appointments, s.frame)) == []


async def test_a_course_is_booked_in_one_decision_and_replaces_the_hold(svc):
    c = svc.client
    await clinic_week(c, chairs=2, nurses=1)
    orders = await patient_orders(svc.runtime, 3, hold=True)
    r = await c.get("/v1/appointments", params={"order_id": str(orders[0])})
    hold = r.json()["items"][0]
    assert hold["status"] == "booked"  # order.signed's hold, confirmed (approved)
    r = await c.post("/v1/series", json=body(orders, window=("09:00", "11:00")))
    assert r.status_code == 201, r.text
    s = r.json()
    assert [v["planned_day"] for v in s["visits"]] == [d.isoformat() for d in WEEK[:3]]
    assert [v["status"] for v in s["visits"]] == ["booked"] * 3
    for v, day in zip(s["visits"], WEEK, strict=False):
        start = at(v["appointment"]["start"])
        assert local(9, 0, day) <= start <= local(11, 0, day)
    # the hold was moved onto the plan (same appointment), not doubled
    assert s["visits"][0]["appointment"]["id"] == hold["id"]
    assert await counts(svc.runtime, orders) == (3, 1)
    assert s["shift_offer"] is None and s["paused"] is False
    await _verified(svc)
    r = await c.get(f"/v1/series/{s['id']}")
    assert r.status_code == 200 and r.json()["visits"] == s["visits"]
    r = await c.get(f"/v1/appointments/{hold['id']}")
    assert r.json()["series_id"] == s["id"] and r.json()["paused_by_reactions"] == []
    # an order is in one series only
    r = await c.post("/v1/series", json=body(orders, first=WEEK[2]))
    assert r.status_code == 409 and r.json()["type"].endswith("series-order-taken")


async def test_clinical_loop_14_day_4_chair_unavailable_refuses_the_whole_series(svc):
    """Clinical-loop test 14: DHE 5-day series, day 4 chair unavailable → whole series refused
    atomically; no partial bookings (and the first order's hold stays as it was)."""
    c = svc.client
    await clinic_week(c, chairs=1, nurses=1, days=[*WEEK, *(d + timedelta(days=7) for d in WEEK)])
    other = (await patient_orders(svc.runtime, 1, minutes=480))[0]
    r = await c.post("/v1/appointments", json={"order_id": str(other), "chair_id": "c01",
                                               "start": local(8, 0, WEEK[3]).isoformat()})
    assert r.status_code == 201, r.text
    orders = await patient_orders(svc.runtime, 5, hold=True)
    hold = (await c.get("/v1/appointments", params={"order_id": str(orders[0])})).json()
    r = await c.post("/v1/series", json=body(orders, window=("08:00", "10:00")))
    assert r.status_code == 409, r.text
    p = r.json()
    assert r.headers["content-type"].startswith("application/problem+json")
    assert p["type"].endswith("series-infeasible")
    assert p["failed"]["position"] == 4 and p["failed"]["day"] == WEEK[3].isoformat()
    assert p["failed"]["reason"] == "no_slot" and "chair_busy" in p["failed"]["blocked_by"]
    # the next feasible first days: the week after (Mon..Fri free), whole courses
    alternatives = p["alternatives"]
    assert alternatives and alternatives[0]["first_day"] == (MON + timedelta(days=7)).isoformat()
    assert all(len(a["visits"]) == 5 for a in alternatives)
    # nothing booked: the hold alone, unchanged; no series
    assert await counts(svc.runtime, orders) == (1, 0)
    assert (await c.get("/v1/appointments",
                        params={"order_id": str(orders[0])})).json() == hold
    # the alternative books as offered
    r = await c.post("/v1/series", json=body(orders, first=MON + timedelta(days=7),
                                             window=("08:00", "10:00")))
    assert r.status_code == 201, r.text
    got = [at(v["appointment"]["start"]) for v in r.json()["visits"]]
    assert got == [at(v["start"]) for v in alternatives[0]["visits"]]


async def test_a_moved_visit_offers_to_shift_the_rest(svc):
    c = svc.client
    await clinic_week(c, chairs=2, nurses=1)
    orders = await patient_orders(svc.runtime, 3)
    s = (await c.post("/v1/series", json=body(orders))).json()
    second = s["visits"][1]["appointment"]
    r = await c.post(f"/v1/appointments/{second['id']}/move",
                     json={"start": local(9, 0, WEEK[2]).isoformat()})
    assert r.status_code == 200, r.text
    # the move's own answer carries the offer, the same as the series shows
    assert r.json()["series_id"] == s["id"]
    assert r.json()["series_shift_offer"] == {
        "from_position": 2, "days": 1, "reason": "visit_moved",
        "how": "POST /v1/series/{id}/shift with these days and from_position"}
    s = (await c.get(f"/v1/series/{s['id']}")).json()
    assert s["shift_offer"]["from_position"] == 2 and s["shift_offer"]["days"] == 1
    assert s["shift_offer"]["reason"] == "visit_moved"
    r = await c.post(f"/v1/series/{s['id']}/shift", json={"days": 1})
    assert r.status_code == 200, r.text
    shifted = r.json()
    assert [v["planned_day"] for v in shifted["visits"]] == [
        WEEK[0].isoformat(), WEEK[2].isoformat(), WEEK[3].isoformat()]
    assert [v["day"] for v in shifted["visits"]] == [v["planned_day"] for v in shifted["visits"]]
    assert shifted["visits"][1]["appointment"]["id"] == second["id"]  # left where staff put it
    assert shifted["shift_offer"] is None
    assert await counts(svc.runtime, orders) == (3, 1)
    # shifting into the weekend (closed): refused, nothing changed
    r = await c.post(f"/v1/series/{s['id']}/shift", json={"days": 2, "from_position": 3})
    assert r.status_code == 409 and r.json()["failed"]["reason"] == "closed_day"
    assert (await c.get(f"/v1/series/{s['id']}")).json()["visits"] == shifted["visits"]


@pytest.mark.parametrize(("change", "field"), [
    (lambda b: b.update(pattern={"kind": "day_offsets", "offsets": [0, 0]}), "pattern.offsets"),
    (lambda b: b.update(pattern={"kind": "day_offsets", "offsets": [0, 14, 28]}),
     "pattern.offsets"),
    (lambda b: b.update(first_day="2020-01-06"), "first_day"),
    (lambda b: b.update(window={"from": "12:00", "to": "08:00"}), "window.to"),
    (lambda b: b["order_ids"].append(b["order_ids"][0]), "order_ids"),
    (lambda b: b.update(pattern={"kind": "weekly"}), "pattern"),
])
async def test_bad_input_is_a_422_naming_the_field_and_books_nothing(svc, change, field):
    await clinic_week(svc.client)
    orders = await patient_orders(svc.runtime, 2)
    b = body(orders)
    change(b)
    r = await svc.client.post("/v1/series", json=b)
    assert r.status_code == 422, r.text
    assert any(e["field"].startswith(field) for e in r.json()["errors"]), r.json()
    assert await counts(svc.runtime, orders) == (0, 0)


async def test_orders_of_two_patients_or_unknown_are_refused(svc):
    await clinic_week(svc.client)
    a, b = await patient_orders(svc.runtime, 1), await patient_orders(svc.runtime, 1)
    r = await svc.client.post("/v1/series", json=body([*a, *b]))
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "order_ids"
    r = await svc.client.post("/v1/series", json=body([*a, uuid4()]))
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "order_ids.1"


async def test_a_cancelled_visit_answers_with_the_shift_offer(svc):
    c = svc.client
    await clinic_week(c, chairs=2, nurses=1)
    orders = await patient_orders(svc.runtime, 3)
    s = (await c.post("/v1/series", json=body(orders))).json()
    third = s["visits"][2]["appointment"]
    r = await c.post(f"/v1/appointments/{third['id']}/cancel", json={"reason": "patient"})
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "cancelled" and r.json()["series_id"] == s["id"]
    assert r.json()["series_shift_offer"]["from_position"] == 3
    assert r.json()["series_shift_offer"]["reason"] == "visit_cancelled"
    assert (await c.get(f"/v1/series/{s['id']}")).json()["shift_offer"] == \
        r.json()["series_shift_offer"]


async def test_an_appointment_outside_a_series_answers_without_an_offer(svc):
    c = svc.client
    await clinic_week(c, chairs=2, nurses=1)
    orders = await patient_orders(svc.runtime, 2)
    s = (await c.post("/v1/series", json=body(orders))).json()
    assert s["id"]
    single = (await patient_orders(svc.runtime, 1, hold=True))[0]
    lone = (await c.get("/v1/appointments", params={"order_id": str(single)})).json()
    assert lone["items"], "the single order has its own hold"
    r = await c.post(f"/v1/appointments/{lone['items'][0]['id']}/cancel")
    assert r.status_code == 200, r.text
    assert r.json()["series_id"] is None and r.json()["series_shift_offer"] is None
