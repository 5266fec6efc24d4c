"""The claim exchange on PostgreSQL against the clearinghouse sandbox as a real HTTP server:
payer-exchange.md §8 cases 12 (999 IK5 R), 13 (277CA A7, a new frequency-1 version), 14 (A2 +
REF*1K), 15 (replacement of a paid claim), 16 (void without an ICN) and 28 (timely filing)."""

from __future__ import annotations

import json
from datetime import timedelta

import httpx
import pytest
import sqlalchemy as sa
from reimb_exchange import USER, exchange_service, get, new_claim, poll
from reimb_it import (
    T0,
    remittance_for,
)

from clearinghouse_sandbox.config import ClaimScenario, SandboxConfig
from clearinghouse_sandbox.testing import running_sandbox
from reimbursement.adapters.clearinghouse import HttpClearinghouse, InboxFile
from reimbursement.service import exchange, identity

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def sandbox():
    with running_sandbox(SandboxConfig()) as sb:
        yield sb


@pytest.fixture
async def xsvc(make_database, broker, sandbox):
    async with exchange_service(make_database, broker, sandbox) as svc:
        yield svc


async def outbox_types(svc) -> list[tuple[str, dict]]:
    table = svc.runtime.spec.tables.outbox
    async with svc.runtime.session_factory() as session:
        rows = (await session.execute(sa.select(table).order_by(table.c.id))).all()
    return [(r.event_type, json.loads(r.payload)) for r in rows]


def steps(claim: dict) -> list[tuple[str | None, str, str]]:
    return [(h["from_status"], h["to_status"], h["actor"]) for h in claim["history"]]


async def test_case_14_a2_with_ref_1k_accepts_the_claim_and_stores_its_icn(xsvc):
    claim = await new_claim(xsvc)
    r = await xsvc.client.post(f"/v1/claims/{claim['id']}/submit", headers=USER)
    assert r.status_code == 200, r.text
    sent = r.json()
    assert sent["status"] == "submitted" and sent["clm01"] == claim["account_number"]
    [version] = sent["submissions"]
    assert version["control_number"] is not None and version["frequency"] == "1"
    [batch] = xsvc.sandbox.app.state.store.batches
    assert [c["clm01"] for c in batch["claims"]] == [claim["account_number"]]
    assert batch["errors"] == []  # the sandbox's pyx12 front end took it
    received = await poll(xsvc)
    assert [(f.kind, f.outcome) for f in received] == [("999", "applied"), ("277", "applied")]
    icn = batch["claims"][0]["icn"]
    done = await get(xsvc, claim["id"])
    assert (done["status"], done["payer_claim_number"]) == ("accepted", icn)
    assert done["submissions"][0]["icn"] == icn and done["submissions"][0]["outcome"] == (
        "accepted")
    assert steps(done) == [(None, "ready", "system:billing"),
                           ("ready", "submitted", "user:u-42@console"),
                           ("submitted", "accepted", "system:clearinghouse-exchange")]
    events = [(t, p) for t, p in await outbox_types(xsvc) if t == "claim.accepted"]
    assert [(p["clm01"], p["payer_claim_number"]) for _, p in events] == [
        (claim["account_number"], icn)]
    # every claim event names the claim's practice: the gateway routes webhooks on it
    published = await outbox_types(xsvc)
    assert {t for t, _ in published} >= {"claim.created", "claim.submitted", "claim.accepted"}
    assert {p["practice_id"] for t, p in published if t.startswith("claim.")} == {
        claim["practice_id"]}
    assert await poll(xsvc) == []  # the mailbox is empty once applied


async def test_case_12_ik5_r_rejects_every_claim_of_the_set(xsvc):
    claims = [await new_claim(xsvc) for _ in range(3)]
    named = claims[0]["account_number"]
    xsvc.sandbox.set_config(SandboxConfig(claims={named: ClaimScenario(
        ack="R", error_segment="CLM", error_element=5, error_element_ref="1325")}))
    for claim in claims:  # submitted without sending: one batch carries all three
        await identity.submit_checked(uow=xsvc.runtime.uow(), claim_id=claim["id"],
                                      source=xsvc.identities, now=T0)
    sent = await exchange.transmit(uow=xsvc.runtime.uow(), claim_ids=[c["id"] for c in claims],
                                   source=xsvc.identities, clearinghouse=xsvc.clearinghouse,
                                   now=T0)
    assert sent.control_number is not None and len(sent.claim_ids) == 3
    [received] = await poll(xsvc)
    assert (received.kind, received.outcome) == ("999", "applied")
    after = {c["account_number"]: await get(xsvc, c["id"]) for c in claims}
    assert {k: v["status"] for k, v in after.items()} == dict.fromkeys(after, "rejected")
    reasons = after[named]["rejection_reasons"]
    assert reasons[0].startswith("999 IK5 R: transaction set") and named in reasons[0]
    assert any("IK3 CLM segment" in x and "loop 2300" in x and "IK4 CLM05 (element 1325): "
               "invalid code value" in x for x in reasons[1:])
    for other in claims[1:]:
        assert not any("IK3" in x for x in after[other["account_number"]]["rejection_reasons"])
    # never "submitted" again without a new version; the clock still runs
    assert all(v["history"][-1]["action"] == "reject" for v in after.values())


async def test_case_13_a7_rejects_and_a_new_frequency_1_version_is_accepted(xsvc):
    claim = await new_claim(xsvc)
    first = claim["account_number"]
    xsvc.sandbox.set_config(SandboxConfig(claims={first: ClaimScenario(
        status="A7", status_code="562", entity="85")}))
    await xsvc.client.post(f"/v1/claims/{claim['id']}/submit", headers=USER)
    await poll(xsvc)
    rejected = await get(xsvc, claim["id"])
    assert rejected["status"] == "rejected"
    assert rejected["rejection_reasons"] == [
        "277CA A7 rejected for invalid information: status code 562, billing provider"]
    assert rejected["payer_claim_number"] is None
    r = await xsvc.client.post(f"/v1/claims/{rejected['id']}/replace", json={"reason": "x"})
    assert r.status_code == 409  # no adjudication happened: not a replacement
    r = await xsvc.client.post(f"/v1/claims/{claim['id']}/submit", headers=USER)
    assert r.status_code == 200, r.text
    again = r.json()
    assert again["status"] == "submitted"
    second = again["submissions"][1]
    assert (second["clm01"], second["frequency"], second["original_icn"]) == (
        f"{first}-2", "1", None)
    await poll(xsvc)
    accepted = await get(xsvc, claim["id"])
    assert accepted["status"] == "accepted" and accepted["payer_claim_number"]
    assert [s["outcome"] for s in accepted["submissions"]] == ["rejected", "accepted"]
    assert [h["action"] for h in accepted["history"]] == [
        "build", "submit", "reject", "settle", "submit", "accept"]
    assert accepted["history"][3]["to_status"] == "ready"  # fixed: identities checked again


async def test_case_15_a_paid_claim_is_replaced_with_frequency_7_and_ref_f8(xsvc):
    claim = await new_claim(xsvc)
    await xsvc.client.post(f"/v1/claims/{claim['id']}/submit", headers=USER)
    await poll(xsvc)
    icn = (await get(xsvc, claim["id"]))["payer_claim_number"]
    r = await xsvc.client.post("/v1/remittances", content=remittance_for(claim))
    assert r.status_code == 201, r.text
    assert (await get(xsvc, claim["id"]))["status"] == "paid"
    r = await xsvc.client.post(f"/v1/claims/{claim['id']}/replace", json={"reason": "x"})
    assert r.status_code == 409  # Medicare FFS by default: MACs reopen instead
    assert r.json()["type"].endswith("replacement-not-accepted")
    r = await xsvc.client.put("/v1/payer-claim-rules/medicare",
                              json={"accepts_replacement_claims": True})
    assert r.status_code == 200 and r.json()["accepts_replacement_claims"] is True
    r = await xsvc.client.post(f"/v1/claims/{claim['id']}/replace",
                               json={"reason": "units corrected"}, headers=USER)
    assert r.status_code == 200, r.text
    replaced = r.json()
    assert replaced["status"] == "corrected" and replaced["frequency"] == "7"
    version = replaced["submissions"][-1]
    assert (version["original_icn"], version["clm01"]) == (icn, f"{claim['account_number']}-2")
    batch = xsvc.sandbox.app.state.store.batches[-1]
    assert batch["errors"] == []
    assert [(c["clm01"], c["frequency"], c["original_icn"]) for c in batch["claims"]] == [
        (version["clm01"], "7", icn)]
    assert replaced["history"][-1] == {
        "action": "correct", "from_status": "paid", "to_status": "corrected",
        "actor": "user:u-42@console", "at": replaced["history"][-1]["at"],
        "reason": "units corrected"}
    # all lines go with the replacement
    text = await xsvc.client.get(f"/v1/claims/{claim['id']}/x12")
    assert text.text.count("LX*") == len(claim["lines"]) and f"REF*F8*{icn}~" in text.text


async def test_case_16_a_void_without_an_icn_is_refused_naming_it(xsvc):
    claim = await new_claim(xsvc)
    xsvc.sandbox.set_config(SandboxConfig(claim_default=ClaimScenario(send_icn=False)))
    await xsvc.client.post(f"/v1/claims/{claim['id']}/submit", headers=USER)
    await poll(xsvc)
    accepted = await get(xsvc, claim["id"])
    assert accepted["status"] == "accepted" and accepted["payer_claim_number"] is None
    batches = len(xsvc.sandbox.app.state.store.batches)
    r = await xsvc.client.post(f"/v1/claims/{claim['id']}/void", json={"reason": "dup"})
    assert r.status_code == 409 and r.headers["content-type"] == "application/problem+json"
    problem = r.json()
    assert problem["type"].endswith("missing-icn")
    assert [e["field"] for e in problem["errors"]] == ["payer_claim_number"]
    after = await get(xsvc, claim["id"])
    assert after["status"] == "accepted" and after["history"] == accepted["history"]
    assert len(xsvc.sandbox.app.state.store.batches) == batches  # nothing sent


async def test_case_28_past_the_timely_filing_limit_nothing_is_submitted(xsvc):
    claim = await new_claim(xsvc)
    xsvc.clock.now = T0 + timedelta(days=396)  # 13 months after the date of service
    r = await xsvc.client.get("/v1/claims/timely-filing", params={"within_days": 30})
    assert [(d["claim_id"], d["deadline"], d["days_left"]) for d in r.json()] == [
        (claim["id"], "2027-03-02", -31)]
    r = await xsvc.client.post(f"/v1/claims/{claim['id']}/submit", headers=USER)
    assert r.status_code == 409, r.text
    problem = r.json()
    assert problem["type"].endswith("timely-filing-expired")
    assert problem["deadline"] == "2027-03-02" and "2027-03-02" in problem["detail"]
    after = await get(xsvc, claim["id"])
    assert after["status"] == "ready" and after["submissions"] == []
    assert xsvc.sandbox.app.state.store.batches == []
    # a payer with 180 days on file: the worklist names it from the data
    xsvc.clock.now = T0 + timedelta(days=170)
    r = await xsvc.client.put("/v1/payer-claim-rules/medicare",
                              json={"timely_filing_days": 180})
    assert r.status_code == 200 and r.json()["accepts_replacement_claims"] is False
    r = await xsvc.client.get("/v1/claims/timely-filing", params={"within_days": 30})
    assert [(d["deadline"], d["days_left"]) for d in r.json()] == [("2026-08-29", 10)]


async def test_an_invalid_inbound_file_is_kept_as_a_problem_and_not_applied(xsvc):
    claim = await new_claim(xsvc)
    await xsvc.client.post(f"/v1/claims/{claim['id']}/submit", headers=USER)
    inbox = await xsvc.clearinghouse.inbox()
    await xsvc.clearinghouse.remove(inbox[1].id)
    broken = inbox[1].text.replace("STC*A2:20", "STC*Z9:20")  # not a category
    received = await exchange.receive(uow=xsvc.runtime.uow(), file=InboxFile(
        "X1", "277CA", broken.replace("REF*1K", "REF*XX")), now=T0)
    assert received.outcome == "problem" and received.problems
    for f in await xsvc.clearinghouse.inbox():
        await xsvc.clearinghouse.remove(f.id)
    assert (await get(xsvc, claim["id"]))["status"] == "submitted"
    again = await exchange.receive(uow=xsvc.runtime.uow(), file=InboxFile(
        "X1", "277CA", broken.replace("REF*1K", "REF*XX")), now=T0)
    assert again.outcome == "duplicate"


async def test_the_clearinghouse_down_leaves_the_version_to_send_later(xsvc):
    claim = await new_claim(xsvc)
    down = HttpClearinghouse("http://127.0.0.1:9")  # nothing listens there
    await identity.submit_checked(uow=xsvc.runtime.uow(), claim_id=claim["id"],
                                  source=xsvc.identities, now=T0)
    sent = await exchange.transmit(uow=xsvc.runtime.uow(), claim_ids=[claim["id"]],
                                   source=xsvc.identities, clearinghouse=down, now=T0)
    assert sent.control_number is None and sent.unavailable
    assert (await get(xsvc, claim["id"]))["submissions"][0]["control_number"] is None
    [later] = await exchange.transmit_pending(uow=xsvc.runtime.uow(), source=xsvc.identities,
                                              clearinghouse=xsvc.clearinghouse, now=T0)
    assert later.control_number is not None and later.claim_ids == (
        __import__("uuid").UUID(claim["id"]),)
    assert [c["clm01"] for c in xsvc.sandbox.app.state.store.batches[-1]["claims"]] == [
        claim["account_number"]]


async def test_an_835_from_the_mailbox_is_posted_through_import_remittance(xsvc):
    claim = await new_claim(xsvc)
    await xsvc.client.post(f"/v1/claims/{claim['id']}/submit", headers=USER)
    await poll(xsvc)
    async with httpx.AsyncClient(base_url=xsvc.sandbox.base_url) as sb:
        r = await sb.post("/admin/inbox", content=remittance_for(claim, trace="EFTMAIL1"),
                          headers={"x-file-kind": "835"})
        assert r.status_code == 201
    [received] = await poll(xsvc)
    assert (received.kind, received.outcome) == ("835", "applied")
    assert [(c["clm01"], c["outcome"]) for c in received.claims] == [
        (claim["account_number"], "paid")]
    paid = await get(xsvc, claim["id"])
    assert paid["status"] == "paid" and len(paid["payments"]) == 1
    assert paid["history"][-1]["from_status"] == "accepted"


async def test_the_sandbox_payer_short_pays_and_the_835_posts(xsvc):
    claim = await new_claim(xsvc)
    xsvc.sandbox.set_config(SandboxConfig(claims={claim["account_number"]: ClaimScenario(
        remit="short")}))
    await xsvc.client.post(f"/v1/claims/{claim['id']}/submit", headers=USER)
    received = await poll(xsvc)
    assert [(f.kind, f.outcome) for f in received] == [
        ("999", "applied"), ("277", "applied"), ("835", "applied")]
    paid = await get(xsvc, claim["id"])
    assert paid["status"] == "paid" and paid["payments"][0]["status_code"] == "1"
    assert [h["to_status"] for h in paid["history"]] == ["ready", "submitted", "accepted",
                                                         "paid"]
    assert sum(float(ln["paid"]) for ln in paid["lines"]) == float(paid["paid_amount"]) > 0


async def test_an_837p_pyx12_refuses_is_not_sent_and_the_claim_says_why(make_database, broker,
                                                                          sandbox):
    # the submitter id (1000A NM109) must be 2-80 characters: one is not valid X12
    async with exchange_service(make_database, broker, sandbox, submitter_id="C") as svc:
        claim = await new_claim(svc)
        r = await svc.client.post(f"/v1/claims/{claim['id']}/submit", headers=USER)
        assert r.status_code == 200, r.text
        refused = r.json()
        assert refused["status"] == "rejected"
        assert refused["rejection_reasons"]
        assert all(x.startswith("837P not sent, invalid X12 (pyx12): ")
                   for x in refused["rejection_reasons"])
        assert refused["rejection_reasons"] == [
            '837P not sent, invalid X12 (pyx12): NM1 (line 5): 4 Data element "Submitter '
            'Identifier" (NM109) is too short: len("C") = 1 < 2 (min_len)']
        assert sandbox.app.state.store.batches == []  # nothing left Chairside
        assert refused["history"][-1]["actor"] == "system:clearinghouse-exchange"


async def test_an_835_from_the_mailbox_is_followed_by_coordination_of_benefits(xsvc):
    """The worker posts the payer's 835 and then decides what follows it, as POST
    /v1/remittances does: here the patient has no other coverage, so this payer was the last."""
    claim = await new_claim(xsvc)
    xsvc.sandbox.set_config(SandboxConfig(claims={claim["account_number"]: ClaimScenario(
        remit="paid")}))
    r = await xsvc.client.post(f"/v1/claims/{claim['id']}/submit", headers=USER)
    assert r.status_code == 200, r.text
    received = await exchange.poll_once(uow=xsvc.runtime.uow(),
                                        clearinghouse=xsvc.clearinghouse, now=xsvc.clock.now,
                                        source=xsvc.identities)
    assert [(f.kind, f.outcome) for f in received] == [
        ("999", "applied"), ("277", "applied"), ("835", "applied")]
    done = await get(xsvc, claim["id"])
    assert done["status"] == "paid"
    assert (done["cob"]["role"], done["cob"]["state"]) == ("primary", "last_payer")
