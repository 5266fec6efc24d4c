"""An IVIG loading course through the orders API on real PostgreSQL: five orders, one per
consecutive day, each stating its day of a 5-day course (2 g/kg / 5 = 28 g at 70 kg), ordered
ahead and signed; the shape and the day's dose are refused with a 422 naming the field; an
order without a course still works (older clients); after day 1 is given, day 2 the next day is
not "too soon" while a new course a week later is."""

from __future__ import annotations

from datetime import timedelta

import pytest

from .test_api import NOW, line, new_order, new_patient

pytestmark = pytest.mark.integration


def window(days_ahead: int) -> dict[str, str]:
    start = NOW + timedelta(days=days_ahead, hours=1)
    return {"from": start.isoformat(), "to": (start + timedelta(hours=6)).isoformat()}


def ivig(dose: str, days: int | None = None, day: int | None = None) -> dict:
    extra = {} if days is None else {"course": {"days": days, "day": day}}
    return line("ivig_privigen", dose, unit="g", mode="infusion", minutes=180, **extra)


def codes(order: dict) -> dict[str, str]:
    return {f["code"]: f["severity"] for f in order["findings"]}


async def test_a_five_day_loading_course_is_ordered_signed_and_checked(svc):
    c = svc.client
    pt = await new_patient(c)  # 70 kg
    orders = [await new_order(c, pt["id"], [ivig("28", 5, k)], urgency="planned",
                              requested_window=window(k - 1)) for k in range(1, 6)]
    for k, order in enumerate(orders, start=1):
        assert order["lines"][0]["course"] == {"days": 5, "day": k}
        assert order["lines"][0]["dose"] == "28"
        assert not [f for f in order["findings"] if f["severity"] == "block"], order["findings"]
        # 28 g at 0.5 mg/kg/min for 30 min, then 8 mg/kg/min: 79 min, inside the 180 ordered
        assert "regimen.titration" not in codes(order)
        r = await c.post(f"/v1/orders/{order['id']}/sign")
        assert r.status_code == 200, r.text

    # day 1 is given; day 2 (tomorrow) is the same course, not a new one too soon
    r = await c.post(f"/v1/orders/{orders[0]['id']}/administrations", json={
        "line_sequence": 1, "started_at": NOW.isoformat(),
        "stopped_at": (NOW + timedelta(minutes=90)).isoformat(), "dose_given": "28",
        "dose_unit": "g", "wasted_amount": "0"})
    assert r.status_code == 201, r.text
    checked = (await c.post(f"/v1/orders/{orders[1]['id']}/check")).json()
    assert not {"regimen.interval", "course.total"} & {f["code"] for f in checked["findings"]}

    # a new (maintenance) course a week later is too soon: the interval runs between courses
    later = await new_order(c, pt["id"], [ivig("70", 1, 1)], urgency="planned",
                            requested_window=window(7))
    assert codes(later)["regimen.interval"] == "block"


@pytest.mark.parametrize(("course", "dose", "field"), [
    ({"days": 6, "day": 1}, "23.5", "lines.0.course.days"),  # no IVIG course runs 6 days
    ({"days": 2, "day": 3}, "70", "lines.0.course.day"),     # day k > N
    ({"days": 5, "day": 1}, "70", "lines.0.dose"),           # 2 g/kg / 5 is 28 g, not 70
])
async def test_a_course_that_does_not_fit_is_a_422_naming_the_field(svc, course, dose, field):
    c = svc.client
    pt = await new_patient(c)
    r = await c.post("/v1/orders", json={
        "patient_id": pt["id"], "urgency": "same_day", "diagnosis": ["G61.81"],
        "lines": [line("ivig_privigen", dose, unit="g", mode="infusion", minutes=180,
                       course=course)]})
    assert r.status_code == 422, r.text
    assert r.headers["content-type"] == "application/problem+json"
    assert field in {e["field"] for e in r.json()["errors"]}, r.json()


async def test_an_order_without_a_course_is_still_accepted(svc):
    c = svc.client
    pt = await new_patient(c)
    order = await new_order(c, pt["id"], [ivig("70")])
    assert codes(order)["course.unstated"] == "warn"
    assert "course" not in order["lines"][0]
