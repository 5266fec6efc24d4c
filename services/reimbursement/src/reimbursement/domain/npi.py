"""Provider identifiers: the NPI check digit and the shape of a NUCC taxonomy code.

NPI (CMS "Requirements for National Provider Identifier (NPI) and NPI Check Digit"): ten
digits, the first 1 (individual) or 2 (organization); the last is a Luhn check digit computed
over the card-issuer prefix ``80840`` followed by the first nine digits. Equivalently: the Luhn
sum of the nine digits plus 24 (the doubled-and-summed prefix) decides the check digit.
"""

from __future__ import annotations

import re

NPI_PREFIX = "80840"  # ISO 7812 issuer identifier for US health applications
_DIGITS = re.compile(r"^[0-9]+$")  # ASCII only: str.isdigit() accepts other scripts' digits
_TAXONOMY = re.compile(r"^[0-9]{3}[0-9A-Z]{6}X$")


def npi_check_digit(first_nine: str) -> int:
    """The check digit the NPI whose first nine digits are ``first_nine`` must end with."""
    if len(first_nine) != 9 or not _DIGITS.match(first_nine):
        raise ValueError("an NPI check digit is computed over nine digits")
    total = 0
    # Luhn: from the right of the payload (the check digit not yet appended), double every
    # other digit starting with the rightmost, and add the digits of each product.
    for i, ch in enumerate(reversed(NPI_PREFIX + first_nine)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            d = d - 9 if d > 9 else d
        total += d
    return (10 - total % 10) % 10


def valid_npi(npi: str) -> bool:
    """Ten digits, first 1 or 2, last the Luhn check digit over 80840 + the first nine."""
    if len(npi) != 10 or not _DIGITS.match(npi) or npi[0] not in "12":
        return False
    return npi_check_digit(npi[:9]) == int(npi[9])


def npi_problem(npi: str) -> str | None:
    """Why ``npi`` is not an NPI (a message for a 422 or a hold), or None when it is one."""
    if len(npi) != 10 or not _DIGITS.match(npi):
        return "an NPI is 10 digits"
    if npi[0] not in "12":
        return "an NPI starts with 1 or 2"
    if not valid_npi(npi):
        return "NPI check digit does not match"
    return None


def valid_taxonomy(code: str) -> bool:
    """A NUCC Health Care Provider Taxonomy code: 10 characters ending in X (e.g. 261QI0500X)."""
    return bool(_TAXONOMY.match(code))
