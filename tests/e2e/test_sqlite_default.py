"""The embedded default (`make run`: SQLite files) under the visit's busiest moment.

Starting a visit makes scheduling tell orders the patient is in the chair (an event the
orders consumer applies to the order) while the nurse already records the first drug on the
same order. On SQLite that used to answer a spurious 409 "the order changed meanwhile" (there
are no row locks: both transactions read the order, the later writer lost); write
transactions now serialize (BEGIN IMMEDIATE), as row locks make them on PostgreSQL.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest
from chairside_client.api.orders import post_orders_order_id_administrations
from chairside_client.api.scheduling import (
    post_appointments_appointment_id_check_in,
    post_appointments_appointment_id_start,
)
from chairside_client.models import (
    OrdersAdministrationIn,
    SchedulingAppointmentOut,
    SchedulingCheckInOut,
)

from .client import Api
from .stack import start_sqlite_stack, stop_stack
from .visits import COCKTAIL, MEDICARE, STOCK, new_order, new_patient, sign, status_of, visit_when

pytestmark = pytest.mark.e2e
ROUNDS = 50


@pytest.fixture(scope="module")
async def sqlite_api(tmp_path_factory):
    stack = await start_sqlite_stack(tmp_path_factory.mktemp("e2e-sqlite"))
    api = Api(stack.gateway_url)
    try:
        yield api
    finally:
        await api.aclose()
        await stop_stack(stack)


async def test_start_then_administration_never_answers_a_spurious_conflict(sqlite_api):
    api = sqlite_api
    patient = await new_patient(api)
    conflicts = []
    for _ in range(ROUNDS):
        order = await new_order(api, patient["id"], COCKTAIL[:1], urgency="planned",
                                payer=MEDICARE, window=(datetime.now(UTC) + timedelta(hours=2),
                                                        datetime.now(UTC) + timedelta(days=20)))
        await sign(api, order["id"])
        v = await visit_when(api, order["id"],
                             lambda v: status_of(v["appointment"]) == "booked", "booked")
        staff, appt = await api.as_(), UUID(v["appointment"]["id"])
        await api.call(SchedulingCheckInOut,
                       post_appointments_appointment_id_check_in.asyncio_detailed,
                       client=staff, appointment_id=appt)
        await api.call(SchedulingAppointmentOut,
                       post_appointments_appointment_id_start.asyncio_detailed,
                       client=staff, appointment_id=appt)
        ndc, lot = STOCK["magnesium"]
        now = datetime.now(UTC)
        # The operation itself, not api.call: that retries a "changed meanwhile" 409, the
        # very answer this test counts.
        r = await post_orders_order_id_administrations.asyncio_detailed(
            UUID(order["id"]), client=staff, idempotency_key=os.urandom(12).hex(),
            body=OrdersAdministrationIn.from_dict({
                "line_sequence": 1, "started_at": (now - timedelta(minutes=31)).isoformat(),
                "stopped_at": (now - timedelta(minutes=1)).isoformat(), "dose_given": "2000",
                "dose_unit": "mg", "ndc": ndc, "lot": lot, "wasted_amount": "0"}))
        assert r.status_code in (201, 409), r.content
        if r.status_code == 409:
            conflicts.append(json.loads(r.content)["detail"])
            continue
        # the order ends up in the chair with the drug recorded, whatever the event's timing
        await visit_when(api, order["id"], lambda v: v["order"]["status"] == "in_progress"
                         and len(v["order"]["administrations"]) == 1, "drug recorded")
    assert conflicts == [], f"{len(conflicts)} of {ROUNDS}: {conflicts[:3]}"
