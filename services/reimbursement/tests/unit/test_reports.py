"""Margin per visit/drug/payer/practice/protocol, days in A/R with aging, denial rates, waste."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal as D
from uuid import UUID

from reimbursement.domain.claim import build_claim, with_lot_costs
from reimbursement.domain.reports import (
    NO_PROTOCOL,
    ClaimFacts,
    DrugFacts,
    accounts_receivable,
    margin,
)
from reimbursement.testing import give, make_ctx, make_visit


def facts(n: int, status: str, *, payer: str = "medicare-b", day: int = 2, expected: str = "100",
          paid: str = "0", patient: str = "0", cost: str = "60", waste: str = "0",
          charge: str = "300", submitted: date | None = None, drugs=()) -> ClaimFacts:
    return ClaimFacts(UUID(int=n), UUID(int=1000 + n), payer, date(2026, 3, day), status,
                      D(charge), D(expected), D(expected), D(paid), D(patient), D(cost), D(waste),
                      submitted, tuple(drugs))


def test_margin_uses_actual_payment_once_adjudicated() -> None:
    rows = margin([facts(1, "submitted"), facts(2, "paid", paid="70", patient="20"),
                   facts(3, "denied", cost="80")], by="visit")
    by_key = {r.key: r for r in rows}
    assert by_key[str(UUID(int=1001))].margin == D("40.00")  # expected 100 - cost 60
    assert by_key[str(UUID(int=1002))].margin == D("30.00")  # paid 70 + patient 20 - 60
    assert by_key[str(UUID(int=1003))].margin == D("-80.00")  # denied: all cost, no revenue
    assert rows[0].key == str(UUID(int=1003))  # worst first


def test_margin_per_payer_and_per_drug() -> None:
    drug_a = DrugFacts("J3032", 100, D("80"), D("50"), D("0"))
    drug_b = DrugFacts("J1885", 2, D("20"), D("10"), D("5"))
    rows = margin([facts(1, "ready", drugs=[drug_a, drug_b]),
                   facts(2, "ready", payer="acme", drugs=[drug_a])], by="drug")
    j3032 = next(r for r in rows if r.key == "J3032")
    assert (j3032.claims, j3032.revenue, j3032.acquisition_cost, j3032.margin) == (
        2, D("160.00"), D("100.00"), D("60.00"))
    j1885 = next(r for r in rows if r.key == "J1885")
    assert (j1885.revenue, j1885.waste_cost, j1885.margin) == (D("20.00"), D("5.00"), D("10.00"))
    payers = {r.key: r.claims for r in margin([facts(1, "ready"), facts(2, "ready", payer="acme"),
                                              facts(3, "ready", payer=None)], by="payer")}
    assert payers == {"medicare-b": 1, "acme": 1, "self-pay": 1}


def test_days_in_ar_aging_and_denial_rates() -> None:
    claims = [
        facts(1, "submitted", day=1, expected="300", submitted=date(2026, 3, 2)),
        facts(2, "partially_paid", day=5, expected="200", paid="100", submitted=date(2026, 3, 6)),
        facts(3, "paid", day=10, expected="100", paid="100"),
        facts(4, "denied", day=12, expected="100", charge="500", waste="7"),
        facts(5, "submitted", day=20, expected="300", submitted=date(2026, 1, 20)),
    ]
    report = accounts_receivable(claims, start=date(2026, 3, 1), end=date(2026, 3, 30))
    assert report.open_claims == 3
    assert report.outstanding == D("700.00")  # 300 + (200 - 100) + 300
    assert report.average_daily_revenue == D("33.33")  # 1000 over 30 days
    assert report.days_in_ar == D("21.0")
    assert {label: n for label, n, _ in report.aging} == {
        "0-30": 2, "31-60": 0, "61-90": 1, "91-120": 0, "121+": 0}
    assert report.denial_rate == D("0.3333")  # 1 of 3 adjudicated
    assert report.any_denial_rate == D("0.6667")
    assert report.denied_charge_rate == D("0.4545")  # 500 of 1100
    assert report.waste_cost == D("7.00")


def test_empty_period_has_no_rates() -> None:
    report = accounts_receivable([], start=date(2026, 3, 1), end=date(2026, 3, 31))
    assert (report.days_in_ar, report.denial_rate, report.outstanding) == (None, None, D("0.00"))


def test_lot_costs_replace_the_catalogue_estimate() -> None:
    claim = build_claim(make_visit(
        give(1, "infliximab", "70006000601", "360", "mg", "infusion", 0, 120, wasted="40")),
        make_ctx())
    assert (claim.acquisition_cost, claim.waste_cost) == (D("2600.00"), D("260.00"))
    actual = with_lot_costs(claim, {"70006000601": D("2400")})
    assert (actual.acquisition_cost, actual.waste_cost) == (D("2400.00"), D("240.00"))
    assert actual.drug_costs[0].vials == D(4)


def test_margin_per_practice_and_per_protocol() -> None:
    one, two, three = facts(1, "ready"), facts(2, "ready"), facts(3, "ready", cost="90")
    claims = [replace(one, practice_id="p-a", protocol_id="dhe"),
              replace(two, practice_id="p-a"),
              replace(three, practice_id="p-b", protocol_id="dhe")]
    practices = {r.key: (r.claims, r.margin) for r in margin(claims, by="practice")}
    assert practices == {"p-a": (2, D("80.00")), "p-b": (1, D("10.00"))}
    protocols = {r.key: (r.claims, r.margin) for r in margin(claims, by="protocol")}
    assert protocols == {"dhe": (2, D("50.00")), NO_PROTOCOL: (1, D("40.00"))}
    assert sum(m for _, m in practices.values()) == sum(m for _, m in protocols.values())
