"""The practice's billing identity and its enrollment with each payer, as data.

What the 837P's 2000A/2010AA/2010AB loops say about the practice (payer-exchange.md §1.2):
the billing NPI (check digit), the EIN (REF*EI), the taxonomy sent on PRV*BI, which must be one
of the taxonomies on the NPI's NPPES record (``npi_taxonomies``, as the practice records them),
a street address with a 9-digit ZIP (a PO Box or lockbox is refused there: it belongs in the
pay-to address, 2010AB NM1*87, only). ``problems()`` lists every rule a value breaks as
(field, message): the API answers them as a 422, the claim check as holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from reimbursement.domain.npi import npi_problem, valid_taxonomy

INFUSION_CLINIC_TAXONOMY = "261QI0500X"  # Clinic/Center - Infusion Therapy (NUCC)
TAXONOMY_NOT_ON_NPI = "taxonomy not on billing NPI"
EnrollmentStatus = Literal["pending", "active", "terminated"]
Problem = tuple[str, str]  # (field, message)

_PO_BOX = re.compile(
    r"\b(P\s*\.?\s*O\s*\.?\s*B(OX)?|POST\s+OFFICE\s+BOX|LOCK\s*BOX|BOX\s+[0-9]+|PMB|"
    r"P\s*\.?\s*O\s*\.?\s*DRAWER|DRAWER\s+[0-9]+)\b", re.IGNORECASE)
_STATE = re.compile(r"^[A-Z]{2}$")
_ZIP = re.compile(r"^[0-9]{5}([0-9]{4})?$")  # ASCII digits (\d would take any script's)
_ZIP9 = re.compile(r"^[0-9]{9}$")
_EIN = re.compile(r"^[0-9]{9}$")


def is_po_box(line: str) -> bool:
    """'PO BOX 12', 'P.O. Box 12', 'Lockbox 7731', 'Box 9', 'PMB 3'... (not 'Boxwood Rd')."""
    return bool(_PO_BOX.search(line))


@dataclass(frozen=True, slots=True)
class PostalAddress:
    line1: str
    city: str
    state: str  # two letters
    postal_code: str  # 5 or 9 digits
    line2: str | None = None

    def problems(self, prefix: str, *, street: bool, zip9: bool) -> list[Problem]:
        out: list[Problem] = []
        if not self.line1.strip():
            out.append((f"{prefix}.line1", "an address needs a first line"))
        if street:
            for name, line in (("line1", self.line1), ("line2", self.line2 or "")):
                if is_po_box(line):
                    out.append((f"{prefix}.{name}", "a PO Box or lockbox is not a street "
                                "address; record it as the pay-to address"))
        if not self.city.strip():
            out.append((f"{prefix}.city", "an address needs a city"))
        if not _STATE.match(self.state):
            out.append((f"{prefix}.state", "two capital letters (e.g. MA)"))
        if zip9 and not _ZIP9.match(self.postal_code):
            out.append((f"{prefix}.postal_code", "the billing address needs the 9-digit ZIP+4"))
        elif not _ZIP.match(self.postal_code):
            out.append((f"{prefix}.postal_code", "5 or 9 digits"))
        return out

    def same_place(self, other: PostalAddress) -> bool:
        """Same first line and 5-digit ZIP, ignoring case and spacing (placeholder check)."""
        return (_squash(self.line1) == _squash(other.line1)
                and self.postal_code[:5] == other.postal_code[:5])


def _squash(text: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", text.upper())


@dataclass(frozen=True, slots=True)
class BillingIdentity:
    """2010AA billing provider (and 2010AB pay-to when set)."""

    name: str
    npi: str
    ein: str  # 9 digits
    npi_taxonomies: tuple[str, ...]  # as listed on the NPI's NPPES record
    address: PostalAddress  # street, 9-digit ZIP
    taxonomy: str = INFUSION_CLINIC_TAXONOMY  # PRV*BI
    pay_to: PostalAddress | None = None  # may be a PO Box / lockbox

    def problems(self) -> list[Problem]:
        out: list[Problem] = []
        if not self.name.strip():
            out.append(("name", "the practice's legal name is required"))
        if (why := npi_problem(self.npi)) is not None:
            out.append(("npi", why))
        if not _EIN.match(self.ein):
            out.append(("ein", "an EIN is 9 digits"))
        for i, code in enumerate(self.npi_taxonomies):
            if not valid_taxonomy(code):
                out.append((f"npi_taxonomies.{i}", "not a NUCC taxonomy code"))
        if not valid_taxonomy(self.taxonomy):
            out.append(("taxonomy", "not a NUCC taxonomy code"))
        elif self.taxonomy not in self.npi_taxonomies:
            out.append(("taxonomy", TAXONOMY_NOT_ON_NPI))
        out += self.address.problems("address", street=True, zip9=True)
        if self.pay_to is not None:
            out += self.pay_to.problems("pay_to_address", street=False, zip9=False)
        return out


@dataclass(frozen=True, slots=True)
class PayerEnrollment:
    """The practice's enrollment with one payer: which NPI and taxonomy it bills under."""

    payer_id: str
    npi: str
    taxonomy: str
    status: EnrollmentStatus
    effective_from: date
    effective_to: date | None = None

    def problems(self, billing: BillingIdentity | None) -> list[Problem]:
        out: list[Problem] = []
        if (why := npi_problem(self.npi)) is not None:
            out.append(("npi", why))
        if not valid_taxonomy(self.taxonomy):
            out.append(("taxonomy", "not a NUCC taxonomy code"))
        if self.effective_to is not None and self.effective_to < self.effective_from:
            out.append(("effective_to", "before effective_from"))
        if billing is not None and not out:
            if self.npi != billing.npi:
                out.append(("npi", "not the practice's billing NPI"))
            elif self.taxonomy not in billing.npi_taxonomies:
                out.append(("taxonomy", TAXONOMY_NOT_ON_NPI))
        return out

    def covers(self, day: date) -> bool:
        return (self.status == "active" and self.effective_from <= day
                and (self.effective_to is None or day <= self.effective_to))
