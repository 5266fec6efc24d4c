"""Who a claim names, read from orders at the moment of disclosure (never stored here), and
the check that decides whether an 837P can carry them without a stand-in.

``check_parties`` is a pure function: the orders answer (``PayerIdentity``), the practice's
billing identity and its enrollment with the claim's payer in; either every party the 837P
needs (``ClaimParties``) or the holds naming each missing or unusable item out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal
from uuid import UUID

from reimbursement.domain.holds import Hold
from reimbursement.domain.npi import npi_problem
from reimbursement.domain.practice import (
    TAXONOMY_NOT_ON_NPI,
    BillingIdentity,
    PayerEnrollment,
    PostalAddress,
)

Relationship = Literal["self", "spouse", "child", "other"]
Sex = Literal["female", "male", "unknown"]
Priority = Literal["primary", "secondary", "tertiary"]
CoverageStatus = Literal["active", "ended"]
PAT01 = {"spouse": "01", "child": "19", "other": "G8"}  # 2000C patient relationship
SBR01 = {"primary": "P", "secondary": "S", "tertiary": "T"}
# Stand-ins a claim must never carry as a person's name (payer-exchange.md §0, case 6). Real
# surnames that look like codes (Na, Test) are not listed: a false hold costs a person's time.
PLACEHOLDER_NAMES = frozenset({
    "ON FILE", "ONFILE", "UNKNOWN", "NONE", "TBD", "PATIENT", "SUBSCRIBER",
    "RENDERING PROVIDER", "PROVIDER", "RENDERING"})


@dataclass(frozen=True, slots=True)
class Person:
    family_name: str
    given_name: str
    birth_date: date
    sex: Sex
    address: PostalAddress
    middle_name: str | None = None


@dataclass(frozen=True, slots=True)
class Practitioner:
    id: UUID
    npi: str
    family_name: str
    given_name: str
    taxonomy: str | None
    active: bool = True


@dataclass(frozen=True, slots=True)
class Coverage:
    id: UUID
    payer_id: str
    member_id: str
    relationship: Relationship
    subscriber: Person | None  # required unless relationship == "self"
    priority: Priority = "primary"
    group_number: str | None = None
    status: CoverageStatus = "active"
    effective_from: date | None = None
    effective_to: date | None = None


@dataclass(frozen=True, slots=True)
class PayerIdentity:
    """What orders answers for one order, purpose=payment (held only while rendering)."""

    order_id: UUID
    patient: Person | None
    coverage: Coverage | None
    ordering: Practitioner | None
    supervising: Practitioner | None


@dataclass(frozen=True, slots=True)
class ClaimParties:
    """Every identity one claim's 837P carries."""

    billing: BillingIdentity
    billing_taxonomy: str  # PRV*BI: the payer enrollment's, else the practice's
    patient: Person
    coverage: Coverage
    subscriber: Person  # the patient when relationship == "self"
    rendering: Practitioner  # the supervising practitioner (incident-to), 2310B
    ordering: Practitioner | None  # 2420E on each line, only when not the rendering one


@dataclass(frozen=True, slots=True)
class ClaimFacts:
    """What the claim itself says (from the administration), to check the answer against."""

    payer_id: str | None
    service_date: date


def check_parties(
    facts: ClaimFacts, identity: PayerIdentity | None, billing: BillingIdentity | None,
    enrollment: PayerEnrollment | None,
) -> ClaimParties | list[Hold]:
    holds: list[Hold] = []
    taxonomy = _billing(facts, billing, enrollment, holds)
    if identity is None:
        holds.append(Hold("order", "orders has no record of this claim's order"))
        return holds
    _patient(identity.patient, billing, holds)
    subscriber = _coverage(facts, identity.coverage, identity.patient, billing, holds)
    _practitioner("supervising_practitioner", identity.supervising, holds)
    _practitioner("ordering_practitioner", identity.ordering, holds)
    if holds:
        return holds
    assert billing and taxonomy and identity.patient and identity.coverage and subscriber
    assert identity.supervising and identity.ordering
    ordering = None if identity.ordering.npi == identity.supervising.npi else identity.ordering
    return ClaimParties(billing, taxonomy, identity.patient, identity.coverage, subscriber,
                        identity.supervising, ordering)


def stand_ins(parties: ClaimParties) -> list[Hold]:
    """What in ``parties`` would be a stand-in on an 837P (a renderer's last guard)."""
    holds: list[Hold] = [Hold(f"billing_identity.{field}", message)
                         for field, message in parties.billing.problems()]
    _person("patient", parties.patient, parties.billing, holds)
    if parties.subscriber is not parties.patient:
        _person("subscriber", parties.subscriber, parties.billing, holds)
    _practitioner("supervising_practitioner", parties.rendering, holds)
    if parties.ordering is not None:
        _practitioner("ordering_practitioner", parties.ordering, holds)
    return holds


def _billing(facts: ClaimFacts, billing: BillingIdentity | None,
             enrollment: PayerEnrollment | None, holds: list[Hold]) -> str | None:
    if billing is None:
        holds.append(Hold("billing_identity", "the practice's billing identity is not recorded"))
        return None
    found = billing.problems()
    holds += [Hold(f"billing_identity.{field}", message) for field, message in found]
    if enrollment is None:
        return None if found else billing.taxonomy
    if not enrollment.covers(facts.service_date):
        holds.append(Hold("payer_enrollment", f"not enrolled with payer {facts.payer_id} "
                          "(active) on the date of service"))
    for field, message in enrollment.problems(billing):
        holds.append(Hold(f"payer_enrollment.{field}", message))
    return enrollment.taxonomy


def _patient(patient: Person | None, billing: BillingIdentity | None,
             holds: list[Hold]) -> None:
    if patient is None:
        holds.append(Hold("patient.demographics", "no demographics on file for the patient"))
        return
    _person("patient", patient, billing, holds)


def _person(role: str, person: Person, billing: BillingIdentity | None,
            holds: list[Hold]) -> None:
    if _placeholder(person.family_name, person.given_name):
        holds.append(Hold(f"{role}.name", "a real legal name is needed (not a stand-in)"))
    address = person.address
    if not address.line1.strip() or not address.city.strip() or not address.postal_code:
        holds.append(Hold(f"{role}.address", "a complete home address is needed"))
    elif billing is not None and any(
            address.same_place(a) for a in (billing.address, billing.pay_to) if a is not None):
        holds.append(Hold(f"{role}.address",
                          "the clinic's address is recorded as the home address"))


def _placeholder(family: str, given: str) -> bool:
    names = {" ".join(family.upper().split()), " ".join(f"{given} {family}".upper().split())}
    return not family.strip() or not given.strip() or bool(names & PLACEHOLDER_NAMES)


def _coverage(facts: ClaimFacts, coverage: Coverage | None, patient: Person | None,
              billing: BillingIdentity | None, holds: list[Hold]) -> Person | None:
    if coverage is None:
        holds.append(Hold("coverage", "no active coverage on file for the claim's payer"))
        return None
    if not coverage.member_id.strip():
        holds.append(Hold("coverage.member_id", "the coverage has no member id"))
    if facts.payer_id is not None and coverage.payer_id != facts.payer_id:
        holds.append(Hold("coverage.payer_id", f"the coverage is with {coverage.payer_id}, "
                          f"the claim with {facts.payer_id}"))
    day = facts.service_date
    if (coverage.status != "active" and coverage.effective_to is None) or (
            coverage.effective_from and day < coverage.effective_from) or (
            coverage.effective_to and day > coverage.effective_to):
        holds.append(Hold("coverage.effective", "the coverage is not in effect on the date "
                          "of service"))
    if coverage.relationship == "self":
        return patient
    if coverage.subscriber is None:
        holds.append(Hold("coverage.subscriber", "a dependent's coverage needs the "
                          "subscriber's demographics"))
        return None
    _person("subscriber", coverage.subscriber, billing, holds)
    return coverage.subscriber


def _practitioner(role: str, who: Practitioner | None, holds: list[Hold]) -> None:
    if who is None:
        holds.append(Hold(role, f"no {role.replace('_', ' ')} recorded for the order"))
        return
    if (why := npi_problem(who.npi)) is not None:
        holds.append(Hold(f"{role}.npi", why))
    if _placeholder(who.family_name, who.given_name):
        holds.append(Hold(f"{role}.name", "a real name is needed (not a stand-in)"))
    if role == "supervising_practitioner" and not who.taxonomy:
        holds.append(Hold(f"{role}.taxonomy", "the rendering practitioner's taxonomy "
                          "(PRV*PE) is not recorded"))
    if not who.active:
        holds.append(Hold(f"{role}.active", "the practitioner is not active"))


__all__ = ["PAT01", "SBR01", "TAXONOMY_NOT_ON_NPI", "ClaimFacts", "ClaimParties", "Coverage",
           "CoverageStatus", "PayerIdentity", "Person", "Practitioner", "Priority",
           "Relationship", "Sex", "check_parties", "stand_ins"]
