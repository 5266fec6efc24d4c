"""Series booking through the gateway on the real processes (issue 16): a partner practice
books a 3-day DHE course in one decision (the holds order.signed made are moved onto it), reads
it back, and a cancelled visit answers with the shift offer; a course whose second visit falls
on a day no nurse is rostered yet (the demo roster covers two weeks) is refused whole (409
series-infeasible naming the visit, day and what blocked it; nothing booked: clinical-loop test
14's rule)."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

import pytest
from chairside_client.api.scheduling import (
    get_appointments,
    get_clinic_hours,
    get_series_series_id,
    post_appointments_appointment_id_cancel,
    post_series,
)
from chairside_client.models import (
    SchedulingAppointmentOut,
    SchedulingAppointmentPage,
    SchedulingCancelBody,
    SchedulingClinicHoursOut,
    SchedulingSeriesCreate,
    SchedulingSeriesOut,
)

from .client import Api, ApiError
from .visits import new_order, new_patient, sign, status_of, visit_when

pytestmark = pytest.mark.e2e
DHE = [{"sequence": 1, "drug_code": "metoclopramide", "dose": "10", "dose_unit": "mg",
        "mode": "infusion", "minutes": 15},
       {"sequence": 2, "drug_code": "dhe", "dose": "1", "dose_unit": "mg", "mode": "push",
        "minutes": 3}]


async def _course(api, n: int, zone: ZoneInfo) -> list[str]:
    """n signed planned DHE orders of one new patient, each booked already: order.signed made
    a hold, and the authorization's answer (none needed for DHE under Medicare) confirmed it.
    Waiting for the hold alone left the confirmation in flight, changing what a test reads."""
    patient = await new_patient(api, weight_kg=70)
    start = datetime.now(zone) + timedelta(days=1)
    window = (start, start + timedelta(days=12))
    ids = []
    for _ in range(n):
        draft = await new_order(api, patient["id"], DHE, urgency="planned", window=window)
        await sign(api, draft["id"])
        ids.append(draft["id"])
    for oid in ids:  # order.signed reached scheduling (its hold is there)
        await visit_when(api, oid, lambda v: status_of(v["appointment"]) == "booked",
                         "booked")
    return ids


async def _book(api: Api, body: dict[str, Any]) -> dict:
    return await api.wire(SchedulingSeriesOut, post_series.asyncio_detailed,
                          client=await api.as_("demo-partner"),
                          body=SchedulingSeriesCreate.from_dict(body))


async def _series(api: Api, series_id: str) -> dict:
    return await api.wire(SchedulingSeriesOut, get_series_series_id.asyncio_detailed,
                          series_id=UUID(series_id), client=await api.as_("demo-partner"))


async def _appointments(api: Api, order_id: str) -> dict:
    return await api.wire(SchedulingAppointmentPage, get_appointments.asyncio_detailed,
                          client=await api.as_(), order_id=UUID(order_id))


async def test_a_series_is_booked_whole_or_refused_whole(stack, api):
    hours = await api.call(SchedulingClinicHoursOut, get_clinic_hours.asyncio_detailed,
                           client=await api.as_())
    zone = ZoneInfo(hours.timezone)
    today = datetime.now(zone).date()
    monday = today + timedelta(days=(7 - today.weekday()) % 7 or 7)
    body = {"pattern": {"kind": "consecutive_days"}, "first_day": monday.isoformat(),
            "window": {"from": "09:00", "to": "11:00"}}

    orders = await _course(api, 3, zone)
    s = await _book(api, {**body, "order_ids": orders})
    assert [v["planned_day"] for v in s["visits"]] == [
        (monday + timedelta(days=i)).isoformat() for i in range(3)]
    for i, v in enumerate(s["visits"]):
        start = datetime.fromisoformat(v["appointment"]["start"]).astimezone(zone)
        assert start.date() == monday + timedelta(days=i)
        assert time(9) <= start.time() <= time(11)
        assert v["status"] in ("held", "booked") and v["order_id"] == orders[i]
    read = await _series(api, s["id"])
    assert read["visits"] == s["visits"] and read["paused"] is False
    for i, oid in enumerate(orders):  # one appointment per order: the hold was moved
        page = await _appointments(api, oid)
        live = [a for a in page["items"] if a["status"] in ("held", "booked")]
        assert [a["id"] for a in live] == [s["visits"][i]["appointment"]["id"]]
    # cancelling the last visit answers with the shift the series now offers
    last = s["visits"][2]["appointment"]["id"]
    cancelled = await api.wire(
        SchedulingAppointmentOut, post_appointments_appointment_id_cancel.asyncio_detailed,
        appointment_id=UUID(last), client=await api.as_(),
        body=SchedulingCancelBody(reason="patient"))
    assert cancelled["status"] == "cancelled" and cancelled["series_id"] == s["id"]
    assert cancelled["series_shift_offer"]["from_position"] == 3
    assert cancelled["series_shift_offer"]["reason"] == "visit_cancelled"
    read = await _series(api, s["id"])
    assert read["shift_offer"] == cancelled["series_shift_offer"]

    refused_orders = await _course(api, 2, zone)
    before = [await _appointments(api, oid) for oid in refused_orders]
    with pytest.raises(ApiError) as refused:
        await _book(api, {**body, "order_ids": refused_orders,
                          "pattern": {"kind": "day_offsets", "offsets": [0, 20]}})
    p = refused.value.body
    assert refused.value.status == 409 and p["type"].endswith("series-infeasible")
    assert p["failed"]["position"] == 2 and p["failed"]["reason"] == "no_slot"
    assert p["failed"]["day"] == (monday + timedelta(days=20)).isoformat()
    assert {"nurse_capacity", "nurse_start"} & set(p["failed"]["blocked_by"])
    after = [await _appointments(api, oid) for oid in refused_orders]
    assert after == before  # nothing booked, the holds as they were
