"""Discharge through the gateway on the real processes: a ketamine visit without an escort
(clinical-loop.md §8 row 28: check-in warning, discharge blocked) and POSS 3 at the discharge
check (row 29: blocked, recheck in 15 min). Completing is refused with the unmet criteria and
changes nothing; once they are met, completing the order completes the appointment too."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest
from chairside_client.api.orders import (
    get_orders_order_id_discharge,
    get_orders_order_id_vitals,
    post_orders_order_id_administrations,
    post_orders_order_id_complete,
    post_orders_order_id_discharge,
    post_orders_order_id_escort,
    post_orders_order_id_vitals,
)
from chairside_client.api.scheduling import (
    get_appointments_appointment_id,
    post_appointments_appointment_id_check_in,
    post_appointments_appointment_id_complete,
    post_appointments_appointment_id_start,
)
from chairside_client.models import (
    OrdersAdministrationIn,
    OrdersAdministrationOut,
    OrdersCompleteIn,
    OrdersDischargeCheckIn,
    OrdersDischargeOut,
    OrdersEscortIn,
    OrdersEscortOut,
    OrdersOrderOut,
    OrdersVitalsIn,
    OrdersVitalsList,
    OrdersVitalsOut,
    SchedulingAppointmentOut,
    SchedulingCheckInOut,
)

from .client import Api, ApiError, until
from .visits import MEDICARE, STOCK, new_order, new_patient, sign, status_of, visit, visit_when

pytestmark = pytest.mark.e2e
KETAMINE = [{"sequence": 1, "drug_code": "ketamine", "dose": "20", "dose_unit": "mg",
             "mode": "infusion", "minutes": 40}]


def vitals(kind: str, at: datetime, **values: object) -> dict:
    return {"kind": kind, "taken_at": at.isoformat(), "bp_systolic": 126, "bp_diastolic": 80,
            "heart_rate": 76, "respiratory_rate": 14, "spo2": 97, **values}


async def record_vitals(api: Api, order_id: str, values: dict) -> None:
    await api.call(OrdersVitalsOut, post_orders_order_id_vitals.asyncio_detailed,
                   client=await api.as_(), order_id=UUID(order_id),
                   body=OrdersVitalsIn.from_dict(values))


async def test_ketamine_visit_discharge(stack, api):
    patient = await new_patient(api)
    order = await new_order(api, patient["id"], KETAMINE, payer=MEDICARE)
    oid = order["id"]
    assert order["requires_driver"] is True
    await sign(api, oid)
    v = await visit_when(api, oid, lambda v: status_of(v["appointment"]) == "booked", "booked")
    appt = v["appointment"]["id"]
    staff, appointment = await api.as_(), UUID(appt)

    # row 28: no escort on file -> the check-in answers a warning
    checked = await api.wire(SchedulingCheckInOut,
                             post_appointments_appointment_id_check_in.asyncio_detailed,
                             client=staff, appointment_id=appointment)
    assert [w["code"] for w in checked["warnings"]] == ["escort_missing"]
    await api.call(SchedulingAppointmentOut,
                   post_appointments_appointment_id_start.asyncio_detailed,
                   client=staff, appointment_id=appointment)
    now = datetime.now(UTC)
    given = now - timedelta(minutes=45)
    ndc = STOCK.get("ketamine", ("00409205101", "K01A"))
    await api.call(OrdersAdministrationOut, post_orders_order_id_administrations.asyncio_detailed,
                   client=staff, order_id=UUID(oid), body=OrdersAdministrationIn.from_dict({
                       "line_sequence": 1, "started_at": given.isoformat(),
                       "stopped_at": (given + timedelta(minutes=40)).isoformat(),
                       "dose_given": "20", "dose_unit": "mg", "ndc": ndc[0], "lot": ndc[1],
                       "wasted_amount": "0"}))
    await record_vitals(api, oid, vitals("baseline", given - timedelta(minutes=5)))
    # row 29: POSS 3 at the discharge check
    await record_vitals(api, oid, vitals("discharge", now, poss="3"))
    check = await api.wire(OrdersDischargeOut, post_orders_order_id_discharge.asyncio_detailed,
                           client=staff, order_id=UUID(oid), body=OrdersDischargeCheckIn(
                               gait_steady=True, orthostatics_negative=True,
                               nausea_controlled=True))
    assert check["ready"] is False and set(check["unmet"]) == {"sedation", "escort"}
    sedation = next(c for c in check["criteria"] if c["code"] == "sedation")
    assert "recheck in 15 min" in sedation["reason"] and check["recheck_at"]

    with pytest.raises(ApiError) as refused:
        await api.call(OrdersOrderOut, post_orders_order_id_complete.asyncio_detailed,
                       client=staff, order_id=UUID(oid), body=OrdersCompleteIn())
    assert refused.value.status == 409, refused.value.body
    assert refused.value.response.headers["content-type"].startswith("application/problem+json")
    assert {u["code"] for u in refused.value.body["unmet"]} == {"sedation", "escort"}
    with pytest.raises(ApiError) as early:
        await api.call(SchedulingAppointmentOut,
                       post_appointments_appointment_id_complete.asyncio_detailed,
                       client=staff, appointment_id=appointment)
    assert early.value.status == 409 and early.value.body["type"].endswith("order-not-completed")
    v = await visit(api, oid)
    assert v["order"]["status"] == "in_progress" and v["appointment"]["status"] == "in_chair"

    # the escort (not echoed back), sedation rechecked 15 min later: ready
    escort = await api.wire(OrdersEscortOut, post_orders_order_id_escort.asyncio_detailed,
                            client=staff, order_id=UUID(oid),
                            body=OrdersEscortIn(name="Rowan Escort", phone="+1 555 010 4242"))
    assert escort["escort_confirmed"] and "4242" not in str(escort)
    await record_vitals(api, oid, vitals("discharge", datetime.now(UTC), poss="2"))
    status = await api.wire(OrdersDischargeOut, get_orders_order_id_discharge.asyncio_detailed,
                            client=staff, order_id=UUID(oid))
    assert status["ready"] is True, status
    done = await api.wire(OrdersOrderOut, post_orders_order_id_complete.asyncio_detailed,
                          client=staff, order_id=UUID(oid), body=OrdersCompleteIn())
    assert done["status"] == "administered"

    async def appointment_completed():
        a = await api.wire(SchedulingAppointmentOut,
                           get_appointments_appointment_id.asyncio_detailed,
                           client=staff, appointment_id=appointment)
        return a if a["status"] == "completed" else None
    a = await until(appointment_completed, what="order.administered completes the chair time")
    assert a["started_at"] and a["completed_at"]
    vitals_list = await api.wire(OrdersVitalsList, get_orders_order_id_vitals.asyncio_detailed,
                                 client=staff, order_id=UUID(oid))
    assert [x["kind"] for x in vitals_list["items"]] == ["baseline", "discharge", "discharge"]
