"""The identity check of a claim (payer-exchange.md §1, §8 cases 6 and 9): the orders answer,
the practice's billing identity and its enrollment in; every party the 837P needs out, or a
hold naming each missing item. One row per way a claim is held."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from reimbursement.domain.parties import ClaimFacts, ClaimParties, check_parties
from reimbursement.domain.practice import TAXONOMY_NOT_ON_NPI
from reimbursement.testing import (
    BILLING,
    CHILD,
    CLINIC_ADDRESS,
    ENROLLMENT,
    ORDERING,
    PATIENT,
    SUPERVISING,
    coverage,
    payer_identity,
)

FACTS = ClaimFacts("medicare-b", date(2026, 3, 2))
NO = object()  # "leave the default"


def check(*, identity: Any = NO, billing: Any = NO, enrollment: Any = NO,
          facts: ClaimFacts = FACTS) -> ClaimParties | list:
    return check_parties(facts, payer_identity() if identity is NO else identity,
                         BILLING if billing is NO else billing,
                         ENROLLMENT if enrollment is NO else enrollment)


HELD = [
    ("no demographics", {"identity": payer_identity(patient=None)},
     ["patient.demographics"]),
    ("ON FILE as the name", {"identity": payer_identity(
        patient=replace(PATIENT, family_name="ON FILE", given_name=""))}, ["patient.name"]),
    ("clinic address as home", {"identity": payer_identity(
        patient=replace(PATIENT, address=CLINIC_ADDRESS))}, ["patient.address"]),
    ("no coverage", {"identity": replace(payer_identity(), coverage=None)}, ["coverage"]),
    ("no member id", {"identity": payer_identity(cov=coverage(member_id=" "))},
     ["coverage.member_id"]),
    ("coverage with another payer", {"identity": payer_identity(
        cov=coverage(payer_id="summit-health"))}, ["coverage.payer_id"]),
    ("coverage ended before the visit", {"identity": payer_identity(cov=replace(
        coverage(), status="ended", effective_to=date(2026, 2, 28)))}, ["coverage.effective"]),
    ("dependent without subscriber", {"identity": payer_identity(
        patient=CHILD, cov=coverage("child"))}, ["coverage.subscriber"]),
    ("subscriber as a stand-in", {"identity": payer_identity(patient=CHILD, cov=coverage(
        "child", subscriber=replace(PATIENT, family_name="UNKNOWN")))}, ["subscriber.name"]),
    ("no supervising practitioner", {"identity": payer_identity(supervising=None)},
     ["supervising_practitioner"]),
    ("supervisor's NPI fails its check digit", {"identity": payer_identity(
        supervising=replace(SUPERVISING, npi="1234567890"))},
     ["supervising_practitioner.npi"]),
    ("supervisor without taxonomy", {"identity": payer_identity(
        supervising=replace(SUPERVISING, taxonomy=None))}, ["supervising_practitioner.taxonomy"]),
    ("RENDERING PROVIDER placeholder", {"identity": payer_identity(supervising=replace(
        SUPERVISING, family_name="PROVIDER", given_name="RENDERING"))},
     ["supervising_practitioner.name"]),
    ("no ordering practitioner", {"identity": payer_identity(ordering=None)},
     ["ordering_practitioner"]),
    ("no billing identity", {"billing": None}, ["billing_identity"]),
    ("billing taxonomy not on NPI (case 9)", {"billing": replace(BILLING, taxonomy="207RN0300X"),
                                              "enrollment": None},
     ["billing_identity.taxonomy"]),
    ("enrollment taxonomy not on NPI (case 9)", {"enrollment": replace(
        ENROLLMENT, taxonomy="207RN0300X")}, ["payer_enrollment.taxonomy"]),
    ("enrollment pending", {"enrollment": replace(ENROLLMENT, status="pending")},
     ["payer_enrollment"]),
    ("enrolled under another NPI", {"enrollment": replace(ENROLLMENT, npi="1234567893")},
     ["payer_enrollment.npi"]),
    ("orders does not know the order", {"identity": None}, ["order"]),
    ("everything missing at once", {
        "identity": replace(payer_identity(patient=None, supervising=None, ordering=None),
                            coverage=None),
        "billing": None},
     ["billing_identity", "patient.demographics", "coverage", "supervising_practitioner",
      "ordering_practitioner"]),
]


@pytest.mark.parametrize(("case", "given", "items"), HELD, ids=[c[0] for c in HELD])
def test_a_claim_missing_an_identity_is_held_naming_it(case: str, given: dict,
                                                       items: list[str]) -> None:
    found = check(**given)
    assert isinstance(found, list), case
    assert [h.item for h in found] == items
    assert all(h.detail for h in found)
    if "case 9" in case:
        assert found[0].detail == TAXONOMY_NOT_ON_NPI


def test_complete_identities_become_the_parties() -> None:
    found = check()
    assert isinstance(found, ClaimParties)
    assert (found.patient, found.subscriber, found.rendering) == (PATIENT, PATIENT, SUPERVISING)
    assert found.ordering is None  # the orderer is the supervisor: no 2420E
    assert found.billing_taxonomy == "261QI0500X"


def test_an_orderer_who_is_not_the_supervisor_is_named() -> None:
    found = check(identity=payer_identity(ordering=ORDERING))
    assert isinstance(found, ClaimParties) and found.ordering == ORDERING


def test_a_dependent_is_billed_under_the_subscriber() -> None:
    found = check(identity=payer_identity(patient=CHILD,
                                          cov=coverage("child", subscriber=PATIENT)))
    assert isinstance(found, ClaimParties)
    assert (found.patient, found.subscriber) == (CHILD, PATIENT)


def test_without_an_enrollment_the_practice_taxonomy_is_billed() -> None:
    found = check(enrollment=None)
    assert isinstance(found, ClaimParties) and found.billing_taxonomy == BILLING.taxonomy


def test_no_hold_carries_a_value_from_the_identity() -> None:
    """Holds reach API answers and logs: item names and reasons, never PHI."""
    found = check(identity=payer_identity(
        patient=replace(PATIENT, family_name="ON FILE", address=CLINIC_ADDRESS),
        cov=coverage(member_id="")))
    text = repr(found).upper()
    for value in ("RIVERA", "ANA", "1961", "ELM", "QUINCY", "1EG4TE5MK72", "MAIN ST"):
        assert value not in text
