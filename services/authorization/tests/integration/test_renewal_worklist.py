"""The renewal worklist on PostgreSQL (issue 16): approvals tell scheduling what one visit of
the order draws; scheduling's ``appointment.renewal_needed`` (handled as the consumer would)
puts the order's case on the worklist, due by the payer's standard clock before the visit;
``GET /v1/authorizations/renewals`` lists it, soonest due first."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from uuid import UUID, uuid4

import pytest

from authorization.entrypoints.consumers import HANDLERS
from chairside_shared import contracts as c
from chairside_shared.messaging.envelope import Envelope

from ..conftest import EPTINEZUMAB, make_order
from .conftest import T0, feed, outbox_events
from .test_units_and_payers import approved_case

pytestmark = pytest.mark.integration


def _data(row) -> dict:
    body = json.loads(row.payload)
    return body.get("data", body)


async def renewal_needed(svc, order_id: UUID, *, visit: date, case_id: UUID | None,
                         payer_id: str | None = None, reasons=("outside_valid_dates",),
                         outcome="refused") -> None:
    payload = c.AuthorizationRenewalNeeded(
        order_id=order_id, case_id=case_id, appointment_id=None, practice_id="demo-clinic",
        payer_id=payer_id, auth_number="PA-1", visit_date=visit, valid_from=date(2026, 3, 2),
        valid_to=date(2026, 8, 31), reasons=list(reasons), outcome=outcome,
        occurred_at=datetime.now(UTC))
    env = Envelope(id=str(uuid4()), type="appointment.renewal_needed", source="scheduling",
                   subject=None, time=datetime.now(UTC), key=str(order_id), version=1,
                   payload=payload)
    async with svc.uows() as uow:
        await HANDLERS["appointment.renewal_needed"](uow, env)
        await uow.commit()


async def test_approvals_carry_the_units_of_one_visit(svc):
    big = {**EPTINEZUMAB, "dose": Decimal(100)}
    from payer_sandbox.config import Rule, SandboxConfig
    svc.sandbox.set_config(SandboxConfig(default=Rule(review_code="A6", approved_units=300)))
    pid = uuid4()
    order, _ = await approved_case(svc, patient_id=pid, lines=[big])
    later = make_order(signed_at=T0 + timedelta(days=84), patient_id=pid, lines=[big])
    await feed(svc, "order_signed", later)
    approved = [_data(r) for r in await outbox_events(svc)
                if r.event_type == "authorization.approved"]
    assert [(a["order_id"], a["lines"]) for a in approved] == [
        (str(order.order_id), [{"hcpcs": "J3032", "approved_units": 300,
                                "units_per_visit": 100}]),
        (str(later.order_id), [{"hcpcs": "J3032", "approved_units": 300,
                                "units_per_visit": 100}])]


async def test_a_visit_outside_the_approval_goes_on_the_renewal_worklist(svc):
    order, url = await approved_case(svc)  # summit-health: commercial, 3 business days
    case_id = UUID(url.rsplit("/", 1)[1])
    assert (await svc.client.get("/v1/authorizations/renewals")).json()["items"] == []
    visit = date(2026, 9, 21)  # a Monday
    await renewal_needed(svc, order.order_id, visit=visit, case_id=case_id)
    [item] = (await svc.client.get("/v1/authorizations/renewals")).json()["items"]
    # sent Tue 9/15 at close of business: decided by Fri 9/18 17:00, before the visit;
    # sent Wed 9/16: Mon 9/21 17:00, too late
    assert item["due_on"] == "2026-09-15" and item["overdue"] is False
    assert (item["order_id"], item["case_id"], item["payer_id"]) == (
        str(order.order_id), str(case_id), "summit-health")
    assert item["reasons"] == ["outside_valid_dates"] and item["outcome"] == "refused"

    # the visit moved (or was refused again): the order's row is replaced, not added
    await renewal_needed(svc, order.order_id, visit=date(2026, 9, 28), case_id=case_id,
                         reasons=["outside_valid_dates", "units_exceeded"], outcome="held")
    [item] = (await svc.client.get("/v1/authorizations/renewals")).json()["items"]
    assert (item["visit_date"], item["due_on"], item["outcome"]) == (
        "2026-09-28", "2026-09-22", "held")

    # a payer with no PA clock (Medicare FFS) and no case on file: the default 7 days;
    # soonest due first
    other = uuid4()
    await renewal_needed(svc, other, visit=date(2026, 9, 10), case_id=None,
                         payer_id="medicare")
    items = (await svc.client.get("/v1/authorizations/renewals")).json()["items"]
    assert [(i["order_id"], i["due_on"]) for i in items] == [
        (str(other), "2026-09-03"), (str(order.order_id), "2026-09-22")]
    svc.clock.now = datetime(2026, 9, 5, 15, 0, tzinfo=UTC)
    items = (await svc.client.get("/v1/authorizations/renewals",
                                  params={"limit": 1})).json()
    assert [i["overdue"] for i in items["items"]] == [True] and items["next_cursor"] == "1"
    r = await svc.client.get("/v1/authorizations/renewals", params={"cursor": "x"})
    assert r.status_code == 422


async def test_an_approval_that_covers_the_visit_takes_it_off_the_worklist(svc):
    """A later order of the patient draws on the approval (authorization.approved for it): its
    need for a visit the approval covers is settled and leaves the worklist; a need of the
    same kind for a visit past the approval's end stays."""
    big = {**EPTINEZUMAB, "dose": Decimal(100)}
    from payer_sandbox.config import Rule, SandboxConfig
    svc.sandbox.set_config(SandboxConfig(default=Rule(review_code="A6", approved_units=300)))
    pid = uuid4()
    order, _ = await approved_case(svc, patient_id=pid, lines=[big])
    [first] = [_data(r) for r in await outbox_events(svc)
               if r.event_type == "authorization.approved"]
    valid_from, valid_to = (date.fromisoformat(first[k]) for k in ("valid_from", "valid_to"))
    inside = make_order(signed_at=T0 + timedelta(days=84), patient_id=pid, lines=[big])
    beyond = make_order(signed_at=T0 + timedelta(days=85), patient_id=pid, lines=[big])
    # scheduling reported both before the orders reached authorization (no case of theirs)
    await renewal_needed(svc, inside.order_id, visit=valid_from + timedelta(days=90),
                         case_id=None, outcome="held")
    await renewal_needed(svc, beyond.order_id, visit=valid_to + timedelta(days=30),
                         case_id=None, outcome="held")
    listed = {i["order_id"] for i in
              (await svc.client.get("/v1/authorizations/renewals")).json()["items"]}
    assert listed == {str(inside.order_id), str(beyond.order_id)}

    await feed(svc, "order_signed", inside)
    await feed(svc, "order_signed", beyond)
    approved = {d["order_id"] for d in (_data(r) for r in await outbox_events(svc)
                                        if r.event_type == "authorization.approved")}
    assert {str(inside.order_id), str(beyond.order_id)} <= approved  # both drew on it
    items = (await svc.client.get("/v1/authorizations/renewals")).json()["items"]
    assert [(i["order_id"], i["visit_date"]) for i in items] == [
        (str(beyond.order_id), (valid_to + timedelta(days=30)).isoformat())]
