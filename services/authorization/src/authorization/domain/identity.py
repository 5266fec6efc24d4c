"""Who a PAS request or an eligibility inquiry is about and who sends it, as read at the moment
of disclosure: the one model of orders' payer identity in this service.

Orders owns patient demographics, coverages and practitioners; this service reads them (purpose
payment) when it builds a PAS request or a 270 and keeps nothing (docs:
notes/identity-contract.md). The
practice's own identity (the requestor organization) is this service's configuration. A PAS
request is only sent when everything the Da Vinci PAS 2.2.1 profiles require is known:
``pas_parties`` names each missing item instead (never a stand-in).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal
from uuid import UUID

Sex = Literal["female", "male", "unknown"]
Relationship = Literal["self", "spouse", "child", "other"]

NPI_RE = re.compile(r"^[12]\d{9}$")
EIN_RE = re.compile(r"^\d{9}$")
TAXONOMY_RE = re.compile(r"^\d{3}[0-9A-Z]{6}X$")  # NUCC provider taxonomy code


def npi_valid(npi: str | None) -> bool:
    """10 digits, first 1 or 2, last = Luhn check digit over 80840 + the first nine
    (payer-exchange.md 1.4: 1234567893 valid, 1234567890 invalid)."""
    if not npi or not NPI_RE.match(npi):
        return False
    total = 0
    for i, ch in enumerate(reversed("80840" + npi[:9])):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return (10 - total % 10) % 10 == int(npi[9])


@dataclass(frozen=True)
class Address:
    line1: str
    city: str
    state: str
    postal_code: str
    line2: str | None = None


@dataclass(frozen=True)
class Person:
    family_name: str
    given_name: str
    birth_date: date | None
    sex: Sex | None
    address: Address | None
    middle_name: str | None = None


@dataclass(frozen=True)
class Practitioner:
    id: str
    npi: str
    family_name: str
    given_name: str
    taxonomy: str | None
    active: bool = True


@dataclass(frozen=True)
class Coverage:
    id: UUID
    payer_id: str
    member_id: str
    relationship: Relationship
    plan_id: str | None = None
    group_number: str | None = None
    subscriber: Person | None = None  # required unless relationship == "self"
    status: str = "active"


@dataclass(frozen=True)
class PayerIdentity:
    """orders' payer-identity answer (purpose=payment): for an order
    (``GET /v1/orders/{id}/payer-identity``) or for a patient and payer without an order
    (``GET /v1/patients/{id}/payer-identity?payer_id=``, then ``order_id`` is None). Read, used
    once, kept nowhere."""

    order_id: UUID | None
    patient_id: UUID
    patient: Person | None
    coverage: Coverage | None
    ordering: Practitioner | None


@dataclass(frozen=True)
class Requestor:
    """The practice sending the request (PASRequestor): configuration, not PHI."""

    name: str | None
    npi: str | None
    ein: str | None


@dataclass(frozen=True)
class DrugCode:
    """A catalog drug's RxNorm clinical drug (and optionally its NDC), from the shipped map."""

    drug_code: str
    rxcui: str | None
    rxnorm_name: str | None = None
    ndc: str | None = None


@dataclass(frozen=True)
class Medication:
    """The drug behind one requested HCPCS line, as the order gave it."""

    hcpcs: str
    drug_code: str
    dose: Decimal
    dose_unit: str
    code: DrugCode | None


@dataclass(frozen=True)
class PasParties:
    """Everything a conformant PAS request needs beyond the case itself."""

    patient: Person
    coverage: Coverage
    ordering: Practitioner
    requestor: Requestor
    insurer_name: str
    medications: tuple[Medication, ...]


def _person_missing(who: str, p: Person) -> list[str]:
    missing = []
    if not p.family_name.strip() or not p.given_name.strip():
        missing.append(f"{who} name")
    if p.birth_date is None:
        missing.append(f"{who} birth date")
    if p.sex is None:
        missing.append(f"{who} administrative sex")
    a = p.address
    if a is None or not (a.line1.strip() and a.city.strip() and a.state and a.postal_code):
        missing.append(f"{who} address")
    return missing


def _coverage_missing(c: Coverage | None, payer_id: str) -> list[str]:
    if c is None:
        return [f"coverage with payer {payer_id}"]
    missing = []
    if c.payer_id != payer_id:
        missing.append(f"coverage with payer {payer_id} (the order's coverage is with "
                       f"{c.payer_id})")
    if c.status != "active":
        missing.append("active coverage")
    if not c.member_id.strip():
        missing.append("member id")
    if not (c.plan_id or c.group_number):
        missing.append("coverage plan or group number")
    if c.relationship != "self":
        if c.subscriber is None:
            missing.append(f"subscriber demographics (patient is the subscriber's "
                           f"{c.relationship})")
        else:
            missing += _person_missing("subscriber", c.subscriber)
    return missing


def _ordering_missing(p: Practitioner | None) -> list[str]:
    if p is None:
        return ["ordering practitioner"]
    missing = []
    if not npi_valid(p.npi):
        missing.append("ordering practitioner NPI (valid check digit)")
    if not p.family_name.strip():
        missing.append("ordering practitioner name")
    if not p.taxonomy or not TAXONOMY_RE.match(p.taxonomy):
        missing.append("ordering practitioner taxonomy (NUCC)")
    return missing


def _requestor_missing(r: Requestor) -> list[str]:
    missing = []
    if not r.name:
        missing.append("requestor organization name (setting AUTHORIZATION_PRACTICE_NAME)")
    if not npi_valid(r.npi):
        missing.append("requestor organization NPI (setting AUTHORIZATION_PRACTICE_NPI)")
    if not r.ein or not EIN_RE.match(r.ein):
        missing.append("requestor organization EIN (setting AUTHORIZATION_PRACTICE_EIN)")
    return missing


def pas_parties(
    identity: PayerIdentity | None, *, payer_id: str, requestor: Requestor,
    insurer_name: str | None, medications: tuple[Medication, ...], hcpcs: tuple[str, ...],
    diagnoses: tuple[str, ...],
) -> PasParties | list[str]:
    """The parties of a PAS request, or each item that is missing (never a stand-in)."""
    missing: list[str] = []
    if identity is None:
        missing.append("payer identity of the order (orders has none)")
    else:
        if identity.patient is None:
            missing.append("patient demographics")
        else:
            missing += _person_missing("patient", identity.patient)
        missing += _coverage_missing(identity.coverage, payer_id)
        missing += _ordering_missing(identity.ordering)
    missing += _requestor_missing(requestor)
    if not insurer_name:
        missing.append(f"payer {payer_id} configuration (insurer name)")
    if not diagnoses:
        missing.append("diagnosis (ICD-10-CM)")
    for code in hcpcs:
        med = next((m for m in medications if m.hcpcs == code), None)
        if med is None:
            missing.append(f"ordered drug for {code}")
        elif med.code is None or not med.code.rxcui:
            missing.append(f"RxNorm code for {med.drug_code} (data/rxnorm.json or setting "
                           "AUTHORIZATION_RXNORM_CODES)")
    if missing or identity is None:
        return missing
    assert identity.patient and identity.coverage and identity.ordering and insurer_name
    return PasParties(patient=identity.patient, coverage=identity.coverage,
                      ordering=identity.ordering, requestor=requestor,
                      insurer_name=insurer_name, medications=medications)
