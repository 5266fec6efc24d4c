"""The billing API on PostgreSQL: a visit billed from its administration, FEFO stock, 837P and
FHIR exports, submit, 835 posting (paid, partial, denied, reversed, duplicate, malformed),
review and rebuild, stock-out refusal, ASP import, reports."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
import sqlalchemy as sa
from reimb_it import (
    ASP_CSV,
    EPTI,
    INFLIX,
    KETO,
    administered,
    administration,
    approval,
    bill,
    remittance_for,
    setup_catalog,
)
from sqlalchemy.exc import IntegrityError

from reimbursement.adapters import orm
from reimbursement.adapters.x12.read_837 import read_837p
from reimbursement.adapters.x12.validate import validate_x12

pytestmark = pytest.mark.integration


async def outbox(svc) -> list[tuple[str, str]]:
    table = svc.runtime.spec.tables.outbox
    async with svc.runtime.session_factory() as session:
        rows = (await session.execute(sa.select(table).order_by(table.c.id))).all()
    return [(r.event_type, r.key) for r in rows]


async def lots(c, ndc) -> dict[str, str]:
    items = (await c.get("/v1/inventory")).json()["items"]
    item = next(x for x in items if x["ndc"] == ndc)
    return {lot["lot_number"]: lot["vials_on_hand"] for lot in item["lots"]}


async def test_a_visit_from_administration_to_posted_payment(svc):
    c = svc.client
    await setup_catalog(c)
    event = administered(administration(1, "eptinezumab", "70001-0001-01", "300", 0, 35))
    claim_id = await bill(svc, event, approve=approval(event.order_id))
    claim = (await c.get(f"/v1/claims/{claim_id}")).json()
    assert claim["status"] == "ready" and claim["auth_number"] == "PA-778899"
    assert [(ln["code"], ln["modifiers"], ln["units"], ln["ndc_qty"]) for ln in claim["lines"]] == [
        ("96365", [], 1, None), ("J3032", ["JZ"], 300, "3")]
    assert claim["total_charge"] == "7850.00"  # 350 + 300 x 25
    assert claim["allowed"] == "3251.32" and claim["expected_payment"] == "3199.30"
    # FEFO: the lot expiring 2026-06-30 went first, then two vials of the later lot
    assert await lots(c, EPTI) == {"E-LATE": "1"}
    assert claim["acquisition_cost"] == "4950.00" and claim["expected_margin"] == "-1750.70"
    # 837P: valid 005010X222A1, reads back with the auth number and the NDC
    x12 = await c.get(f"/v1/claims/{claim_id}/x12")
    assert x12.status_code == 200 and validate_x12(x12.text) == []
    [read] = read_837p(x12.text)
    assert (read.account_number, read.auth_number) == (claim["account_number"], "PA-778899")
    assert [(r.code, r.modifiers, r.ndc) for r in read.lines] == [
        ("96365", (), None), ("J3032", ("JZ",), EPTI)]
    fhir = await c.get(f"/v1/claims/{claim_id}/fhir")
    assert fhir.headers["content-type"].startswith("application/fhir+json")
    assert fhir.json()["insurance"][0]["preAuthRef"] == ["PA-778899"]
    # submit once; a second submit is a 409
    r = await c.post(f"/v1/claims/{claim_id}/submit")
    assert r.status_code == 200 and r.json()["status"] == "submitted"
    r = await c.post(f"/v1/claims/{claim_id}/submit")
    assert r.status_code == 409 and r.headers["content-type"].startswith("application/problem")
    batch = await c.get("/v1/claims/x12")
    assert batch.status_code == 200 and validate_x12(batch.text) == []
    # the payer pays: 835 posted, claim paid, events out
    r = await c.post("/v1/remittances", content=remittance_for(claim))
    assert r.status_code == 201, r.text
    assert r.json()["claims"][0]["outcome"] == "paid"
    paid = (await c.get(f"/v1/claims/{claim_id}")).json()
    assert paid["status"] == "paid" and paid["paid_amount"] == "2549.04"
    assert paid["patient_responsibility"] == "650.26"
    assert [ln["paid"] for ln in paid["lines"]] == ["55.92", "2493.12"]
    assert paid["payments"][0]["contractual"] == "4650.70"
    # the same file again posts nothing
    again = await c.post("/v1/remittances", content=remittance_for(claim))
    assert again.status_code == 201 and again.json()["duplicate"] is True
    assert (await c.get(f"/v1/claims/{claim_id}")).json()["paid_amount"] == "2549.04"
    assert await outbox(svc) == [("claim.created", str(event.order_id)),
                                 ("claim.submitted", str(event.order_id)),
                                 ("claim.paid", str(event.order_id))]


async def test_partial_payment_denial_worklist_and_reversal(svc):
    c = svc.client
    await setup_catalog(c)
    a = await bill(svc, administered(administration(1, "eptinezumab", EPTI, "100", 0, 35)))
    b = await bill(svc, administered(administration(1, "ketorolac", KETO, "30", 0, 1, "push")))
    claim_a = (await c.get(f"/v1/claims/{a}")).json()
    claim_b = (await c.get(f"/v1/claims/{b}")).json()
    # posting against a claim the payer never received is held, not applied
    r = await c.post("/v1/remittances", content=remittance_for(claim_b, trace="EFT0"))
    assert r.status_code == 201
    assert r.json()["claims"][0]["outcome"] == "unsubmitted"
    held = (await c.get(f"/v1/claims/{b}")).json()
    assert held["status"] == "ready" and D(held["paid_amount"]) == 0
    assert [p["outcome"] for p in held["payments"]] == ["unsubmitted"]
    for claim_id in (a, b):
        assert (await c.post(f"/v1/claims/{claim_id}/submit")).status_code == 200
    r = await c.post("/v1/remittances", content=remittance_for(claim_a, deny={"J3032": "197"}))
    assert r.json()["claims"][0]["outcome"] == "partially_paid"
    r = await c.post("/v1/remittances", content=remittance_for(claim_b, status="4",
                                                                deny={"96374": "50", "J1885": "50"},
                                                                trace="EFT2"))
    assert r.json()["claims"][0]["outcome"] == "denied"
    worklist = (await c.get("/v1/claims/denials")).json()
    assert {(w["claim_id"], w["status"]) for w in worklist} == {(str(a), "partially_paid"),
                                                                (str(b), "denied")}
    partial = next(w for w in worklist if w["claim_id"] == str(a))
    assert partial["denial_reasons"] == ["CO-197 precertification/authorization absent"]
    assert [ln["code"] for ln in partial["denied_lines"]] == ["J3032"]
    # the payer takes back the partial payment
    r = await c.post("/v1/remittances", content=remittance_for(
        claim_a, status="22", deny={"J3032": "197"}, sign=-1, trace="EFT3"))
    assert r.json()["claims"][0]["outcome"] == "reversed"
    reversed_ = (await c.get(f"/v1/claims/{a}")).json()
    assert reversed_["status"] == "reversed" and D(reversed_["paid_amount"]) == 0
    assert [p["outcome"] for p in reversed_["payments"]] == ["partially_paid", "reversed"]
    kinds = [e for e, _ in await outbox(svc)]
    assert kinds.count("claim.paid") == 1 and kinds.count("claim.denied") == 1


@pytest.mark.parametrize(("mutate", "line", "reason"), [
    (lambda t: t.replace("*CHK*", "*CHK*", 1).replace("BPR*I*", "BPR*I*1", 1), 4, "BPR02"),
    (lambda t: t.replace("CAS*CO*45*", "CAS*ZZ*45*", 1), None, "unknown adjustment group"),
    (lambda t: t.replace("SVC*HC:96365*350*", "SVC*HC:96365*351*", 1), None, "service 96365"),
])
async def test_malformed_835_is_rejected_with_lines_and_posts_nothing(svc, mutate, line, reason):
    c = svc.client
    await setup_catalog(c)
    claim_id = await bill(svc, administered(administration(1, "eptinezumab", EPTI, "100", 0, 35)))
    claim = (await c.get(f"/v1/claims/{claim_id}")).json()
    bad = mutate(remittance_for(claim))
    r = await c.post("/v1/remittances", content=bad)
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["title"] == "Remittance rejected" and "nothing was posted" in body["detail"]
    hit = [e for e in body["errors"] if reason in e["message"]]
    assert hit and all(e["field"].startswith("line ") for e in body["errors"])
    if line is not None:
        assert hit[0]["field"] == f"line {line}"
    assert (await c.get(f"/v1/claims/{claim_id}")).json()["status"] == "ready"
    async with svc.runtime.session_factory() as session:
        assert (await session.execute(sa.select(sa.func.count()).select_from(
            orm.remittances))).scalar_one() == 0


async def test_unknown_ndc_needs_review_then_rebuilds_after_the_product_is_added(svc):
    c = svc.client
    await setup_catalog(c, lots={EPTI: [("E1", "2027-01-31", 2)]})
    claim_id = await bill(svc, administered(
        administration(1, "eptinezumab", EPTI, "100", 0, 35),
        administration(2, "ketorolac", "70003-0003-25", "30", 40, 41, "push")))
    claim = (await c.get(f"/v1/claims/{claim_id}")).json()
    assert claim["status"] == "needs_review"
    assert [(r["code"], r["line"]) for r in claim["reviews"]] == [("unknown_ndc", 2)]
    assert "70003-0003-25" in claim["reviews"][0]["detail"]
    r = await c.post(f"/v1/claims/{claim_id}/submit")
    assert r.status_code == 409 and r.json()["reasons"][0]["code"] == "unknown_ndc"
    assert (await c.get(f"/v1/claims/{claim_id}/x12")).status_code == 409
    r = await c.post("/v1/inventory", json={
        "ndc": KETO, "lot_number": "K9", "expires_on": "2027-01-31", "packages": 1,
        "product": {"ndc": KETO, "name": "ketorolac 30 mg/mL SDV", "hcpcs": "J1885",
                    "strength": "30", "strength_unit": "mg", "volume_ml": "1",
                    "vials_per_package": 25, "single_dose": True, "ndc_unit": "ML",
                    "package_cost": "25.00", "cost_source": "GPO"}})
    assert r.status_code == 201
    rebuilt = (await c.post(f"/v1/claims/{claim_id}/rebuild")).json()
    assert rebuilt["status"] == "ready" and rebuilt["reviews"] == []
    assert [ln["code"] for ln in rebuilt["lines"]] == ["96365", "96375", "J3032", "J1885"]
    assert await lots(c, KETO) == {"K9": "24"}  # drawn at rebuild
    assert await lots(c, EPTI) == {"E1": "1"}  # not drawn twice
    assert rebuilt["acquisition_cost"] == "1651.00"


async def test_stock_out_is_refused_flagged_and_never_negative(svc):
    c = svc.client
    await setup_catalog(c, lots={INFLIX: [("I1", "2027-01-31", 2)]})
    claim_id = await bill(svc, administered(
        administration(1, "infliximab", INFLIX, "360", 0, 120, wasted="40")))
    claim = (await c.get(f"/v1/claims/{claim_id}")).json()
    assert claim["status"] == "ready"  # the drug was given: bill it, fix the stock record
    assert any("needs 4 vials, 2 usable on hand; not deducted" in w for w in claim["warnings"])
    assert await lots(c, INFLIX) == {"I1": "2"}
    inventory = (await c.get("/v1/inventory")).json()
    assert [f["kind"] for f in inventory["flags"]] == ["stock_out"]
    assert claim["acquisition_cost"] == "2600.00"  # catalogue price for what was refused
    async with svc.runtime.uow() as uow:  # the database refuses negative stock by itself
        with pytest.raises(IntegrityError, match="stock_never_negative"):
            await uow.session.execute(orm.lots.update().values(vials_on_hand=D("-1")))
            await uow.session.commit()


async def test_asp_import_rejects_with_lines_and_imports_all_or_nothing(svc):
    c = svc.client
    bad = ASP_CSV + '"J1100","Dexamethasone","1 MG","abc",""\n"J9","x","1 MG","1",""\n'
    r = await c.post("/v1/fee-schedules/asp", params={"quarter": "2026Q1"}, content=bad)
    assert r.status_code == 422
    assert [(e["field"], e["message"]) for e in r.json()["errors"]] == [
        ("line 7", "J1100: not a decimal amount: 'abc'"), ("line 8", "invalid HCPCS code 'J9'")]
    assert [x for x in (await c.get("/v1/fee-schedules")).json()["items"]
            if x["kind"] == "asp_quarter"] == []
    r = await c.post("/v1/fee-schedules/asp", params={"quarter": "2026Q1"}, content=ASP_CSV)
    assert r.status_code == 201 and r.json()["rows"] == 3 and r.json()["replaced"] is False
    r = await c.post("/v1/fee-schedules/asp", params={"quarter": "2026Q1"},
                     content=ASP_CSV.replace("10.600", "10.700"))
    assert r.json()["replaced"] is True
    q = (await c.get("/v1/fee-schedules/asp/2026Q1")).json()
    assert next(p for p in q["prices"] if p["hcpcs"] == "J3032")["payment_limit"] == "10.7"
    r = await c.post("/v1/fee-schedules/asp", params={"quarter": "2026-1"}, content=ASP_CSV)
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "quarter"


@pytest.mark.parametrize(("body", "field"), [
    ({"ndc": "5165508952", "lot_number": "L1", "expires_on": "2027-01-01", "packages": 1},
     "ndc"),
    ({"ndc": EPTI, "lot_number": "L 1", "expires_on": "2027-01-01", "packages": 1},
     "lot_number"),
    ({"ndc": EPTI, "lot_number": "L1", "expires_on": "2027-01-01", "packages": 0}, "packages"),
    ({"ndc": EPTI, "lot_number": "L1", "expires_on": "2027-01-01", "packages": 1,
      "package_cost": "-5"}, "package_cost"),
])
async def test_bad_inventory_input_is_422_and_stores_nothing(svc, body, field):
    r = await svc.client.post("/v1/inventory", json=body)
    assert r.status_code == 422, r.text
    assert r.json()["errors"][0]["field"] == field
    assert (await svc.client.get("/v1/inventory")).json()["items"] == []


async def test_a_refused_receipt_leaves_no_new_product_behind(svc):
    r = await svc.client.post("/v1/inventory", json={
        "ndc": KETO, "lot_number": "K1", "expires_on": "2020-01-31", "packages": 1,
        "product": {"ndc": KETO, "name": "ketorolac 30 mg/mL SDV", "hcpcs": "J1885",
                    "strength": "30", "strength_unit": "mg", "volume_ml": "1",
                    "vials_per_package": 25, "single_dose": True, "ndc_unit": "ML",
                    "package_cost": "25.00", "cost_source": "GPO"}})
    assert r.status_code == 409, r.text  # the lot is already expired
    assert (await svc.client.get("/v1/inventory")).json()["items"] == []


async def test_receipt_for_unknown_ndc_is_404_and_expired_lot_is_409(svc):
    c = svc.client
    r = await c.post("/v1/inventory", json={"ndc": EPTI, "lot_number": "L1",
                                            "expires_on": "2027-01-01", "packages": 1})
    assert r.status_code == 404
    await setup_catalog(c, lots={EPTI: [("E1", "2027-01-31", 1)]})
    r = await c.post("/v1/inventory", json={"ndc": EPTI, "lot_number": "OLD",
                                            "expires_on": "2026-01-01", "packages": 1})
    assert r.status_code == 409 and "already expired" in r.json()["detail"]


async def test_reports_margin_and_ar(svc):
    c = svc.client
    await setup_catalog(c)
    a = await bill(svc, administered(administration(1, "eptinezumab", EPTI, "100", 0, 35)))
    await bill(svc, administered(administration(1, "ketorolac", KETO, "30", 0, 1, "push")))
    claim_a = (await c.get(f"/v1/claims/{a}")).json()
    await c.post(f"/v1/claims/{a}/submit")
    await c.post("/v1/remittances", content=remittance_for(claim_a))
    r = await c.get("/v1/reports/margin", params={"from": "2026-03-01", "to": "2026-03-31",
                                                  "by": "drug"})
    assert r.status_code == 200, r.text
    rows = {row["key"]: row for row in r.json()["rows"]}
    assert set(rows) == {"J3032", "J1885"}
    assert rows["J3032"]["acquisition_cost"] == "1650.00"
    r = await c.get("/v1/reports/margin", params={"from": "2026-03-01", "to": "2026-03-31",
                                                  "by": "payer"})
    assert [row["key"] for row in r.json()["rows"]] == ["medicare"]
    assert r.json()["rows"][0]["claims"] == 2
    r = await c.get("/v1/reports/ar", params={"from": "2026-03-01", "to": "2026-03-31"})
    body = r.json()
    assert r.status_code == 200 and body["denial_rate"] == "0" and body["open_claims"] == 0
    r = await c.get("/v1/reports/margin", params={"from": "2026-03-31", "to": "2026-03-01"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "to"
    r = await c.get("/v1/claims", params={"status": "bogus"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "status"


async def test_claim_list_pagination_and_filters(svc):
    c = svc.client
    await setup_catalog(c)
    orders = []
    for _ in range(3):
        event = administered(administration(1, "ketorolac", KETO, "30", 0, 1, "push"))
        orders.append(event.order_id)
        await bill(svc, event)
    page = (await c.get("/v1/claims", params={"limit": 2})).json()
    assert len(page["items"]) == 2 and page["next_cursor"]
    rest = (await c.get("/v1/claims", params={"limit": 2, "cursor": page["next_cursor"]})).json()
    assert len(rest["items"]) == 1 and rest["next_cursor"] is None
    ids = {x["id"] for x in page["items"] + rest["items"]}
    assert len(ids) == 3
    one = (await c.get("/v1/claims", params={"order_id": str(orders[1])})).json()["items"]
    assert [x["order_id"] for x in one] == [str(orders[1])]
    assert (await c.get("/v1/claims", params={"practice_id": "other"})).json()["items"] == []
    r = await c.get("/v1/claims", params={"cursor": "garbage!"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "cursor"
    assert (await c.get("/v1/claims/00000000-0000-4000-8000-000000000000")).status_code == 404
