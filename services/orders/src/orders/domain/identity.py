"""Who the patient is and who pays: demographics and coverages, as plain data.

These are PHI. They live in the domain as values so the rules can be stated plainly, and
leave it only towards the caller (over HTTP) and the database (encrypted by the adapters):
never in events, logs, span attributes, metrics or exception messages.

The patient's birth date and sex are clinical facts the safety checks read
(``PatientFacts``); demographics do not keep a second copy: a ``Person`` is assembled from
the facts and the demographic record, so the two can never disagree.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Literal, TypedDict
from uuid import UUID

from orders.domain.errors import FieldError
from orders.domain.patient import PatientFacts, Sex

AdminSex = Literal["female", "male", "unknown"]
Relationship = Literal["self", "spouse", "child", "other"]
Priority = Literal["primary", "secondary", "tertiary"]
CoverageStatus = Literal["active", "ended"]
Purpose = Literal["treatment", "payment", "operations"]
PURPOSES: tuple[Purpose, ...] = ("treatment", "payment", "operations")
PRIORITY_RANK: dict[Priority, int] = {"primary": 0, "secondary": 1, "tertiary": 2}

# Field names as the audit log lists them (what a read disclosed).
PERSON_FIELDS = ("family_name", "given_name", "middle_name", "birth_date", "sex", "address",
                 "phone")
COVERAGE_FIELDS = ("payer_id", "plan_id", "member_id", "group_number", "relationship",
                   "subscriber", "priority", "effective_from", "effective_to", "status")


@dataclass(frozen=True)
class Address:
    line1: str
    city: str
    state: str
    postal_code: str
    line2: str | None = None


@dataclass(frozen=True)
class Person:
    """A person as a payer knows them (the contract's Person shape)."""

    family_name: str
    given_name: str
    birth_date: date
    sex: AdminSex
    address: Address
    middle_name: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class Demographics:
    """The patient's own identifying details, beside the clinical facts (birth date and sex
    are read from ``PatientFacts``)."""

    patient_id: UUID
    family_name: str
    given_name: str
    address: Address
    updated_at: datetime
    middle_name: str | None = None
    phone: str | None = None
    version: int = 0

    def person(self, facts: PatientFacts) -> Person:
        return Person(family_name=self.family_name, given_name=self.given_name,
                      middle_name=self.middle_name, birth_date=facts.birth_date,
                      sex=admin_sex(facts.sex), address=self.address, phone=self.phone)


def admin_sex(sex: Sex) -> AdminSex:
    """Administrative sex as payers take it (X12 DMG03 F/M/U): "other" is not one of them."""
    return sex if sex in ("female", "male") else "unknown"


class CoverageChanges(TypedDict, total=False):
    payer_id: str
    plan_id: str | None
    member_id: str
    group_number: str | None
    relationship: Relationship
    subscriber: Person | None
    priority: Priority
    effective_from: date | None
    effective_to: date | None


@dataclass(frozen=True)
class Coverage:
    """One version of one coverage. A change never edits a version: it writes the next one."""

    id: UUID
    patient_id: UUID
    payer_id: str
    member_id: str
    relationship: Relationship
    priority: Priority
    recorded_at: datetime
    plan_id: str | None = None
    group_number: str | None = None
    subscriber: Person | None = None  # None when the patient is the subscriber
    effective_from: date | None = None
    effective_to: date | None = None
    status: CoverageStatus = "active"
    version: int = 1
    recorded_by: str | None = None

    def in_force_on(self, day: date) -> bool:
        return (self.status == "active"
                and (self.effective_from is None or self.effective_from <= day)
                and (self.effective_to is None or day <= self.effective_to))

    def changed(self, changes: CoverageChanges, *, at: datetime, by: str | None) -> Coverage:
        if self.status == "ended":
            raise CoverageEnded()
        updated = replace(self, **changes, version=self.version + 1, recorded_at=at,
                          recorded_by=by)
        if updated.relationship == "self" and "subscriber" not in changes:
            updated = replace(updated, subscriber=None)
        return updated

    def ended(self, *, on: date, at: datetime, by: str | None) -> Coverage:
        if self.status == "ended":
            raise CoverageEnded()
        end = on if self.effective_to is None or on < self.effective_to else self.effective_to
        if self.effective_from is not None and end < self.effective_from:
            end = self.effective_from
        return replace(self, status="ended", effective_to=end, version=self.version + 1,
                       recorded_at=at, recorded_by=by)


class CoverageEnded(Exception):
    """An ended coverage is history: it is not changed or ended again."""


def validate_coverage(c: Coverage) -> list[FieldError]:
    errors: list[FieldError] = []
    if c.relationship != "self" and c.subscriber is None:
        errors.append(FieldError("subscriber", "required unless relationship is self: give the "
                                               "subscriber's own demographics"))
    if c.relationship == "self" and c.subscriber is not None:
        errors.append(FieldError("subscriber", "leave it out when relationship is self (the "
                                               "patient is the subscriber)"))
    if c.effective_from and c.effective_to and c.effective_to < c.effective_from:
        errors.append(FieldError("effective_to", "is before effective_from"))
    if not c.member_id.strip():
        errors.append(FieldError("member_id", "must not be blank"))
    return errors


def pick_coverage(coverages: list[Coverage], payer_id: str, on: date) -> Coverage | None:
    """The coverage an order for ``payer_id`` bills: in force on ``on``, primary first."""
    candidates = [c for c in coverages if c.payer_id == payer_id and c.in_force_on(on)]
    candidates.sort(key=lambda c: (PRIORITY_RANK[c.priority], c.recorded_at))
    return candidates[0] if candidates else None


# ------------------------------------------------------------------ blind-index inputs
def normalize_for_index(text: str) -> str:
    """Accents, case, spaces and punctuation do not matter to a lookup: 'Ñúñez-O'Brien ' and
    'NUNEZ OBRIEN' are the same key."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return "".join(ch for ch in plain.upper() if ch.isascii() and ch.isalnum())


def name_birth_key(family_name: str, given_name: str, birth_date: date) -> str:
    return (f"{normalize_for_index(family_name)}|{normalize_for_index(given_name)}|"
            f"{birth_date.isoformat()}")


def member_key(member_id: str) -> str:
    return normalize_for_index(member_id)


@dataclass(frozen=True)
class AccessRecord:
    """One disclosure of PHI, as the append-only audit keeps it (who, whose, what, why)."""

    at: datetime
    client_id: str | None
    user_id: str | None
    patient_id: UUID
    resource: str  # demographics | coverages | coverage-history | payer-identity | lookup
    action: str  # read | write | lookup
    fields: tuple[str, ...]
    purpose: Purpose
    practice_id: str | None = None
