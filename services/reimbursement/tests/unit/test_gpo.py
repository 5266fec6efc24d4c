"""GPO contracts: validation, tier selection by volume, contract vs WAC quotes, savings and
rebates, receipts priced from the contract, and reorder suggestions. Prices are test data."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reimbursement.domain.gpo import (
    ContractItem,
    GpoContract,
    Invoice,
    InvoiceLine,
    PriceTier,
    Rebate,
    WacPrice,
    contract_problems,
    invoice_problems,
    quote,
    volumes_for,
)
from reimbursement.domain.inventory import Lot, receive
from reimbursement.domain.money import cents
from reimbursement.domain.purchasing_reports import (
    Draw,
    Need,
    drug_savings,
    reorder,
    savings_by_drug,
)
from reimbursement.testing import PRODUCTS

EPTI = PRODUCTS["70001000101"]  # J3032, 1 vial a package
KETO = PRODUCTS["70003000325"]  # J1885, 25 vials a package
TIERS = (PriceTier(0, D("100")), PriceTier(10, D("90")), PriceTier(50, D("80")))
ITEM = ContractItem(EPTI.ndc, TIERS, Rebate("percent", D("2")))
C1 = GpoContract("g1", "TestGPO", "test contract", date(2026, 1, 1), date(2026, 12, 31),
                 (ITEM, ContractItem("J1885", (PriceTier(0, D("20")),),
                                     Rebate("per_unit", D("0.50")))), "test data")
WAC = [WacPrice(EPTI.ndc, date(2025, 1, 1), D("120"), "test"),
       WacPrice("J1885", date(2026, 1, 1), D("30"), "test")]
HCPCS_OF = {p.ndc: p.hcpcs for p in PRODUCTS.values()}
DAY = date(2026, 3, 2)


@pytest.mark.parametrize(("volume", "price"), [
    (0, "100"), (1, "100"), (9, "100"), (10, "90"), (49, "90"), (50, "80"), (10_000, "80")])
def test_tier_reached_by_volume(volume: int, price: str) -> None:
    assert ITEM.tier_for(volume).unit_price == D(price)


@pytest.mark.parametrize(("day", "prior", "qty", "basis", "price", "tier"), [
    (DAY, 0, 1, "contract", "100", 0),
    (DAY, 0, 10, "contract", "90", 10),  # this purchase reaches the tier
    (DAY, 45, 5, "contract", "80", 50),  # the period's volume before it counts
    (date(2025, 12, 31), 0, 1, "wac", "120", None),  # before the contract: WAC
    (date(2027, 1, 1), 0, 1, "wac", "120", None),  # after it
])
def test_quote(day: date, prior: int, qty: int, basis: str, price: str,
               tier: int | None) -> None:
    q = quote([C1], WAC, ndc=EPTI.ndc, hcpcs=EPTI.hcpcs, day=day, quantity=qty,
              volumes={("g1", EPTI.ndc): prior})
    assert (q.basis, q.unit_price, q.tier_min) == (basis, D(price), tier)
    assert q.wac_price == D("120")


def test_hcpcs_item_prices_every_ndc_of_the_code_and_no_wac_no_price() -> None:
    q = quote([C1], WAC, ndc=KETO.ndc, hcpcs="J1885", day=DAY, quantity=1, volumes={})
    assert (q.unit_price, q.rebate_per_unit, q.savings_per_unit) == (D("20"), D("0.50"),
                                                                      D("10"))
    none = quote([], [], ndc=KETO.ndc, hcpcs="J1885", day=DAY, quantity=1, volumes={})
    assert (none.basis, none.unit_price, none.savings_per_unit) == ("none", None, None)


def test_cheapest_of_two_contracts_in_force_net_of_rebate() -> None:
    other = GpoContract("g2", "Other", "x", date(2026, 1, 1), None,
                        (ContractItem(EPTI.ndc, (PriceTier(0, D("99")),)),), "test")
    q = quote([C1, other], WAC, ndc=EPTI.ndc, hcpcs="J3032", day=DAY, quantity=1, volumes={})
    assert q.contract_id == "g1"  # 100 − 2 % rebate = 98 net beats 99


@pytest.mark.parametrize(("contract", "field"), [
    (GpoContract("x", "G", "n", DAY, DAY - timedelta(days=1), (ITEM,), "s"), "effective_to"),
    (GpoContract("x", "G", "n", DAY, None, (), "s"), "items"),
    (GpoContract("x", "G", "n", DAY, None, (ContractItem("123", TIERS),), "s"),
     "items[0].code"),
    (GpoContract("x", "G", "n", DAY, None, (ITEM, ITEM), "s"), "items[1].code"),
    (GpoContract("x", "G", "n", DAY, None, (ContractItem(EPTI.ndc, (PriceTier(1, D(1)),)),),
                 "s"), "items[0].tiers[0].min_quantity"),
    (GpoContract("x", "G", "n", DAY, None, (ContractItem(EPTI.ndc, (
        PriceTier(0, D(10)), PriceTier(5, D(11)))),), "s"), "items[0].tiers[1].unit_price"),
    (GpoContract("x", "G", "n", DAY, None, (ContractItem(EPTI.ndc, (
        PriceTier(0, D(10)), PriceTier(0, D(9)))),), "s"), "items[0].tiers[1].min_quantity"),
    (GpoContract("x", "G", "n", DAY, None, (ContractItem(EPTI.ndc, TIERS,
                                                        Rebate("percent", D(101))),), "s"),
     "items[0].rebate.value"),
])
def test_contract_refused_naming_the_field(contract: GpoContract, field: str) -> None:
    assert field in [f for f, _ in contract_problems(contract)]


def test_a_good_contract_has_no_problems() -> None:
    assert contract_problems(C1) == []


@pytest.mark.parametrize(("line", "day", "field"), [
    (InvoiceLine(EPTI.ndc, 1, D(1), "nope"), DAY, "lines[0].contract_id"),
    (InvoiceLine(EPTI.ndc, 1, D(1), "g1"), date(2027, 2, 1), "lines[0].contract_id"),
    (InvoiceLine(PRODUCTS["70006000601"].ndc, 1, D(1), "g1"), DAY, "lines[0].contract_id"),
    (InvoiceLine(EPTI.ndc, 0, D(1)), DAY, "lines[0].quantity"),
])
def test_invoice_refused_naming_the_field(line: InvoiceLine, day: date, field: str) -> None:
    problems = invoice_problems(Invoice("i", "w", day, (line,)), {"g1": C1}, HCPCS_OF)
    assert [f for f, _ in problems] == [field]


def test_period_volume_counts_the_contracts_lines_in_its_period_only() -> None:
    invoices = [Invoice("a", "w", date(2026, 2, 1), (InvoiceLine(EPTI.ndc, 7, D(100), "g1"),
                                                     InvoiceLine(EPTI.ndc, 3, D(120)))),
                Invoice("b", "w", date(2025, 12, 1), (InvoiceLine(EPTI.ndc, 40, D(1), "g1"),)),
                Invoice("c", "w", date(2026, 3, 5), (InvoiceLine(EPTI.ndc, 5, D(90), "g1"),))]
    assert volumes_for(invoices, [C1], ndc=EPTI.ndc, hcpcs="J3032", hcpcs_of=HCPCS_OF,
                       before=DAY) == {("g1", EPTI.ndc): 7}


def test_savings_and_rebates_per_drug() -> None:
    invoices = [Invoice("a", "w", DAY, (InvoiceLine(EPTI.ndc, 10, D(90), "g1"),
                                         InvoiceLine(KETO.ndc, 4, D(20), "g1"),
                                         InvoiceLine(PRODUCTS["70006000601"].ndc, 1, D(600))))]
    rows = {r.drug: r for r in savings_by_drug(invoices, {"g1": C1}, WAC, HCPCS_OF,
                                               start=DAY, end=DAY)}
    assert (rows["J3032"].spend, rows["J3032"].wac_spend, rows["J3032"].savings,
            rows["J3032"].rebates_expected) == (D("900"), D("1200"), D("300"), D("18"))
    assert (rows["J1885"].savings, rows["J1885"].rebates_expected) == (D("40"), D("2"))
    # no WAC on file: unknown savings, not zero savings
    assert (rows["J1745"].savings, rows["J1745"].lines_without_wac) == (D(0), 1)


def test_receipt_keeps_contract_and_wac_per_vial() -> None:
    lot = receive(KETO, lot_number="L1", expires_on=date(2027, 1, 1), packages=2,
                  package_cost=D("20"), received_at=datetime(2026, 3, 2, tzinfo=UTC),
                  contract_id="g1", wac_package_cost=D("30"))
    assert (lot.vial_cost, lot.wac_vial_cost, lot.contract_id) == (D("0.8"), D("1.2"), "g1")
    more = receive(KETO, lot_number="L1", expires_on=date(2027, 1, 1), packages=2,
                   package_cost=D("30"), received_at=datetime(2026, 3, 3, tzinfo=UTC),
                   existing=lot, wac_package_cost=D("30"))
    assert (more.vial_cost, more.wac_vial_cost, more.contract_id) == (D("1"), D("1.2"), None)


# --------------------------------------------------------------------------- properties
tier_lists = st.lists(st.tuples(st.integers(1, 500), st.integers(0, 5000)), min_size=0,
                      max_size=6)


def _item(steps: list[tuple[int, int]]) -> ContractItem:
    """Tiers from (volume step, price drop) pairs: rising volume, falling price."""
    tiers, volume, price = [PriceTier(0, D(10_000))], 0, D(10_000)
    for step, drop in steps:
        volume, price = volume + step, max(D(0), price - D(drop) / 100)
        tiers.append(PriceTier(volume, price))
    return ContractItem(EPTI.ndc, tuple(tiers))


@settings(max_examples=200)
@given(tier_lists, st.integers(0, 5000), st.integers(0, 5000))
def test_more_volume_never_costs_more_per_package(steps: list[tuple[int, int]], a: int,
                                                  b: int) -> None:
    item = _item(steps)
    assert contract_problems(GpoContract("p", "G", "n", DAY, None, (item,), "s")) == []
    low, high = sorted((a, b))
    assert item.tier_for(high).unit_price <= item.tier_for(low).unit_price
    assert item.tier_for(low).min_quantity <= low


@settings(max_examples=200)
@given(tier_lists, st.integers(0, 2000), st.integers(1, 500),
       st.integers(0, 100_000).map(lambda c: D(c) / 100),
       st.sampled_from(["percent", "per_unit"]), st.integers(0, 10_000).map(lambda c: D(c) / 100))
def test_savings_is_wac_minus_contract_cost_and_rebate_is_extra(
        steps: list[tuple[int, int]], prior: int, qty: int, wac: D, kind: str,
        rebate: D) -> None:
    rebate = min(rebate, D(100)) if kind == "percent" else rebate
    item = ContractItem(EPTI.ndc, _item(steps).tiers, Rebate(kind, rebate))  # type: ignore[arg-type]
    c = GpoContract("p", "G", "n", DAY, None, (item,), "s")
    prices = [WacPrice(EPTI.ndc, DAY, wac, "t")]
    q = quote([c], prices, ndc=EPTI.ndc, hcpcs=None, day=DAY, quantity=qty,
              volumes={("p", EPTI.ndc): prior})
    assert q.unit_price == item.tier_for(prior + qty).unit_price
    assert q.savings_per_unit == wac - q.unit_price
    expected_rebate = q.unit_price * rebate / 100 if kind == "percent" else rebate
    assert q.rebate_per_unit == expected_rebate
    line = InvoiceLine(EPTI.ndc, qty, q.unit_price, "p")
    [row] = savings_by_drug([Invoice("i", "w", DAY, (line,))], {"p": c}, prices,
                            {EPTI.ndc: None}, start=DAY, end=DAY)
    assert row.savings == cents((wac - q.unit_price) * qty)
    assert row.wac_spend - row.spend == row.savings
    assert row.rebates_expected == cents(expected_rebate * qty)


@settings(max_examples=100)
@given(st.integers(1, 60), st.integers(0, 40))
def test_reorder_covers_the_shortfall_and_never_suggests_negative(doses: int,
                                                                  on_hand: int) -> None:
    lots = [Lot(EPTI.ndc, "L1", DAY + timedelta(days=365), D(on_hand), D(100),
                datetime(2026, 1, 1, tzinfo=UTC))]
    needs = [Need(DAY + timedelta(days=n % 14), "J3032", D(100), "mg", "appointment")
             for n in range(doses)]
    [row] = reorder(needs, [EPTI], lots, today=DAY, days=14, contracts=[C1], wac=WAC,
                    volumes={EPTI.ndc: {}})
    assert row.shortfall_vials == max(0, doses - on_hand)
    assert row.suggested_packages * EPTI.vials_per_package >= row.shortfall_vials
    assert row.suggested_packages >= 0


def test_reorder_table() -> None:
    lots = [Lot(EPTI.ndc, "OLD", DAY + timedelta(days=3), D(2), D(100),
                datetime(2026, 1, 1, tzinfo=UTC)),
            Lot(EPTI.ndc, "NEW", DAY + timedelta(days=300), D(1), D(100),
                datetime(2026, 1, 1, tzinfo=UTC))]
    needs = [Need(DAY + timedelta(days=1), "J3032", D(100), "mg", "appointment"),
             Need(DAY + timedelta(days=5), "J3032", D(300), "mg", "recall"),  # 3 vials
             Need(DAY + timedelta(days=40), "J3032", D(100), "mg", "recall"),  # beyond N
             Need(DAY + timedelta(days=2), "J3032", D(1), "mg/kg", "recall")]  # no unit
    [row] = reorder(needs, [EPTI], lots, today=DAY, days=14, contracts=[C1], wac=WAC,
                    volumes={EPTI.ndc: {("g1", EPTI.ndc): 8}})
    # day 1 draws OLD (1 left, expires day 3); day 5: OLD expired, NEW covers 1 of 3
    assert (row.doses, row.vials_needed, row.vials_on_hand, row.shortfall_vials) == (
        2, D(4), D(3), D(2))
    # 2 packages after 8 bought reach the 10-package tier
    assert (row.suggested_packages, row.unit_price, row.tier_min, row.order_cost,
            row.wac_cost) == (2, D(90), 10, D(180), D(240))
    assert any("mg/kg" in n for n in row.notes)


def test_reorder_buys_up_to_a_cheaper_tier_when_it_costs_less_in_total() -> None:
    steep = GpoContract("s", "G", "n", date(2026, 1, 1), None, (ContractItem(EPTI.ndc, (
        PriceTier(0, D(100)), PriceTier(10, D(50)))),), "s")
    needs = [Need(DAY, "J3032", D(100), "mg", "appointment")] * 8
    [row] = reorder(needs, [EPTI], [], today=DAY, days=14, contracts=[steep], wac=WAC,
                    volumes={EPTI.ndc: {}})
    assert (row.shortfall_vials, row.suggested_packages, row.order_cost) == (D(8), 10, D(500))


@settings(max_examples=200)
@given(st.lists(st.tuples(st.integers(1, 50), st.integers(0, 10_000),
                          st.none() | st.integers(0, 10_000)), max_size=8))
def test_drug_savings_is_wac_cost_minus_cost_of_the_vials_with_a_wac(
        draws: list[tuple[int, int, int | None]]) -> None:
    found = drug_savings([Draw(EPTI.ndc, D(v), D(c) / 100, None if w is None else D(w) / 100)
                          for v, c, w in draws], HCPCS_OF)
    with_wac = [(v, c, w) for v, c, w in draws if w is not None]
    if not draws:
        assert found == {}
        return
    row = found["J3032"]
    if not with_wac:
        assert (row.wac_cost, row.savings) == (None, None)
        return
    assert row.wac_cost == cents(sum((D(v) * D(w) / 100 for v, _, w in with_wac), D(0)))
    assert row.savings == cents(sum((D(v) * (D(w) - D(c)) / 100 for v, c, w in with_wac),
                                    D(0)))
    assert row.vials_without_wac == sum((D(v) for v, _, w in draws if w is None), D(0))
