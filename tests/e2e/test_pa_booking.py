"""Booking respects the prior authorization (issue 16), through the gateway only, on the real
processes and PostgreSQL: an eptinezumab order is held while its PA is pending; the payer's
approval, recorded by staff, ends before the visit's day, so scheduling releases the hold and
tells authorization; booking the visit again is refused with a 409 naming ``start`` and the
reason, nothing is booked, and the case is on the renewal worklist, due before the visit."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from uuid import UUID

import pytest
from chairside_client.api.authorization import get_authorizations_renewals
from chairside_client.api.scheduling import post_appointments
from chairside_client.models import (
    AuthorizationRenewalPage,
    SchedulingAppointmentCreate,
    SchedulingAppointmentOut,
)

from .client import ApiError, until
from .visits import (
    EPTINEZUMAB,
    document_and_find_held,
    local_date,
    new_order,
    new_patient,
    record_payer_decision,
    sign,
    status_of,
    summit,
    visit,
    visit_when,
)

pytestmark = pytest.mark.e2e


async def test_a_visit_after_the_approval_is_refused_and_goes_on_the_renewal_worklist(
        stack, api):
    payer = summit(f"PEND-{uuid.uuid4().hex[:6]}")
    patient = await new_patient(api, birth_date="1979-02-11", payer=payer)
    now = datetime.now(UTC)
    draft = await new_order(api, patient["id"], EPTINEZUMAB, urgency="planned",
                            payer=payer, diagnosis=("G43.709",),
                            window=(now + timedelta(hours=1), now + timedelta(hours=6)))
    oid = draft["id"]
    await sign(api, oid)
    v = await visit_when(api, oid, lambda v: status_of(v["appointment"]) == "held"
                         and status_of(v["authorization"]) == "draft", "held + draft case")
    held = v["appointment"]
    case = await document_and_find_held(api, v["authorization"]["id"])

    # the payer approved a period that ended yesterday (a late decision on an old request)
    today = date.fromisoformat(local_date(stack, now))
    case = await record_payer_decision(
        api, case, "approved", valid_from=(today - timedelta(days=60)).isoformat(),
        valid_to=(today - timedelta(days=1)).isoformat())
    v = await visit_when(api, oid, lambda v: status_of(v["appointment"]) == "cancelled",
                         "hold released")
    assert v["appointment"]["id"] == held["id"]

    # staff try the same start again: refused, naming the field and the reason
    with pytest.raises(ApiError) as refused:
        await api.wire(SchedulingAppointmentOut, post_appointments.asyncio_detailed,
                       client=await api.as_("demo-partner"), body=SchedulingAppointmentCreate(
                           order_id=UUID(oid), start=datetime.fromisoformat(held["start"])))
    assert refused.value.status == 409, refused.value.body
    body = refused.value.body
    assert body["type"].endswith("authorization-mismatch")
    assert [e["field"] for e in body["errors"]] == ["start"]
    assert [r["code"] for r in body["reasons"]] == ["outside_valid_dates"]
    assert body["auth_number"] == case["auth_number"]
    assert status_of((await visit(api, oid))["appointment"]) == "cancelled"  # none booked

    # authorization has the case on its renewal worklist, due before the visit
    async def listed():
        page = await api.wire(AuthorizationRenewalPage,
                              get_authorizations_renewals.asyncio_detailed,
                              client=await api.as_("demo-admin"))
        return next((i for i in page["items"] if i["order_id"] == oid), None)

    item = await until(listed, timeout_s=30, what="renewal worklist row")
    assert item["case_id"] == case["id"] and item["auth_number"] == case["auth_number"]
    assert item["reasons"] == ["outside_valid_dates"]
    assert item["visit_date"] == local_date(stack, held["start"])
    assert date.fromisoformat(item["due_on"]) < date.fromisoformat(item["visit_date"])
    assert item["overdue"] is True  # the visit is today: the renewal is already late
