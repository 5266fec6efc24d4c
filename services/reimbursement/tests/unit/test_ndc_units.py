"""NDC normalization, HCPCS descriptors and unit math, with hypothesis properties."""

from __future__ import annotations

from decimal import ROUND_CEILING
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reimbursement.domain.hcpcs import (
    HcpcsDescriptor,
    Rounding,
    billing_units,
    discarded_units,
    parse_descriptor,
)
from reimbursement.domain.ndc import NdcError, format_ndc, normalize_ndc
from reimbursement.domain.units import UnitError, convert


@pytest.mark.parametrize(("raw", "expected"), [
    ("0574-4072-05", "00574407205"),  # 4-4-2: zero in the 1st position
    ("51655-089-52", "51655008952"),  # 5-3-2: zero in the 6th position
    ("58118-1397-3", "58118139703"),  # 5-4-1: zero in the 10th position
    ("58118-1397-03", "58118139703"),  # already 5-4-2
    ("58118139703", "58118139703"),  # plain 11 digits
    (" 51655-089-52 ", "51655008952"),
])
def test_ndc_normalizes_to_11_digits(raw: str, expected: str) -> None:
    assert normalize_ndc(raw) == expected


@pytest.mark.parametrize(("raw", "reason"), [
    ("5165508952", "ambiguous"),  # bare 10 digits: which segment is short?
    ("516550895", "10 or 11 digits"),
    ("516-5508-952", "not an NDC"),
    ("5165-508-95", "segment shape"),  # 4-3-2 is not a real shape
    ("00000-0000-00", "labeler"),
    ("", "empty"),
    ("ABCDE-1234-12", "not an NDC"),
])
def test_ndc_rejects_what_it_cannot_convert(raw: str, reason: str) -> None:
    with pytest.raises(NdcError, match=reason):
        normalize_ndc(raw)


def test_format_ndc_5_4_2() -> None:
    assert format_ndc("51655008952") == "51655-0089-52"
    with pytest.raises(NdcError):
        format_ndc("5165508952")


@given(st.sampled_from([(4, 4, 2), (5, 3, 2), (5, 4, 1)]), st.data())
def test_every_10_digit_shape_pads_its_short_segment(shape, data) -> None:
    parts = [data.draw(st.text("0123456789", min_size=n, max_size=n)) for n in shape]
    if parts[0].strip("0") == "":
        parts[0] = "1" + parts[0][1:]
    result = normalize_ndc("-".join(parts))
    assert len(result) == 11 and result.isdigit()
    assert (result[:5], result[5:9], result[9:]) == tuple(
        p.zfill(w) for p, w in zip(parts, (5, 4, 2), strict=True))


@pytest.mark.parametrize(("text", "parsed"), [
    ("up to 10 mg", (D("10"), "mg", True)),
    ("Up To 50 MG", (D("50"), "mg", True)),
    ("per 500 mg", (D("500"), "mg", False)),
    ("15 mg", (D("15"), "mg", False)),
    ("0.1 ml", (D("0.1"), "ml", False)),
    ("1000 cc", (D("1000"), "ml", False)),
])
def test_parse_descriptor(text: str, parsed: tuple) -> None:
    assert parse_descriptor(text) == parsed


def test_parse_descriptor_rejects_garbage() -> None:
    with pytest.raises(ValueError):
        parse_descriptor("ten milligrams")


def test_conversions() -> None:
    assert convert(D("2"), "g", "mg") == D("2000")
    assert convert(D("500"), "mcg", "mg") == D("0.5")
    assert convert(D("2"), "ml", "mg", mg_per_ml=D("30")) == D("60")
    assert convert(D("60"), "mg", "ml", mg_per_ml=D("30")) == D("2")
    with pytest.raises(UnitError, match="concentration"):
        convert(D("2"), "ml", "mg")
    with pytest.raises(UnitError):
        convert(D("2"), "iu", "mg", mg_per_ml=D("1"))
    with pytest.raises(UnitError, match="unknown unit"):
        convert(D("2"), "tablespoons", "mg")


PER_15 = HcpcsDescriptor("J1885", "ketorolac", D("15"), "mg")
UP_TO_10 = HcpcsDescriptor("J0780", "prochlorperazine", D("10"), "mg", up_to=True)


@pytest.mark.parametrize(("dose", "descriptor", "rounding", "units"), [
    ("30", PER_15, Rounding.UP, 2),
    ("31", PER_15, Rounding.UP, 3),
    ("0.1", PER_15, Rounding.UP, 1),
    ("22", PER_15, Rounding.NEAREST, 1),
    ("23", PER_15, Rounding.NEAREST, 2),  # 1.53 -> 2
    ("22.5", PER_15, Rounding.NEAREST, 2),  # half up
    ("1", PER_15, Rounding.NEAREST, 1),  # never below one unit for a real dose
    ("5", UP_TO_10, Rounding.NEAREST, 1),  # "up to" always rounds up
    ("10", UP_TO_10, Rounding.UP, 1),
    ("10.5", UP_TO_10, Rounding.NEAREST, 2),
    ("0", PER_15, Rounding.UP, 0),
])
def test_billing_units(
    dose: str, descriptor: HcpcsDescriptor, rounding: Rounding, units: int
) -> None:
    assert billing_units(D(dose), descriptor, rounding) == units


def test_negative_amounts_refused() -> None:
    with pytest.raises(ValueError):
        billing_units(D("-1"), PER_15, Rounding.UP)
    with pytest.raises(ValueError):
        discarded_units(D("-1"), PER_15)


# --- properties of the unit math -------------------------------------------------------------
amounts = st.decimals(min_value=D("0.001"), max_value=D("5000"), places=3)
steps = st.decimals(min_value=D("0.1"), max_value=D("1000"), places=1)


@given(dose=amounts, step=steps)
def test_units_cover_the_dose_and_no_more(dose: D, step: D) -> None:
    d = HcpcsDescriptor("JX", "x", step, "mg")
    units = billing_units(dose, d, Rounding.UP)
    assert units * step >= dose  # every milligram given is billed
    assert (units - 1) * step < dose  # and not one unit more


@given(dose=amounts, step=steps)
def test_nearest_is_within_half_a_unit_and_at_least_one(dose: D, step: D) -> None:
    d = HcpcsDescriptor("JX", "x", step, "mg")
    units = billing_units(dose, d, Rounding.NEAREST)
    assert units >= 1
    assert units == 1 or abs(units * step - dose) <= step / 2


@given(dose=amounts, extra=amounts, step=steps)
def test_units_are_monotonic_in_dose(dose: D, extra: D, step: D) -> None:
    d = HcpcsDescriptor("JX", "x", step, "mg")
    for rounding in Rounding:
        assert billing_units(dose + extra, d, rounding) >= billing_units(dose, d, rounding)


@given(vials=st.integers(1, 12), vial=st.sampled_from([D(10), D(50), D(100), D(400)]),
       step=st.sampled_from([D(1), D(5), D(10), D(25), D(50)]), data=st.data())
def test_administered_plus_jw_never_exceed_the_vials(vials: int, vial: D, step: D, data) -> None:
    content = vials * vial
    dose = data.draw(st.decimals(min_value=D("0.01"), max_value=content, places=2))
    d = HcpcsDescriptor("JX", "x", step, "mg")
    given_units = billing_units(dose, d, Rounding.UP)
    jw = discarded_units(content - dose, d)
    content_units = (content / step).to_integral_value(rounding=ROUND_CEILING)
    assert given_units + jw <= content_units
    if content % step == 0:  # vial content is whole units: the two lines bill it exactly
        assert given_units + jw == content_units
