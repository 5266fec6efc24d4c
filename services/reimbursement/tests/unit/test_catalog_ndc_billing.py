"""The orders catalog's package NDCs bill as the 837P wants them (issue 18): the 11-digit 5-4-2
code of LIN*N4, one per printed NDC, and the neurology test products that carry a real NDC
carry one the catalog lists for a drug with the same HCPCS code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reimbursement.domain.ndc import format_ndc, normalize_ndc
from reimbursement.testing_neuro import NEURO_PRODUCTS, SYNTHETIC

CATALOG = json.loads((Path(__file__).resolve().parents[4]
                      / "services/orders/src/orders/seed/catalog.json").read_text())
LISTED = [(d["code"], d.get("hcpcs"), ndc) for d in CATALOG["drugs"] for ndc in d.get("ndcs", [])]


def test_the_catalog_lists_ndcs() -> None:
    assert len(LISTED) >= 16  # 11 neurology drugs, some in two or three sizes


@pytest.mark.parametrize(("code", "hcpcs", "printed"), LISTED, ids=[x[2] for x in LISTED])
def test_a_catalog_ndc_bills_as_its_padded_5_4_2_form(code: str, hcpcs: str | None,
                                                      printed: str) -> None:
    billed = normalize_ndc(printed)
    assert len(billed) == 11 and billed.isdigit()
    # each printed segment is the end of its billing segment, padded by at most one zero
    for seg, part in zip(format_ndc(billed).split("-"), printed.split("-"), strict=True):
        assert seg.endswith(part) and len(seg) - len(part) <= 1 and set(seg[:-len(part)]) <= {"0"}


def test_no_two_catalog_ndcs_bill_as_one_code() -> None:
    billed = [normalize_ndc(printed) for _, _, printed in LISTED]
    assert len(billed) == len(set(billed))


def test_real_test_products_are_catalog_ndcs_with_the_same_hcpcs() -> None:
    by_code = {normalize_ndc(printed): (code, hcpcs) for code, hcpcs, printed in LISTED}
    real = [p for ndc, p in NEURO_PRODUCTS.items() if ndc not in SYNTHETIC]
    assert len(real) == len(NEURO_PRODUCTS) - len(SYNTHETIC)
    for product in real:
        assert product.ndc in by_code, product.name
        assert by_code[product.ndc][1] == product.hcpcs, product.name
    assert not SYNTHETIC & set(by_code)  # a made-up code never shadows a real one
