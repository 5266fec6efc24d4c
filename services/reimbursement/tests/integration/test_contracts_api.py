"""Versioned payer contracts, fee schedules and the charge master through the API on
PostgreSQL (versions kept, who/when, overlaps refused naming the version, bad input a 422 naming
the field), and the underpayment worklist after a short-paid 835 posted through
POST /v1/remittances (payer-exchange §8 cases 23 and 24)."""

from __future__ import annotations

import asyncio
import copy
from decimal import Decimal as D

import pytest
import sqlalchemy as sa
from reimb_it import (
    ADMIN_RATES,
    administered,
    administration,
    approval,
    bill,
    remittance_of,
    setup_catalog,
)
from reimb_it import clp_for as _clp_for

from reimbursement.adapters import orm

pytestmark = pytest.mark.integration
CLIENT = {"x-chairside-client-id": "admin-console"}
ACME_V1 = {
    "effective_from": "2026-01-01", "source": "Acme PPO agreement 2026", "name": "Acme PPO",
    "payer_kind": "commercial", "drug_pricing": "asp", "drug_percent": "115",
    "fee_schedule_id": "acme-admin", "tolerance_amount": "5.00", "tolerance_percent": "1"}
MEDICARE_V1 = {
    "effective_from": "2026-01-01", "source": "CMS PFS + ASP 2026", "name": "Medicare Part B",
    "payer_kind": "medicare", "drug_pricing": "asp", "drug_percent": "106",
    "rates": ADMIN_RATES, "tolerance_amount": "1.00"}


def problem(r, status: int) -> dict[str, str]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == "application/problem+json"
    return {e["field"]: e["message"] for e in r.json()["errors"]}


async def test_contract_versions_are_kept_dated_and_refused_on_overlap(svc):
    c = svc.client
    r = await c.post("/v1/pricing/contracts/acme/versions", json=ACME_V1, headers=CLIENT)
    assert problem(r, 422) == {"fee_schedule_id": "no fee schedule 'acme-admin'; create it "
                                                  "first"}
    r = await c.post("/v1/pricing/fee-schedules/acme-admin/versions", headers=CLIENT, json={
        "effective_from": "2026-01-01", "name": "Acme administration 2026", "source": "exhibit B",
        "rates": {"96365": "95.00", "96375": "30.00"}})
    assert r.status_code == 201, r.text
    assert (r.json()["version"], r.json()["rates"]) == (1, {"96365": "95", "96375": "30"})
    r = await c.post("/v1/pricing/contracts/acme/versions", json=ACME_V1, headers=CLIENT)
    assert r.status_code == 201, r.text
    v1 = r.json()
    assert (v1["version"], v1["effective_from"], v1["effective_to"], v1["created_by"],
            v1["closed"]) == (1, "2026-01-01", None, "admin-console", None)
    assert v1["created_at"].startswith("2026-03-02T15:00:00")
    assert v1["terms"]["drug_percent"] == "115" and v1["terms"]["sequestration"] == "0"
    # a later version ends the open one the day before it starts; both are kept
    v2_body = ACME_V1 | {"effective_from": "2026-04-01", "drug_percent": "112",
                         "source": "amendment 1"}
    r = await c.post("/v1/pricing/contracts/acme/versions", json=v2_body)
    assert r.status_code == 201, r.text
    assert (r.json()["version"], r.json()["created_by"], r.json()["closed"]) == (
        2, "service", {"version": 1, "effective_to": "2026-03-31"})
    listed = (await c.get("/v1/pricing/contracts/acme/versions")).json()["items"]
    assert [(v["version"], v["effective_from"], v["effective_to"], v["terms"]["drug_percent"])
            for v in listed] == [(1, "2026-01-01", "2026-03-31", "115"),
                                 (2, "2026-04-01", None, "112")]
    one = await c.get("/v1/pricing/contracts/acme/versions/1")
    assert one.status_code == 200 and one.json()["source"] == "Acme PPO agreement 2026"
    assert (await c.get("/v1/pricing/contracts/acme/versions/9")).status_code == 404
    # overlapping dates: refused, naming the version they collide with; nothing stored
    r = await c.post("/v1/pricing/contracts/acme/versions",
                     json=ACME_V1 | {"effective_from": "2026-02-01", "effective_to": "2026-05-31"})
    assert problem(r, 409) == {"effective_from": "effective 2026-02-01 to 2026-05-31 overlaps "
                                                 "version 1 (2026-01-01 to 2026-03-31)"}
    assert r.json()["overlaps_version"] == 1
    r = await c.post("/v1/pricing/contracts/acme/versions",
                     json=ACME_V1 | {"effective_from": "2026-04-01"})
    assert problem(r, 409) == {"effective_from": "effective 2026-04-01 to open-ended overlaps "
                                                 "version 2 (2026-04-01 to open-ended)"}
    # another plan of the same payer is its own line of versions
    r = await c.post("/v1/pricing/contracts/acme/versions", headers=CLIENT | {
        "x-chairside-user-id": "u-7f3a"}, json=ACME_V1 | {"plan": "PPO-2", "source": "s"})
    assert r.status_code == 201 and r.json()["created_by"] == "u-7f3a"  # the staff user
    r = await c.post("/v1/pricing/contracts/acme/versions",
                     json=ACME_V1 | {"plan": "HMO-GOLD", "drug_percent": "108"})
    assert r.status_code == 201 and r.json()["version"] == 1 and r.json()["plan"] == "HMO-GOLD"
    everything = (await c.get("/v1/pricing/contracts")).json()["items"]
    assert [(v["owner"], v["plan"], v["version"]) for v in everything] == [
        ("acme", "", 1), ("acme", "", 2), ("acme", "HMO-GOLD", 1), ("acme", "PPO-2", 1)]
    async with svc.runtime.session_factory() as session:
        assert (await session.execute(sa.select(sa.func.count()).select_from(
            orm.pricing_versions))).scalar_one() == 5  # 4 contracts + 1 fee schedule


@pytest.mark.parametrize(("change", "field"), [
    ({"effective_to": "2025-12-31"}, "effective_to"),
    ({"drug_percent": "abc"}, "drug_percent"),
    ({"drug_percent": "1500"}, "drug_percent"),
    ({"payer_kind": "hmo"}, "payer_kind"),
    ({"rates": {"J30": "1.00"}}, "rates.J30.[key]"),
    ({"rates": {"J3032": "-1"}}, "rates.J3032"),
    ({"tolerance_percent": "-2"}, "tolerance_percent"),
    ({"sequestration": "1.5"}, "sequestration"),
    ({"effective_from": "2026-02-30"}, "effective_from"),
    ({"drug_pricing": "fee_schedule", "rates": {}}, "rates"),
    ({"plan": "bad plan"}, "plan"),
    ({"unknown": 1}, "unknown"),
])
async def test_bad_contract_input_is_a_422_naming_the_field(svc, change, field):
    body = MEDICARE_V1 | change
    r = await svc.client.post("/v1/pricing/contracts/medicare/versions", json=body)
    assert field in problem(r, 422)
    assert (await svc.client.get("/v1/pricing/contracts")).json()["items"] == []


async def test_the_versions_on_the_date_of_service_charge_and_price_the_claim(svc):
    c = svc.client
    await setup_catalog(c)  # the unversioned charge master (J3032 at 25.00) and contract
    r = await c.post("/v1/pricing/fee-schedules/mcr-admin/versions", json={
        "effective_from": "2026-01-01", "name": "PFS 2026", "source": "CMS PFS",
        "rates": {"96365": "75.00"}})
    assert r.status_code == 201, r.text
    for version in (MEDICARE_V1 | {"effective_from": "2026-03-01", "drug_percent": "100",
                                   "rates": {}, "fee_schedule_id": "mcr-admin"},
                    MEDICARE_V1 | {"effective_from": "2026-04-01", "drug_percent": "200"}):
        r = await c.post("/v1/pricing/contracts/medicare/versions", json=version)
        assert r.status_code == 201, r.text
    r = await c.post("/v1/pricing/charge-master/versions", json={
        "effective_from": "2026-03-01", "name": "2026 spring", "source": "finance",
        "rates": {"96365": "360.00", "J3032": "27.50"}})
    assert r.status_code == 201, r.text
    r = await c.post("/v1/pricing/charge-master/versions", json={
        "effective_from": "2026-01-01", "effective_to": "2026-03-01", "name": "x",
        "source": "finance", "rates": {"96365": "1"}})
    assert "effective_from" in problem(r, 409)
    assert (await c.get("/v1/pricing/charge-master/versions/1")).json()["rates"] == {
        "96365": "360", "J3032": "27.5"}
    event = administered(administration(1, "eptinezumab", "70001-0001-01", "100", 0, 35))
    claim = (await c.get(f"/v1/claims/{await bill(svc, event)}")).json()
    assert [(ln["code"], ln["charge"], ln["allowed"]) for ln in claim["lines"]] == [
        ("96365", "360.00", "75.00"), ("J3032", "2750.00", "1000.00")]  # ASP x 100 %
    assert claim["allowed"] == "1075.00"


def short_paid(claim: dict, code: str, allowed: str) -> dict:
    """The claim as the payer priced it: ``code`` allowed at ``allowed`` instead."""
    priced = copy.deepcopy(claim)
    for ln in priced["lines"]:
        if ln["code"] == code:
            ln["allowed"] = allowed
    return priced


async def test_a_short_paid_835_lands_on_the_underpayment_worklist(svc):
    c = svc.client
    await setup_catalog(c)
    r = await c.post("/v1/pricing/contracts/medicare/versions", json=MEDICARE_V1)
    assert r.status_code == 201, r.text
    assert r.json()["terms"]["sequestration"] == "0.02"  # Medicare: expected CO-253
    event = administered(administration(1, "eptinezumab", "70001-0001-01", "100", 0, 35))
    claim_id = await bill(svc, event, approve=approval(event.order_id))
    claim = (await c.get(f"/v1/claims/{claim_id}")).json()
    assert [(ln["code"], ln["allowed"]) for ln in claim["lines"]] == [
        ("96365", "71.32"), ("J3032", "1060.00")]
    assert (await c.post(f"/v1/claims/{claim_id}/submit")).status_code == 200
    # the payer allows J3032 at 848.00 (20 % below the contract), 96365 in full; both lines
    # carry 20 % coinsurance (PR-2) and 2 % sequestration (CO-253)
    r = await c.post("/v1/remittances",
                     content=remittance_of([_clp_for(short_paid(claim, "J3032", "848.00"))]))
    assert r.status_code == 201, r.text
    assert r.json()["claims"][0]["outcome"] == "paid"
    r = await c.get("/v1/underpayments")
    assert r.status_code == 200, r.text
    page = r.json()
    # case 23: flagged underpaid with the amounts; case 24: 96365's CO-253 is not a variance
    assert page["items"] == [{
        "claim_id": str(claim_id), "account_number": claim["account_number"],
        "payer_id": "medicare", "service_date": "2026-03-02",
        "contract": {"payer_id": "medicare", "plan": "", "version": 1,
                     "name": "Medicare Part B"},
        "lines": [2], "code": "J3032", "modifiers": ["JZ"], "units": 100,
        "expected": "1060.00", "allowed": "848.00", "paid": "664.83",
        "sequestration": "13.57", "variance": "-212.00", "tolerance": "1.00",
        "status": "underpaid"}]
    assert page["total_variance"] == "-212.00"
    within = (await c.get("/v1/underpayments", params={"status": "within_tolerance"})).json()
    assert [(v["code"], v["expected"], v["allowed"], v["sequestration"], v["variance"])
            for v in within["items"]] == [("96365", "71.32", "71.32", "1.14", "0.00")]
    assert (await c.get("/v1/underpayments", params={"status": "overpaid"})).json()[
        "items"] == []
    assert (await c.get("/v1/underpayments", params={"payer_id": "acme"})).json()[
        "items"] == []
    csv = await c.get("/v1/underpayments/csv")
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    assert csv.text.splitlines() == [
        "claim_id,account_number,payer_id,service_date,contract_version,lines,code,modifiers,"
        "units,expected,allowed,paid,sequestration,variance,tolerance,status",
        f"{claim_id},{claim['account_number']},medicare,2026-03-02,1,2,J3032,JZ,100,1060.00,"
        "848.00,664.83,13.57,-212.00,1.00,underpaid"]
    r = await c.get("/v1/underpayments", params={"from": "2026-03-05", "to": "2026-03-01"})
    assert problem(r, 422) == {"to": "must not be before from"}
    r = await c.get("/v1/underpayments", params={"status": "lost"})
    assert "status" in problem(r, 422)


async def test_without_a_versioned_contract_the_claims_own_contract_is_the_reference(svc):
    """The unversioned Medicare contract priced the claim; a payment at its allowed amounts
    with CO-253 is no variance, and one 10 % short is."""
    c = svc.client
    await setup_catalog(c)
    ids = []
    for _ in range(2):
        event = administered(administration(1, "eptinezumab", "70001-0001-01", "100", 0, 35))
        ids.append(await bill(svc, event, approve=approval(event.order_id)))
        assert (await c.post(f"/v1/claims/{ids[-1]}/submit")).status_code == 200
    full, short = [(await c.get(f"/v1/claims/{i}")).json() for i in ids]
    r = await c.post("/v1/remittances", content=remittance_of(
        [_clp_for(full), _clp_for(short_paid(short, "J3032", "954.00"))]))
    assert r.status_code == 201, r.text
    items = (await c.get("/v1/underpayments")).json()["items"]
    assert [(v["claim_id"], v["code"], v["contract"]["version"], D(v["variance"]))
            for v in items] == [(str(ids[1]), "J3032", None, D("-106.00"))]


@pytest.mark.parametrize("first", [False, True])
async def test_two_admins_adding_the_same_dates_at_once_store_one_version(svc, first):
    """With versions to lock, the second waits and then sees the overlap; with none (the
    key's first version), the version number is taken once. Either way: one 201, one 409."""
    c = svc.client
    body = {"effective_from": "2026-01-01", "name": "fees", "source": "s",
            "rates": {"96365": "90.00"}}
    if not first:
        r = await c.post("/v1/pricing/fee-schedules/f1/versions",
                         json=body | {"effective_to": "2025-12-31",
                                      "effective_from": "2025-01-01"})
        assert r.status_code == 201, r.text
    answers = await asyncio.gather(*(c.post("/v1/pricing/fee-schedules/f1/versions", json=body)
                                     for _ in range(2)))
    assert sorted(r.status_code for r in answers) == [201, 409]
    [refused] = [r for r in answers if r.status_code == 409]
    assert "effective_from" in problem(refused, 409)
    versions = (await c.get("/v1/pricing/fee-schedules/f1/versions")).json()["items"]
    assert [v["effective_from"] for v in versions] == (
        ["2026-01-01"] if first else ["2025-01-01", "2026-01-01"])


async def test_a_correction_of_the_short_payment_takes_the_claim_off_the_worklist(svc):
    """Case 19's shape: the payer reverses its short payment (CLP02 22) and pays again in
    full in the same 835; the worklist reads the correction, not the sum of the history."""
    c = svc.client
    await setup_catalog(c)
    event = administered(administration(1, "eptinezumab", "70001-0001-01", "100", 0, 35))
    claim_id = await bill(svc, event, approve=approval(event.order_id))
    assert (await c.post(f"/v1/claims/{claim_id}/submit")).status_code == 200
    claim = (await c.get(f"/v1/claims/{claim_id}")).json()
    short = short_paid(claim, "J3032", "848.00")
    r = await c.post("/v1/remittances", content=remittance_of([_clp_for(short)]))
    assert r.status_code == 201, r.text
    [flagged] = (await c.get("/v1/underpayments")).json()["items"]
    assert (flagged["contract"]["version"], flagged["variance"]) == (None, "-212.00")
    r = await c.post("/v1/remittances", content=remittance_of(
        [_clp_for(short, status="22", sign=-1), _clp_for(claim)], trace="EFT2"))
    assert r.status_code == 201, r.text
    assert [p["outcome"] for p in r.json()["claims"]] == ["reversed", "paid"]
    assert (await c.get("/v1/underpayments")).json()["items"] == []
    within = (await c.get("/v1/underpayments", params={"status": "within_tolerance"})).json()
    assert [(v["code"], v["allowed"], v["paid"]) for v in within["items"]] == [
        ("96365", "71.32", "55.92"), ("J3032", "1060.00", "831.04")]
