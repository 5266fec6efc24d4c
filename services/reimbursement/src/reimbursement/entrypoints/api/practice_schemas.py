"""API shapes of what the practice records: its billing identity and payer enrollments (admin),
and the NDC of a drug given without one."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field

from chairside_shared.inputs import Day
from reimbursement.entrypoints.api.schemas import NDC_PATTERN, In, Out

TAXONOMY_PATTERN = r"^[0-9]{3}[0-9A-Z]{6}X$"
Taxonomy = Annotated[str, Field(pattern=TAXONOMY_PATTERN, examples=["261QI0500X"],
                                description="NUCC Health Care Provider Taxonomy code")]
Npi = Annotated[str, Field(pattern=r"^[12]\d{9}$", examples=["1234567893"],
                           description="10 digits, first 1 or 2, Luhn check digit over "
                                       "80840 + the first nine (checked: 422 naming `npi`)")]


class AddressIn(In):
    line1: str = Field(min_length=1, max_length=55)
    line2: str | None = Field(None, min_length=1, max_length=55)
    city: str = Field(min_length=1, max_length=30)
    state: str = Field(pattern=r"^[A-Z]{2}$", description="two capital letters (e.g. MA)")
    postal_code: str = Field(pattern=r"^\d{5}(-?\d{4})?$",
                             description="ZIP or ZIP+4; the billing address needs ZIP+4")


class AddressOut(Out):
    line1: str
    line2: str | None
    city: str
    state: str
    postal_code: str


class BillingIdentityIn(In):
    name: str = Field(min_length=1, max_length=60, description="the practice's legal name")
    npi: Npi
    ein: str = Field(pattern=r"^\d{2}-?\d{7}$", description="employer id (EIN), 9 digits")
    taxonomy: Taxonomy = Field("261QI0500X", description="sent on PRV*BI; must be one of "
                               "npi_taxonomies (default: Clinic/Center - Infusion Therapy)")
    npi_taxonomies: list[Taxonomy] = Field(
        min_length=1, max_length=15,
        description="the taxonomies on the billing NPI's NPPES record")
    address: AddressIn = Field(description="a street address (no PO Box or lockbox), ZIP+4")
    pay_to_address: AddressIn | None = Field(
        None, description="where payment goes (2010AB), may be a PO Box or lockbox")


class BillingIdentityOut(Out):
    name: str
    npi: str
    ein: str
    taxonomy: str
    npi_taxonomies: list[str]
    address: AddressOut
    pay_to_address: AddressOut | None


class EnrollmentIn(In):
    npi: Npi = Field(description="the NPI enrolled with the payer (the billing NPI)")
    taxonomy: Taxonomy = Field(description="the taxonomy billed to this payer (PRV*BI)")
    status: Literal["pending", "active", "terminated"]
    effective_from: Day
    effective_to: Day | None = None


class EnrollmentOut(Out):
    payer_id: str
    npi: str
    taxonomy: str
    status: Literal["pending", "active", "terminated"]
    effective_from: date
    effective_to: date | None


class EnrollmentPage(Out):
    items: list[EnrollmentOut]
    next_cursor: str | None = None


class NdcIn(In):
    """The NDC (and lot) of a drug the MAR recorded without one."""

    ndc: str = Field(min_length=10, max_length=13, pattern=NDC_PATTERN)
    lot: str | None = Field(None, min_length=1, max_length=40, pattern=r"^[A-Za-z0-9\-]+$")
