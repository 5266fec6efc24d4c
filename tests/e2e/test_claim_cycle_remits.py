"""Remittances of payer-exchange.md §8 (cases 17, 19-28) end to end: claims of real visits sent
to the clearinghouse sandbox through the gateway, paid / short-paid by the sandbox's own 835
(fetched by the exchange worker), and hand-made 835s written with the service's 835 writer
posted through POST /v1/remittances where a case needs a file the sandbox does not send.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from uuid import UUID

import pytest
from chairside_client.api.orders import post_patients_patient_id_coverages
from chairside_client.api.reimbursement import (
    get_claims,
    get_claims_denials,
    get_remittances_quarantine,
    get_underpayments,
)
from chairside_client.models import (
    GetUnderpaymentsStatus,
    OrdersCoverageIn,
    OrdersCoverageOut,
    ReimbursementPageClaimOut,
    ReimbursementPageQuarantinedRemittance,
    ReimbursementUnderpaymentPage,
)

from bench import people

from .client import Api, ApiError
from .cycle import (
    claim_when,
    clp,
    money,
    new_control,
    post_835,
    ready_claim,
    remit,
    scenario,
    segments,
    submit,
)
from .visits import billing_npi, claim_now, medicare, new_patient, remittance_for, summit, x12_of


async def underpayments(api: Api, day: str, status: str) -> list[dict]:
    on = date.fromisoformat(day)
    page = await api.wire(ReimbursementUnderpaymentPage, get_underpayments.asyncio_detailed,
                          client=await api.as_(), from_=on, to=on,
                          status=GetUnderpaymentsStatus(status))
    return page["items"]

pytestmark = pytest.mark.e2e


async def paid_by_sandbox(stack, api, payer: dict, **answer) -> dict:
    """A claim submitted and paid by the sandbox payer's 835 (in full unless ``answer``)."""
    claim = await ready_claim(api, payer)
    await scenario(stack, claim["account_number"], **({"remit": "paid"} | answer))
    await submit(api, claim["id"])
    return await claim_when(api, claim["id"], {"paid", "partially_paid", "paid_zero",
                                               "denied"}, "the sandbox's 835 posted")


def in_full(claim: dict, status: str = "1", sign: int = 1):
    """The CLP of a claim paid every line's charge (as the sandbox's ``paid`` 835)."""
    return clp(claim, status, paid={ln["number"]: money(ln["charge"]) for ln in claim["lines"]},
               adjust=lambda ln, p: [], sign=sign, icn=claim["payer_claim_number"])


async def test_case_17_the_same_835_resent_with_crlf_and_a_new_isa13_posts_once(stack, api):
    claim = await ready_claim(api, medicare())
    await submit(api, claim["id"])
    npi = await billing_npi(api)
    text = remit(claim, npi, [clp(claim, "1")], trace="EFT17")
    first = await post_835(api, text)
    assert first["duplicate"] is False and len(first["remittances"]) == 1
    # the payer sends the file again: another interchange (ISA13), CRLF after each segment
    again = remit(claim, npi, [clp(claim, "1")], trace="EFT17").replace("~\n", "~\r\n")
    isa13 = [segments(t)[0].split("*")[13] for t in (text, again)]
    assert isa13[0] != isa13[1] and "\r\n" in again
    second = await post_835(api, again)
    assert second["duplicate"] is True
    assert second["remittances"] == [] and second["claims"] == []  # nothing posted again
    after = await claim_now(api, claim['id'])
    assert after["status"] == "paid" and len(after["payments"]) == 1
    assert after["payments"][0]["remittance_id"] == first["remittances"][0]["id"]
    assert money(after["paid_amount"]) == money(first["claims"][0]["paid"]) > 0


async def test_cases_19_20_reversal_and_correction_net(stack, api):
    npi = await billing_npi(api)
    # 19: the sandbox paid in full; reversal + corrected (20 % less) in one file: net
    one = await paid_by_sandbox(stack, api, summit(f"S{new_control()}"))
    charge = money(one["total_charge"])
    assert money(one["paid_amount"]) == charge
    fixed = {ln["number"]: money(ln["charge"]) * Decimal("0.8") for ln in one["lines"]}
    body = await post_835(api, remit(one, npi, [in_full(one, "22", -1), clp(
        one, "1", paid=fixed, adjust=lambda ln, p: [("CO", "45", money(ln["charge"]) - p)],
        icn=one["payer_claim_number"])]))
    assert money(body["remittances"][0]["payment_amount"]) == sum(fixed.values()) - charge
    after = await claim_now(api, one['id'])
    assert money(after["paid_amount"]) == sum(fixed.values())
    assert [(p["status_code"], money(p["paid"])) for p in after["payments"]] == [
        ("1", charge), ("22", -charge), ("1", sum(fixed.values()))]
    # 20: the reversal now (the balance reopens), the correction later: no double credit
    two = await paid_by_sandbox(stack, api, summit(f"S{new_control()}"))
    reversal = remit(two, npi, [in_full(two, "22", -1)])
    await post_835(api, reversal)
    reopened = await claim_now(api, two['id'])
    assert (reopened["status"], money(reopened["paid_amount"])) == ("reversed", 0)
    await post_835(api, remit(two, npi, [in_full(two)]))
    assert (await post_835(api, reversal.replace("~\n", "~\r\n")))["duplicate"] is True
    final = await claim_now(api, two['id'])
    assert (final["status"], money(final["paid_amount"])) == ("paid", money(two["total_charge"]))
    assert len(final["payments"]) == 3


async def test_case_21_a_plb_wo_leaves_a_deferred_recoupment_open_on_the_claim(stack, api):
    npi = await billing_npi(api)
    claim = await paid_by_sandbox(stack, api, summit(f"S{new_control()}"))
    icn = claim["payer_claim_number"]
    body = await post_835(api, remit(claim, npi, [in_full(claim, "22", -1)],
                                     plb=(("WO", icn, Decimal("-150")),)))
    assert money(body["remittances"][0]["payment_amount"]) == -money(
        claim["total_charge"]) + 150
    view = await claim_now(api, claim['id'])
    assert money(view["open_recoupment"]) == 150
    assert [(a["reason"], a["reference"], money(a["amount"]))
            for a in view["provider_adjustments"]] == [("WO", icn, Decimal(-150))]


async def test_case_22_an_unbalanced_835_is_quarantined_and_nothing_posts(stack, api):
    claim = await ready_claim(api, medicare())
    await submit(api, claim["id"])
    await claim_when(api, claim["id"], {"accepted"}, "accepted by the payer")
    text = remittance_for(claim, trace="EFT22BAD", payee=await billing_npi(api))
    [bpr] = [s for s in segments(text) if s.startswith("BPR*")]
    parts = bpr.split("*")
    parts[2] = str(money(parts[2]) - 10)
    bad = text.replace(bpr, "*".join(parts))
    with pytest.raises(ApiError) as refused:
        await post_835(api, bad)
    assert refused.value.status == 422
    assert refused.value.body["type"] == "urn:chairside:problem:remittance-rejected"
    assert "BPR02" in refused.value.body["errors"][0]["message"]
    kept = await api.every(ReimbursementPageQuarantinedRemittance,
                           get_remittances_quarantine.asyncio_detailed, client=await api.as_())
    [mine] = [q for q in kept if q["id"] == refused.value.body["quarantine_id"]]
    assert mine["trace_number"] == "EFT22BAD" and mine["reasons"] == refused.value.body["errors"]
    after = await claim_now(api, claim['id'])
    assert (after["status"], after["payments"], after["paid_amount"]) == ("accepted", [], "0.00")


async def test_cases_23_24_short_pay_is_underpaid_co_253_on_medicare_is_not(stack, api):
    # 23: the sandbox payer allows far less than the contract expects on every line
    claim = await ready_claim(api, medicare())
    ratio = min(money(ln["allowed"]) / money(ln["charge"]) for ln in claim["lines"])
    ratio = (ratio * Decimal("0.8")).quantize(Decimal("0.0001"))
    await scenario(stack, claim["account_number"], remit="short", allowed_ratio=str(ratio))
    await submit(api, claim["id"])
    await claim_when(api, claim["id"], {"paid"}, "short-paid by the sandbox")
    day = claim["service_date"]
    flagged = await underpayments(api, day, "underpaid")
    mine = [v for v in flagged if v["claim_id"] == claim["id"]]
    assert {v["code"] for v in mine} == {ln["code"] for ln in claim["lines"]}
    for v in mine:
        ln = next(x for x in claim["lines"] if x["code"] == v["code"])
        allowed = (money(ln["charge"]) * ratio).quantize(Decimal("0.01"))
        assert (money(v["expected"]), money(v["allowed"])) == (money(ln["allowed"]), allowed)
        assert money(v["variance"]) == allowed - money(ln["allowed"]) < 0
    # 24: paid at the contract less coinsurance and 2 % sequestration (CO-253): no variance
    fair = await ready_claim(api, medicare())
    await submit(api, fair["id"])
    await post_835(api, remittance_for(fair, trace=f"EFT{new_control()}",
                                       payee=await billing_npi(api)))
    every = [v for status in ("underpaid", "overpaid", "within_tolerance")
             for v in await underpayments(api, day, status)]
    rows = [v for v in every if v["claim_id"] == fair["id"]]
    assert rows and {v["status"] for v in rows} == {"within_tolerance"}, rows
    assert all(money(v["variance"]) == 0 and money(v["sequestration"]) > 0 for v in rows)


async def test_case_25_zero_pay_to_the_deductible_is_paid_zero_not_denied(stack, api):
    claim = await ready_claim(api, medicare())
    await submit(api, claim["id"])
    zero = clp(claim, "1", paid={ln["number"]: Decimal(0) for ln in claim["lines"]},
               adjust=lambda ln, p: [("CO", "45", money(ln["charge"]) - money(ln["allowed"])),
                                     ("PR", "1", money(ln["allowed"]))])
    body = await post_835(api, remit(claim, await billing_npi(api), [zero]))
    assert body["claims"][0]["outcome"] == "paid_zero"
    after = await claim_now(api, claim['id'])
    assert (after["status"], money(after["paid_amount"])) == ("paid_zero", 0)
    assert money(after["patient_responsibility"]) == money(claim["allowed"])
    denials = await api.wire(list, get_claims_denials.asyncio_detailed, client=await api.as_())
    assert claim["id"] not in {d["claim_id"] for d in denials}


async def medicare_patient_with_secondary(api) -> tuple[dict, dict]:
    payer = medicare()
    patient = await new_patient(api, payer=payer, demographics=people.demographics("male"),
                                sex="male", birth_date="1950-03-09")
    await api.call(OrdersCoverageOut, post_patients_patient_id_coverages.asyncio_detailed,
                   client=await api.as_(), patient_id=UUID(patient["id"]),
                   body=OrdersCoverageIn.from_dict({
                       "payer_id": "summit-health", "plan_id": "summit-ppo",
                       "member_id": f"S{new_control()}", "relationship": "self",
                       "priority": "secondary"}))
    return patient, payer


async def test_case_26_a_crossover_builds_no_secondary(stack, api):
    patient, payer = await medicare_patient_with_secondary(api)
    claim = await ready_claim(api, payer, patient=patient)
    await submit(api, claim["id"])
    crossed = clp(claim, "19", remarks=("MA18",))
    await post_835(api, remit(claim, await billing_npi(api), [crossed]))
    after = await claim_now(api, claim['id'])
    assert after["awaiting_crossover"] is True and after["payments"][0]["crossover"] is True
    assert (after["cob"]["state"], after["cob"]["secondary_claim_id"]) == (
        "awaiting_crossover", None)
    listed = await api.every(ReimbursementPageClaimOut, get_claims.asyncio_detailed,
                             client=await api.as_(), order_id=UUID(claim["order_id"]))
    assert [c["id"] for c in listed] == [claim["id"]]


async def test_case_27_the_secondary_claim_carries_the_primary_paid(stack, api):
    patient, payer = await medicare_patient_with_secondary(api)
    claim = await ready_claim(api, payer, patient=patient)
    await scenario(stack, claim["account_number"], remit="short", allowed_ratio="0.5")
    await submit(api, claim["id"])
    primary = await claim_when(api, claim["id"], {"paid"}, "primary paid by the sandbox",
                               also=lambda c: c["cob"] is not None)
    assert primary["cob"]["state"] == "secondary_built", primary["cob"]
    secondary = await claim_now(api, primary['cob']['secondary_claim_id'])
    assert (secondary["payer_id"], secondary["cob"]["role"]) == ("summit-health", "secondary")
    segs = segments(await x12_of(api, secondary['id']))
    assert f"AMT*D*{money(primary['paid_amount']).normalize():f}" in segs
    svd = [s.split("*") for s in segs if s.startswith("SVD*")]
    assert sorted(money(s[2]) for s in svd) == sorted(money(ln["paid"])
                                                      for ln in primary["lines"])
    for ln in primary["lines"]:  # SV102 = SVD02 + that line's CAS
        label = ln["code"] + "".join(f"-{m}" for m in ln["modifiers"])
        cas = sum((money(a["amount"]) for a in primary["payments"][-1]["adjustments"]
                   if a["line"] == label), Decimal(0))
        assert money(ln["charge"]) == money(ln["paid"]) + cas


async def test_case_28_a_medicare_visit_13_months_ago_is_past_timely_filing(stack, api):
    given = datetime.now(UTC) - timedelta(days=396)
    made = await ready_claim(api, medicare(), given_at=given)
    claim = await claim_now(api, made['id'])
    assert claim["service_date"] == given.date().isoformat() or abs(
        (date.fromisoformat(claim["service_date"]) - given.date()).days) <= 1
    # Medicare FFS: one calendar year from the date of service (29 Feb -> 28 Feb)
    served = date.fromisoformat(claim["service_date"])
    assert claim["filing_deadline"] == served.replace(
        year=served.year + 1, day=min(served.day, 28 if served.month == 2 else 31)).isoformat()
    assert claim["filing_deadline"] < datetime.now(UTC).date().isoformat()
    with pytest.raises(ApiError) as blocked:
        await submit(api, claim["id"])
    assert blocked.value.status == 409
    assert blocked.value.body["deadline"] == claim["filing_deadline"]
    assert "timely" in blocked.value.body["type"]
    after = await claim_now(api, claim['id'])
    assert (after["status"], after["submissions"]) == ("ready", [])
