"""Units (consumption, exhaustion, expiry, findings), approval reuse, cancellation, payers and
versioned policies, metrics; on PostgreSQL with the real sandbox."""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal
from uuid import uuid4

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from authorization.service.poller import poll_once
from chairside_shared import contracts as c

from ..conftest import EPTINEZUMAB, KETOROLAC, make_order
from ..unit.test_case import GOOD
from .conftest import T0, feed, outbox_events

pytestmark = pytest.mark.integration


async def approved_case(svc, patient_id=None, **kw):
    order = make_order(signed_at=T0, patient_id=patient_id or uuid4(), **kw)
    await feed(svc, "order_signed", order)
    item = (await svc.client.get("/v1/authorizations",
                                 params={"order_id": str(order.order_id)})).json()["items"][0]
    url = f"/v1/authorizations/{item['id']}"
    await svc.client.post(f"{url}/answers", json={"answers": GOOD})
    case = (await svc.client.post(f"{url}/submit")).json()
    assert case["status"] == "approved"
    return order, url


def administered(order, *, day_offset=8, dose="100", seq=1, waste="0", order_id=None):
    start = T0 + timedelta(days=day_offset)
    return c.OrderAdministered(
        order_id=order_id or order.order_id, practice_id="demo-clinic",
        patient_id=order.patient_id, diagnoses=["G43.709"], payer=order.payer,
        administrations=[c.Administration(
            line_sequence=seq, drug_code="eptinezumab", hcpcs="J3032", mode="infusion",
            started_at=start, stopped_at=start + timedelta(minutes=30),
            dose_given=Decimal(dose), dose_unit="mg", wasted_amount=Decimal(waste))],
        completed_at=start + timedelta(minutes=40))


async def test_units_used_once_and_exhaustion_on_the_worklist(svc):
    order, url = await approved_case(svc)
    assert await feed(svc, "order_administered", administered(order)) == []
    # the same administration again (re-sent under a new event id): no second consumption
    assert await feed(svc, "order_administered", administered(order)) == []
    case = (await svc.client.get(url)).json()
    assert case["lines"][0]["used_units"] == 100 and case["lines"][0]["remaining_units"] == 0
    assert set(case["worklist"]) == {"exhausted", "reauth_due"}
    r = await svc.client.get("/v1/authorizations", params={"worklist": "true"})
    assert [i["id"] for i in r.json()["items"]] == [case["id"]]
    assert [h["action"] for h in case["history"]].count("units_used") == 1


async def test_beyond_units_and_outside_dates_raise_findings_and_events(svc):
    order, url = await approved_case(svc)
    # a later order for the same patient, given after the approval ended and beyond its units
    second = make_order(signed_at=T0, patient_id=order.patient_id)
    flagged = await feed(svc, "order_administered",
                         administered(second, day_offset=200, order_id=second.order_id))
    # no case covers that day, and the order never got one: no authorization
    assert flagged == ["no_authorization"]
    flagged = await feed(svc, "order_administered", administered(order, day_offset=200, dose="150"))
    assert flagged == ["outside_valid_dates", "units_exceeded"]
    events = [(e.event_type, json.loads(e.payload)) for e in await outbox_events(svc)]
    flags = [p for t, p in events if t == "authorization.usage_flagged"]
    assert [f["code"] for f in flags] == ["no_authorization", "outside_valid_dates",
                                          "units_exceeded"]
    assert flags[0]["case_id"] is None and flags[0]["order_id"] == str(second.order_id)
    assert flags[2]["case_id"] == url.rsplit("/", 1)[1]
    case = (await svc.client.get(url)).json()
    assert case["lines"][0]["used_units"] == 150  # given is given: counted


async def test_later_order_reuses_an_approval_with_units_left(svc):
    pid = uuid4()
    big = {**EPTINEZUMAB, "dose": Decimal(100)}
    from payer_sandbox.config import Rule, SandboxConfig
    svc.sandbox.set_config(SandboxConfig(default=Rule(review_code="A6", approved_units=300)))
    order, url = await approved_case(svc, patient_id=pid, lines=[big])
    later = make_order(signed_at=T0 + timedelta(days=84), patient_id=pid, lines=[big])
    decision = await feed(svc, "order_signed", later)
    assert decision.outcome == "satisfied"
    case = (await svc.client.get(url)).json()
    assert case["order_ids"] == [str(order.order_id), str(later.order_id)]
    ev = (await outbox_events(svc))[-1]
    assert ev.event_type == "authorization.approved" and ev.key == str(later.order_id)
    await feed(svc, "order_administered", administered(later, day_offset=85))
    assert (await svc.client.get(url)).json()["lines"][0]["used_units"] == 100


async def test_order_cancel_withdraws_its_open_case(svc):
    order = make_order(signed_at=T0)
    await feed(svc, "order_signed", order)
    cancel = c.OrderCancelled(order_id=order.order_id, practice_id="demo-clinic",
                              reason="patient request", previous_status="signed",
                              cancelled_at=T0)
    assert await feed(svc, "order_cancelled", cancel) == 1
    assert await feed(svc, "order_cancelled", cancel) == 0  # idempotent
    item = (await svc.client.get("/v1/authorizations",
                                 params={"order_id": str(order.order_id)})).json()["items"][0]
    assert item["status"] == "withdrawn"
    assert (await outbox_events(svc))[-1].event_type == "authorization.withdrawn"


async def test_expiry_by_the_poller(svc):
    order, url = await approved_case(svc)
    stats = await poll_once(
        uows=svc.uows, connector=svc.runtime.connector, pas=svc.runtime.pas, settings=svc.settings,
        now=T0 + timedelta(days=184)
    )  # Sep 2: day after valid_to
    assert stats["expired"] == 1
    case = (await svc.client.get(url)).json()
    assert case["status"] == "expired" and case["history"][-1]["action"] == "expired"
    assert (await outbox_events(svc))[-1].event_type == "authorization.expired"
    # administrations after expiry are flagged
    assert await feed(svc, "order_administered", administered(order, day_offset=190)) == [
        "no_authorization"]


async def test_database_refuses_impossible_units_and_dates(svc):
    order, url = await approved_case(svc)
    case_id = url.rsplit("/", 1)[1]
    async with svc.runtime.engine.connect() as conn:
        with pytest.raises(IntegrityError):
            await conn.execute(text("UPDATE pa_case_lines SET approved_units = -1 "
                                    "WHERE case_id = :id"), {"id": case_id})
        await conn.rollback()
        with pytest.raises(IntegrityError):
            await conn.execute(text("UPDATE pa_cases SET valid_to = valid_from - 1 "
                                    "WHERE id = :id"), {"id": case_id})
        await conn.rollback()
        with pytest.raises(IntegrityError):
            await conn.execute(text("UPDATE pa_cases SET status = 'maybe' WHERE id = :id"),
                               {"id": case_id})


async def test_payers_and_versioned_policies(svc):
    r = await svc.client.get("/v1/payers")
    ids = [p["payer"]["id"] for p in r.json()["items"]]
    assert {"medicare", "summit-health", "harbor-health", "river-medicaid"} <= set(ids)
    r = await svc.client.get("/v1/payers/summit-health/policies")
    v1 = r.json()
    assert v1["version"] == 1 and v1["policies"][0]["hcpcs"] == "J3032"
    # a new version: Summit stops requiring PA for J3032
    new = [{**v1["policies"][0], "pa": "no-auth"}]
    r = await svc.client.put("/v1/payers/summit-health/policies", json={"policies": new},
                             headers={"x-chairside-client-id": "demo-admin"})
    assert r.status_code == 200 and r.json()["version"] == 2
    assert [v["created_by"] for v in r.json()["versions"]] == ["seed", "client:demo-admin"]
    old = (await svc.client.get("/v1/payers/summit-health/policies", params={"version": 1}))
    assert old.json()["policies"][0]["pa"] == "auth-needed"
    decision = await feed(svc, "order_signed", make_order(signed_at=T0))
    assert decision.outcome == "not_required" and decision.policy_version == 2


@pytest.mark.parametrize(
    "method, path, body, status, field",
    [
        ("put", "/v1/payers/summit-health/policies",
         {"policies": [{"hcpcs": "J3032", "coverage": "covered"}]}, 422, "policies.0"),
        ("put", "/v1/payers/summit-health/policies",
         {"policies": [{"hcpcs": "J3032", "plan_id": "ghost", "coverage": "covered",
                        "pa": "no-auth"}]}, 422, "policies.0.plan_id"),
        ("put", "/v1/payers/summit-health/policies",
         {"policies": [{"hcpcs": "J3032", "coverage": "covered", "pa": "no-auth"},
                       {"hcpcs": "J3032", "coverage": "covered", "pa": "no-auth"}]}, 422,
         "policies"),
        ("put", "/v1/payers/nobody/policies", {"policies": []}, 404, None),
        ("post", "/v1/payers", {"id": "summit-health", "name": "x",
                                "payer_type": "commercial"}, 422, "id"),
        ("post", "/v1/payers", {"id": "Bad Id", "name": "x", "payer_type": "commercial"}, 422,
         "id"),
        ("post", "/v1/payers", {"id": "ok", "name": "x", "payer_type": "tricare"}, 422,
         "payer_type"),
        ("post", "/v1/payers", {"id": "two-defaults", "name": "x", "payer_type": "commercial",
                                "plans": [{"id": "a", "name": "A", "default": True},
                                          {"id": "b", "name": "B", "default": True}]}, 422,
         "body"),
        ("get", "/v1/payers/nobody", None, 404, None),
        ("get", "/v1/payers/summit-health/policies?version=9", None, 404, None),
    ],
)
async def test_bad_payer_input(svc, method, path, body, status, field):
    kwargs = {"json": body} if body is not None else {}
    r = await getattr(svc.client, method)(path, **kwargs)
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == "application/problem+json"
    if field:
        assert any(e["field"].startswith(field) for e in r.json()["errors"]), r.json()


async def test_default_plan_through_the_payers_api(svc):
    """A payer's default plan is data: shown, changed with PUT, used for orders naming none."""
    r = await svc.client.get("/v1/payers/medicare")
    assert r.json()["payer"]["plans"][0]["default"] is True
    body = {"id": "acme", "name": "Acme", "payer_type": "commercial",
            "plans": [{"id": "gold", "name": "Gold", "default_pa": "auth-needed",
                       "default_coverage": "covered"},
                      {"id": "basic", "name": "Basic", "default_pa": "no-auth",
                       "default_coverage": "covered"}]}
    assert (await svc.client.post("/v1/payers", json=body)).status_code == 201
    no_plan = make_order(payer_id="acme", plan_id=None, lines=[KETOROLAC], signed_at=T0)
    decision = await feed(svc, "order_signed", no_plan)  # two plans, none default: ask
    assert decision.outcome == "pa_required" and decision.plan_id is None
    body["plans"][1]["default"] = True
    r = await svc.client.put("/v1/payers/acme", json=body)
    assert r.status_code == 200 and r.json()["payer"]["plans"][1]["default"] is True
    decision = await feed(svc, "order_signed", make_order(payer_id="acme", plan_id=None,
                                                          lines=[KETOROLAC], signed_at=T0))
    assert decision.outcome == "not_required" and decision.plan_id == "basic"


async def test_metrics_from_the_api(svc):
    await approved_case(svc)
    order = make_order(signed_at=T0, member_id="DENY-1")
    await feed(svc, "order_signed", order)
    item = (await svc.client.get("/v1/authorizations",
                                 params={"order_id": str(order.order_id)})).json()["items"][0]
    await svc.client.post(f"/v1/authorizations/{item['id']}/answers", json={"answers": GOOD})
    svc.clock.now = T0 + timedelta(hours=3)
    await svc.client.post(f"/v1/authorizations/{item['id']}/submit")
    m = (await svc.client.get("/v1/authorizations/metrics")).json()
    summit = next(r for r in m["by_payer"] if r["key"] == "summit-health")
    assert (summit["approved"], summit["denied"]) == (1, 1)
    assert summit["approval_rate"] == "0.5000"
    assert m["turnaround"]["count"] == 2 and m["overdue"] == 0
    assert next(r for r in m["by_drug"] if r["key"] == "J3032")["decided"] == 2
    metrics_text = (await svc.client.get("/metrics")).text
    assert "chairside_pa_decisions_total" in metrics_text
