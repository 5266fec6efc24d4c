"""Issue 18 on the real broker, PostgreSQL and the payer sandbox: order.signed for reference
infliximab (Remicade) under a biosimilar-first payer opens a case that names the preferred
biosimilar and asks for the exception; the same order for the biosimilar (Inflectra) goes
through to an approval; a payer excluding the reference product answers not covered."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from authorization.adapters.drug_codes import load_drug_codes
from authorization.bootstrap import MIGRATIONS, build_runtime
from authorization.service import cases as case_service
from authorization.settings import AuthorizationSettings
from chairside_shared.testing.plugin import eventually, running, settings_for_test
from payer_sandbox.config import demo_config

from ..conftest import make_order
from ..pas_fixtures import TEST_CODES, identity_of, sources
from .test_event_flow import Collector, _has, publish

pytestmark = pytest.mark.integration

# TEST FIXTURE ONLY, not real RxCUIs (the PAS request needs one per drug; see pas_fixtures).
CODES = {**TEST_CODES, "infliximab": "9999002", "infliximab_dyyb": "9999003"}


def infliximab(drug: str, hcpcs: str) -> dict:
    return {"drug_code": drug, "hcpcs": hcpcs, "hcpcs_unit": "per 10 mg",
            "dose": Decimal(350), "dose_unit": "mg", "mode": "infusion", "minutes": 120,
            "molecule": "infliximab", "dose_number": 1}


TNF_OK = {"tb-screen-negative": True, "conventional-therapy-failed": ["corticosteroids"]}


async def test_reference_infliximab_under_a_biosimilar_first_payer(make_database, fresh_broker):
    from payer_sandbox.testing import running_sandbox

    with running_sandbox(demo_config()) as sandbox:
        settings = settings_for_test(
            AuthorizationSettings, database_url=await make_database("authzbiosim", MIGRATIONS),
            broker=fresh_broker, seed_demo_data=True, payer_default_base_url=sandbox.fhir_base,
            poll_interval_s=0.3, inquire_every_s=0, rxnorm_codes=CODES,
            eligibility_on_sign=False)
        runtime = build_runtime(settings)
        now = datetime.now(UTC)
        common = {"diagnoses": ["K50.90"], "prescriber_specialty": "gastroenterology",
                  "signed_at": now}
        remicade = make_order(lines=[infliximab("infliximab", "J1745")], **common)
        inflectra = make_order(lines=[infliximab("infliximab_dyyb", "Q5103")], **common)
        excluded = make_order(lines=[infliximab("infliximab", "J1745")],
                              payer_id="harbor-health", plan_id="harbor-hmo", **common)
        orders = (remicade, inflectra, excluded)
        runtime.pas = replace(sources(by_order={o.order_id: identity_of(o) for o in orders}),
                              drug_codes=load_drug_codes(CODES))
        async with running(runtime), Collector(fresh_broker) as out:
            await publish(fresh_broker, *(("order.signed", o) for o in orders), repeat=2)

            async def decided():
                return all(out.of(o.order_id) for o in orders)
            await eventually(decided, timeout_s=30)
            assert out.of(remicade.order_id) == ["authorization.requested"]
            assert out.of(inflectra.order_id) == ["authorization.requested"]
            assert out.of(excluded.order_id) == ["authorization.not_covered"]
            [not_covered] = [p for t, k, p in out.seen if t == "authorization.not_covered"]
            assert "Q5103" in not_covered["reason"]

            async with runtime.uow() as uow:
                [ref] = await uow.cases.by_order(remicade.order_id)
                [bio] = await uow.cases.by_order(inflectra.order_id)
                facts = await uow.orders.get(remicade.order_id)
            # the coverage answer names the preferred product, kept with the order's facts
            assert any("prefers Q5103 (Inflectra" in r for r in facts.decision[0].reasons)
            assert facts.lines[0].molecule == "infliximab"
            ref_keys = {q.key for q in ref.questions}
            assert "preferred-product-exception" in ref_keys
            assert "preferred-product-exception" not in {q.key for q in bio.questions}
            assert ref.lines[0].requested_units == 35 == bio.lines[0].requested_units
            # the specialty came from the order: nobody has to answer it
            assert "J1745.prescriber-specialty" not in " ".join(ref.submission_problems())

            t = datetime.now(UTC)
            ref = await case_service.answer(
                uows=runtime.uow, case_id=ref.id, actor="test", now=t,
                answers={**{f"J1745.{k}": v for k, v in TNF_OK.items()},
                         "J1745.preferred-product-exception": False})
            criteria = {r.key: r.status for r in ref.criteria()}
            assert criteria["preferred-product-exception"] == "not_met"
            assert [k for k, v in criteria.items() if v != "met"] == [
                "preferred-product-exception"]

            await case_service.answer(uows=runtime.uow, case_id=bio.id, actor="test", now=t,
                                      answers={f"Q5103.{k}": v for k, v in TNF_OK.items()})
            await case_service.submit(uows=runtime.uow, connector=runtime.connector,
                                      pas=runtime.pas, case_id=bio.id, actor="test", now=t)
            await eventually(lambda: _has(out, inflectra, "authorization.approved"),
                             timeout_s=30)
            async with runtime.uow() as uow:
                done = await uow.cases.get(bio.id)
            assert done.status == "approved" and done.lines[0].approved_units == 35
            assert {r.status for r in done.criteria()} == {"met"}


async def test_a_drug_added_through_the_payers_api_is_ordered_with_its_criteria(svc):
    """Adding a drug's policy is data: PUT the payer's policies, sign an order, answer."""
    from .conftest import T0, feed

    current = (await svc.client.get("/v1/payers/summit-health/policies")).json()["policies"]
    new = {"hcpcs": "J9999", "plan_id": "summit-ppo", "pa": "auth-needed",
           "coverage": "conditional", "initial_approval_months": 6, "billing_unit": "10 mg",
           "reauth": {"approval_months": 12, "migraine_response": False},
           "criteria": {"icd10_prefixes": ["G70"], "requirements": [
               {"key": "achr-antibody-positive", "text": "AChR antibody positive?",
                "type": "boolean", "expect": True}]},
           "preference": None}
    r = await svc.client.put("/v1/payers/summit-health/policies",
                             json={"policies": [*current, new]},
                             headers={"x-chairside-client-id": "demo-admin"})
    assert r.status_code == 200, r.text
    drug = {"drug_code": "newmab", "hcpcs": "J9999", "hcpcs_unit": "per 10 mg",
            "dose": Decimal(200), "dose_unit": "mg", "mode": "infusion", "minutes": 60}
    order = make_order(lines=[drug], diagnoses=["G70.00"], signed_at=T0)
    decision = await feed(svc, "order_signed", order)
    assert decision.outcome == "pa_required" and decision.policy_version == 2
    item = (await svc.client.get("/v1/authorizations",
                                 params={"order_id": str(order.order_id)})).json()["items"][0]
    url = f"/v1/authorizations/{item['id']}"
    case = (await svc.client.get(url)).json()
    assert "J9999.achr-antibody-positive" in {q["link_id"] for q in case["questions"]}
    r = await svc.client.post(f"{url}/answers",
                              json={"answers": {"J9999.achr-antibody-positive": "yes"}})
    assert r.status_code == 422  # a boolean question refuses a string, changing nothing
    r = await svc.client.post(f"{url}/answers",
                              json={"answers": {"J9999.achr-antibody-positive": False}})
    assert r.status_code == 200
    bad = {**new, "criteria": {"requirements": [{"key": "x", "text": "x", "type": "boolean"}]}}
    r = await svc.client.put("/v1/payers/summit-health/policies", json={"policies": [bad]})
    assert r.status_code == 422
