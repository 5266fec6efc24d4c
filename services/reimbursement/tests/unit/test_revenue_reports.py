"""Revenue-cycle reports: A/R by payer and age bucket, clean-claim and first-pass rates,
denials by CARC, net collection; the CSV and JSON carry the same numbers."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from decimal import Decimal as D
from uuid import UUID

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reimbursement.domain.reports import ArReport
from reimbursement.domain.revenue_reports import (
    CycleFacts,
    ar_by_payer,
    carc_of,
    cycle_rows,
    revenue_cycle,
)
from reimbursement.entrypoints.api.report_schemas import ArAgingOut, CycleReportOut
from reimbursement.entrypoints.api.reports import aging_csv, aging_doc, cycle_csv, cycle_doc
from reimbursement.service.revenue_reports import Period

END = date(2026, 6, 30)
AR = ArReport(0, D("0"), D("0"), None, (), None, None, None, D("0"))


def fact(n: int, status: str, *, payer: str = "medicare", sent_days_ago: int | None = 10,
         charge: str = "300", outstanding: str = "0", paid: str = "0", co: str = "0",
         clean: bool = True, first: bool = True, adjudicated: bool = False,
         carc: str | None = None, day: date = date(2026, 6, 1)) -> CycleFacts:
    sent = sent_days_ago is not None
    return CycleFacts(UUID(int=n), payer, day, status, D(charge), D(outstanding), D(paid),
                      D(co), END - timedelta(days=sent_days_ago) if sent else None, sent,
                      clean and sent, first and sent, adjudicated, carc)


@pytest.mark.parametrize("age, bucket", [
    (0, "0-30"), (30, "0-30"), (31, "31-60"), (60, "31-60"), (61, "61-90"), (90, "61-90"),
    (91, "91-120"), (120, "91-120"), (121, "120+"), (400, "120+")])
def test_aging_bucket_edges(age, bucket):
    rows = ar_by_payer([fact(1, "accepted", sent_days_ago=age, outstanding="80",
                             day=date(2025, 1, 1))], as_of=END)
    hit = [r for r in rows if r.claims]
    assert [(r.payer_id, r.bucket, r.outstanding) for r in hit] == [("medicare", bucket,
                                                                     D("80.00"))]
    assert [r.bucket for r in rows] == ["0-30", "31-60", "61-90", "91-120", "120+"]


def test_aging_counts_open_claims_only_per_payer():
    rows = ar_by_payer([
        fact(1, "submitted", outstanding="100"), fact(2, "rejected", outstanding="50"),
        fact(3, "appealed", payer="summit", sent_days_ago=45, outstanding="70"),
        fact(4, "paid"), fact(5, "ready", sent_days_ago=None, outstanding="90"),
        fact(6, "written_off", outstanding="30")], as_of=END)
    got = {(r.payer_id, r.bucket): (r.claims, r.outstanding) for r in rows if r.claims}
    assert got == {("medicare", "0-30"): (2, D("150.00")), ("summit", "31-60"): (1, D("70.00"))}


@pytest.mark.parametrize("reason, carc", [
    ("CO-50 not medically necessary", "50"), ("CO-197; PR-1", "197"), ("PI-16 MA130", "16"),
    ("835 denied", ""), ("", "")])
def test_carc_of_the_denial_reason(reason, carc):
    assert carc_of(reason) == carc


def test_cycle_rates_from_known_claims():
    facts = [
        fact(1, "paid", charge="300", paid="200", co="50", adjudicated=True),
        fact(2, "paid", charge="300", paid="150", co="100", clean=False, first=False,
             adjudicated=True),  # rejected, corrected, then paid
        fact(3, "appealed", charge="500", adjudicated=True, carc="50", clean=False),
        fact(4, "denied", charge="200", adjudicated=True, carc="197"),
        fact(5, "accepted", outstanding="120"),
        fact(6, "ready", sent_days_ago=None),  # never sent: in no rate
        fact(7, "paid", day=date(2026, 7, 2), adjudicated=True),  # outside the period
    ]
    r = revenue_cycle(facts, start=date(2026, 6, 1), end=END, ar=AR, underpaid_lines=1,
                      underpayment_total=D("40.5"))
    assert (r.claims_sent, r.clean_claims, r.clean_claim_rate) == (5, 3, D("0.6000"))
    assert (r.first_pass_accepted, r.first_pass_rate) == (4, D("0.8000"))
    assert (r.adjudicated, r.denied, r.denial_rate, r.denied_amount) == (
        4, 2, D("0.5000"), D("700.00"))
    assert [(c.carc, c.claims, c.denied_amount, c.rate) for c in r.denials_by_carc] == [
        ("197", 1, D("200.00"), D("0.2500")), ("50", 1, D("500.00"), D("0.2500"))]
    # payments 350 / (charges 1300 - contractual 150)
    assert (r.payments, r.charges, r.contractual) == (D("350.00"), D("1300.00"), D("150.00"))
    assert r.net_collection_rate == D("0.3043")
    assert (r.underpaid_lines, r.underpayment_total) == (1, D("40.50"))


def test_no_claims_no_rates():
    r = revenue_cycle([], start=date(2026, 6, 1), end=END, ar=AR, underpaid_lines=0,
                      underpayment_total=D(0))
    assert (r.clean_claim_rate, r.first_pass_rate, r.denial_rate, r.net_collection_rate) == (
        None, None, None, None)


money = st.decimals(min_value=0, max_value=5000, places=2)


@st.composite
def cycle_facts(draw) -> CycleFacts:
    n = draw(st.integers(1, 10**6))
    status = draw(st.sampled_from(["submitted", "accepted", "rejected", "corrected",
                                   "appealed", "partially_paid", "paid", "denied", "ready",
                                   "closed"]))
    charge = draw(money)
    # an 835 balances: paid + contractual + patient <= charge
    paid = draw(st.decimals(min_value=0, max_value=charge, places=2))
    co = draw(st.decimals(min_value=0, max_value=charge - paid, places=2))
    sent = status != "ready"
    adjudicated = status in ("paid", "partially_paid", "denied", "appealed", "closed")
    return CycleFacts(
        UUID(int=n), draw(st.sampled_from(["medicare", "summit", "self-pay"])),
        draw(st.dates(date(2025, 1, 1), END)), status, charge, draw(money), paid, co,
        draw(st.dates(date(2025, 1, 1), END)) if sent else None, sent,
        sent and draw(st.booleans()), sent and draw(st.booleans()), adjudicated,
        draw(st.sampled_from(["50", "197", ""])) if status in ("denied", "appealed") else None)


@settings(max_examples=150, deadline=None)
@given(st.lists(cycle_facts(), max_size=25))
def test_rates_in_range_buckets_add_up_and_csv_matches_json(facts):
    start = date(2025, 1, 1)
    r = revenue_cycle(facts, start=start, end=END, ar=AR, underpaid_lines=0,
                      underpayment_total=D(0))
    for rate in (r.clean_claim_rate, r.first_pass_rate, r.denial_rate, r.net_collection_rate,
                 *(c.rate for c in r.denials_by_carc)):
        assert rate is None or D(0) <= rate <= D(1)
    assert sum(c.claims for c in r.denials_by_carc) == r.denied
    rows = ar_by_payer(facts, as_of=END)
    open_ = [f for f in facts if f.status not in ("ready", "paid", "denied", "closed")]
    assert sum(x.outstanding for x in rows) == sum(f.outstanding for f in open_)
    assert sum(x.claims for x in rows) == len(open_)
    period = Period(start, END)
    # JSON (as the API serializes it) and CSV carry the same numbers
    body = CycleReportOut.model_validate(cycle_doc(period, r)).model_dump(mode="json")
    flat = {k: v for k, v in body.items() if k not in ("from_", "to", "denials_by_carc")}
    for c in body["denials_by_carc"]:
        for k in ("claims", "denied_amount", "rate"):
            flat[f"denials_by_carc.{c['carc'] or 'none'}.{k}"] = c[k]
    parsed = list(csv.reader(io.StringIO(cycle_csv(r))))
    assert parsed[0] == ["metric", "value"]
    assert dict(parsed[1:]).keys() == flat.keys()
    for key, value in parsed[1:]:
        assert _num(value) == _num(flat[key]), key
    assert dict(cycle_rows(r)).keys() == flat.keys()
    aging = ArAgingOut.model_validate(aging_doc(period, rows)).model_dump(mode="json")
    lines = list(csv.DictReader(io.StringIO(aging_csv(rows))))
    assert [(x["payer_id"], x["bucket"], int(x["claims"]), D(x["outstanding"]))
            for x in lines] == [(x["payer_id"], x["bucket"], x["claims"], D(x["outstanding"]))
                                for x in aging["rows"]]
    assert D(aging["total_outstanding"]) == sum(D(x["outstanding"]) for x in lines)


def _num(value: object) -> D | None:
    return None if value in (None, "") else D(str(value))
