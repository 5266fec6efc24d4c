"""835 posting you can trust, through the HTTP API on PostgreSQL (payer-exchange.md §4 and
cases 17-22, 25, 26): one posting per remittance key, also under concurrency; reversals and
corrections net; PLB recoupments open and close on the claim; zero-pay; crossover; files
refused whole are quarantined and listed, nothing posted."""

from __future__ import annotations

import asyncio
from decimal import Decimal as D

import pytest
import sqlalchemy as sa
from reimb_it import (
    EPTI,
    administered,
    administration,
    bill,
    clp_for,
    remittance_for,
    remittance_of,
    resent,
    setup_catalog,
)

from reimbursement.adapters import orm
from reimbursement.adapters.x12.write_835 import ClpSpec, SvcSpec

pytestmark = pytest.mark.integration


async def count(svc, table) -> int:
    async with svc.runtime.session_factory() as session:
        return (await session.execute(sa.select(sa.func.count()).select_from(table))).scalar_one()


async def submitted_claim(svc) -> dict:
    c = svc.client
    await setup_catalog(c)
    claim_id = await bill(svc, administered(administration(1, "eptinezumab", EPTI, "100", 0, 35)))
    r = await c.post(f"/v1/claims/{claim_id}/submit")
    assert r.status_code == 200, r.text
    return r.json()


async def post(c, text: str, status: int = 201) -> dict:
    r = await c.post("/v1/remittances", content=text)
    assert r.status_code == status, r.text
    return r.json()


async def test_case_17_a_resent_835_posts_once(svc):
    c = svc.client
    claim = await submitted_claim(svc)
    text = remittance_for(claim)
    first = await post(c, text)
    assert first["duplicate"] is False and first["claims"][0]["outcome"] == "paid"
    forms = [(breaks, n) for breaks in ("~\r\n", "~", "~\n", "~\r", "~\n\n") for n in (8, 999)]
    for breaks, n in forms:  # every line-break form, new ISA13/GS06/ST02
        again = await post(c, resent(text, breaks, n * 1000 + 7, n, n % 10_000))
        assert again == {"duplicate": True, "remittances": [], "claims": []}
    assert await count(svc, orm.remittances) == 1
    assert await count(svc, orm.claim_payments) == 1
    after = (await c.get(f"/v1/claims/{claim['id']}")).json()
    assert after["paid_amount"] == "886.96" and len(after["payments"]) == 1


async def test_concurrent_posts_of_one_835_post_once(svc):
    c = svc.client
    claim = await submitted_claim(svc)
    text = remittance_for(claim)
    answers = await asyncio.gather(*(c.post("/v1/remittances", content=resent(text, "~\n", i))
                                     for i in (1, 2, 3)))
    assert [r.status_code for r in answers] == [201, 201, 201], [r.text for r in answers]
    assert sorted(r.json()["duplicate"] for r in answers) == [False, True, True]
    assert await count(svc, orm.remittances) == 1
    assert await count(svc, orm.claim_payments) == 1
    assert (await c.get(f"/v1/claims/{claim['id']}")).json()["paid_amount"] == "886.96"


async def test_the_database_refuses_a_second_remittance_with_one_key(svc):
    """Two transactions that both missed the other's row: the unique key decides."""
    from reimbursement.adapters.remittance_repo import DuplicateRemittance, RemittanceRepository
    from reimbursement.adapters.x12.parse_835 import parse_835

    claim = await submitted_claim(svc)
    [remittance] = parse_835(remittance_for(claim))
    factory = svc.runtime.session_factory
    async with factory() as one, factory() as two:
        await RemittanceRepository(one).add(remittance, received_at=svc.clock.now)
        second = asyncio.create_task(RemittanceRepository(two).add(
            remittance, received_at=svc.clock.now))
        await asyncio.sleep(0.2)
        assert not second.done()  # waits on the first transaction's key
        await one.commit()
        with pytest.raises(DuplicateRemittance):
            await second


async def test_case_18_same_trace_from_another_payer_is_another_remittance(svc):
    c = svc.client
    claim = await submitted_claim(svc)
    text = remittance_for(claim)
    await post(c, text)
    other = text.replace("TRN*1*EFT1*10000MCRB1", "TRN*1*EFT1*1999999999")
    assert other != text
    second = await post(c, other)
    assert second["duplicate"] is False
    assert await count(svc, orm.remittances) == 2


async def test_case_19_reversal_and_correction_in_one_file_net(svc):
    c = svc.client
    claim = await submitted_claim(svc)
    await post(c, remittance_for(claim))  # paid 1016.51
    corrected = clp_for(claim, deny={"J3032": "197"})  # only the administration paid
    body = await post(c, remittance_of([clp_for(claim, status="22", sign=-1), corrected],
                                       trace="EFT2"))
    assert body["remittances"][0]["payment_amount"] == "-831.04"  # 55.92 - 886.96
    assert [p["claim_status"] for p in body["claims"]] == ["reversed", "partially_paid"]
    after = (await c.get(f"/v1/claims/{claim['id']}")).json()
    assert (after["status"], after["paid_amount"]) == ("partially_paid", "55.92")
    assert [(p["status_code"], p["paid"]) for p in after["payments"]] == [
        ("1", "886.96"), ("22", "-886.96"), ("1", "55.92")]


async def test_case_20_reversal_now_correction_later_no_double_credit(svc):
    c = svc.client
    claim = await submitted_claim(svc)
    await post(c, remittance_for(claim))
    reversal = remittance_for(claim, status="22", sign=-1, trace="EFT2")
    await post(c, reversal)
    reopened = (await c.get(f"/v1/claims/{claim['id']}")).json()
    assert (reopened["status"], reopened["paid_amount"]) == ("reversed", "0.00")
    await post(c, remittance_of([clp_for(claim, deny={"J3032": "197"})], trace="EFT3"))
    assert (await post(c, resent(reversal, "~\r\n", 5)))["duplicate"] is True
    # the same reversal under a new trace: nothing left to reverse
    refused = await post(c, remittance_for(claim, status="22", sign=-1, trace="EFT4"), 422)
    assert "matches no payment posted" in refused["errors"][0]["message"]
    after = (await c.get(f"/v1/claims/{claim['id']}")).json()
    assert (after["status"], after["paid_amount"]) == ("partially_paid", "55.92")
    assert len(after["payments"]) == 3


async def test_case_21_deferred_recoupment_opens_and_closes_on_the_claim(svc):
    c = svc.client
    claim = await submitted_claim(svc)
    await post(c, remittance_for(claim))
    pcn = f"PCN{claim['account_number']}"
    body = await post(c, remittance_of(
        [clp_for(claim, status="22", sign=-1), clp_for(claim, deny={"J3032": "197"})],
        trace="EFT2", plb=(("WO", pcn, D("-150")),)))
    # BPR02 = sum CLP04 + 150: the payer pays the recoupment now, takes it later
    assert body["remittances"][0]["payment_amount"] == str(D("-831.04") + 150)
    view = (await c.get(f"/v1/claims/{claim['id']}")).json()
    assert view["open_recoupment"] == "150.00"
    assert [(a["reason"], a["reference"], a["amount"]) for a in view["provider_adjustments"]] == [
        ("WO", pcn, "-150.00")]
    other = await bill(svc, administered(administration(1, "eptinezumab", EPTI, "100", 0, 35)))
    other_claim = (await c.post(f"/v1/claims/{other}/submit")).json()
    await post(c, remittance_of([clp_for(other_claim)], trace="EFT3",
                                plb=(("WO", pcn, D("150")),)))
    closed = (await c.get(f"/v1/claims/{claim['id']}")).json()
    assert closed["open_recoupment"] == "0.00" and len(closed["provider_adjustments"]) == 2
    assert closed["paid_amount"] == "55.92"  # recoupment is provider-level, not a CLP


async def test_case_22_unbalanced_file_is_quarantined_and_nothing_posts(svc):
    c = svc.client
    claim = await submitted_claim(svc)
    text = remittance_of([clp_for(claim)], plb=(("WO", "X1", D("-150")),))
    bad = text.replace("BPR*I*1036.96", "BPR*I*886.96")
    assert bad != text
    body = await post(c, bad, 422)
    bpr_line = next(i for i, ln in enumerate(bad.splitlines(), 1) if ln.startswith("BPR*"))
    assert body["type"] == "urn:chairside:problem:remittance-rejected"
    assert body["errors"] == [{"field": f"line {bpr_line}", "message":
                               "BPR: BPR02 886.96 but claims less provider adjustments come "
                               "to 1036.96"}]
    [kept] = (await c.get("/v1/remittances/quarantine")).json()["items"]
    assert kept["id"] == body["quarantine_id"] and kept["reasons"] == body["errors"]
    assert kept["trace_number"] == "EFT1" and kept["keys"][0]["payee"] == "XX:1245319599"
    assert await count(svc, orm.remittances) == 0 and await count(svc, orm.claim_payments) == 0
    assert (await c.get(f"/v1/claims/{claim['id']}")).json()["status"] == "submitted"
    # the payer's corrected file posts (the quarantine holds no key)
    assert (await post(c, text))["duplicate"] is False


async def test_case_25_zero_pay_to_the_deductible_is_paid_zero(svc):
    c = svc.client
    claim = await submitted_claim(svc)
    services = [SvcSpec(ln["code"], D(ln["charge"]), D(0),
                        [("CO", "45", D(ln["charge"]) - D(ln["allowed"])),
                         ("PR", "1", D(ln["allowed"]))], tuple(ln["modifiers"]), ln["units"])
                for ln in claim["lines"]]
    body = await post(c, remittance_of([ClpSpec(claim["account_number"], "1", services)]))
    assert body["claims"][0]["outcome"] == "paid_zero"
    after = (await c.get(f"/v1/claims/{claim['id']}")).json()
    assert (after["status"], after["paid_amount"], after["patient_responsibility"]) == (
        "paid_zero", "0.00", "1131.32")
    worklist = (await c.get("/v1/claims/denials")).json()
    assert worklist == []  # not a denial
    listed = (await c.get("/v1/claims", params={"status": "paid_zero"})).json()["items"]
    assert [x["id"] for x in listed] == [claim["id"]]
    ar = (await c.get("/v1/reports/ar", params={"from": "2026-03-01", "to": "2026-03-31"})
          ).json()
    assert (ar["open_claims"], ar["denial_rate"]) == (0, "0")  # adjudicated, not denied


async def test_crossover_is_flagged_on_the_payment_and_the_claim(svc):
    c = svc.client
    claim = await submitted_claim(svc)
    clp = clp_for(claim, status="19")
    crossover = ClpSpec(clp.account, "19", clp.services, remarks=("MA18",))
    body = await post(c, remittance_of([crossover]))
    assert body["claims"][0]["crossover"] is True
    after = (await c.get(f"/v1/claims/{claim['id']}")).json()
    assert after["awaiting_crossover"] is True and after["payments"][0]["crossover"] is True
    assert after["payments"][0]["remarks"] == ["MA18"]
    assert after["status"] == "paid"


@pytest.mark.parametrize(("mutate", "reason"), [
    (lambda claim, t: t.replace("005010X221A1", "004010X091A1"), "GS08 '004010X091A1' is not"),
    (lambda claim, t: t.replace("CAS*CO*45*", "CAS*CR*45*", 1), "group CR is not valid"),
    (lambda claim, t: t.replace("*XX*1245319599~", "*XX*1234567893~"),
     "payee NPI 1234567893 is not this practice's billing NPI"),
    (lambda claim, t: remittance_for(claim, status="22", sign=-1), "reversal of claim"),
])
async def test_refused_files_post_nothing_and_are_listed(svc, mutate, reason):
    c = svc.client
    claim = await submitted_claim(svc)
    text = remittance_for(claim)
    bad = mutate(claim, text)
    assert bad != text
    body = await post(c, bad, 422)
    assert any(reason in e["message"] and e["field"].startswith("line ")
               for e in body["errors"]), body
    assert "nothing was posted" in body["detail"]
    items = (await c.get("/v1/remittances/quarantine")).json()["items"]
    assert [q["id"] for q in items] == [body["quarantine_id"]]
    assert await count(svc, orm.remittances) == 0 and await count(svc, orm.claim_payments) == 0
    assert (await c.get(f"/v1/claims/{claim['id']}")).json()["status"] == "submitted"


async def test_a_transaction_set_repeated_in_one_file_posts_once(svc):
    c = svc.client
    claim = await submitted_claim(svc)
    text = remittance_for(claim)
    lines = text.splitlines()
    st = next(i for i, ln in enumerate(lines) if ln.startswith("ST*"))
    se = next(i for i, ln in enumerate(lines) if ln.startswith("SE*"))
    twice = lines[:se + 1] + lines[st:se + 1] + ["GE*2*7~"] + lines[se + 2:]
    body = await post(c, "\n".join(twice) + "\n")
    assert (body["duplicate"], len(body["remittances"]), len(body["claims"])) == (False, 1, 1)
    assert await count(svc, orm.claim_payments) == 1
