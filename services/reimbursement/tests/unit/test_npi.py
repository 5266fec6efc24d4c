"""The NPI check digit (CMS: Luhn over 80840 + the first nine digits) and taxonomy shape: a
case table of known vectors, and properties checked against an independent Luhn reference."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reimbursement.domain.npi import npi_check_digit, npi_problem, valid_npi, valid_taxonomy


@pytest.mark.parametrize(("npi", "problem"), [
    ("1234567893", None),  # CMS example, payer-exchange.md §8 case 2
    ("1245319599", None),
    ("2998877668", None),  # the demo practice (made up)
    ("1234567890", "NPI check digit does not match"),  # §8 case 1
    ("1234567891", "NPI check digit does not match"),
    ("1234567839", "NPI check digit does not match"),  # two digits swapped
    ("3234567893", "an NPI starts with 1 or 2"),
    ("0234567893", "an NPI starts with 1 or 2"),
    ("123456789", "an NPI is 10 digits"),
    ("12345678931", "an NPI is 10 digits"),
    ("12345678AB", "an NPI is 10 digits"),
    ("", "an NPI is 10 digits"),
    ("１２３４５６７８９３", "an NPI is 10 digits"),  # full-width digits are not ASCII digits
])
def test_npi_case_table(npi: str, problem: str | None) -> None:
    assert npi_problem(npi) == problem
    assert valid_npi(npi) is (problem is None)


def luhn_valid(number: str) -> bool:
    """Textbook Luhn (ISO/IEC 7812-1), written independently of the code under test."""
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d // 10 + d % 10
    return total % 10 == 0


nine = st.text(alphabet="0123456789", min_size=8, max_size=8).flatmap(
    lambda rest: st.sampled_from(["1", "2"]).map(lambda first: first + rest))


@given(nine)
def test_the_check_digit_makes_a_luhn_valid_80840_number(first_nine: str) -> None:
    npi = first_nine + str(npi_check_digit(first_nine))
    assert valid_npi(npi)
    assert luhn_valid("80840" + npi)


@given(nine)
def test_the_prefix_is_worth_24(first_nine: str) -> None:
    """CMS: the check digit over 80840+9 digits equals Luhn over the 9 digits with 24 added."""
    total = 24
    for i, ch in enumerate(reversed(first_nine)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d // 10 + d % 10
    assert npi_check_digit(first_nine) == (10 - total % 10) % 10


@given(nine, st.integers(0, 9), st.integers(0, 8), st.integers(1, 9))
def test_any_single_digit_error_is_caught(first_nine: str, wrong_last: int, position: int,
                                          shift: int) -> None:
    npi = first_nine + str(npi_check_digit(first_nine))
    if wrong_last != int(npi[9]):
        assert not valid_npi(npi[:9] + str(wrong_last))
    changed = str((int(npi[position]) + shift) % 10)
    typo = npi[:position] + changed + npi[position + 1:]
    assert not valid_npi(typo)


@given(st.text(max_size=12))
def test_anything_else_never_raises(text: str) -> None:
    assert valid_npi(text) is (npi_problem(text) is None)


@pytest.mark.parametrize(("code", "ok"), [
    ("261QI0500X", True), ("207RN0300X", True), ("193400000X", True), ("2084N0402X", True),
    ("163W00000X", True), ("261QI0500", False), ("261qi0500X", False), ("261QI0500Y", False),
    ("A61QI0500X", False), ("", False),
])
def test_taxonomy_shape(code: str, ok: bool) -> None:
    assert valid_taxonomy(code) is ok
