"""The eligibility API and the hold on PostgreSQL with the clearinghouse sandbox as a real HTTP
server: an on-demand check with its estimate and history, bad input, what is stored, AAA
rejections resolved by staff, retry later answered 202, and an approval withheld while the
order is flagged, released when staff resolve it."""

from __future__ import annotations

from dataclasses import replace
from uuid import uuid4

import pytest
from sqlalchemy import select

from authorization.adapters import eligibility_orm
from authorization.adapters.eligibility_clients import ClearinghouseClient
from authorization.domain.identity import PayerIdentity
from authorization.service import cases as case_service
from authorization.service import eligibility
from clearinghouse_sandbox.config import Answer, SandboxConfig, demo_config
from clearinghouse_sandbox.testing import running_sandbox

from ..conftest import KETOROLAC, make_order
from ..pas_fixtures import ORDERING, PATIENT, coverage
from ..unit.test_case import GOOD
from .conftest import T0, feed, outbox_events

pytestmark = pytest.mark.integration
MEMBER = "ZX9981234"


@pytest.fixture(scope="module")
def clearinghouse():
    with running_sandbox(demo_config()) as sb:
        yield sb


@pytest.fixture
async def esvc(svc, clearinghouse):
    clearinghouse.set_config(demo_config())
    svc.settings.eligibility_on_sign = True
    svc.source = svc.runtime.pas.identity  # the one orders source, PAS and eligibility
    svc.runtime.parties = eligibility.Parties(
        identity=svc.source, clearinghouse=ClearinghouseClient(clearinghouse.x12_url))
    svc.clearinghouse = clearinghouse
    return svc


def patient(esvc, member_id=MEMBER, order=None, payer_id="summit-health"):
    pid = order.patient_id if order else uuid4()
    ident = PayerIdentity(
        order_id=None, patient_id=pid, patient=PATIENT,
        coverage=coverage(payer_id, member_id=member_id),
        ordering=ORDERING)
    esvc.source.by_patient[pid] = ident
    if order:
        esvc.identities[order.order_id] = replace(ident, order_id=order.order_id)
    return pid


async def test_on_demand_check_with_estimate_and_history(esvc):
    pid = patient(esvc)
    c = esvc.client
    r = await c.post(f"/v1/patients/{pid}/eligibility",
                     json={"payer_id": "summit-health", "expected_allowed_amount": "1000.00",
                           "service_date": "2026-03-10"})
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["status"] == "active" and not body["needs_staff"] and body["attempts"] == 1
    assert body["benefits"] == {"plan": "CHOICE PPO", "deductible": "1500",
                                "deductible_remaining": "400", "coinsurance": "0.20",
                                "copay": "25", "out_of_pocket": "5000",
                                "out_of_pocket_remaining": "3100"}
    # 400 deductible + 20 % of 600 + 25 copay
    assert body["estimate"]["amount"] == "545.00" and body["estimate"]["basis"] == "allowed_amount"
    [sent] = (esvc.clearinghouse.app.state.store.inquiries)
    assert (sent["member_id"], sent["service_date"], sent["service_types"]) == (
        MEMBER, "20260310", ["30", "1"])
    esvc.clock.now = esvc.clock.now.replace(hour=16)
    second = (await c.post(f"/v1/patients/{pid}/eligibility",
                           json={"payer_id": "summit-health"})).json()
    assert second["estimate"] == {"basis": "benefit_figures", "allowed": None,
                                  "deductible_part": None, "coinsurance_part": None,
                                  "copay_part": None, "amount": None}
    page = (await c.get(f"/v1/patients/{pid}/eligibility", params={"limit": 1})).json()
    assert [i["id"] for i in page["items"]] == [second["id"]] and page["next_cursor"] == "1"
    rest = (await c.get(f"/v1/patients/{pid}/eligibility",
                        params={"cursor": page["next_cursor"]})).json()
    assert [i["id"] for i in rest["items"]] == [body["id"]] and rest["next_cursor"] is None
    assert (await c.get(f"/v1/eligibility/{body['id']}")).json()["id"] == body["id"]
    # nothing that names the patient is stored: no member id, no name, no birth date
    async with esvc.runtime.session_factory() as s:
        rows = (await s.execute(select(eligibility_orm.eligibility_checks))).mappings().all()
    stored = repr([dict(r) for r in rows])
    assert MEMBER not in stored and "RIVERA" not in stored.upper() and "1984" not in stored
    assert all(r["member_ref"] and len(r["member_ref"]) == 32 for r in rows)
    assert {r["coverage_id"] for r in rows} == {esvc.source.by_patient[pid].coverage.id}


@pytest.mark.parametrize("body, field", [
    ({}, "payer_id"),
    ({"payer_id": "nobody-health"}, "payer_id"),
    ({"payer_id": "summit-health", "expected_allowed_amount": "-1"}, "expected_allowed_amount"),
    ({"payer_id": "summit-health", "expected_allowed_amount": "1.234"},
     "expected_allowed_amount"),
    ({"payer_id": "summit-health", "service_date": "2026-02-30"}, "service_date"),
    ({"payer_id": "summit-health", "member_id": "X"}, "member_id"),
])
async def test_bad_input_is_a_422_naming_the_field(esvc, body, field):
    r = await esvc.client.post(f"/v1/patients/{uuid4()}/eligibility", json=body)
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert any(field in e["field"] for e in r.json()["errors"]), r.json()


async def test_unknown_order_and_check_are_404(esvc):
    r = await esvc.client.post(f"/v1/patients/{uuid4()}/eligibility",
                               json={"order_id": str(uuid4())})
    assert r.status_code == 404
    assert (await esvc.client.get(f"/v1/eligibility/{uuid4()}")).status_code == 404


@pytest.mark.parametrize("member, code", [("BADID-1", "AAA72"), ("NOTFOUND-1", "AAA75"),
                                          ("BADDOB-1", "AAA58")])
async def test_rejections_need_staff_and_are_resolved_once(esvc, member, code):
    pid = patient(esvc, member)
    r = await esvc.client.post(f"/v1/patients/{pid}/eligibility",
                               json={"payer_id": "summit-health"})
    body = r.json()
    assert r.status_code == 201 and body["status"] == "rejected" and body["needs_staff"]
    assert body["reason_code"] == code and body["rejections"][0]["loop"] == "2100C"
    done = await esvc.client.post(f"/v1/eligibility/{body['id']}/resolve",
                                  json={"reason": "member id corrected with the payer"},
                                  headers={"x-chairside-user-id": "staff-7"})
    assert done.status_code == 200 and not done.json()["needs_staff"]
    assert done.json()["resolution"]["by"] == "user:staff-7"
    again = await esvc.client.post(f"/v1/eligibility/{body['id']}/resolve",
                                   json={"reason": "again"})
    assert again.status_code == 409 and again.json()["type"].endswith("eligibility-conflict")
    assert (await esvc.client.post(f"/v1/eligibility/{body['id']}/resolve",
                                   json={"reason": ""})).status_code == 422


async def test_retry_later_answers_202_and_is_not_inactive(esvc):
    pid = patient(esvc, "DOWN-1")
    r = await esvc.client.post(f"/v1/patients/{pid}/eligibility",
                               json={"payer_id": "summit-health"})
    body = r.json()
    assert r.status_code == 202 and body["status"] == "pending"
    assert body["reason_code"] == "AAA42" and not body["needs_staff"]
    assert body["next_attempt_at"] is not None


async def test_approval_withheld_while_flagged_released_on_resolve(esvc):
    esvc.clearinghouse.set_config(SandboxConfig(members={"FLAG-1": Answer(status="inactive")}))
    order = make_order(signed_at=T0, member_id="FLAG-1")  # a biologic: PA required
    patient(esvc, "FLAG-1", order=order)
    await feed(esvc, "order_signed", order)
    [check_id] = [c.id for c in await _checks(esvc, order.order_id)]
    checked = await eligibility.run_check(uows=esvc.uows, parties=esvc.runtime.parties,
                                          check_id=check_id, now=T0)
    assert checked.status == "inactive"
    flags = (await esvc.client.get("/v1/eligibility/flags")).json()["items"]
    assert [(f["order_id"], f["reason_code"]) for f in flags] == [(str(order.order_id),
                                                                   "inactive")]
    [case_id] = [k.id for k in await _cases(esvc, order.order_id)]
    await case_service.answer(uows=esvc.uows, case_id=case_id, answers=GOOD, actor="t", now=T0)
    await case_service.submit(uows=esvc.uows, connector=esvc.runtime.connector,
                              pas=esvc.runtime.pas, case_id=case_id, actor="t", now=T0)
    types = [e.event_type for e in await outbox_events(esvc)]
    assert types == ["authorization.requested", "authorization.eligibility_flagged"]
    r = await esvc.client.post(f"/v1/eligibility/{check_id}/resolve",
                               json={"reason": "coverage confirmed by phone"})
    assert r.status_code == 200
    events = await outbox_events(esvc)
    assert [e.event_type for e in events] == [
        "authorization.requested", "authorization.eligibility_flagged",
        "authorization.eligibility_cleared", "authorization.approved"]
    assert events[-1].key == str(order.order_id)
    assert (await esvc.client.get("/v1/eligibility/flags")).json()["items"] == []


async def test_cancelled_order_drops_what_was_withheld(esvc):
    order = make_order(signed_at=T0, lines=[KETOROLAC])
    patient(esvc, order=order)
    await feed(esvc, "order_signed", order)
    assert [e.event_type for e in await outbox_events(esvc)] == []  # not_required withheld
    from chairside_shared import contracts as c
    await feed(esvc, "order_cancelled", c.OrderCancelled(
        order_id=order.order_id, practice_id="demo-clinic", reason="patient called",
        previous_status="signed", cancelled_at=T0))
    [check] = await _checks(esvc, order.order_id)
    assert check.status == "cancelled"
    assert await eligibility.run_check(uows=esvc.uows, parties=esvc.runtime.parties,
                                       check_id=check.id, now=T0) is None
    assert [e.event_type for e in await outbox_events(esvc)] == []


async def test_no_clearinghouse_opens_no_check_and_holds_nothing(esvc):
    esvc.settings.clearinghouse_url = None  # production without a clearinghouse set
    assert esvc.settings.eligibility_on_sign
    order = make_order(signed_at=T0, lines=[KETOROLAC])
    patient(esvc, order=order)
    await feed(esvc, "order_signed", order)
    assert await _checks(esvc, order.order_id) == []
    async with esvc.uows() as uow:
        assert await uow.eligibility.hold(order.order_id) is None
    events = await outbox_events(esvc)  # the decision goes out at once, not withheld
    assert [(e.event_type, e.key) for e in events] == [("authorization.not_required",
                                                        str(order.order_id))]


async def _checks(esvc, order_id):
    async with esvc.uows() as uow:
        return await uow.eligibility.for_order(order_id)


async def _cases(esvc, order_id):
    async with esvc.uows() as uow:
        return await uow.cases.by_order(order_id)
