"""NPI check digit (Luhn over 80840 + the first 9 digits) and NUCC taxonomy codes, as a table
of cases and as properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orders.domain.practitioners import (
    is_valid_npi,
    npi_check_digit,
    npi_problem,
    taxonomy_problem,
    validate_practitioner,
)

NPIS = [
    ("1234567893", None),  # the CMS example
    ("1245319599", None),
    ("1003000126", None),
    ("1234567890", "check digit"),
    ("1234567894", "check digit"),
    ("2234567890", "check digit"),
    ("3234567893", "starts with 1 or 2"),
    ("123456789", "10 digits"),
    ("12345678931", "10 digits"),
    ("12345678a3", "10 digits"),
    ("１２３４５６７８９３", "10 digits"),  # full-width digits are digits to Python, not to X12
    ("", "10 digits"),
]


@pytest.mark.parametrize("npi,problem", NPIS, ids=[n or "empty" for n, _ in NPIS])
def test_npi_table(npi, problem):
    why = npi_problem(npi)
    if problem is None:
        assert why is None and is_valid_npi(npi)
    else:
        assert why is not None and problem in why and not is_valid_npi(npi)


def test_the_check_digit_is_luhn_over_80840_and_the_first_nine():
    assert npi_check_digit("123456789") == 3
    # equivalently: the Luhn sum of the nine digits plus 24 (CMS)
    doubled = [int(c) * (2 if i % 2 == 0 else 1) for i, c in enumerate("123456789")]
    total = sum(d - 9 if d > 9 else d for d in doubled) + 24
    assert (10 - total % 10) % 10 == 3


nine = st.text(alphabet="0123456789", min_size=8, max_size=8)


@given(first=st.sampled_from("12"), rest=nine)
def test_any_nine_digits_with_the_computed_check_digit_validate(first, rest):
    body = first + rest
    assert is_valid_npi(body + str(npi_check_digit(body)))


@given(first=st.sampled_from("12"), rest=nine, position=st.integers(0, 9),
       delta=st.integers(1, 9))
def test_changing_any_one_digit_invalidates(first, rest, position, delta):
    body = first + rest
    npi = body + str(npi_check_digit(body))
    changed = npi[:position] + str((int(npi[position]) + delta) % 10) + npi[position + 1:]
    assert changed != npi and not is_valid_npi(changed)


@pytest.mark.parametrize("code,ok", [
    ("2084N0402X", True), ("261QI0500X", True), ("207RN0300X", True), ("193400000X", True),
    ("2084N0402", False), ("2084n0402X", False), ("2084N0402Y", False), ("A084N0402X", False),
    ("2084N0402XX", False),
])
def test_taxonomy_codes(code, ok):
    assert (taxonomy_problem(code) is None) is ok


def test_validation_names_each_field():
    errors = validate_practitioner({"npi": "1234567890", "taxonomy": "nope",
                                    "roles": frozenset(), "family_name": " "})
    by_field = {e.field: e.message for e in errors}
    assert set(by_field) == {"npi", "taxonomy", "roles", "family_name"}
    assert "check digit" in by_field["npi"]
