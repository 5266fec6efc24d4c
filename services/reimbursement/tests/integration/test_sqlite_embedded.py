"""The embedded default (`make run`): migrations and the demo seed on SQLite, then one visit
billed, exported and paid with exact money (SQLite has no decimal type)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal as D
from types import SimpleNamespace

import httpx
import pytest
from reimb_it import remittance_for

from chairside_shared import contracts
from chairside_shared.migrations import upgrade_async
from chairside_shared.testing.plugin import settings_for_test
from reimbursement.adapters.clients import StaticPayerIdentitySource
from reimbursement.adapters.x12.read_837 import read_837p
from reimbursement.adapters.x12.validate import validate_x12
from reimbursement.bootstrap import MIGRATIONS
from reimbursement.entrypoints.api.deps import get_identities, get_now
from reimbursement.main import create_app
from reimbursement.seed import seed_demo
from reimbursement.service import billing
from reimbursement.settings import ReimbursementSettings
from reimbursement.testing import coverage, payer_identity

pytestmark = pytest.mark.integration
NOW = datetime(2026, 11, 23, 15, tzinfo=UTC)


@pytest.fixture
async def embedded(tmp_path, broker):
    url = f"sqlite+aiosqlite:///{tmp_path}/reimbursement.db"
    settings = settings_for_test(ReimbursementSettings, database_url=url, broker=broker)
    app = create_app(settings)
    app.dependency_overrides[get_now] = lambda: NOW
    app.dependency_overrides[get_identities] = lambda: StaticPayerIdentitySource(
        default=payer_identity(cov=coverage(payer_id="medicare")))
    await upgrade_async(MIGRATIONS, url)
    await seed_demo(app.state.runtime)
    await seed_demo(app.state.runtime)  # idempotent
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://r") as c:
        yield SimpleNamespace(app=app, runtime=app.state.runtime, client=c)
    await app.state.runtime.engine.dispose()


async def test_demo_seed_and_a_billed_visit_on_sqlite(embedded):
    c, runtime = embedded.client, embedded.runtime
    identity = (await c.get("/v1/billing-identity")).json()
    assert (identity["npi"], identity["taxonomy"]) == ("2998877668", "261QI0500X")
    enrolled = (await c.get("/v1/payer-enrollments")).json()["items"]
    assert [e["payer_id"] for e in enrolled] == [
        "harbor-health", "medicare", "river-medicaid", "summit-health", "sunrise-ma"]
    assert {(e["npi"], e["taxonomy"], e["status"]) for e in enrolled} == {
        ("2998877668", "261QI0500X", "active")}
    inventory = (await c.get("/v1/inventory")).json()["items"]
    # the demo's made-up products, and the two with verified NDCs (Ocrevus, Kisunla: issue 18)
    real = {"50242015001", "00002940101"}
    assert len(inventory) == 20 and {i["ndc"] for i in inventory} >= real
    assert all(i["name"].startswith("DEMO") for i in inventory if i["ndc"] not in real)
    start = NOW - timedelta(hours=2)
    event = contracts.OrderAdministered(
        order_id=uuid.uuid4(), practice_id="demo-clinic", patient_id=uuid.uuid4(),
        diagnoses=["G43.709"], payer=contracts.PayerRef(payer_id="medicare", member_id="1EG4T"),
        rendering_provider_npi="1234567893", completed_at=NOW, administrations=[
            contracts.Administration(line_sequence=1, drug_code="magnesium", mode="infusion",
                                     started_at=start, stopped_at=start + timedelta(minutes=30),
                                     dose_given=D("2"), dose_unit="g", ndc="99207-0001-25"),
            contracts.Administration(line_sequence=2, drug_code="ketorolac", mode="push",
                                     started_at=start + timedelta(minutes=31),
                                     stopped_at=start + timedelta(minutes=32),
                                     dose_given=D("30"), dose_unit="mg", ndc="99207000225"),
        ])
    async with runtime.uow() as uow:
        claim_id = await billing.bill_visit(uow=uow, event=event, now=NOW)
        await uow.commit()
    claim = (await c.get(f"/v1/claims/{claim_id}")).json()
    assert claim["status"] == "ready", claim["reviews"]
    assert [(ln["code"], ln["units"]) for ln in claim["lines"]] == [
        ("96365", 1), ("96375", 1), ("J3475", 4), ("J1885", 2)]
    assert claim["allowed"] == "89.72"  # 70.85 + 17.60 + 4 x 0.212 + 2 x 0.212, per-line cents
    # the seed's lots are priced from the demo contract: two $1.50 magnesium vials (tier 0) and
    # one $1.14 ketorolac vial (tier 10: 12 packages invoiced before the seed, 28.50 / 25)
    assert claim["acquisition_cost"] == "4.14"
    assert (await c.post(f"/v1/claims/{claim_id}/submit")).status_code == 200
    text = (await c.get(f"/v1/claims/{claim_id}/x12")).text
    assert validate_x12(text) == [] and read_837p(text)[0].total_charge == D("412")
    # the seeded (fake) practice identity, not a setting: infusion-clinic taxonomy, street
    # address with ZIP+4, the lockbox as pay-to
    for segment in ("PRV*BI*PXC*261QI0500X~", "NM1*85*2*CHAIRSIDE INFUSION CENTER*****XX*"
                    "2998877668~", "N3*100 MAIN ST*SUITE 300~", "N4*BOSTON*MA*021101234~",
                    "REF*EI*049990001~", "NM1*87*2~", "N3*PO BOX 4471~"):
        assert segment in text
    # paid to the seeded practice (its billing NPI is the 835's payee)
    r = await c.post("/v1/remittances", content=remittance_for(claim, payee="2998877668"))
    assert r.status_code == 201, r.text
    paid = (await c.get(f"/v1/claims/{claim_id}")).json()
    assert paid["status"] == "paid"
    # allowed less the per-line 2% sequestration (1.13 + 0.28 + 0.01 + 0.01)
    assert D(paid["paid_amount"]) + D(paid["patient_responsibility"]) == D("88.29")
    assert (await c.get("/v1/reports/ar")).status_code == 200
    assert date.fromisoformat(claim["service_date"]) == date(2026, 11, 23)


async def test_demo_gpo_contract_prices_a_delivery_and_shows_savings(embedded):
    c = embedded.client
    [contract] = (await c.get("/v1/purchasing/contracts")).json()["items"]
    assert contract["id"] == "DEMO-GPO-1" and "DEMO" in contract["source"]
    assert all("DEMO" in w["source"] for w in (await c.get("/v1/purchasing/wac")).json()["items"])
    # the neurology products' seeded lots cost the contract's tier 0, their WAC beside it
    # (Ocrevus 17040 vs 17750, Kisunla 667.82 vs 695.65 a single-vial package: demo_gpo.json)
    stock = {i["ndc"]: i for i in (await c.get("/v1/inventory")).json()["items"]}
    for ndc, cost, wac in (("50242015001", "17040.00", "17750.00"),
                           ("00002940101", "667.82", "695.65")):
        [seeded] = stock[ndc]["lots"]
        assert (seeded["vial_cost"], seeded["wac_vial_cost"], seeded["contract_id"]) == (
            cost, wac, "DEMO-GPO-1"), seeded
    # a morning delivery without a price: ketorolac at tier 10 (12 bought + 2), WAC beside it
    # (the seed dates its invoices before the real day it runs: buy on that day too)
    today = datetime.now(UTC).date()
    r = await c.post("/v1/inventory", json={
        "ndc": "99207000225", "lot_number": "GPO1", "packages": 2,
        "expires_on": str(max(NOW.date(), today) + timedelta(days=365)),
        "purchased_on": str(today)})
    assert r.status_code == 201, r.text
    lot = next(x for x in r.json()["lots"] if x["lot_number"] == "GPO1")
    assert (lot["vial_cost"], lot["wac_vial_cost"], lot["contract_id"]) == (
        "1.14", "1.50", "DEMO-GPO-1")  # 28.50 and 37.50 a package of 25
    report = (await c.get("/v1/reports/gpo-savings", params={
        "from": str(today - timedelta(days=60)), "to": str(today)})).json()
    rows = {r["drug"]: r for r in report["rows"]}
    assert (rows["J1885"]["spend"], rows["J1885"]["wac_spend"], rows["J1885"]["savings"]) == (
        "342.00", "450.00", "108.00")  # 12 x 28.50 vs 12 x 37.50
    assert rows["J3230"]["savings"] == "0.00"  # bought off contract at WAC
    # the neurology drugs bought on the contract: (WAC - contract) x packages
    assert (rows["J2350"]["savings"], rows["J0175"]["savings"]) == (
        "2840.00", "111.32"), rows  # 4 x (17750 - 17040); 4 x (695.65 - 667.82)
    assert D(report["total_savings"]) > 0 and D(report["total_rebates_expected"]) > 0
