"""Group purchasing on PostgreSQL through the service API: GPO contracts, WAC and wholesaler
invoices (refused whole with the field named), receipts priced from the contract in force at
the tier reached, the GPO savings report (JSON and CSV); and, with the service running on the
broker, the demand projection of scheduling events behind the reorder suggestions. Prices are
test data."""

from __future__ import annotations

import csv
import io
import uuid
from datetime import datetime, timedelta
from decimal import Decimal as D
from types import SimpleNamespace

import httpx
import pytest
import sqlalchemy as sa
from aiokafka import AIOKafkaProducer
from reimb_it import (
    EPTI,
    INFLIX,
    KETO,
    PRODUCTS,
    T0,
    administered,
    administration,
    setup_catalog,
)

from chairside_shared import contracts
from chairside_shared.messaging.envelope import encode, kafka_headers
from chairside_shared.testing.plugin import eventually, running, settings_for_test
from reimbursement.adapters.purchasing_tables import (
    demand_appointments,
    demand_order_lines,
    demand_recalls,
)
from reimbursement.bootstrap import MIGRATIONS
from reimbursement.entrypoints.api.deps import get_now
from reimbursement.entrypoints.consumers import HANDLERS
from reimbursement.main import create_app
from reimbursement.settings import ReimbursementSettings

pytestmark = pytest.mark.integration
# Ocrevus 300 mg/10 mL (its verified NDC); the cost is this test's own figure
OCREVUS = "50242015001"
OCR_PRODUCT = {"name": "Ocrevus (ocrelizumab) 300 mg/10 mL SDV", "hcpcs": "J2350",
               "strength": "300", "strength_unit": "mg", "volume_ml": "10",
               "vials_per_package": 1, "single_dose": True, "ndc_unit": "ML",
               "package_cost": "9000.00", "cost_source": "test cost (not a published price)"}
CONTRACT = {
    "id": "gpo-2026", "gpo": "Test GPO", "name": "test infusion contract",
    "effective_from": "2026-01-01", "effective_to": "2026-12-31", "source": "test data",
    "items": [
        {"code": EPTI, "tiers": [{"min_quantity": 0, "unit_price": "1500.00"},
                                 {"min_quantity": 5, "unit_price": "1400.00"}],
         "rebate": {"kind": "percent", "value": "2"}},
        {"code": "J1885", "tiers": [{"min_quantity": 0, "unit_price": "20.00"}],
         "rebate": {"kind": "per_unit", "value": "0.50"}},
    ]}
WAC = {"prices": [
    {"code": EPTI, "effective_from": "2025-01-01", "package_price": "1800.00", "source": "test"},
    {"code": "J1885", "effective_from": "2025-01-01", "package_price": "30.00",
     "source": "test"}]}


def _fields(r: httpx.Response) -> list[str]:
    assert r.headers["content-type"].startswith("application/problem+json"), r.text
    return [e["field"] for e in r.json()["errors"]]


async def _contract_wac_invoice(c: httpx.AsyncClient) -> None:
    assert (await c.post("/v1/purchasing/contracts", json=CONTRACT)).status_code == 201
    assert (await c.put("/v1/purchasing/wac", json=WAC)).status_code == 200
    r = await c.post("/v1/purchasing/invoices", json={
        "id": "INV-1", "wholesaler": "Test Wholesaler", "invoice_date": "2026-02-10",
        "lines": [{"ndc": EPTI, "quantity": 3, "unit_price": "1500.00",
                   "contract_id": "gpo-2026"},
                  {"ndc": "70003-0003-25", "quantity": 2, "unit_price": "20.00",
                   "contract_id": "gpo-2026"},
                  {"ndc": INFLIX, "quantity": 1, "unit_price": "640.00"}]})
    assert r.status_code == 201, r.text
    assert r.json()["total"] == "5180.00"


async def test_contracts_invoices_receipts_and_savings(svc):
    c = svc.client
    await setup_catalog(c)
    # refused whole, the field named, nothing stored
    bad = CONTRACT | {"items": [{"code": EPTI, "tiers": [
        {"min_quantity": 0, "unit_price": "10"}, {"min_quantity": 5, "unit_price": "11"}]}]}
    r = await c.post("/v1/purchasing/contracts", json=bad)
    assert r.status_code == 422 and _fields(r) == ["items[0].tiers[1].unit_price"]
    r = await c.post("/v1/purchasing/contracts", json=CONTRACT | {"effective_to": "2025-01-01"})
    assert r.status_code == 422 and _fields(r) == ["effective_to"]
    r = await c.post("/v1/purchasing/contracts", json={k: v for k, v in CONTRACT.items()
                                                       if k != "gpo"})
    assert r.status_code == 422 and any("gpo" in f for f in _fields(r))
    assert (await c.get("/v1/purchasing/contracts")).json()["items"] == []
    await _contract_wac_invoice(c)
    assert (await c.post("/v1/purchasing/contracts", json=CONTRACT)).status_code == 409
    [stored] = (await c.get("/v1/purchasing/contracts", params={"on": "2026-03-02"})
                ).json()["items"]
    assert stored["items"][0]["tiers"][1] == {"min_quantity": 5, "unit_price": "1400.00"}
    assert (await c.get("/v1/purchasing/contracts", params={"on": "2027-01-01"})
            ).json()["items"] == []
    for line, field in (({"ndc": EPTI, "quantity": 1, "unit_price": "1",
                          "contract_id": "nope"}, "lines[0].contract_id"),
                        ({"ndc": INFLIX, "quantity": 1, "unit_price": "1",
                          "contract_id": "gpo-2026"}, "lines[0].contract_id"),
                        ({"ndc": "99999000001", "quantity": 1, "unit_price": "1"},
                         "lines[0].ndc")):
        r = await c.post("/v1/purchasing/invoices", json={
            "id": "INV-X", "wholesaler": "W", "invoice_date": "2026-03-01", "lines": [line]})
        assert r.status_code == 422 and _fields(r) == [field], r.text
    r = await c.post("/v1/purchasing/invoices", json={
        "id": "INV-1", "wholesaler": "Test Wholesaler", "invoice_date": "2026-02-10",
        "lines": [{"ndc": EPTI, "quantity": 1, "unit_price": "1"}]})
    assert r.status_code == 409
    assert [i["id"] for i in (await c.get("/v1/purchasing/invoices")).json()["items"]] == [
        "INV-1"]

    # receipts without a price: 3 bought under the contract before today + 2 now = tier 5
    r = await c.post("/v1/inventory", json={"ndc": EPTI, "lot_number": "G1",
                                            "expires_on": "2027-06-30", "packages": 2})
    assert r.status_code == 201, r.text
    lot = next(x for x in r.json()["lots"] if x["lot_number"] == "G1")
    assert (lot["vial_cost"], lot["contract_id"], lot["wac_vial_cost"]) == (
        "1400.00", "gpo-2026", "1800.00")
    assert "gpo-2026" in lot["cost_source"] and "tier >= 5" in lot["cost_source"]
    # bought before the contract: WAC; an explicit price is kept, WAC beside it
    r = await c.post("/v1/inventory", json={"ndc": EPTI, "lot_number": "W1",
                                            "expires_on": "2027-06-30", "packages": 1,
                                            "purchased_on": "2025-12-15"})
    lot = next(x for x in r.json()["lots"] if x["lot_number"] == "W1")
    assert (lot["vial_cost"], lot["contract_id"], lot["cost_source"]) == ("1800.00", None,
                                                                          "WAC")
    r = await c.post("/v1/inventory", json={"ndc": KETO, "lot_number": "K9",
                                            "expires_on": "2027-06-30", "packages": 1,
                                            "package_cost": "22.50"})
    lot = next(x for x in r.json()["lots"] if x["lot_number"] == "K9")
    assert (lot["vial_cost"], lot["wac_vial_cost"], lot["contract_id"]) == ("0.90", "1.20",
                                                                            None)
    # the old lots' fields still read as before
    old = next(x for x in r.json()["lots"] if x["lot_number"] == "K1")
    assert old["vial_cost"] == "1.00" and old["cost_source"] == "GPO test contract"

    r = await c.get("/v1/reports/gpo-savings", params={"from": "2026-01-01", "to": "2026-03-31"})
    assert r.status_code == 200, r.text
    body = r.json()
    rows = {x["drug"]: x for x in body["rows"]}
    assert (rows["J3032"]["spend"], rows["J3032"]["wac_spend"], rows["J3032"]["savings"],
            rows["J3032"]["rebates_expected"]) == ("4500.00", "5400.00", "900.00", "90.00")
    assert (rows["J1885"]["savings"], rows["J1885"]["rebates_expected"]) == ("20.00", "1.00")
    assert (rows["J1745"]["lines_without_wac"], rows["J1745"]["savings"]) == (1, "0.00")
    assert (body["from"], body["total_savings"], body["total_rebates_expected"]) == (
        "2026-01-01", "920.00", "91.00")
    r = await c.get("/v1/reports/gpo-savings.csv", params={"from": "2026-01-01",
                                                           "to": "2026-03-31"})
    assert r.headers["content-type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(r.text)))
    assert [(x["drug"], x["savings"]) for x in table] == [
        ("J1745", "0.00"), ("J1885", "20.00"), ("J3032", "900.00")]
    r = await c.get("/v1/reports/gpo-savings", params={"from": "2026-03-31", "to": "2026-01-01"})
    assert r.status_code == 422 and _fields(r) == ["to"]


# --------------------------------------------------------------------------- the projection
async def _publish(broker, topic: str, event_type: str, payload, key: uuid.UUID) -> None:
    encoded = encode(event_type=event_type, payload=payload, source="test-producer",
                     key=str(key))
    producer = AIOKafkaProducer(bootstrap_servers=broker.bootstrap_servers)
    await producer.start()
    try:
        await producer.send_and_wait(topic, value=encoded.value.encode(),
                                     key=encoded.key.encode(),
                                     headers=kafka_headers(encoded.headers))
    finally:
        await producer.stop()


def _signed(order_id: uuid.UUID, patient: uuid.UUID, dose: str,
            line: contracts.OrderLine | None = None) -> contracts.OrderSigned:
    # no next_dose: a line from an older producer (the recall then counts the dose given)
    line = line or contracts.OrderLine(sequence=1, drug_code="eptinezumab", hcpcs="J3032",
                                       dose=D(dose), dose_unit="mg", mode="infusion",
                                       minutes=30)
    return contracts.OrderSigned(
        order_id=order_id, practice_id="p1", patient_id=patient, urgency="planned",
        lines=[line], estimated_chair_minutes=60, acuity_class="standard",
        requires_driver=False, diagnoses=["G43.709"], patient_age_band="18-64",
        patient_age_years=40, pediatric=False, catalog_version=1, signed_at=T0)


def _recall(patient: uuid.UUID, source: uuid.UUID, target: datetime,
            status: str = "offered", drug: tuple[str, str] = ("eptinezumab", "J3032"),
            ) -> contracts.RecallChanged:
    d = target.date()
    return contracts.RecallChanged(
        recall_id=uuid.uuid4(), patient_id=patient, practice_id="p1",
        drug_code=drug[0], hcpcs=drug[1], status=status, source_order_id=source,
        last_dose_on=d - timedelta(days=84), earliest=d - timedelta(days=2), target_from=d,
        target_to=d + timedelta(days=7), latest=d + timedelta(days=14), occurred_at=T0)


async def _count(runtime, table) -> int:
    async with runtime.session_factory() as session:
        return (await session.execute(sa.select(sa.func.count()).select_from(table))
                ).scalar_one()


async def test_scheduling_events_through_the_broker_drive_reorder_suggestions(
        make_database, fresh_broker):
    # A broker of its own: the counts below are exact, and the session's broker carries
    # other tests' orders and appointments.
    broker = fresh_broker
    url = await make_database("reimbgpo", MIGRATIONS)
    settings = settings_for_test(ReimbursementSettings, database_url=url, broker=broker)
    app = create_app(settings)
    app.dependency_overrides[get_now] = lambda: T0
    runtime = app.state.runtime
    async with running(runtime):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://r") as c:
            await setup_catalog(c)  # eptinezumab: 4 vials on hand
            await _contract_wac_invoice(c)  # 3 packages bought under the contract
            booked_patient, recall_patient = uuid.uuid4(), uuid.uuid4()
            o1, o2, o3 = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
            await _publish(broker, contracts.ORDERS_TOPIC, "order.signed",
                           _signed(o1, booked_patient, "300"), o1)  # 3 vials
            await _publish(broker, contracts.ORDERS_TOPIC, "order.signed",
                           _signed(o2, recall_patient, "200"), o2)  # 2 vials
            await _publish(broker, contracts.ORDERS_TOPIC, "order.signed",
                           _signed(o3, uuid.uuid4(), "900"), o3)  # cancelled visit
            visit = T0 + timedelta(days=3)
            for order_id, status in ((o1, "booked"), (o3, "cancelled")):
                await _publish(broker, contracts.SCHEDULING_TOPIC, f"appointment.{status}",
                               contracts.AppointmentChanged(
                                   appointment_id=uuid.uuid4(), order_id=order_id,
                                   status=status, start=visit, end=visit + timedelta(hours=1),
                                   occurred_at=T0), order_id)
            # a recall of the booked patient inside the visit's window is that visit: once
            await _publish(broker, contracts.SCHEDULING_TOPIC, "recall.offered",
                           _recall(booked_patient, o1, visit), booked_patient)
            await _publish(broker, contracts.SCHEDULING_TOPIC, "recall.overdue",
                           _recall(recall_patient, o2, T0 + timedelta(days=6), "overdue"),
                           recall_patient)
            await _publish(broker, contracts.SCHEDULING_TOPIC, "recall.offered",
                           _recall(recall_patient, o2, T0 + timedelta(days=60)),
                           recall_patient)  # beyond 14 days
            # ocrelizumab's second 300 mg dose given: its recall is the 600 mg maintenance
            # dose (order.signed's next_dose per the regimen), two 300 mg vials, none on hand
            r = await c.put(f"/v1/inventory/{OCREVUS}", json={"ndc": OCREVUS, **OCR_PRODUCT})
            assert r.status_code == 200, r.text
            ms_patient, o4 = uuid.uuid4(), uuid.uuid4()
            await _publish(broker, contracts.ORDERS_TOPIC, "order.signed", _signed(
                o4, ms_patient, "300", contracts.OrderLine(
                    sequence=1, drug_code="ocrelizumab", hcpcs="J2350", dose=D("300"),
                    dose_unit="mg", mode="infusion", minutes=159, dose_number=2,
                    next_dose=D("600"), next_dose_unit="mg")), o4)
            await _publish(broker, contracts.SCHEDULING_TOPIC, "recall.offered",
                           _recall(ms_patient, o4, T0 + timedelta(days=10),
                                   drug=("ocrelizumab", "J2350")), ms_patient)

            async def projected():
                counts = [await _count(runtime, t) for t in (
                    demand_order_lines, demand_appointments, demand_recalls)]
                return counts if counts == [4, 2, 4] else None

            await eventually(projected, timeout_s=30)
            r = await c.get("/v1/purchasing/reorder", params={"days": 14})
            assert r.status_code == 200, r.text
            body = r.json()
            assert (body["today"], body["doses_counted"]) == ("2026-03-02", 3)
            ocr, row = body["rows"]
            assert (ocr["hcpcs"], ocr["vials_needed"], ocr["vials_on_hand"],
                    ocr["shortfall_vials"], ocr["suggested_packages"]) == (
                "J2350", "2", "0", "2", 2), ocr  # 600 mg, not the 300 mg given
            # 3 + 2 vials needed, 4 on hand: 1 short; 3 bought + 1 stays under tier 5
            assert (row["hcpcs"], row["vials_needed"], row["vials_on_hand"],
                    row["shortfall_vials"]) == ("J3032", "5", "4", "1")
            assert (row["basis"], row["contract_id"]) == ("contract", "gpo-2026")
            assert (row["suggested_packages"], row["unit_price"], row["order_cost"],
                    row["wac_cost"]) == (1, "1500.00", "1500.00", "1800.00")
            r = await c.get("/v1/purchasing/reorder", params={"days": 0})
            assert r.status_code == 422, r.text
            assert any(f.endswith("days") for f in _fields(r)), r.text


async def test_margin_by_drug_shows_what_the_contract_saved_on_the_vials_given(svc):
    c = svc.client
    await setup_catalog(c, lots={KETO: [("K1", "2027-01-31", 1)],
                                 INFLIX: [("I1", "2027-01-31", 1)]})
    r = await c.put(f"/v1/inventory/{EPTI}", json={"ndc": EPTI, **PRODUCTS[EPTI]})
    assert r.status_code == 200, r.text
    await _contract_wac_invoice(c)
    r = await c.post("/v1/inventory", json={"ndc": EPTI, "lot_number": "G1",
                                            "expires_on": "2027-06-30", "packages": 2})
    assert r.status_code == 201, r.text  # 3 invoiced + 2: tier 5, 1400 a vial, WAC 1800
    event = administered(administration(1, "eptinezumab", EPTI, "100", 0, 35))
    async with svc.runtime.uow() as uow:
        await HANDLERS["order.administered"](uow, SimpleNamespace(payload=event))
        await uow.commit()
    period = {"from": "2026-03-01", "to": "2026-03-31"}
    rows = {x["key"]: x for x in (await c.get("/v1/reports/margin", params=period | {
        "by": "drug"})).json()["rows"]}
    assert (rows["J3032"]["acquisition_cost"], rows["J3032"]["wac_cost"],
            rows["J3032"]["gpo_savings"]) == ("1400.00", "1800.00", "400.00")
    r = await c.get("/v1/reports/margin.csv", params=period | {"by": "drug"})
    [line] = [x for x in csv.DictReader(io.StringIO(r.text)) if x["key"] == "J3032"]
    assert (line["wac_cost"], line["gpo_savings"]) == ("1800.00", "400.00")
    payer = (await c.get("/v1/reports/margin", params=period | {"by": "payer"})).json()
    assert payer["rows"][0]["gpo_savings"] is None  # only by drug
