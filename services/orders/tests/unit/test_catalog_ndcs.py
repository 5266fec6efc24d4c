"""The catalog's package NDCs (issue 18): each is a 10-digit NDC as the carton prints it
(4-4-2, 5-3-2 or 5-4-1), bills as exactly one 11-digit 5-4-2 code (837P LIN*N4), and names the
reference it was read in. Codes no source confirmed stay out and the drug says UNVERIFIED."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orders.domain.catalog import Drug
from orders.domain.ndc import NdcError, billing_ndc, catalog_ndc_problems
from orders.seed import seed_catalog

CATALOG = seed_catalog()
TEN_DIGIT = re.compile(r"^(\d{4}-\d{4}-\d{2}|\d{5}-\d{3}-\d{2}|\d{5}-\d{4}-\d{1})$")

# What the sources confirmed (the report of issue 18 lists the URL of each): drug ->
# {package NDC: 11-digit billing code}. A change here is a change of fact: cite it.
NEURO_NDCS = {
    "ocrelizumab": {"50242-150-01": "50242015001"},
    "natalizumab": {"64406-008-01": "64406000801"},
    "ublituximab": {"73150-150-06": "73150015006"},
    "ivig_privigen": {"44206-439-40": "44206043940"},
    "ivig_gamunex_c": {"13533-805-01": "13533080501", "13533-805-11": "13533080511",
                       "13533-805-31": "13533080531"},
    "infliximab": {"57894-030-01": "57894003001"},
    "infliximab_dyyb": {"0069-0809-01": "00069080901"},
    "rituximab": {"50242-051-21": "50242005121", "50242-053-06": "50242005306"},
    "rituximab_abbs": {"63459-103-10": "63459010310", "63459-104-50": "63459010450"},
    "lecanemab": {"62856-212-01": "62856021201", "62856-215-01": "62856021501"},
    "donanemab": {"0002-9401-01": "00002940101"},
}
# sizes a source listed without a code, or codes without a size: still unverified
PARTLY_UNVERIFIED = {"ivig_privigen", "ivig_gamunex_c"}


@pytest.mark.parametrize("code", sorted(NEURO_NDCS))
def test_neuro_drug_ndcs_are_the_verified_ones(code: str) -> None:
    drug = CATALOG.drug(code)
    assert {n: billing_ndc(n) for n in drug.ndcs} == NEURO_NDCS[code]
    assert ("UNVERIFIED" in drug.sources["ndcs"]) == (code in PARTLY_UNVERIFIED)


def test_every_catalog_ndc_is_a_ten_digit_package_ndc_billing_as_one_unique_code() -> None:
    billed: dict[str, str] = {}
    for drug in CATALOG.drugs.values():
        for ndc in drug.ndcs:
            assert TEN_DIGIT.match(ndc), (drug.code, ndc)
            code11 = billing_ndc(ndc)
            assert len(code11) == 11 and code11.isdigit()
            # the 11 digits are the 10 printed ones with one zero put in front of a segment
            printed = ndc.replace("-", "")
            assert any(code11[i] == "0" and code11[:i] + code11[i + 1:] == printed
                       for i in (0, 5, 9)), (ndc, code11)
            assert code11 not in billed, (drug.code, ndc, billed.get(code11))
            billed[code11] = drug.code
    assert len(billed) == sum(len(v) for v in NEURO_NDCS.values())


def test_every_listed_ndc_names_a_reference_with_an_address() -> None:
    refs = CATALOG.references
    for drug in CATALOG.drugs.values():
        if not drug.ndcs:
            continue
        source = drug.sources["ndcs"]
        key = source.split()[0]
        assert key.startswith("NDC-") and key in refs, (drug.code, source)
        assert "http" in refs[key], (drug.code, key)
        for ndc in drug.ndcs:
            # the code is written next to its size in the drug's source note
            assert ndc in source or ndc.rsplit("-", 1)[1] in source, (drug.code, ndc)


def test_a_neuro_drug_without_ndcs_says_why() -> None:
    for code in NEURO_NDCS:
        drug = CATALOG.drug(code)
        assert drug.ndcs or "UNVERIFIED" in drug.sources["ndcs"], code


@pytest.mark.parametrize(("printed", "billed"), [
    ("0002-9401-01", "00002940101"),   # 4-4-2: the labeler gets the zero
    ("64406-008-01", "64406000801"),   # 5-3-2: the product code gets it
    ("12345-6789-1", "12345678901"),   # 5-4-1: the package code gets it
    ("0069-0809-01", "00069080901"),
])
def test_billing_ndc_pads_the_short_segment(printed: str, billed: str) -> None:
    assert billing_ndc(printed) == billed


@pytest.mark.parametrize("bad", [
    "6440600801",       # no hyphens: which segment is short is unknown
    "64406-0008-01",    # 11 digits already (5-4-2): not a printed package NDC
    "644-06008-01",     # 3-5-2
    "64406-008-1",      # 5-3-1: nine digits
    "00000-123-45",     # labeler all zeros
    "64406-008-01 ",
    "",
])
def test_billing_ndc_refuses_what_it_cannot_convert_for_sure(bad: str) -> None:
    with pytest.raises(NdcError):
        billing_ndc(bad)


_shapes = st.sampled_from([(4, 4, 2), (5, 3, 2), (5, 4, 1)])


@st.composite
def printed_ndcs(draw: st.DrawFn) -> str:
    shape = draw(_shapes)
    parts = [draw(st.text("0123456789", min_size=n, max_size=n)) for n in shape]
    if int(parts[0]) == 0:
        parts[0] = parts[0][:-1] + "1"
    return "-".join(parts)


@given(printed_ndcs())
def test_billing_form_is_the_printed_digits_with_one_padding_zero(printed: str) -> None:
    parts = printed.split("-")
    code11 = billing_ndc(printed)
    segments = (code11[:5], code11[5:9], code11[9:])
    assert len(code11) == 11
    for seg, part in zip(segments, parts, strict=True):
        assert seg.lstrip("0") == part.lstrip("0") and seg.endswith(part)


@given(printed_ndcs(), printed_ndcs())
def test_different_printed_ndcs_of_one_shape_bill_differently(a: str, b: str) -> None:
    same_shape = [len(p) for p in a.split("-")] == [len(p) for p in b.split("-")]
    if same_shape and a != b:
        assert billing_ndc(a) != billing_ndc(b)


def _with_ndcs(ndcs: list[str], source: str | None = "NDC-TYS (test)") -> dict:
    data = CATALOG.drug("natalizumab").model_dump(mode="json")
    sources = {k: v for k, v in data["sources"].items() if k != "ndcs"}
    if source is not None:
        sources["ndcs"] = source
    return data | {"ndcs": ndcs, "sources": sources}


@pytest.mark.parametrize(("ndcs", "source", "message"), [
    (["6440600801"], "NDC-TYS", "hyphenated 10-digit"),
    (["64406-0008-01"], "NDC-TYS", "segments 5-4-2 are not"),
    (["64406-008-01", "64406-008-01"], "NDC-TYS", "both bill as 64406000801"),
    (["64406-008-01"], None, "need a source"),
    (["64406-008-01"], "  ", "need a source"),
])
def test_the_catalog_model_refuses_bad_or_unsourced_ndcs(ndcs, source, message) -> None:
    with pytest.raises(ValueError, match=message):
        Drug.model_validate(_with_ndcs(ndcs, source))


def test_an_empty_ndc_list_needs_no_source() -> None:
    assert Drug.model_validate(_with_ndcs([], None)).ndcs == ()
    assert catalog_ndc_problems("x", [], {}) == []
