"""837P batches over HTTP: the 999 per batch and 277CA per claim a clearinghouse and payer send
back, fetched from the inbox; every file the sandbox writes is valid X12 per pyx12."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from clearinghouse_sandbox.claims import validate
from clearinghouse_sandbox.config import ClaimRule, ClaimScenario, SandboxConfig

BATCH = (Path(__file__).parent / "data" / "batch_837.x12").read_text()  # A1001..A1003
X12 = {"content-type": "application/edi-x12"}


def segments(text: str) -> list[list[str]]:
    return [s.strip().split("*") for s in text.split("~") if s.strip()]


def named(text: str, name: str) -> list[list[str]]:
    return [s for s in segments(text) if s[0] == name]


def claim_statuses(text: str) -> dict[str, tuple[list[str], str | None]]:
    """CLM01 (2200D TRN02) -> (its STC, its REF*1K), read from the patient levels."""
    out: dict[str, tuple[list[str], str | None]] = {}
    patient, current = False, ""
    for seg in segments(text):
        if seg[0] == "HL":
            patient = seg[-1] == "PT"
        elif patient and seg[0] == "TRN":
            current = seg[2]
            out[current] = ([], None)
        elif patient and seg[0] == "STC":
            out[current] = (seg, out[current][1])
        elif patient and seg[0] == "REF" and seg[1] == "1K":
            out[current] = (out[current][0], seg[2])
    return out


def send(client, text: str = BATCH) -> dict:
    r = client.post("/x12/837", content=text, headers=X12)
    assert r.status_code == 202, r.text
    return r.json()


def inbox(client) -> dict[str, str]:
    """kind -> text; every file valid per pyx12."""
    items = client.get("/x12/inbox").json()["items"]
    files = {}
    for item in items:
        assert validate(item["text"]) == [], item["kind"]
        files[item["kind"]] = item["text"]
    return files


def test_all_accepted_a2_with_payer_claim_numbers(client):
    record = send(client)
    files = inbox(client)
    assert sorted(files) == ["277CA", "999"]
    assert named(files["999"], "IK5") == [["IK5", "A"]]
    assert named(files["999"], "AK9") == [["AK9", "A", "1", "1", "1"]]
    found = claim_statuses(files["277CA"])
    assert sorted(found) == ["A1001", "A1002", "A1003"]
    assert {clm01: stc[1] for clm01, (stc, _) in found.items()} == dict.fromkeys(found, "A2:20")
    icns = [found[c["clm01"]][1] for c in record["claims"]]
    assert icns == [c["icn"] for c in record["claims"]] and len(set(icns)) == 3


def test_ik5_r_rejects_the_whole_set_naming_the_claim(client, configure):  # case 12
    configure(SandboxConfig(claims={"A1001": ClaimScenario(ack="R", error_segment="CLM",
                                                           error_element=5,
                                                           error_element_ref="1325")}))
    send(client)
    files = inbox(client)
    assert sorted(files) == ["999"]  # nothing reached the payer: no 277CA
    ack = files["999"]
    assert named(ack, "IK5") == [["IK5", "R", "5"]]
    assert named(ack, "CTX") == [["CTX", "CLM01:A1001"]]
    [ik3] = named(ack, "IK3")
    assert ik3[1] == "CLM" and ik3[3] == "2300"
    assert named(ack, "IK4") == [["IK4", "5", "1325", "7"]]
    assert named(ack, "AK9") == [["AK9", "R", "1", "1", "0"]]


def test_277ca_a7_rejects_one_claim_with_its_reason(client, configure):  # case 13
    configure(SandboxConfig(claim_rules=[ClaimRule(clm01_prefix="A1002", scenario=ClaimScenario(
        status="A7", status_code="562", entity="85"))]))
    send(client)
    files = inbox(client)
    found = claim_statuses(files["277CA"])
    stc, icn = found["A1002"]
    assert (stc[1], stc[3], icn) == ("A7:562:85", "U", None)
    assert found["A1001"][0][1] == "A2:20" and found["A1001"][1]


def test_the_inbox_is_a_mailbox(client):
    send(client)
    items = client.get("/x12/inbox").json()["items"]
    assert client.delete(f"/x12/inbox/{items[0]['id']}").status_code == 204
    assert client.delete(f"/x12/inbox/{items[0]['id']}").status_code == 404
    assert [i["id"] for i in client.get("/x12/inbox").json()["items"]] == [items[1]["id"]]


def test_a_broken_batch_is_rejected_by_the_front_end(client):
    broken = BATCH.replace("CLM*A1002*350***11:B:1", "CLM*A1002*350***99:Q:1")
    send(client, broken)
    files = inbox(client)
    assert sorted(files) == ["999"]
    assert named(files["999"], "IK5") == [["IK5", "R", "5"]]


@pytest.mark.parametrize("body", ["", "hello"])
def test_not_x12(client, body):
    assert client.post("/x12/837", content=body, headers=X12).status_code == 400


def clps(text: str) -> list[list[str]]:
    return named(text, "CLP")


@pytest.mark.parametrize(("remit", "statuses"), [
    ("paid", ["1"]), ("short", ["1"]), ("denied", ["4"]), ("reverse_correct", ["22", "1"])])
def test_the_payer_remits_each_accepted_claim_by_scenario(client, configure, remit, statuses):
    configure(SandboxConfig(claims={"A1001": ClaimScenario(remit=remit)}))
    record = send(client)
    files = inbox(client)  # the 835 is valid X12 too
    assert sorted(files) == ["277CA", "835", "999"]
    remittance = files["835"]
    found = clps(remittance)
    assert [c[2] for c in found] == statuses and {c[1] for c in found} == {"A1001"}
    icn = next(c["icn"] for c in record["claims"] if c["clm01"] == "A1001")
    assert {c[7] for c in found} == {icn}  # CLP07 = the 277CA's REF*1K
    bpr = named(remittance, "BPR")[0]
    assert Decimal(bpr[2]) == sum((Decimal(c[4]) for c in found), Decimal(0))
    if remit == "denied":
        assert named(remittance, "CAS")[0][:3] == ["CAS", "CO", "50"]
        assert named(remittance, "LQ")[0] == ["LQ", "HE", "N130"]


def test_a_plb_recoupment_balances_the_payment(client, configure):
    configure(SandboxConfig(claims={"A1001": ClaimScenario(remit="paid", recoup=Decimal("150"))}))
    record = send(client)
    remittance = inbox(client)["835"]
    icn = next(c["icn"] for c in record["claims"] if c["clm01"] == "A1001")
    [plb] = named(remittance, "PLB")
    assert plb[3:] == [f"WO:{icn}", "150"]
    paid = sum((Decimal(c[4]) for c in clps(remittance)), Decimal(0))
    assert Decimal(named(remittance, "BPR")[0][2]) == paid - 150
