"""Recalls through the gateway only, on the real processes and PostgreSQL (issue 16, point 2):
completing an eptinezumab visit (payer with a 300 units / 84 days quantity limit) puts a
recall on the due list with the catalog's days after the dose, the payer's limit and the
approval's end; the partner practice sees it; the next order of the drug links to it, and
booking it before the earliest day is refused (409 naming ``start`` and the day)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from uuid import UUID

import pytest
from chairside_client.api.scheduling import get_recalls, get_recalls_recall_id, post_appointments
from chairside_client.models import (
    GetRecallsStatusType0,
    SchedulingAppointmentCreate,
    SchedulingAppointmentOut,
    SchedulingRecallOut,
    SchedulingRecallPage,
)

from .client import Api, ApiError, until
from .visits import (
    EPTINEZUMAB,
    document_and_find_held,
    give,
    local_date,
    new_order,
    new_patient,
    record_payer_decision,
    sign,
    status_of,
    summit,
    visit_when,
)

pytestmark = pytest.mark.e2e


async def _recall(api: Api, recall_id: str) -> dict:
    return await api.wire(SchedulingRecallOut, get_recalls_recall_id.asyncio_detailed,
                          recall_id=UUID(recall_id), client=await api.as_("demo-partner"))
# events cross three services on a shared, busy machine: wait longer than the default


async def test_a_completed_eptinezumab_visit_is_recalled_and_never_booked_early(stack, api):
    payer = summit(f"PEND-{uuid.uuid4().hex[:6]}")
    patient = await new_patient(api, birth_date="1979-02-11", payer=payer)
    now = datetime.now(UTC)
    draft = await new_order(api, patient["id"], EPTINEZUMAB, urgency="planned", payer=payer,
                            diagnosis=("G43.709",),
                            window=(now + timedelta(hours=1), now + timedelta(hours=6)))
    oid = draft["id"]
    await sign(api, oid)
    v = await visit_when(api, oid, lambda v: status_of(v["appointment"]) == "held"
                         and status_of(v["authorization"]) == "draft", "held + draft case",
                         timeout_s=60)
    case = await document_and_find_held(api, v["authorization"]["id"])
    case = await record_payer_decision(api, case, "approved", channel="portal")
    v = await visit_when(api, oid, lambda v: status_of(v["appointment"]) == "booked", "booked",
                         timeout_s=60)
    await give(api, v["order"], v["appointment"]["id"])

    async def recalled():
        page = await api.wire(SchedulingRecallPage, get_recalls.asyncio_detailed,
                              client=await api.as_("demo-partner"),
                              status=GetRecallsStatusType0.DUE)
        return next((r for r in page["items"] if r["source_order_id"] == oid), None)
    recall = await until(recalled, what="the recall on the partner's due list",
                           timeout_s=60)
    dose_day = date.fromisoformat(recall["last_dose_on"])
    assert recall["last_dose_on"] in {local_date(stack, now - timedelta(hours=2)),
                                      local_date(stack, datetime.now(UTC))}
    after = {k: (date.fromisoformat(recall[k]) - dose_day).days
             for k in ("earliest", "target_from", "target_to", "latest")}
    assert after == {"earliest": 84, "target_from": 84, "target_to": 98, "latest": 98}
    assert (recall["drug_code"], recall["hcpcs"], recall["units_given"]) == (
        "eptinezumab", "J3032", 100)
    assert (recall["quantity_limit_units"], recall["quantity_limit_period_days"]) == (300, 84)
    assert recall["auth_valid_to"] == case["valid_to"]
    assert recall["patient_id"] == patient["id"] and recall["practice_id"] == "demo-partner"
    assert recall["pre_dose_checks"] == ["outcome_assessment"]
    one = await _recall(api, recall["id"])
    assert one == recall
    # the due list's date range filters on the target window's opening
    empty = await api.wire(SchedulingRecallPage, get_recalls.asyncio_detailed,
                           client=await api.as_(), status=GetRecallsStatusType0.DUE,
                           from_=date.fromisoformat(recall["target_to"]),
                           to=date.fromisoformat(recall["latest"]))
    assert recall["id"] not in {r["id"] for r in empty["items"]}
    with pytest.raises(ApiError) as backwards:
        await api.wire(SchedulingRecallPage, get_recalls.asyncio_detailed,
                       client=await api.as_(), from_=date.fromisoformat(recall["latest"]),
                       to=date.fromisoformat(recall["earliest"]))
    assert backwards.value.status == 422

    # the next dose, ordered for after the earliest day (orders' own 84-day check passes)
    earliest = date.fromisoformat(recall["earliest"])
    start = datetime.combine(earliest + timedelta(days=1), datetime.min.time(), tzinfo=UTC)
    nxt = await new_order(api, patient["id"], EPTINEZUMAB, urgency="planned", payer=payer,
                          diagnosis=("G43.709",),
                          window=(start + timedelta(hours=14), start + timedelta(hours=20)))
    await sign(api, nxt["id"])

    async def linked():
        r = await _recall(api, recall["id"])
        return r if r["status"] == "booked" else None
    assert (await until(linked, what="the recall linked",
                        timeout_s=60))["next_order_id"] == nxt["id"]

    # staff booking the next dose tomorrow, before the earliest day: refused
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    with pytest.raises(ApiError) as early:
        await api.wire(SchedulingAppointmentOut, post_appointments.asyncio_detailed,
                       client=await api.as_(), body=SchedulingAppointmentCreate(
                           order_id=UUID(nxt["id"]), start=tomorrow.replace(microsecond=0)))
    assert early.value.status == 409, early.value.body
    assert early.value.body["type"].endswith("recall-too-early")
    assert early.value.body["earliest"] == recall["earliest"]
    assert [e["field"] for e in early.value.body["errors"]] == ["start"]
