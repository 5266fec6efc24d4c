"""Coordination of benefits on PostgreSQL through the API (payer-exchange.md §6, cases 26-27):
a primary 835 for a patient with a secondary coverage builds the secondary claim (its 837P
valid, 2320 AMT*D = what the primary paid, every line balanced); a crossover 835 builds none
and holds the statement until the crossover payer's 835 or a biller's release; the statement
PDF's text names the practice, the patient, each payer and the amount due (the last payer's
PR); credit balances list what a payer paid twice. Every name and id is synthetic."""

from __future__ import annotations

import io
import logging
from datetime import UTC, date, datetime
from decimal import Decimal as D
from uuid import UUID

import pytest
from pypdf import PdfReader
from reimb_it import (
    EPTI,
    IDENTITY,
    administered,
    administration,
    bill,
    clp_for,
    remittance_of,
    setup_catalog,
)

from reimbursement.adapters.clients import IdentityUnavailable, StaticPayerIdentitySource
from reimbursement.adapters.x12.read_837 import loop_segments
from reimbursement.adapters.x12.validate import validate_x12
from reimbursement.adapters.x12.write_835 import ClpSpec, RemitSpec, SvcSpec, write_835
from reimbursement.domain.parties import Coverage
from reimbursement.entrypoints.api.deps import get_identities
from reimbursement.testing import COVERAGE_ID, coverage

pytestmark = pytest.mark.integration

SECONDARY_ID = UUID("00000000-0000-4000-8000-0000000000c2")
SECONDARY = Coverage(SECONDARY_ID, "bay-medigap", "XGP55501", "self", None,
                     priority="secondary", group_number="MG-1")
MEDIGAP_CONTRACT = {"name": "Bay State Medigap", "kind": "commercial",
                    "drug_basis": "asp_percent", "drug_percent": "1.06",
                    "x12_payer_id": "BSMG1", "claim_filing": "CI", "source": "test"}


async def primary_claim(svc, *, secondary: bool = True) -> dict:
    """A submitted Medicare claim for a patient with (or without) a Medigap coverage."""
    c = svc.client
    await setup_catalog(c)
    r = await c.put("/v1/fee-schedules/contracts/bay-medigap", json=MEDIGAP_CONTRACT)
    assert r.status_code == 200, r.text
    event = administered(administration(1, "eptinezumab", EPTI, "100", 0, 35))
    primary = coverage(payer_id="medicare")  # the order's own (IDENTITY's), priority primary
    assert primary.id == COVERAGE_ID and primary.priority == "primary"
    svc.identities.patient_coverages[event.patient_id] = (
        [primary, SECONDARY] if secondary else [primary])
    claim_id = await bill(svc, event)
    r = await c.post(f"/v1/claims/{claim_id}/submit")
    assert r.status_code == 200, r.text
    return r.json()


def loop(text: str, name: str) -> list[str]:
    return [s.text for s in loop_segments(text) if s.loop == name]


def secondary_835(claim: dict, primary: dict, *, pays: D) -> str:
    """The Medigap payer's 835 for the secondary claim: of each line's remaining patient
    share (the primary's PR) it pays ``pays`` and leaves the rest as PR-1; the primary's part
    is OA-23."""
    prior = {p["line"]: D(0) for p in primary["payments"][0]["adjustments"]}
    for a in primary["payments"][0]["adjustments"]:
        if a["group"] == "PR":
            prior[a["line"]] += D(a["amount"])
    services = []
    for ln in claim["lines"]:
        label = ln["code"] + "".join(f"-{m}" for m in ln["modifiers"])
        share = prior[label]
        paid = (share * pays).quantize(D("0.01"))
        charge = D(ln["charge"])
        services.append(SvcSpec(ln["code"], charge, paid, [("OA", "23", charge - share),
                                                           ("PR", "1", share - paid)],
                                tuple(ln["modifiers"]), ln["units"]))
    spec = RemitSpec("Bay State Medigap", "BSMG1", "Chairside", "1245319599", "MG-EFT-1",
                     date(2026, 4, 2), [ClpSpec(claim["account_number"], "2", services,
                                                payer_claim_number="MG-ICN-1")])
    return write_835(spec, control_number=9, created_at=datetime(2026, 4, 2, 12, tzinfo=UTC))


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


async def test_case27_primary_835_builds_the_secondary_claim_then_the_statement(svc, caplog):
    caplog.set_level(logging.DEBUG)
    c = svc.client
    claim = await primary_claim(svc)
    r = await c.post("/v1/remittances", content=remittance_of([clp_for(claim)]))
    assert r.status_code == 201, r.text
    primary = (await c.get(f"/v1/claims/{claim['id']}")).json()
    assert primary["status"] == "paid"
    primary_paid = D(primary["paid_amount"])
    assert primary_paid == sum((D(x["paid"]) for x in primary["lines"]), D(0)) > 0
    cob = primary["cob"]
    assert (cob["role"], cob["state"]) == ("primary", "secondary_built")
    secondary_id = cob["secondary_claim_id"]
    # a claim of its own, listed with the others, naming its primary
    listed = (await c.get("/v1/claims", params={"order_id": claim["order_id"]})).json()["items"]
    assert {x["id"] for x in listed} == {claim["id"], secondary_id}
    secondary = next(x for x in listed if x["id"] == secondary_id)
    assert (secondary["payer_id"], secondary["status"]) == ("bay-medigap", "ready")
    assert secondary["cob"]["role"] == "secondary"
    assert secondary["cob"]["primary_claim_id"] == claim["id"]
    assert secondary["coverage_id"] == str(SECONDARY_ID)
    assert secondary["account_number"] != claim["account_number"]
    assert [(x["code"], x["charge"]) for x in secondary["lines"]] == [
        (x["code"], x["charge"]) for x in claim["lines"]]
    assert secondary["acquisition_cost"] == "0.00"  # the visit's stock counts once
    # the secondary 837P: valid, SBR01 S, 2320 AMT*D = the primary's paid, balanced lines
    x12 = await c.get(f"/v1/claims/{secondary_id}/x12")
    assert x12.status_code == 200, x12.text
    assert validate_x12(x12.text) == []
    assert loop(x12.text, "2000B")[1] == "SBR*S*18*MG-1******CI"
    assert loop(x12.text, "2010BB") == ["NM1*PR*2*BAY STATE MEDIGAP*****PI*BSMG1"]
    other = loop(x12.text, "2320")
    assert other[0] == "SBR*P*18*******MB"
    assert f"AMT*D*{primary_paid.normalize():f}" in other
    pr = sum((D(a["amount"]) for a in primary["payments"][0]["adjustments"]
              if a["group"] == "PR"), D(0))
    assert f"AMT*EAF*{pr.normalize():f}" in other
    assert loop(x12.text, "2330B")[-1] == f"REF*F8*PCN{claim['account_number']}"
    svd = [s for s in loop(x12.text, "2430") if s.startswith("SVD")]
    assert [s.split("*")[2] for s in svd] == [x["paid"].rstrip("0").rstrip(".")
                                              for x in primary["lines"]]
    for ln in claim["lines"]:  # SV102 = SVD02 + sum of that line's CAS
        label = ln["code"] + "".join(f"-{m}" for m in ln["modifiers"])
        cas = sum((D(a["amount"]) for a in primary["payments"][0]["adjustments"]
                   if a["line"] == label), D(0))
        paid = next(D(x["paid"]) for x in primary["lines"] if x["number"] == ln["number"])
        assert D(ln["charge"]) == paid + cas
    # while the secondary is pending, no statement
    r = await c.get(f"/v1/claims/{claim['id']}/statement")
    assert r.status_code == 409 and "secondary claim is pending" in r.json()["reason"]
    # the secondary is submitted (its identity check uses the Medigap coverage) and paid
    r = await c.post(f"/v1/claims/{secondary_id}/submit")
    assert r.status_code == 200 and r.json()["status"] == "submitted", r.text
    secondary = r.json()
    r = await c.post("/v1/remittances", content=secondary_835(secondary, primary,
                                                              pays=D("0.5")))
    assert r.status_code == 201, r.text
    paid2 = (await c.get(f"/v1/claims/{secondary_id}")).json()
    assert paid2["status"] == "paid"
    owed = sum((D(a["amount"]) for a in paid2["payments"][0]["adjustments"]
                if a["group"] == "PR"), D(0))
    assert owed == pr - D(paid2["paid_amount"]) and owed > 0
    # the statement: the last payer's PR, every payer's part, practice and patient
    for which in (claim["id"], secondary_id):
        r = await c.get(f"/v1/claims/{which}/statement")
        assert r.status_code == 200, r.text
        assert r.headers["content-type"] == "application/pdf"
        text = pdf_text(r.content)
        assert "Chairside Infusion Center" in text
        assert "100 Main St" in text and "Boston, MA 02110-1234" in text
        assert "Ana M Rivera" in text
        assert "42 Elm St" in text and "Quincy, MA 02169" in text
        assert "Date of service: 2026-03-02" in text
        assert f"Account: {claim['account_number']}" in text
        assert "96365" in text and "J3032-JZ" in text
        assert "Medicare Part B" in text and "Bay State Medigap" in text
        assert f"${primary_paid:,.2f}" in text and f"${D(paid2['paid_amount']):,.2f}" in text
        assert text.rstrip().endswith(f"AMOUNT DUE ${owed:,.2f}")
    assert (await c.get("/v1/claims/credit-balances")).json() == []
    # what was logged on the way names claims by id, never the patient or the member ids
    assert "reimbursement.cob" in {r.name for r in caplog.records}
    for phi in ("Rivera", "RIVERA", "Elm St", "Quincy", "1961", "1EG4TE5MK72", "XGP55501"):
        assert phi not in caplog.text
    # the visit's margin counts its charges and revenue once (the secondary bills the share)
    [row] = (await c.get("/v1/reports/margin", params={
        "from": "2026-03-01", "to": "2026-03-31", "by": "visit"})).json()["rows"]
    assert (row["key"], row["claims"], row["charges"]) == (
        claim["order_id"], 1, claim["total_charge"])


async def test_case26_crossover_builds_no_secondary_and_holds_the_statement(svc):
    c = svc.client
    claim = await primary_claim(svc)
    clp = clp_for(claim, status="19")
    crossed = ClpSpec(clp.account, "19", [
        SvcSpec(s.code, s.charge, s.paid, s.adjustments, s.modifiers, s.units, s.allowed,
                remarks=("MA18",)) for s in clp.services])
    r = await c.post("/v1/remittances", content=remittance_of([crossed]))
    assert r.status_code == 201, r.text
    primary = (await c.get(f"/v1/claims/{claim['id']}")).json()
    assert primary["cob"]["state"] == "awaiting_crossover"
    assert primary["cob"]["secondary_claim_id"] is None
    listed = (await c.get("/v1/claims", params={"order_id": claim["order_id"]})).json()["items"]
    assert [x["id"] for x in listed] == [claim["id"]]  # no secondary claim
    r = await c.post(f"/v1/claims/{claim['id']}/cob")  # coordinating again changes nothing
    assert r.status_code == 200 and r.json()["state"] == "awaiting_crossover"
    r = await c.get(f"/v1/claims/{claim['id']}/statement")
    assert r.status_code == 409 and "crossover" in r.json()["reason"]
    # the crossover payer's 835 arrives on the same claim (CLP02 2): statement released
    r = await c.post("/v1/remittances", content=secondary_835(claim, primary, pays=D("0.75")))
    assert r.status_code == 201, r.text
    after = (await c.get(f"/v1/claims/{claim['id']}")).json()
    assert after["cob"]["state"] == "crossover_received"
    crossover = next(p for p in after["payments"] if p["status_code"] == "2")
    owed = sum((D(a["amount"]) for a in crossover["adjustments"] if a["group"] == "PR"), D(0))
    r = await c.get(f"/v1/claims/{claim['id']}/statement")
    assert r.status_code == 200, r.text
    text = pdf_text(r.content)
    assert "BAY STATE MEDIGAP" in text and "Medicare Part B" in text  # as its 835 says
    assert text.rstrip().endswith(f"AMOUNT DUE ${owed:,.2f}")
    assert (await c.get("/v1/claims/credit-balances")).json() == []


async def test_a_biller_releases_a_crossover_hold(svc):
    c = svc.client
    claim = await primary_claim(svc)
    r = await c.post("/v1/remittances", content=remittance_of([clp_for(claim, status="19")]))
    assert r.status_code == 201, r.text
    assert (await c.get(f"/v1/claims/{claim['id']}")).json()["cob"]["crossover"] == "forwarded"
    r = await c.post(f"/v1/claims/{claim['id']}/cob/release", json={"released_by": ""})
    assert r.status_code == 422
    r = await c.post(f"/v1/claims/{claim['id']}/cob/release",
                     json={"released_by": "biller-7", "reason": "Medigap denied crossover"})
    assert r.status_code == 200 and r.json()["state"] == "released", r.text
    r = await c.post(f"/v1/claims/{claim['id']}/cob/release",
                     json={"released_by": "biller-7", "reason": "again"})
    assert r.status_code == 409
    primary = (await c.get(f"/v1/claims/{claim['id']}")).json()
    r = await c.get(f"/v1/claims/{claim['id']}/statement")
    assert r.status_code == 200, r.text
    assert pdf_text(r.content).rstrip().endswith(
        f"AMOUNT DUE ${D(primary['patient_responsibility']):,.2f}")


async def test_no_other_coverage_the_primary_is_last_and_a_double_payment_is_a_credit(svc):
    c = svc.client
    claim = await primary_claim(svc, secondary=False)
    r = await c.post("/v1/remittances", content=remittance_of([clp_for(claim)]))
    assert r.status_code == 201, r.text
    primary = (await c.get(f"/v1/claims/{claim['id']}")).json()
    assert primary["cob"]["state"] == "last_payer"
    r = await c.get(f"/v1/claims/{claim['id']}/statement")
    assert r.status_code == 200
    assert "Bay State Medigap" not in pdf_text(r.content)
    assert (await c.get("/v1/claims/credit-balances")).json() == []
    # the payer pays the same claim again (a second 835, no reversal): a credit to refund
    r = await c.post("/v1/remittances", content=remittance_of([clp_for(claim)], trace="EFT2"))
    assert r.status_code == 201, r.text
    once = D(primary["paid_amount"])
    [credit] = (await c.get("/v1/claims/credit-balances")).json()
    assert credit["claim_id"] == claim["id"]
    assert (credit["paid"], credit["due"], credit["credit"]) == (
        f"{2 * once:.2f}", f"{once:.2f}", f"{once:.2f}")
    csv_text = (await c.get("/v1/claims/credit-balances.csv")).text
    assert csv_text.splitlines() == [
        "claim_id,payer_id,paid,due,credit,reason",
        f"{claim['id']},medicare,{2 * once:.2f},{once:.2f},{once:.2f},{credit['reason']}"]


async def test_nothing_owed_is_a_409_with_the_reason(svc):
    c = svc.client
    claim = await primary_claim(svc, secondary=False)
    clp = clp_for(claim)
    no_pr = ClpSpec(clp.account, "1", [
        SvcSpec(s.code, s.charge, s.paid + sum((a[2] for a in s.adjustments if a[0] == "PR"),
                                               D(0)),
                [a for a in s.adjustments if a[0] != "PR"], s.modifiers, s.units)
        for s in clp.services])
    r = await c.post("/v1/remittances", content=remittance_of([no_pr]))
    assert r.status_code == 201, r.text
    r = await c.get(f"/v1/claims/{claim['id']}/statement")
    assert r.status_code == 409 and r.json()["reason"] == "nothing owed"
    r = await c.get("/v1/claims/00000000-0000-4000-8000-00000000dead/statement")
    assert r.status_code == 404


class CoveragesDown(StaticPayerIdentitySource):
    """Orders answers the payer identity but cannot list coverages (an outage)."""

    async def coverages(self, *, patient_id: UUID) -> list[Coverage]:
        raise IdentityUnavailable("orders service answered 503")


async def test_an_orders_outage_keeps_the_835_posted_and_cob_runs_again_later(svc):
    c = svc.client
    claim = await primary_claim(svc)
    down = CoveragesDown(default=IDENTITY)
    svc.app.dependency_overrides[get_identities] = lambda: down
    r = await c.post("/v1/remittances", content=remittance_of([clp_for(claim)]))
    assert r.status_code == 201, r.text  # the payment is posted all the same
    primary = (await c.get(f"/v1/claims/{claim['id']}")).json()
    assert primary["status"] == "paid" and primary["cob"] is None
    r = await c.post(f"/v1/claims/{claim['id']}/cob")
    assert r.status_code == 503
    r = await c.get(f"/v1/claims/{claim['id']}/statement")
    assert r.status_code == 409 and "not decided yet" in r.json()["reason"]
    svc.app.dependency_overrides[get_identities] = lambda: svc.identities
    r = await c.post(f"/v1/claims/{claim['id']}/cob")
    assert r.status_code == 200 and r.json()["state"] == "secondary_built", r.text
    again = await c.post(f"/v1/claims/{claim['id']}/cob")  # decided once
    assert again.json()["secondary_claim_id"] == r.json()["secondary_claim_id"]
