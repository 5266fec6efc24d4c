"""Practitioners as data: who orders, renders and supervises, identified by NPI.

An NPI is 10 digits starting with 1 or 2 whose last digit is the Luhn check digit computed
over "80840" followed by the first nine digits (CMS, "Requirements for NPI Check Digit").
The taxonomy is a NUCC Health Care Provider Taxonomy code (10 characters, ending in X).
Practitioner names are the clinicians', not the patients': they are not PHI.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Literal, TypedDict
from uuid import UUID

from orders.domain.errors import FieldError

Role = Literal["ordering", "rendering", "supervising"]
ROLES: tuple[Role, ...] = ("ordering", "rendering", "supervising")
NPI_PREFIX = "80840"  # the card issuer prefix of the NPI (ISO 7812), hashed into the check digit
TAXONOMY = re.compile(r"^[0-9]{3}[0-9A-Z]{6}X$")


def luhn_check_digit(payload: str) -> int:
    """The digit that, appended to ``payload``, makes the Luhn sum a multiple of 10."""
    total = 0
    for position, char in enumerate(reversed(payload)):
        digit = int(char)
        if position % 2 == 0:  # the check digit will sit at position 0: double these
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return (10 - total % 10) % 10


def npi_check_digit(first_nine: str) -> int:
    return luhn_check_digit(NPI_PREFIX + first_nine)


def npi_problem(npi: str) -> str | None:
    """Why ``npi`` is not a valid NPI, or None when it is."""
    if len(npi) != 10 or not npi.isascii() or not npi.isdigit():
        return "an NPI is exactly 10 digits"
    if npi[0] not in "12":
        return "an NPI starts with 1 or 2"
    expected = npi_check_digit(npi[:9])
    if int(npi[9]) != expected:
        return (f"check digit is wrong: the last digit must be {expected} (Luhn over "
                f"{NPI_PREFIX} + the first 9 digits)")
    return None


def is_valid_npi(npi: str) -> bool:
    return npi_problem(npi) is None


def taxonomy_problem(code: str) -> str | None:
    if not TAXONOMY.match(code):
        return ("a NUCC taxonomy code is 10 characters: 3 digits, 6 digits or capital letters, "
                "then X (e.g. 2084N0402X)")
    return None


class PractitionerChanges(TypedDict, total=False):
    npi: str
    family_name: str
    given_name: str
    taxonomy: str
    roles: frozenset[Role]
    practice_id: str | None
    active: bool


def validate_practitioner(changes: PractitionerChanges) -> list[FieldError]:
    errors: list[FieldError] = []
    if "npi" in changes and (why := npi_problem(changes["npi"])):
        errors.append(FieldError("npi", why))
    if "taxonomy" in changes and (why := taxonomy_problem(changes["taxonomy"])):
        errors.append(FieldError("taxonomy", why))
    if "roles" in changes and not changes["roles"]:
        errors.append(FieldError("roles", "give at least one role: ordering, rendering, "
                                          "supervising"))
    for name in ("family_name", "given_name"):
        if name in changes and not str(changes[name]).strip():
            errors.append(FieldError(name, "must not be blank"))
    return errors


@dataclass
class Practitioner:
    id: UUID
    npi: str
    family_name: str
    given_name: str
    taxonomy: str
    roles: frozenset[Role]
    created_at: datetime
    updated_at: datetime
    practice_id: str | None = None  # None: works for the whole center
    active: bool = True
    version: int = 0

    def can_act_as(self, role: Role) -> bool:
        return self.active and role in self.roles

    def visible_to(self, practice_id: str | None) -> bool:
        """Center staff (no practice) see every practitioner; a practice sees the center's
        and its own."""
        return practice_id is None or self.practice_id in (None, practice_id)

    def apply(self, changes: PractitionerChanges, at: datetime) -> None:
        for name, value in changes.items():
            setattr(self, name, value)
        self.updated_at = at


def role_problem(practitioner: Practitioner | None, role: Role,
                 practice_id: str | None) -> str | None:
    """Why this practitioner cannot act in ``role`` for an order of ``practice_id``."""
    if practitioner is None or not practitioner.visible_to(practice_id):
        return "unknown practitioner"
    if not practitioner.active:
        return "the practitioner is inactive"
    if role not in practitioner.roles:
        return f"the practitioner does not have the {role} role"
    return None
