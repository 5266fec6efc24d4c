"""The practice's billing identity and payer enrollments: every rule, one row each."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from reimbursement.domain.practice import (
    INFUSION_CLINIC_TAXONOMY,
    TAXONOMY_NOT_ON_NPI,
    BillingIdentity,
    is_po_box,
)
from reimbursement.testing import BILLING, CLINIC_ADDRESS, ENROLLMENT, LOCKBOX


def test_the_taxonomy_defaults_to_an_infusion_clinic() -> None:
    identity = BillingIdentity("X", "1245319599", "049990001", ("261QI0500X",), CLINIC_ADDRESS)
    assert identity.taxonomy == INFUSION_CLINIC_TAXONOMY == "261QI0500X"
    assert identity.problems() == []


@pytest.mark.parametrize(("change", "problems"), [
    ({}, []),
    ({"pay_to": LOCKBOX}, []),  # a lockbox is fine as the pay-to address (2010AB)
    ({"npi": "1234567890"}, [("npi", "NPI check digit does not match")]),  # §8 case 1
    ({"npi": "12345"}, [("npi", "an NPI is 10 digits")]),
    ({"ein": "12345678"}, [("ein", "an EIN is 9 digits")]),
    ({"name": "  "}, [("name", "the practice's legal name is required")]),
    # §8 case 9: NPPES lists 261QI0500X, the practice says 207RN0300X
    ({"taxonomy": "207RN0300X"}, [("taxonomy", TAXONOMY_NOT_ON_NPI)]),
    ({"taxonomy": "bogus"}, [("taxonomy", "not a NUCC taxonomy code")]),
    ({"npi_taxonomies": ("261QI0500X", "nope")},
     [("npi_taxonomies.1", "not a NUCC taxonomy code")]),
    ({"npi_taxonomies": ()}, [("taxonomy", TAXONOMY_NOT_ON_NPI)]),
    # §8 case 3: a PO Box is not a billing (street) address
    ({"address": replace(CLINIC_ADDRESS, line1="PO BOX 12")},
     [("address.line1", "a PO Box or lockbox is not a street address; record it as the "
                        "pay-to address")]),
    ({"address": replace(CLINIC_ADDRESS, line2="Lockbox 7731")},
     [("address.line2", "a PO Box or lockbox is not a street address; record it as the "
                        "pay-to address")]),
    ({"address": replace(CLINIC_ADDRESS, postal_code="02110")},
     [("address.postal_code", "the billing address needs the 9-digit ZIP+4")]),
    ({"address": replace(CLINIC_ADDRESS, state="Mass")},
     [("address.state", "two capital letters (e.g. MA)")]),
    ({"pay_to": replace(LOCKBOX, postal_code="0224")},
     [("pay_to_address.postal_code", "5 or 9 digits")]),
])
def test_billing_identity_rules(change: dict, problems: list[tuple[str, str]]) -> None:
    assert replace(BILLING, **change).problems() == problems


@pytest.mark.parametrize(("line", "box"), [
    ("PO BOX 12", True), ("P.O. Box 12", True), ("p o box 12", True), ("POB 77", True),
    ("Post Office Box 9", True), ("Lockbox 7731", True), ("LOCK BOX 3", True),
    ("Box 9", True), ("PMB 301", True), ("PO Drawer 5", True),
    ("100 Main St", False), ("12 Boxwood Rd", False), ("1 Post Office Sq", False),
    ("POBOX 12", True), ("12 Apt P Oberlin St", False), ("5 Poblano Way", False),
])
def test_po_box_detection(line: str, box: bool) -> None:
    assert is_po_box(line) is box


@pytest.mark.parametrize(("change", "problems"), [
    ({}, []),
    ({"npi": "1234567893"}, [("npi", "not the practice's billing NPI")]),
    ({"npi": "1234567890"}, [("npi", "NPI check digit does not match")]),
    ({"taxonomy": "207RN0300X"}, [("taxonomy", TAXONOMY_NOT_ON_NPI)]),
    ({"effective_to": date(2019, 1, 1)}, [("effective_to", "before effective_from")]),
])
def test_enrollment_rules(change: dict, problems: list[tuple[str, str]]) -> None:
    assert replace(ENROLLMENT, **change).problems(BILLING) == problems


def test_enrollment_covers_active_dates_only() -> None:
    bounded = replace(ENROLLMENT, effective_to=date(2026, 12, 31))
    assert bounded.covers(date(2026, 3, 2))
    assert not bounded.covers(date(2027, 1, 1))
    assert not bounded.covers(date(2019, 12, 31))
    assert not replace(ENROLLMENT, status="pending").covers(date(2026, 3, 2))
    assert not replace(ENROLLMENT, status="terminated").covers(date(2026, 3, 2))
