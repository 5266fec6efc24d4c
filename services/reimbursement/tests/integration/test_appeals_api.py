"""Denials worklist by CARC and claim appeals through the HTTP API on PostgreSQL: a Medicare
claim denied CO-50 is appealed with a document, the document downloads as uploaded, the
decision (won) leaves appeal.decided in the outbox and reopens the claim; a loss offers
the next level; refusals (CARC 29, MA130, late, oversized or mistyped files) change nothing."""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from reimb_it import EPTI, KETO, administered, administration, bill, remittance_for, setup_catalog

from reimbursement.adapters.appeals_orm import claim_appeal_documents, claim_appeals

pytestmark = pytest.mark.integration

AFTER_ERA = datetime(2026, 3, 25, 15, tzinfo=UTC)  # the test 835 is dated 2026-03-20
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


async def outbox(svc) -> list[tuple[str, dict]]:
    table = svc.runtime.spec.tables.outbox
    async with svc.runtime.session_factory() as session:
        rows = (await session.execute(sa.select(table).order_by(table.c.id))).mappings().all()
    return [(r["event_type"], r) for r in rows]


async def counts(svc) -> tuple[int, int]:
    async with svc.runtime.session_factory() as session:
        appeals = (await session.execute(sa.select(sa.func.count()).select_from(
            claim_appeals))).scalar_one()
        docs = (await session.execute(sa.select(sa.func.count()).select_from(
            claim_appeal_documents))).scalar_one()
    return appeals, docs


async def denied_claim(svc, drug: tuple, carc: str, trace: str) -> dict:
    c = svc.client
    claim_id = await bill(svc, administered(administration(1, *drug)))
    assert (await c.post(f"/v1/claims/{claim_id}/submit")).status_code == 200
    claim = (await c.get(f"/v1/claims/{claim_id}")).json()
    deny = {ln["code"]: carc for ln in claim["lines"]}
    r = await c.post("/v1/remittances", content=remittance_for(claim, status="4", deny=deny,
                                                                trace=trace))
    assert r.status_code == 201 and r.json()["claims"][0]["outcome"] == "denied", r.text
    return (await c.get(f"/v1/claims/{claim_id}")).json()


def document(content: bytes = PDF, **kw) -> dict:
    return {"type_code": "11506-3", "type_display": "Progress note",
            "content_type": "application/pdf", "title": "Infusion note and policy criteria",
            "date": "2026-03-02", "author_id": "Practitioner/7f1c",
            "data": base64.b64encode(content).decode()} | kw


async def test_worklist_by_carc_then_an_appeal_won_with_a_document(svc):
    c = svc.client
    await setup_catalog(c)
    necessity = await denied_claim(svc, ("eptinezumab", EPTI, "100", 0, 35), "50", "EFT1")
    late = await denied_claim(svc, ("ketorolac", KETO, "30", 0, 1, "push"), "29", "EFT2")
    svc.clock.now = AFTER_ERA

    worklist = {w["claim_id"]: w for w in (await c.get("/v1/claims/denials")).json()}
    w = worklist[necessity["id"]]
    assert (w["carcs"], w["suggested_action"], w["payer_type"], w["determined_on"],
            w["act_by"]) == (["50"], "appeal", "medicare", "2026-03-20", "2026-07-18")
    assert w["open_amount"] == necessity["total_charge"]
    assert (worklist[late["id"]]["suggested_action"], worklist[late["id"]]["act_by"]) == (
        "write_off", None)
    grouped = (await c.get("/v1/claims/denials/by-carc")).json()
    assert grouped["claims"] == 2 and "payer-exchange.md" in grouped["source"]
    by = {g["carc"]: g for g in grouped["groups"]}
    assert (by["50"]["action"], by["50"]["claims"], by["50"]["amount"],
            by["50"]["earliest_act_by"]) == ("appeal", 1, necessity["total_charge"],
                                             "2026-07-18")
    assert (by["29"]["action"], by["29"]["claims"], by["29"]["amount"]) == (
        "write_off", 1, late["total_charge"])
    assert [g["carc"] for g in grouped["groups"]] == ["50", "29"]  # most dollars first

    # timely filing (CARC 29) is not appealable: 409, nothing stored
    r = await c.post(f"/v1/claims/{late['id']}/appeals", json={"reason": "please"})
    assert r.status_code == 409 and r.json()["suggested_action"] == "write_off"
    # MA130: no appeal rights
    r = await c.post(f"/v1/claims/{necessity['id']}/appeals",
                     json={"reason": "x", "remark_codes": ["MA130"]})
    assert r.status_code == 409 and r.json()["suggested_action"] == "correct_and_resubmit"
    assert await counts(svc) == (0, 0)

    r = await c.post(f"/v1/claims/{necessity['id']}/appeals",
                     json={"reason": "meets the LCD: 3 failed preventives documented"})
    assert r.status_code == 201, r.text
    appeal = r.json()
    assert (appeal["level"], appeal["kind"], appeal["status"], appeal["clock_from"],
            appeal["deadline"], appeal["carcs"]) == (
        "redetermination", "appeal", "draft", "2026-03-20", "2026-07-18", ["50"])
    assert appeal["amount_in_controversy"] == necessity["total_charge"]
    # a second appeal while this one is open: 409
    r = await c.post(f"/v1/claims/{necessity['id']}/appeals", json={"reason": "again"})
    assert r.status_code == 409

    r = await c.post(f"/v1/claim-appeals/{appeal['id']}/documents", json=document())
    assert r.status_code == 201, r.text
    doc = r.json()
    assert (doc["size"], doc["sha256"], doc["content_type"]) == (
        len(PDF), hashlib.sha256(PDF).hexdigest(), "application/pdf")
    assert doc["fhir"]["resourceType"] == "DocumentReference"
    assert doc["fhir"]["type"]["coding"][0] == {"system": "http://loinc.org",
                                                "code": "11506-3", "display": "Progress note"}
    got = await c.get(doc["url"])
    assert got.status_code == 200 and got.content == PDF
    assert got.headers["content-type"] == "application/pdf"

    r = await c.post(f"/v1/claim-appeals/{appeal['id']}/file",
                     json={"payer_reference": "RDT-1"})
    assert r.status_code == 200 and (r.json()["status"], r.json()["filed_on"]) == (
        "filed", "2026-03-25")
    r = await c.post(f"/v1/claim-appeals/{appeal['id']}/decision",
                     json={"outcome": "won", "decided_on": "2026-04-20",
                           "amount_awarded": "100.00"})
    assert r.status_code == 200, r.text
    decided = r.json()
    assert (decided["status"], decided["outcome"], decided["next_level"],
            decided["claim_reopen"]) == ("decided", "won", None, "reopened")
    assert [d["id"] for d in decided["documents"]] == [doc["id"]]
    # a decided appeal takes no more documents, and is not decided twice
    r = await c.post(f"/v1/claim-appeals/{appeal['id']}/documents",
                     json=document(b"%PDF-1.4 other"))
    assert r.status_code == 409
    r = await c.post(f"/v1/claim-appeals/{appeal['id']}/decision",
                     json={"outcome": "lost", "decided_on": "2026-04-21"})
    assert r.status_code == 409

    events = [(t, row) for t, row in await outbox(svc) if t.startswith("appeal.")]
    assert [t for t, _ in events] == ["appeal.filed", "appeal.decided"]
    payload = json.loads(events[1][1]["payload"])
    assert (payload["appeal_id"], payload["claim_id"], payload["outcome"],
            payload["reopen_claim"], payload["level"]) == (
        appeal["id"], necessity["id"], "won", True, "redetermination")
    assert events[1][1]["key"] == necessity["order_id"]


async def test_appeal_won_reopens_the_claim_for_payment(svc):
    """Filing moves the denied claim to ``appealed``; a win (here in part) reopens it for
    payment (``accepted``) in the decision's transaction, both steps in its history."""
    c = svc.client
    await setup_catalog(c)
    claim = await denied_claim(svc, ("eptinezumab", EPTI, "100", 0, 35), "197", "EFT1")
    svc.clock.now = AFTER_ERA
    appeal = (await c.post(f"/v1/claims/{claim['id']}/appeals",
                           json={"reason": "auth on file"})).json()
    assert (await c.get(f"/v1/claims/{claim['id']}")).json()["status"] == "denied"  # a draft
    await c.post(f"/v1/claim-appeals/{appeal['id']}/file", json={})
    assert (await c.get(f"/v1/claims/{claim['id']}")).json()["status"] == "appealed"
    r = await c.post(f"/v1/claim-appeals/{appeal['id']}/decision",
                     json={"outcome": "partially_won", "decided_on": "2026-04-20",
                           "amount_awarded": "50.00"})
    assert r.json()["claim_reopen"] == "reopened"
    assert r.json()["next_level"] == "reconsideration"  # a partial win may go further
    after = (await c.get(f"/v1/claims/{claim['id']}")).json()
    assert after["status"] == "accepted"
    steps = [(h["action"], h["from_status"], h["to_status"], h["actor"])
             for h in after["history"]][-2:]
    assert steps == [("appeal", "denied", "appealed", "system:appeals"),
                     ("reopen", "appealed", "accepted", "system:appeals")]
    assert f"appeal {appeal['id']} won" in after["history"][-1]["reason"]


async def test_a_lost_appeal_leaves_the_claim_appealed(svc):
    c = svc.client
    await setup_catalog(c)
    claim = await denied_claim(svc, ("eptinezumab", EPTI, "100", 0, 35), "50", "EFT1")
    svc.clock.now = AFTER_ERA
    appeal = (await c.post(f"/v1/claims/{claim['id']}/appeals",
                           json={"reason": "records attached"})).json()
    await c.post(f"/v1/claim-appeals/{appeal['id']}/file", json={})
    r = await c.post(f"/v1/claim-appeals/{appeal['id']}/decision",
                     json={"outcome": "lost", "decided_on": "2026-04-20"})
    assert r.status_code == 200 and r.json()["claim_reopen"] is None
    assert (await c.get(f"/v1/claims/{claim['id']}")).json()["status"] == "appealed"


async def test_a_loss_offers_the_next_level_and_escalation_counts_from_the_decision(svc):
    c = svc.client
    await setup_catalog(c)
    claim = await denied_claim(svc, ("eptinezumab", EPTI, "100", 0, 35), "151", "EFT1")
    svc.clock.now = AFTER_ERA
    first = (await c.post(f"/v1/claims/{claim['id']}/appeals",
                          json={"reason": "dose per label"})).json()
    r = await c.post(f"/v1/claim-appeals/{first['id']}/escalate", json={"reason": "too early"})
    assert r.status_code == 409
    await c.post(f"/v1/claim-appeals/{first['id']}/file", json={"filed_on": "2026-03-26"})
    r = await c.post(f"/v1/claim-appeals/{first['id']}/decision",
                     json={"outcome": "lost", "decided_on": "2026-05-01"})
    assert (r.json()["next_level"], r.json()["next_deadline"]) == ("reconsideration",
                                                                   "2026-10-28")
    r = await c.post(f"/v1/claim-appeals/{first['id']}/escalate", json={"reason": "to the QIC"})
    assert r.status_code == 201, r.text
    second = r.json()
    assert (second["level"], second["level_number"], second["clock_from"], second["deadline"],
            second["previous_appeal_id"]) == ("reconsideration", 2, "2026-05-01",
                                              "2026-10-28", first["id"])
    r = await c.post(f"/v1/claim-appeals/{first['id']}/escalate", json={"reason": "twice"})
    assert r.status_code == 409
    listed = (await c.get(f"/v1/claims/{claim['id']}/appeals")).json()
    assert [a["level"] for a in listed] == ["redetermination", "reconsideration"]


@pytest.mark.parametrize(("body", "status", "field"), [
    (document(content_type="application/zip"), 422, "content_type"),
    (document(data="not base64!"), 422, "data"),
    (document(data=base64.b64encode(b"GIF89a").decode()), 422, "data"),  # not a PDF
    (document(data=base64.b64encode(b"\0" * (10 * 1024 * 1024 + 1)).decode()), 413, "data"),
    (document(type_code="progress"), 422, "type_code"),
    (document(author_id="Dr Jane Doe"), 422, "author_id"),
    ({k: v for k, v in document().items() if k != "title"}, 422, "title"),
])
async def test_bad_documents_are_refused_and_store_nothing(svc, body, status, field):
    c = svc.client
    await setup_catalog(c)
    claim = await denied_claim(svc, ("eptinezumab", EPTI, "100", 0, 35), "50", "EFT1")
    svc.clock.now = AFTER_ERA
    appeal = (await c.post(f"/v1/claims/{claim['id']}/appeals", json={"reason": "r"})).json()
    r = await c.post(f"/v1/claim-appeals/{appeal['id']}/documents", json=body)
    assert r.status_code == status, r.text
    problem = r.json()
    assert r.headers["content-type"].startswith("application/problem+json")
    assert any(e["field"].endswith(field) for e in problem.get("errors", [])), problem
    assert await counts(svc) == (1, 0)


@pytest.mark.parametrize(("path", "body", "status"), [
    ("appeals", {"reason": ""}, 422),
    ("appeals", {"reason": "r", "payer_type": "tricare"}, 422),
    ("appeals", {"reason": "r", "remark_codes": ["not a rarc"]}, 422),
    ("appeals", {"reason": "r", "clerical": True, "payer_type": "commercial"}, 409),
])
async def test_bad_appeal_requests_change_nothing(svc, path, body, status):
    c = svc.client
    await setup_catalog(c)
    claim = await denied_claim(svc, ("eptinezumab", EPTI, "100", 0, 35), "50", "EFT1")
    svc.clock.now = AFTER_ERA
    r = await c.post(f"/v1/claims/{claim['id']}/{path}", json=body)
    assert r.status_code == status, r.text
    assert await counts(svc) == (0, 0)


async def test_late_appeal_and_unknown_ids(svc):
    c = svc.client
    await setup_catalog(c)
    claim = await denied_claim(svc, ("eptinezumab", EPTI, "100", 0, 35), "50", "EFT1")
    svc.clock.now = datetime(2026, 7, 19, 15, tzinfo=UTC)  # redetermination due 2026-07-18
    r = await c.post(f"/v1/claims/{claim['id']}/appeals", json={"reason": "late"})
    assert r.status_code == 409 and r.json()["deadline"] == "2026-07-18"
    r = await c.post(f"/v1/claims/{claim['id']}/appeals", json={"reason": "x", "clerical": True})
    assert r.status_code == 201 and (r.json()["kind"], r.json()["deadline"]) == (
        "reopening", "2027-03-20")
    missing = "00000000-0000-4000-8000-000000000000"
    assert (await c.get(f"/v1/claim-appeals/{missing}")).status_code == 404
    assert (await c.post(f"/v1/claims/{missing}/appeals", json={"reason": "x"})).status_code == 404
    assert (await c.get(f"/v1/claim-appeals/{r.json()['id']}/documents/{missing}/content")
            ).status_code == 404
