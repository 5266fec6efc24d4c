"""Inventory: receiving, FEFO consumption with waste, stock-out refusal, reports."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reimbursement.domain.inventory import (
    InsufficientStock,
    InventoryError,
    Lot,
    apply_plan,
    fefo,
    plan_consumption,
    receive,
)
from reimbursement.domain.stock_reports import expiring_soon, on_hand, stock_outs
from reimbursement.testing import PRODUCTS

EPTI = PRODUCTS["70001000101"]  # 100 mg/mL single-dose, $1650 a vial
ONDAN = PRODUCTS["70007000701"]  # 40 mg multi-dose, $4 a vial
KETO = PRODUCTS["70003000325"]  # 25 vials a package, $25 a package
NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
TODAY = NOW.date()


def lot(number: str, expires: date, vials: str, cost: str = "1650", product=EPTI,
        received: datetime = NOW) -> Lot:
    return Lot(product.ndc, number, expires, D(vials), D(cost), received)


def test_receive_counts_vials_and_unit_cost_from_the_package() -> None:
    received = receive(KETO, lot_number="K1", expires_on=date(2027, 1, 31), packages=2,
                       package_cost=D("25.00"), received_at=NOW)
    assert received.vials_on_hand == D(50)
    assert received.vial_cost == D("1")
    assert received.cost_source == "test GPO contract"


def test_receive_tops_up_a_lot_at_the_weighted_cost() -> None:
    first = receive(KETO, lot_number="K1", expires_on=date(2027, 1, 31), packages=1,
                    package_cost=D("25.00"), received_at=NOW)
    second = receive(KETO, lot_number="K1", expires_on=date(2027, 1, 31), packages=1,
                     package_cost=D("50.00"), received_at=NOW, existing=first)
    assert second.vials_on_hand == D(50)
    assert second.vial_cost == D("1.5")


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"packages": 0}, "at least one package"),
    ({"expires_on": date(2026, 3, 1)}, "already expired"),
    ({"package_cost": D("-1")}, "negative"),
])
def test_receive_refuses_bad_receipts(kwargs: dict, message: str) -> None:
    args = {"lot_number": "L", "expires_on": date(2027, 1, 1), "packages": 1,
            "package_cost": D("10"), "received_at": NOW} | kwargs
    with pytest.raises(InventoryError, match=message):
        receive(KETO, **args)


def test_receive_refuses_same_lot_with_another_expiry() -> None:
    first = lot("A", date(2027, 1, 1), "1")
    with pytest.raises(InventoryError, match="another expiry"):
        receive(EPTI, lot_number="A", expires_on=date(2027, 6, 1), packages=1,
                package_cost=None, received_at=NOW, existing=first)


def test_fefo_draws_first_expiring_and_skips_expired_lots() -> None:
    lots = [lot("LATE", date(2027, 6, 1), "5"), lot("SOON", date(2026, 4, 1), "1"),
            lot("GONE", date(2026, 3, 1), "9"), lot("MID", date(2026, 9, 1), "5")]
    assert [x.lot_number for x in fefo(lots, TODAY)] == ["SOON", "MID", "LATE"]
    plan = plan_consumption(EPTI, lots, vials=D(3), day=TODAY)
    assert [(d.lot_number, d.vials) for d in plan.draws] == [("SOON", D(1)), ("MID", D(2))]
    assert plan.cost == D("4950.00")
    after = {x.lot_number: x.vials_on_hand for x in apply_plan(lots, plan)}
    assert after == {"LATE": D(5), "SOON": D(0), "GONE": D(9), "MID": D(3)}


def test_lot_is_usable_on_its_expiry_date() -> None:
    plan = plan_consumption(EPTI, [lot("EDGE", TODAY, "1")], vials=D(1), day=TODAY)
    assert plan.draws[0].lot_number == "EDGE"


def test_stock_out_is_refused_and_changes_nothing() -> None:
    lots = [lot("A", date(2027, 1, 1), "2"), lot("OLD", date(2026, 1, 1), "10")]
    with pytest.raises(InsufficientStock) as info:
        plan_consumption(EPTI, lots, vials=D(3), day=TODAY)
    assert (info.value.needed, info.value.available) == (D(3), D(2))  # expired stock not usable
    assert [x.vials_on_hand for x in lots] == [D(2), D(10)]


def test_recorded_lot_is_drawn_first_and_expired_one_is_flagged() -> None:
    lots = [lot("FIRST", date(2026, 5, 1), "3"), lot("NURSE", date(2026, 2, 28), "1")]
    plan = plan_consumption(EPTI, lots, vials=D(2), day=TODAY, recorded_lot="NURSE")
    assert [(d.lot_number, d.vials, d.expired) for d in plan.draws] == [
        ("NURSE", D(1), True), ("FIRST", D(1), False)]
    assert plan.flags == ("lot NURSE expired 2026-02-28",)


def test_unknown_recorded_lot_falls_back_to_fefo_with_a_flag() -> None:
    plan = plan_consumption(EPTI, [lot("A", date(2027, 1, 1), "2")], vials=D(1), day=TODAY,
                            recorded_lot="ZZZ")
    assert plan.draws[0].lot_number == "A"
    assert "not on file" in plan.flags[0]


def test_single_dose_vials_include_waste_multi_dose_by_fraction() -> None:
    assert EPTI.vials_for(D("150"), D("50")) == D(2)
    assert EPTI.vials_for(D("150"), D("0")) == D(2)  # the rest of vial 2 is waste anyway
    assert ONDAN.vials_for(D("8"), D("0")) == D("0.2")


def test_apply_plan_never_goes_negative() -> None:
    lots = [lot("A", date(2027, 1, 1), "1")]
    plan = plan_consumption(EPTI, lots, vials=D(1), day=TODAY)
    drained = apply_plan(lots, plan)
    with pytest.raises(InsufficientStock):
        apply_plan(drained, plan)  # replaying the same draw would go negative


@settings(max_examples=60)
@given(stock=st.lists(st.tuples(st.integers(0, 400), st.integers(0, 6)), min_size=1, max_size=6),
       requests=st.lists(st.integers(1, 8), min_size=1, max_size=12))
def test_random_consumption_conserves_stock_and_never_goes_negative(stock, requests) -> None:
    lots = [lot(f"L{i}", date(2026, 3, 1) + timedelta(days=days),
                str(vials)) for i, (days, vials) in enumerate(stock)]
    usable = sum(x.vials_on_hand for x in lots if x.expires_on >= TODAY)
    taken = D(0)
    for want in requests:
        try:
            plan = plan_consumption(EPTI, lots, vials=D(want), day=TODAY)
        except InsufficientStock as refused:
            assert refused.available < want
            continue
        lots = apply_plan(lots, plan)
        taken += D(want)
        assert all(x.vials_on_hand >= 0 for x in lots)
        drawn_expiries = [next(x for x in lots if x.lot_number == d.lot_number).expires_on
                          for d in plan.draws]
        assert drawn_expiries == sorted(drawn_expiries)  # first-expiring first
    assert sum(x.vials_on_hand for x in lots if x.expires_on >= TODAY) == usable - taken


def test_reports() -> None:
    lots = [lot("A", date(2026, 3, 20), "2"), lot("B", date(2027, 1, 1), "1"),
            lot("X", date(2026, 2, 1), "4"), lot("Z", date(2026, 3, 10), "0"),
            lot("O", date(2026, 4, 1), "10", cost="4", product=ONDAN)]
    rows = {r.ndc: r for r in on_hand([EPTI, ONDAN, KETO], lots, TODAY)}
    assert (rows[EPTI.ndc].usable_vials, rows[EPTI.ndc].expired_vials) == (D(3), D(4))
    assert rows[EPTI.ndc].usable_value == D("4950.00")
    assert rows[KETO.ndc].usable_vials == D(0)
    soon = expiring_soon(lots, TODAY, within_days=30)
    assert [(r.lot_number, r.days_left) for r in soon] == [
        ("X", -29),
        ("A", 18),
        ("O", 30),
    ]  # inclusive horizon
    outs = {r.ndc: r.state for r in stock_outs([EPTI, ONDAN, KETO], lots, TODAY)}
    assert outs == {KETO.ndc: "out"}
