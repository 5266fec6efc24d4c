"""The claim cycle of payer-exchange.md §8 (cases 12-16, 28) end to end: real visits billed,
submitted through the gateway, sent by the reimbursement service to the clearinghouse sandbox
as 837P, answered with 999 / 277CA / 835 fetched by the exchange worker. Only gateway routes,
plus the sandbox's admin API to say how the payer answers a claim.
"""

from __future__ import annotations

import pytest

from .client import ApiError
from .cycle import (
    claim_when,
    new_control,
    ready_claim,
    scenario,
    segments,
    sent_batches,
    submit,
)
from .visits import claim_now, medicare, summit, x12_of

pytestmark = pytest.mark.e2e
SETTLED = {"accepted", "rejected"}


async def test_case_12_a_999_ik5_r_rejects_the_claim_naming_ik3_ik4(stack, api):
    claim = await ready_claim(api, medicare())
    account = claim["account_number"]
    await scenario(stack, account, ack="R", error_segment="CLM", error_element=5,
                   error_element_ref="1325", error_code="7")
    await submit(api, claim["id"])
    done = await claim_when(api, claim["id"], SETTLED, "999 applied")
    assert done["status"] == "rejected" and done["payer_claim_number"] is None
    reasons = done["rejection_reasons"]
    assert reasons[0].startswith("999 IK5 R: transaction set") and account in reasons[0]
    assert any("IK3 CLM segment" in x and "loop 2300" in x and "IK4 CLM05 (element 1325): "
               "invalid code value" in x for x in reasons[1:]), reasons
    [version] = done["submissions"]
    assert (version["outcome"], version["icn"]) == ("rejected", None)
    assert [h["to_status"] for h in done["history"]][-2:] == ["submitted", "rejected"]


async def test_case_13_a7_rejects_then_a_new_frequency_1_version_is_accepted(stack, api):
    claim = await ready_claim(api, medicare())
    account = claim["account_number"]
    await scenario(stack, account, status="A7", status_code="562", entity="85")
    await submit(api, claim["id"])
    rejected = await claim_when(api, claim["id"], SETTLED, "277CA applied")
    assert rejected["status"] == "rejected", rejected["rejection_reasons"]
    assert any("A7" in r and "562" in r for r in rejected["rejection_reasons"]), rejected
    # corrected and sent again: version 2, a new CLM01, still an original (frequency 1)
    again = await submit(api, claim["id"])
    assert len(again["submissions"]) == 2 and again["status"] != "rejected"
    done = await claim_when(api, claim["id"], SETTLED, "second 277CA applied")
    assert done["status"] == "accepted", done["rejection_reasons"]
    first, second = done["submissions"]
    assert (first["clm01"], first["outcome"]) == (account, "rejected")
    assert (second["clm01"], second["frequency"], second["outcome"]) == (
        f"{account}-2", "1", "accepted")
    assert second["original_icn"] is None and done["payer_claim_number"] == second["icn"]
    sent = [c for b in await sent_batches(stack) for c in b["claims"]
            if c["clm01"].startswith(account)]
    assert [(c["clm01"], c["frequency"]) for c in sent] == [(account, "1"),
                                                            (f"{account}-2", "1")]


async def test_case_14_a2_with_ref_1k_accepts_and_stores_the_icn(stack, api):
    claim = await ready_claim(api, medicare())
    await submit(api, claim["id"])
    done = await claim_when(api, claim["id"], SETTLED, "277CA applied")
    assert done["status"] == "accepted", done["rejection_reasons"]
    [sent] = [c for b in await sent_batches(stack) for c in b["claims"]
              if c["clm01"] == claim["account_number"]]
    assert sent["icn"] and done["payer_claim_number"] == sent["icn"]
    assert done["submissions"][0]["icn"] == sent["icn"]
    assert [h["to_status"] for h in done["history"]] == ["ready", "submitted", "accepted"]


async def test_case_15_a_paid_claim_is_replaced_with_frequency_7_and_ref_f8(stack, api):
    # a commercial payer (Medicare FFS reopens instead of taking replacement claims)
    claim = await ready_claim(api, summit(f"S{new_control()}"))
    account = claim["account_number"]
    await scenario(stack, account, remit="paid")
    await submit(api, claim["id"])
    paid = await claim_when(api, claim["id"], {"paid"}, "paid by the sandbox's 835")
    icn = paid["payer_claim_number"]
    assert icn and paid["paid_amount"] == claim["total_charge"]
    replaced = await submit(api, claim["id"], "replace",
                            {"reason": "units corrected after audit"})
    assert replaced["status"] in {"corrected", "accepted"}  # the 277CA may be in already
    latest = replaced["submissions"][-1]
    assert (latest["clm01"], latest["frequency"], latest["original_icn"]) == (
        f"{account}-2", "7", icn)
    segs = segments(await x12_of(api, claim['id']))
    [clm] = [s for s in segs if s.startswith("CLM*")]
    assert clm.split("*")[1] == f"{account}-2" and clm.split("*")[5].endswith(":7")
    assert f"REF*F8*{icn}" in segs
    assert len([s for s in segs if s.startswith("SV1*")]) == len(claim["lines"])
    # what the clearinghouse received: the replacement names the ICN, every line again
    done = await claim_when(api, claim["id"], {"accepted", "paid"}, "replacement answered",
                            also=lambda c: c["submissions"][-1]["outcome"] != "pending")
    sent = [c for b in await sent_batches(stack) for c in b["claims"]
            if c["clm01"] == f"{account}-2"]
    assert [(c["frequency"], c["original_icn"]) for c in sent] == [("7", icn)]
    assert done["submissions"][-1]["outcome"] == "accepted"


async def test_case_16_a_void_without_an_icn_is_refused_naming_it(stack, api):
    claim = await ready_claim(api, summit(f"S{new_control()}"))
    await scenario(stack, claim["account_number"], send_icn=False)
    await submit(api, claim["id"])
    accepted = await claim_when(api, claim["id"], SETTLED, "277CA applied")
    assert accepted["status"] == "accepted" and accepted["payer_claim_number"] is None
    with pytest.raises(ApiError) as refused:
        await submit(api, claim["id"], "void", {"reason": "billed to the wrong payer"})
    assert refused.value.status == 409
    assert refused.value.response.headers["content-type"].startswith("application/problem+json")
    assert "payer_claim_number" in str(refused.value.body), refused.value.body
    after = await claim_now(api, claim['id'])
    assert after["status"] == "accepted" and len(after["submissions"]) == 1
