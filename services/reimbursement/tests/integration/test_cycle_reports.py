"""The revenue-cycle reports on PostgreSQL through the service API, from claims that went
through the clearinghouse sandbox: paid clean, rejected then re-sent, denied and appealed,
short-paid, and one still awaiting its 835. Every figure is exact."""

from __future__ import annotations

import csv
import io
from decimal import Decimal as D

import pytest
from reimb_exchange import USER, exchange_service, get, new_claim, poll

from clearinghouse_sandbox.config import ClaimScenario, SandboxConfig
from clearinghouse_sandbox.testing import running_sandbox

pytestmark = pytest.mark.integration
PERIOD = {"from": "2026-03-01", "to": "2026-03-31"}


@pytest.fixture(scope="module")
def sandbox():
    with running_sandbox(SandboxConfig()) as sb:
        yield sb


async def submit(svc, claim: dict) -> None:
    r = await svc.client.post(f"/v1/claims/{claim['id']}/submit", headers=USER)
    assert r.status_code == 200, r.text


async def test_cycle_and_aging_reports_from_known_claims(make_database, broker, sandbox):
    async with exchange_service(make_database, broker, sandbox) as svc:
        paid, rejected, denied, short, waiting = [await new_claim(svc) for _ in range(5)]
        svc.sandbox.set_config(SandboxConfig(claims={
            paid["account_number"]: ClaimScenario(remit="paid"),
            rejected["account_number"]: ClaimScenario(status="A7", status_code="562",
                                                      entity="85"),
            f"{rejected['account_number']}-2": ClaimScenario(remit="paid"),
            denied["account_number"]: ClaimScenario(remit="denied", carc="50"),
            short["account_number"]: ClaimScenario(remit="short", allowed_ratio=D("0.3")),
        }))
        for claim in (paid, rejected, denied, short, waiting):
            await submit(svc, claim)
        await poll(svc)
        assert (await get(svc, rejected["id"]))["status"] == "rejected"
        await submit(svc, rejected)  # corrected: a new frequency-1 version
        await poll(svc)
        r = await svc.client.post(f"/v1/claims/{denied['id']}/status",
                                  json={"action": "appeal", "reason": "records attached"})
        assert r.status_code == 200, r.text
        now = {c["id"]: await get(svc, c["id"])
               for c in (paid, rejected, denied, short, waiting)}
        assert [now[c["id"]]["status"] for c in (paid, rejected, denied, short, waiting)] == [
            "paid", "paid", "appealed", "paid", "accepted"]
        under = (await svc.client.get("/v1/underpayments",
                                      params=PERIOD | {"status": "underpaid"})).json()

        r = await svc.client.get("/v1/reports/cycle", params=PERIOD)
        assert r.status_code == 200, r.text
        body = r.json()
        charge = D(paid["total_charge"])  # the five claims bill the same visit
        payments = sum(D(now[c["id"]]["paid_amount"]) for c in (paid, rejected, short))
        # each claim charges 2850.00; the payer pays two in full, 30 % of the short one
        assert (charge, payments) == (D("2850.00"), D("6384.00"))
        assert (body["claims_sent"], body["clean_claims"], body["clean_claim_rate"]) == (
            5, 4, "0.8")
        assert (body["first_pass_accepted"], body["first_pass_rate"]) == (4, "0.8")
        assert (body["adjudicated"], body["denied"], body["denial_rate"]) == (4, 1, "0.25")
        assert body["denials_by_carc"] == [{"carc": "50", "claims": 1,
                                            "denied_amount": f"{charge:.2f}", "rate": "0.25"}]
        assert (body["charges"], body["contractual"], body["payments"]) == (
            "11400.00", "4845.00", "6384.00")
        assert body["net_collection_rate"] == "0.9739"  # 6384 / (11400 - 4845)
        assert (body["outstanding"], body["days_in_ar"]) == ("2226.44", "12.4")
        # the worklist's shortfall on the short-paid claim
        assert (body["underpaid_lines"], body["underpayment_total"]) == (1, "310.00")
        assert -D(under["total_variance"]) == D("310.00") and len(under["items"]) == 1

        csv_text = (await svc.client.get("/v1/reports/cycle.csv", params=PERIOD)).text
        rows = dict(list(csv.reader(io.StringIO(csv_text)))[1:])
        assert D(rows["payments"]) == payments and rows["claims_sent"] == "5"
        assert rows["denials_by_carc.50.claims"] == "1"

        r = await svc.client.get("/v1/reports/ar-aging", params=PERIOD)
        assert r.status_code == 200, r.text
        aging = r.json()
        open_rows = [x for x in aging["rows"] if x["claims"]]
        # the accepted claim and the appealed one are still owed, both sent on 2 March
        assert [(x["payer_id"], x["bucket"], x["claims"]) for x in open_rows] == [
            ("medicare", "0-30", 2)]
        expected = D(now[waiting["id"]]["expected_payment"]) + D(
            now[denied["id"]]["expected_payment"])
        assert D(aging["total_outstanding"]) == D(open_rows[0]["outstanding"]) == expected
        lines = list(csv.DictReader(io.StringIO(
            (await svc.client.get("/v1/reports/ar-aging.csv", params=PERIOD)).text)))
        assert [(x["payer_id"], x["bucket"], x["claims"], D(x["outstanding"]))
                for x in lines] == [(x["payer_id"], x["bucket"], str(x["claims"]),
                                     D(x["outstanding"])) for x in aging["rows"]]

        r = await svc.client.get("/v1/reports/cycle", params={"from": "2026-03-31",
                                                               "to": "2026-03-01"})
        assert r.status_code == 422 and "to" in r.text
