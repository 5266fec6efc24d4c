from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from authorization.domain.units import UnitConversionError, billing_units, parse_descriptor


@pytest.mark.parametrize(
    "dose, unit, descriptor, expected",
    [
        ("100", "mg", "1 mg", 100),  # eptinezumab J3032, 100 mg = 100 units
        ("300", "mg", "1 mg", 300),
        ("2", "g", "500 mg", 4),  # magnesium J3475 per 500 mg: 2 g = 4 units
        ("30", "mg", "15 mg", 2),  # ketorolac J1885 per 15 mg
        ("10", "mg", "up to 10 mg", 1),  # prochlorperazine J0780 "up to 10 mg"
        ("25", "mg", "up to 50 mg", 1),  # diphenhydramine J1200
        ("360", "mg", "10 mg", 36),  # infliximab J1745
        ("16", "mg", "15 mg", 2),  # partial units round up
        ("0.5", "g", "per 500 mg", 1),
        ("1000", "mcg", "1 mg", 1),
        ("0", "mg", "1 mg", 0),
        ("2", "ml", "1 ml", 2),
        ("3", "units", "1 unit", 3),
    ],
)
def test_billing_units(dose, unit, descriptor, expected):
    assert billing_units(Decimal(dose), unit, descriptor) == expected


@pytest.mark.parametrize(
    "dose, unit, descriptor, match",
    [
        ("100", "mg", "1 vial", "unreadable"),
        ("100", "ml", "1 mg", "cannot convert"),
        ("-1", "mg", "1 mg", "non-negative"),
        ("abc", "mg", "1 mg", "not a number"),
        ("NaN", "mg", "1 mg", "finite"),
        ("10", "mg", "0 mg", "no amount"),
    ],
)
def test_bad_conversions_raise(dose, unit, descriptor, match):
    with pytest.raises(UnitConversionError, match=match):
        billing_units(dose, unit, descriptor)


def test_parse_descriptor():
    assert parse_descriptor("Up to 10 MG") == (Decimal(10), "mg")
    assert parse_descriptor("per 500 mg") == (Decimal(500), "mg")


@settings(max_examples=300)
@given(
    dose=st.decimals(min_value=Decimal("0.001"), max_value=Decimal(5000), places=3),
    amount=st.sampled_from(["1", "10", "15", "50", "500", "0.5"]),
)
def test_units_cover_the_dose_and_never_one_too_many(dose, amount):
    units = billing_units(dose, "mg", f"{amount} mg")
    a = Decimal(amount)
    assert units * a >= dose  # the billed units cover what was given
    assert (units - 1) * a < dose  # rounding up by at most one unit


@settings(max_examples=200)
@given(
    a=st.decimals(min_value=Decimal(0), max_value=Decimal(1000), places=2),
    b=st.decimals(min_value=Decimal(0), max_value=Decimal(1000), places=2),
)
def test_units_monotonic(a, b):
    lo, hi = sorted([a, b])
    assert billing_units(lo, "mg", "15 mg") <= billing_units(hi, "mg", "15 mg")
